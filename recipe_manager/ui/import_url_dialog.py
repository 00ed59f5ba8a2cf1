"""File > Import from Web Address…: ask for the address, fetch the page off the UI thread
with a busy indicator the cook can cancel, then show the import preview.

Nothing is fetched until the cook presses Fetch; only the page itself is fetched (see
io.web). A failure is shown as the io error's message, which says what happened.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QProgressDialog, QWidget

from ..domain import Recipe


class _Result(QObject):
    """Carries the worker thread's outcome back to the UI thread (queued signals)."""

    done = Signal(object)
    failed = Signal(str)


class UrlImport(QObject):
    """One fetch: the address dialog, then the progress dialog, then `on_recipes`."""

    def __init__(
        self,
        parent: QWidget,
        on_recipes: Callable[[str, list[Recipe]], None],
        fetch: Callable[[str], list[Recipe]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._on_recipes = on_recipes
        self._fetch = fetch
        self._result = _Result(self)
        self._result.done.connect(self._done)
        self._result.failed.connect(self._failed)
        self._cancelled = False
        self.url = ""
        self.progress: QProgressDialog | None = None
        self.thread: threading.Thread | None = None
        self.ask = QInputDialog(parent, objectName="importUrlDialog")
        self.ask.setWindowTitle("Import from Web Address")
        self.ask.setLabelText("Address of a recipe page (only that page is fetched):")
        self.ask.setTextEchoMode(QLineEdit.EchoMode.Normal)
        self.ask.setOkButtonText("Fetch")
        self.ask.resize(560, self.ask.sizeHint().height())
        self.ask.textValueSelected.connect(self.start)

    def open(self) -> None:
        self.ask.open()

    def start(self, url: str) -> None:
        """Fetch `url` on a worker thread; the window stays responsive meanwhile."""
        url = url.strip()
        if not url:
            return
        self.url = url
        self._cancelled = False
        self.progress = QProgressDialog(
            f"Fetching {url}…", "Cancel", 0, 0, self._parent, objectName="importUrlProgress"
        )
        self.progress.setWindowTitle("Import from Web Address")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.canceled.connect(self._cancel)
        self.progress.open()
        fetch = self._fetch or _import_url
        result = self._result

        def work() -> None:
            try:
                recipes = fetch(url)
            except ValueError as error:  # RecipeImportError and PageFetchError
                result.failed.emit(str(error))
            except Exception as error:
                result.failed.emit(f"{url}: the page could not be imported ({error})")
            else:
                result.done.emit(recipes)

        self.thread = threading.Thread(target=work, name="import-url", daemon=True)
        self.thread.start()

    def _cancel(self) -> None:
        self._cancelled = True

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self._cancel)
            self.progress.close()
            self.progress = None

    def _done(self, recipes: list[Recipe]) -> None:
        self._close_progress()
        if not self._cancelled:
            self._on_recipes(self.url, recipes)

    def _failed(self, message: str) -> None:
        self._close_progress()
        if self._cancelled:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Import from Web Address", message, parent=self._parent
        )
        box.setObjectName("importProblems")
        box.setTextFormat(Qt.TextFormat.PlainText)
        # Once read, the address comes back to be corrected, as typed, rather than lost.
        box.finished.connect(self._ask_again)
        box.open()

    def _ask_again(self) -> None:
        self.ask.setTextValue(self.url)
        self.ask.open()


def _import_url(url: str) -> list[Recipe]:
    from ..io import import_url

    return import_url(url)
