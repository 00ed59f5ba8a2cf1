"""The import preview (what each file gave, before anything is saved) and the export
choices (the selection or the whole library, and the format).

One row per recipe found, with its counts and the ingredient lines that could not be
read; a recipe that looks like one in the library (same title and ingredient lines)
offers skip, replace or keep both. Accepting hands the choices to a callback, so the main
window decides how to store them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain import Recipe
from ..domain.display import display_line
from ..io import (
    EXPORT_FORMATS,
    Decision,
    ImportPreview,
    RecipeImportError,
    apply_decisions,
    export_recipes,
    import_file,
    import_text,
    preview_import,
)
from ..io.reading import IMPORT_SUFFIXES

OnImport = Callable[[list[Recipe], list[Recipe]], None]
#: The library's recipes to check an import against: a list, or (so that a big library is
#: never copied on the UI thread) a function giving those that could be duplicates of the
#: recipes being imported (the same titles).
Known = list[Recipe] | Callable[[list[Recipe]], list[Recipe]]
_CHOICES = (
    ("Skip", Decision.SKIP),
    ("Replace", Decision.REPLACE),
    ("Keep both", Decision.KEEP_BOTH),
)
_COLUMNS = ("Recipe", "Ingredients", "Steps", "Parts", "Lines not read", "Already in library")


class ImportPreviewDialog(QDialog):
    """Non-blocking preview; `on_import(added, replaced)` runs when the user accepts."""

    def __init__(self, parent: QWidget, preview: ImportPreview, on_import: OnImport) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle("Import recipes")
        self.resize(760, 460)
        self.preview = preview
        self._on_import = on_import

        count = len(preview.items)
        summary = QLabel(
            f"Found {count} recipe{'s' if count != 1 else ''} in {preview.source}. "
            "Nothing is saved until you press Import.",
            objectName="importSummary",
        )
        summary.setTextFormat(Qt.TextFormat.PlainText)  # the source names a file or page
        summary.setWordWrap(True)
        self.table = QTableWidget(count, len(_COLUMNS), objectName="importTable")
        self.table.setHorizontalHeaderLabels(_COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, item in enumerate(preview.items):
            values = (
                display_line(item.recipe.title) or "(untitled)",
                str(item.ingredient_count),
                str(item.step_count),
                str(item.component_count),
                str(len(item.not_understood)),
            )
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, cell)
            if item.duplicate_of is not None:
                self.table.setCellWidget(row, len(values), self._decision_box(row))
            else:
                self.table.setItem(row, len(values), QTableWidgetItem("—"))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.details = QPlainTextEdit(objectName="importDetails", readOnly=True)
        self.details.setMaximumHeight(130)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_details(row))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        if count:
            self.table.selectRow(0)
            self._show_details(0)

    def _decision_box(self, row: int) -> QComboBox:
        box = QComboBox(objectName=f"importDecision{row}")
        box.setAccessibleName("What to do with this duplicate")
        for label, decision in _CHOICES:
            box.addItem(label, decision)
        box.currentIndexChanged.connect(
            lambda index: setattr(self.preview.items[row], "decision", box.itemData(index))
        )
        return box

    def _show_details(self, row: int) -> None:
        if not 0 <= row < len(self.preview.items):
            return
        item = self.preview.items[row]
        lines = []
        if item.duplicate_of is not None:
            lines.append("Looks like a recipe already in the library (same title and ingredients).")
        if item.not_understood:
            lines.append("Ingredient lines that could not be read (kept as written):")
            lines.extend(f"  {text}" for text in item.not_understood)
        if not lines:
            lines.append("Every ingredient line was read.")
        self.details.setPlainText("\n".join(lines))

    def accept(self) -> None:
        added, replaced = apply_decisions(self.preview)
        super().accept()
        self._on_import(added, replaced)


def open_import_preview(
    parent: QWidget,
    source: str,
    recipes: list[Recipe],
    library: Known,
    on_import: OnImport,
) -> ImportPreviewDialog:
    known = library(recipes) if callable(library) else library
    dialog = ImportPreviewDialog(parent, preview_import(recipes, known, source), on_import)
    dialog.open()
    return dialog


def import_paths(
    parent: QWidget, paths: Iterable[str | Path], library: Known, on_import: OnImport
) -> ImportPreviewDialog | None:
    """File > Import… and drag and drop: read every file, say which failed and why, and
    preview what was found. Returns the preview (None when nothing could be read)."""
    recipes: list[Recipe] = []
    problems: list[str] = []
    names: list[str] = []
    for path in map(Path, paths):
        try:
            recipes.extend(import_file(path))
            names.append(path.name)
        except RecipeImportError as error:
            problems.append(str(error))
    if problems:
        _warn(parent, "Some files could not be imported", problems)
    if not recipes:
        return None
    source = names[0] if len(names) == 1 else f"{len(names)} files"
    return open_import_preview(parent, source, recipes, library, on_import)


def import_clipboard(
    parent: QWidget, library: Known, on_import: OnImport
) -> ImportPreviewDialog | None:
    """Ctrl+Shift+V: a copied page (its HTML), JSON or a blog post's text."""
    mime = QGuiApplication.clipboard().mimeData()
    if mime is not None and mime.hasUrls() and all(url.isLocalFile() for url in mime.urls()):
        return import_paths(parent, [url.toLocalFile() for url in mime.urls()], library, on_import)
    text = mime.html() if mime is not None and mime.hasHtml() else ""
    plain = mime.text() if mime is not None and mime.hasText() else ""
    for candidate in (text, plain):
        if not candidate.strip():
            continue
        try:
            recipes = import_text(candidate, "the clipboard")
        except RecipeImportError:
            continue
        return open_import_preview(parent, "the clipboard", recipes, library, on_import)
    _warn(parent, "Nothing to import", ["the clipboard: no recipe found in what was copied"])
    return None


def _warn(parent: QWidget, title: str, problems: list[str]) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, "\n".join(problems), parent=parent)
    box.setObjectName("importProblems")
    box.setTextFormat(Qt.TextFormat.PlainText)  # file names and messages quote what was read
    box.open()


_UNSAFE_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')

_FORMAT_LABELS = {
    "json": "Recipe Manager JSON (lossless)",
    "jsonld": "schema.org Recipe (JSON-LD)",
    "markdown": "Markdown",
    "cooklang": "Cooklang",
    "paprika": "Paprika",
}


def open_import_file_dialog(parent: QWidget, library: Known, on_import: OnImport) -> QFileDialog:
    """File > Import…: choose files without blocking, then preview them."""
    patterns = " ".join(f"*{suffix}" for suffix in IMPORT_SUFFIXES)
    dialog = QFileDialog(parent, "Import recipes", "", f"Recipes ({patterns});;All files (*)")
    dialog.setObjectName("importFileDialog")
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.filesSelected.connect(lambda files: import_paths(parent, files, library, on_import))
    dialog.open()
    return dialog


class ExportDialog(QDialog):
    """What to export (the selected recipe or the whole library) and in which format;
    then a file dialog for where. `on_done(message)` reports the outcome."""

    def __init__(
        self,
        parent: QWidget,
        selected: list[Recipe],
        library: list[Recipe],
        on_done: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportOptions")
        self.setWindowTitle("Export recipes")
        self._selected, self._library, self._on_done = selected, library, on_done
        self.scope = QComboBox(objectName="exportScope")
        if selected:
            self.scope.addItem(f"Selected: {display_line(selected[0].title)}", "selection")
        self.scope.addItem(f"Whole library ({len(library)} recipes)", "library")
        self.format = QComboBox(objectName="exportFormat")
        for name in EXPORT_FORMATS:
            self.format.addItem(_FORMAT_LABELS[name], name)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Export", self.scope)
        form.addRow("Format", self.format)
        form.addRow(buttons)

    def recipes(self) -> list[Recipe]:
        return self._selected if self.scope.currentData() == "selection" else self._library

    def accept(self) -> None:
        super().accept()
        name = self.format.currentData()
        suffix = EXPORT_FORMATS[name]
        recipes = self.recipes()
        # A title names the file on one line, without any character that would make it a
        # path ("../", a drive) or that some systems refuse in a name.
        default = (
            _UNSAFE_IN_NAMES.sub("-", display_line(recipes[0].title, 80)).strip(". ") or "recipe"
            if len(recipes) == 1
            else "recipes"
        )
        files = QFileDialog(self.parentWidget(), "Export recipes", f"{default}{suffix}")
        files.setObjectName("exportFileDialog")
        files.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        files.setNameFilter(f"{_FORMAT_LABELS[name]} (*{suffix})")
        files.setDefaultSuffix(suffix.lstrip("."))
        files.fileSelected.connect(lambda path: self._write(recipes, path, name))
        files.open()

    def _write(self, recipes: list[Recipe], path: str, name: str) -> None:
        try:
            export_recipes(recipes, path, name)
        except OSError as error:
            _warn(self.parentWidget(), "Export failed", [f"{Path(path).name}: {error.strerror}"])
            return
        self._on_done(f"Exported {len(recipes)} recipe(s) to {Path(path).name}")


def open_export_dialog(
    parent: QWidget, selected: list[Recipe], library: list[Recipe], on_done: Callable[[str], None]
) -> ExportDialog:
    dialog = ExportDialog(parent, selected, library, on_done)
    dialog.open()
    return dialog
