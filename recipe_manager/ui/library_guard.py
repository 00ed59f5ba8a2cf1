"""Keeping the open library in step with the disk: another program's changes, sync-tool
conflict copies, backups to restore, and the one-writer lock. The storage layer decides;
this module only asks the cook and reports."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from ..storage import LibraryError

if TYPE_CHECKING:
    from ..storage import BackupInfo, RecipeLibrary

SYNC_SETTLE_MS = 300  # sync tools write in bursts: reload once they have finished
WRITER_CHECK_MS = 2000


class LibraryGuard(QObject):
    """Watches the library file and offers what the storage layer can do about changes.

    `refresh` reloads the list from the library; `report` shows a message that must stay
    (a banner) and `clear_report` takes it away; `notify` shows a passing one (the status bar).
    """

    #: A backup was restored: the recipes before and after, and the backup's label (for undo).
    restored = Signal(object, object, str)

    def __init__(
        self,
        parent: QWidget,
        library: RecipeLibrary,
        refresh: Callable[[], None],
        report: Callable[[str], None],
        clear_report: Callable[[], None],
        notify: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self._window = parent
        self.library = library
        self._refresh, self._report, self._notify = refresh, report, notify
        self._clear_report = clear_report
        self._seen_reloads = library.reloads
        self._merge_box: QMessageBox | None = None
        path = library.path
        # Watch the folder too: an atomic replace gives the file a new inode, and the
        # watcher may stop following the old path.
        self._watcher = QFileSystemWatcher([str(path), str(path.parent)], self)
        self._watcher.fileChanged.connect(self._touched)
        self._watcher.directoryChanged.connect(self._touched)
        self._settle = QTimer(self, singleShot=True, interval=SYNC_SETTLE_MS)
        self._settle.timeout.connect(self.reload)
        # A read-only window asks now and then whether the writing one has closed: closing
        # it changes nothing on disk for the watcher to see.
        self._writer_check = QTimer(self, interval=WRITER_CHECK_MS)
        self._writer_check.timeout.connect(self.reload)
        if library.read_only:
            self._writer_check.start()

    @property
    def path(self) -> Path:
        return self.library.path

    def saved(self) -> None:
        """After our own save: it may have taken in another program's change first."""
        if self.library.reloads != self._seen_reloads:
            self._seen_reloads = self.library.reloads
            self._refresh()

    def _touched(self, _path: str) -> None:
        if str(self.path) not in self._watcher.files() and self.path.exists():
            self._watcher.addPath(str(self.path))
        self._settle.start()

    def reload(self) -> None:
        """Take in what another program wrote; recipes open in an editor stay there."""
        try:
            changed = self.library.reload_if_changed()
        except LibraryError as error:
            self._report(f"{error}\nYour recipes are still open here; saving writes them back.")
            return
        if changed:
            self._seen_reloads = self.library.reloads
            self._refresh()
            self._notify("The library was updated from disk")
        if self.library.read_only and self.library.try_become_writable():
            self._writer_check.stop()
            self._clear_report()
            self._refresh()
            self._notify("The other window closed: this one can save again")
        self.offer_conflict_merges()

    # Sync-tool conflict copies ---------------------------------------------------------------

    def offer_conflict_merges(self) -> None:
        if self.library.read_only or self._merge_box is not None:
            return
        copies = self.library.find_conflict_copies()
        if not copies:
            return
        self._merge_box = self._ask(
            "mergeConflictsBox",
            "Conflicting copies",
            f"Your sync tool left {len(copies)} conflicting "
            f"{'copy' if len(copies) == 1 else 'copies'} of the library beside it. Merge them "
            "recipe by recipe? The newer edit of each recipe wins; nothing is removed.",
            lambda: self.merge(copies),
        )
        self._merge_box.finished.connect(self._merge_box_closed)

    def _merge_box_closed(self, _result: int) -> None:
        self._merge_box = None

    def merge(self, copies: list[Path]) -> None:
        lines = []
        for copy in copies:
            try:
                report = self.library.merge_conflict_copy(copy)
            except LibraryError as error:
                lines.append(f"{copy.name}: not merged: {error}")
                continue
            lines.append(
                f"{copy.name}: {len(report.added)} added, {len(report.updated)} updated, "
                f"{report.kept_ours} kept as they are here"
            )
        self._refresh()
        self._report("\n".join(lines))

    # Backups ---------------------------------------------------------------------------------

    def choose_backup(self) -> QInputDialog | None:
        """File > Restore Backup…: each backup's date and recipe count, then restore."""
        backups = self.library.list_backups()
        if not backups:
            self._notify("There are no backups yet")
            return None
        labels = [_backup_label(info) for info in backups]
        dialog = QInputDialog(self._window, objectName="restoreBackupDialog")
        dialog.setWindowTitle("Restore Backup")
        dialog.setLabelText(
            "Replace the library with this backup (the library as it is now is backed up first):"
        )
        dialog.setComboBoxItems(labels)
        dialog.textValueSelected.connect(lambda text: self.restore(backups[labels.index(text)]))
        dialog.open()
        _no_default_button(dialog)
        return dialog

    def offer_restore(self, info: BackupInfo) -> None:
        """After a bad library was moved aside: bring back the newest good backup?"""
        self._ask(
            "restoreOfferBox",
            "Restore a backup?",
            f"Restore the backup from {_backup_label(info)}? "
            "Otherwise you keep the new, empty library.",
            lambda: self.restore(info),
        )

    def restore(self, info: BackupInfo) -> None:
        try:
            before = self.library.recipes()
            count = self.library.restore_backup(info)
            after = self.library.recipes()
        except LibraryError as error:
            self._report(f"The backup was not restored: {error}")
            return
        self._refresh()
        self._notify(f"Restored {count} recipes from the backup of {_backup_label(info)}")
        self.restored.emit(before, after, _backup_label(info))

    def _ask(self, name: str, title: str, question: str, on_yes: Callable[[], None]) -> QMessageBox:
        """A yes/no question that never blocks: the answer arrives as a signal."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self._window,
        )
        box.setObjectName(name)
        box.setTextFormat(Qt.TextFormat.PlainText)
        # A stray Enter answers No: nothing is merged or replaced without a deliberate Yes.
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.accepted.connect(on_yes)
        box.open()
        return box


def _no_default_button(dialog: QWidget) -> None:
    """Enter alone does not press OK: replacing the library takes a click or Alt+O."""
    from PySide6.QtWidgets import QPushButton

    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)


def _backup_label(info: BackupInfo) -> str:
    count = info.recipe_count
    return f"{info.taken_at.astimezone():%Y-%m-%d %H:%M}, {count} recipe{'' if count == 1 else 's'}"
