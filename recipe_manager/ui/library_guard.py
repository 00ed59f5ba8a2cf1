"""Keeping the open library in step with the folder: other computers' changes, backups to
restore, the one-writer lock, and the save worker every library write goes through.

The storage layer decides everything; nothing here asks about merging (there is nothing to
ask: every computer writes its own file and the library is their merge). Reading another
computer's changes and every write run off the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QFileSystemWatcher,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox, QWidget

from ..storage import LibraryError

if TYPE_CHECKING:
    from ..domain import Recipe
    from ..storage import BackupInfo, RecipeLibrary

SYNC_SETTLE_MS = 300  # sync tools write in bursts: reload once they have finished
POLL_MS = 3000  # network shares send no change notices: look now and then
WRITER_CHECK_MS = 2000


class _Signals(QObject):
    done = Signal(object, object)  # result, error message or None


class _Task(QRunnable):
    """One piece of library work on the save worker; the result comes back queued."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = _Signals()
        self._work = work

    def run(self) -> None:
        try:
            result = self._work()
        except LibraryError as error:
            self.signals.done.emit(None, str(error))
            return
        self.signals.done.emit(result, None)


class SaveWorker(QObject):
    """Library writes (delete, undo, import, restore) one at a time on a worker thread, the
    window showing "Saving…" meanwhile: the UI thread never waits on the disk."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # in order, like the undo stack that queues them
        self._running: set[_Task] = set()

    def run(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None] | None = None,
        failed: Callable[[str], None] | None = None,
    ) -> None:
        task = _Task(work)
        self._running.add(task)

        def finished(result: Any, error: str | None) -> None:
            self._running.discard(task)
            if not self._running:
                self.busy_changed.emit(False)
            if error is not None:
                if failed is not None:
                    failed(error)
            elif done is not None:
                done(result)

        task.signals.done.connect(finished)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        self._pool.start(task)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)


class LibraryGuard(QObject):
    """Follows the library folder and offers what the storage layer can do about changes.

    `refresh` reloads the list from the library; `report` shows a message that must stay
    (a banner) and `clear_report` takes it away; `notify` shows a passing one. `changed`
    carries the ids whose shown version changed (open editors check theirs).
    """

    changed = Signal(object)
    #: `finish_reading` is done: every record shown has been checked in full.
    checked = Signal()
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
        saving_label: QLabel | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = parent
        self.library = library
        self._refresh, self._report, self._notify = refresh, report, notify
        self._clear_report = clear_report
        self._seen_reloads = library.reloads
        self.saver = SaveWorker(self)
        self._reader = QThreadPool(self)
        self._reader.setMaxThreadCount(1)
        self._reading: _Task | None = None
        self._finishing: _Task | None = None  # `finish_reading`'s task, kept alive
        self._known_problems = len(library.problems)
        self._describing: set[_Task] = set()  # kept alive until their answer arrives
        if saving_label is not None:
            self.saver.busy_changed.connect(saving_label.setVisible)
        devices = library.path / "devices"
        self._watcher = QFileSystemWatcher(
            [str(p) for p in (library.path, devices) if p.exists()], self
        )
        self._watcher.directoryChanged.connect(self._touched)
        self._watcher.fileChanged.connect(self._touched)
        self._settle = QTimer(self, singleShot=True, interval=SYNC_SETTLE_MS)
        self._settle.timeout.connect(self.reload)
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self.reload)
        self._poll.start()
        self._writer_check = QTimer(self, interval=WRITER_CHECK_MS)
        self._writer_check.timeout.connect(self._check_writer)
        if library.read_only:
            self._writer_check.start()

    @property
    def path(self) -> Path:
        return self.library.path

    def saved(self) -> None:
        """After our own save: tell open editors what it changed."""
        self.changed.emit(self.library.last_change.ids)

    def _touched(self, _path: str) -> None:
        devices = self.library.path / "devices"
        if devices.exists() and str(devices) not in self._watcher.directories():
            self._watcher.addPath(str(devices))
        self._settle.start()

    def reload(self) -> None:
        """Read what other computers wrote, on a worker; refresh once it is merged."""
        if self._reading is not None:
            return
        task = _Task(self.library.reload_if_changed)
        self._reading = task
        task.signals.done.connect(self._reloaded)
        self._reader.start(task)

    def finish_reading(self) -> None:
        """Check in full, on the reader worker, the records the open took on their outline
        (`RecipeLibrary.finish_reading`): one found bad leaves the list, and is named."""
        if self._finishing is not None:
            return
        self._known_problems = len(self.library.problems)
        # The window keeps the library for the app's life: its documents are frozen out of
        # the garbage collector's walks once decoded, as those loaded before the list were.
        task = _Task(lambda: self.library.finish_reading(freeze=True))
        self._finishing = task
        task.signals.done.connect(self._finished_reading)
        self._reader.start(task)

    def _finished_reading(self, changed: Any, error: str | None) -> None:
        self._finishing = None
        if error is not None:
            self._report(f"{error}\nYour recipes are still open here.")
            self.checked.emit()
            return
        found = self.library.problems[self._known_problems :]
        if found:
            self._report(
                "Some of the library could not be read and was left out:\n" + "\n".join(found[:12])
            )
        if changed:
            self._refresh()
            self.changed.emit(self.library.last_change.ids)
        self.checked.emit()

    def reload_now(self) -> bool:
        """The same, waiting for it (tests, and the read-only window's writer check)."""
        changed = self.library.reload_if_changed()
        self._reloaded(changed, None)
        return changed

    def _reloaded(self, changed: Any, error: str | None) -> None:
        self._reading = None
        if error is not None:
            self._report(f"{error}\nYour recipes are still open here.")
            return
        if changed:
            self._refresh()
            self.changed.emit(self.library.last_change.ids)
            self._notify("The library was updated from another computer or program")

    def _check_writer(self) -> None:
        if self.library.read_only and self.library.try_become_writable():
            self._writer_check.stop()
            self._clear_report()
            self._refresh()
            self._notify("The other window closed: this one can save again")

    def wait(self) -> None:
        """Let running reads and saves finish (closing the window, tests)."""
        self._reader.waitForDone(30000)
        self.saver.wait()

    # Backups ---------------------------------------------------------------------------------

    def choose_backup(self) -> QInputDialog | None:
        """File > Restore Backup…: each backup's date, computer and what it holds."""
        backups = self.library.list_backups()
        if not backups:
            self._notify("There are no backups yet")
            return None
        labels = [self._backup_label(info) for info in backups]
        dialog = QInputDialog(self._window, objectName="restoreBackupDialog")
        dialog.setWindowTitle("Restore Backup")
        dialog.setLabelText(
            "Make the library what this backup holds (the library as it is now is backed up "
            "first, and other computers take the restore in too):"
        )
        dialog.setComboBoxItems(labels)
        dialog.setToolTip("")
        for label in dialog.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)  # titles from a backup are only text

        def describe(text: str) -> None:
            """What the chosen backup holds, read on the reader thread: a backup of 100,000
            recipes takes a second to read, and choosing one must not freeze the window."""
            if text not in labels:
                dialog.setLabelText("")
                return
            dialog.setLabelText(f"Reading the backup of {text}…")
            task = _Task(backups[labels.index(text)].describe)

            def described(result: Any, error: str | None) -> None:
                self._describing.discard(task)
                if dialog.textValue() == text:
                    dialog.setLabelText(str(result) if error is None else error)

            self._describing.add(task)
            task.signals.done.connect(described)
            self._reader.start(task)

        dialog.textValueChanged.connect(describe)
        dialog.textValueSelected.connect(lambda text: self.restore(backups[labels.index(text)]))
        _no_default_button(dialog)
        dialog.open()
        return dialog

    def offer_restore(self, info: BackupInfo) -> None:
        self._ask(
            "restoreOfferBox",
            "Restore a backup?",
            f"Restore the backup from {self._backup_label(info)}?",
            lambda: self.restore(info),
        )

    def restore(self, info: BackupInfo) -> None:
        label = self._backup_label(info)

        def work() -> tuple[list[Recipe], int, list[Recipe]]:
            before = self.library.recipes()
            count = self.library.restore_backup(info)
            return before, count, self.library.recipes()

        def done(result: tuple[list[Recipe], int, list[Recipe]]) -> None:
            before, count, after = result
            self._refresh()
            self.saved()
            self._notify(f"Restored {count} recipes from the backup of {label}")
            self.restored.emit(before, after, label)

        self.saver.run(
            work,
            done,
            lambda message: self._report(f"The backup was not restored: {message}"),
        )

    def _backup_label(self, info: BackupInfo) -> str:
        count = info.recipe_count
        where = self.library.computer_name(info.device) if info.device else "this computer"
        return (
            f"{info.taken_at.astimezone():%Y-%m-%d %H:%M}, {count} "
            f"recipe{'' if count == 1 else 's'}, on {where}"
        )

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
        # A stray Enter answers No: nothing is replaced without a deliberate Yes.
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
