"""The import preview (what will be stored, before anything is saved) and the export
choices (the selection or the whole library, and the format).

The preview lists every recipe found with a check box, and shows the chosen one as the
detail pane will show it, each ingredient line the reader was unsure of marked. "Fix in
editor…" opens the recipe editor on the imported recipe without saving it: what the
editor keeps replaces the recipe in the preview. A recipe that looks like one in the
library (same title and ingredient lines) offers skip, replace or keep both. Accepting
hands the choices to a callback, so the main window decides how to store them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from fractions import Fraction
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..domain import Recipe
from ..domain.display import display_line, recipes_counted
from ..domain.formatting import format_ingredient
from ..domain.view import UnitSystem, View
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
from ..io.preview import RecipePreview
from ..io.reading import IMPORT_SUFFIXES
from .recipe_html import Colours, recipe_html
from .screen_fit import fit_to_screen

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


#: The preview's size where the screen has room; smaller screens get all they have.
PREVIEW_SIZE = QSize(980, 640)


class ImportPreviewDialog(QDialog):
    """Non-blocking preview; `on_import(added, replaced)` runs when the user accepts.

    `library` is the window's library, used only by the editor (its categories, photos);
    nothing is written to it from here.
    """

    def __init__(
        self,
        parent: QWidget,
        preview: ImportPreview,
        on_import: OnImport,
        library: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle("Import recipes")
        self.preview = preview
        self._on_import = on_import
        self._library = library
        self.editor: QDialog | None = None

        count = len(preview.items)
        summary = QLabel(objectName="importSummary")
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setText(
            f"Found {recipes_counted(count)} in {preview.source}. "
            "Check what to import; nothing is saved until you press Import."
        )
        summary.setWordWrap(True)
        self.list = QListWidget(objectName="importList")
        self.list.setAccessibleName("Recipes found")
        # A long title wraps in the list rather than hiding behind a sideways scroll.
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for item in preview.items:
            row = QListWidgetItem(_list_label(item))
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(
                Qt.CheckState.Unchecked if item.decision is Decision.SKIP else Qt.CheckState.Checked
            )
            self.list.addItem(row)
        self.list.currentRowChanged.connect(self._show)
        self.list.itemChanged.connect(self._checked_changed)

        self.view = QTextBrowser(objectName="importRecipeView")
        self.view.setOpenLinks(False)
        self.view.setOpenExternalLinks(False)
        self.notice = QLabel(objectName="importNotice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.decision = QComboBox(objectName="importDecision")
        self.decision.setAccessibleName("What to do with this duplicate")
        for label, decision in _CHOICES:
            self.decision.addItem(label, decision)
        self.decision.currentIndexChanged.connect(self._decision_changed)
        self.edit_button = QPushButton("Fix in Editor…", objectName="importEditButton")
        self.edit_button.setToolTip("Correct this recipe before importing it; nothing is saved yet")
        self.edit_button.clicked.connect(self.edit_current)
        tools = QHBoxLayout()
        tools.addWidget(self.notice, 1)
        tools.addWidget(self.decision)
        tools.addWidget(self.edit_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.view, 1)
        right_layout.addLayout(tools)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setSizes([280, 700])

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        if count:
            self.list.setCurrentRow(0)
        self._update_import_button()
        fit_to_screen(self, PREVIEW_SIZE)

    # What is shown ------------------------------------------------------------------------

    def current_item(self) -> RecipePreview | None:
        row = self.list.currentRow()
        return self.preview.items[row] if 0 <= row < len(self.preview.items) else None

    def _show(self, row: int) -> None:
        item = self.current_item()
        if item is None:
            return
        self.view.setHtml(preview_html(item.recipe, _colours(self)))
        notes = []
        if item.duplicate_of is not None:
            notes.append("Looks like a recipe already in the library (same title and ingredients).")
        unsure = len(item.not_understood)
        if unsure:
            notes.append(
                f"{unsure} ingredient line{'s' if unsure != 1 else ''} could not be read and "
                "will be kept as written (marked ⚠)."
            )
        else:
            notes.append("Every ingredient line was read.")
        self.notice.setText(" ".join(notes))
        self.decision.setVisible(item.duplicate_of is not None)
        if item.duplicate_of is not None:
            self.decision.blockSignals(True)
            index = next(
                (i for i, (_, d) in enumerate(_CHOICES) if d is item.decision),
                0,
            )
            self.decision.setCurrentIndex(index)
            self.decision.blockSignals(False)

    def _checked_changed(self, row_item: QListWidgetItem) -> None:
        row = self.list.row(row_item)
        item = self.preview.items[row]
        checked = row_item.checkState() == Qt.CheckState.Checked
        if not checked:
            item.decision = Decision.SKIP
        elif item.decision is Decision.SKIP:
            item.decision = Decision.KEEP_BOTH if item.duplicate_of is not None else Decision.IMPORT
        if row == self.list.currentRow():
            self._show(row)
        self._update_import_button()

    def _decision_changed(self, index: int) -> None:
        item = self.current_item()
        if item is None or item.duplicate_of is None:
            return
        item.decision = self.decision.itemData(index)
        row_item = self.list.item(self.list.currentRow())
        self.list.blockSignals(True)
        row_item.setCheckState(
            Qt.CheckState.Unchecked if item.decision is Decision.SKIP else Qt.CheckState.Checked
        )
        self.list.blockSignals(False)
        self._update_import_button()

    def _update_import_button(self) -> None:
        chosen = sum(item.decision is not Decision.SKIP for item in self.preview.items)
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        button.setEnabled(chosen > 0)
        button.setText(f"Import {chosen}" if len(self.preview.items) > 1 else "Import")

    # Fixing -------------------------------------------------------------------------------

    def edit_current(self) -> QDialog | None:
        """Open the recipe editor on the shown recipe; what it keeps replaces it here."""
        item = self.current_item()
        if item is None or self.editor is not None:
            return None
        from .recipe_editor import RecipeEditor

        store = _PreviewStore(self._library)
        editor = RecipeEditor(self, store, item.recipe.copy(id=""))  # type: ignore[arg-type]
        row = self.list.currentRow()
        editor.saved.connect(lambda recipe: self._edited(row, recipe))
        editor.finished.connect(lambda _result: setattr(self, "editor", None))
        self.editor = editor
        editor.open()
        return editor

    def _edited(self, row: int, recipe: Recipe) -> None:
        item = self.preview.items[row]
        fresh = preview_import([recipe.copy(id="")], [], self.preview.source).items[0]
        item.recipe = fresh.recipe
        item.ingredient_count = fresh.ingredient_count
        item.step_count = fresh.step_count
        item.component_count = fresh.component_count
        item.not_understood = fresh.not_understood
        self.list.item(row).setText(_list_label(item))
        if row == self.list.currentRow():
            self._show(row)

    def accept(self) -> None:
        if self.editor is not None:
            return
        added, replaced = apply_decisions(self.preview)
        super().accept()
        self._on_import(added, replaced)


class _PreviewStore:
    """What the editor saves into when it fixes an imported recipe: the preview, not the
    library. Categories and photos come from the real library when there is one."""

    def __init__(self, library: Any) -> None:
        self._library = library
        self._kept: dict[str, Recipe] = {}

    def categories(self) -> list[str]:
        return self._library.categories() if self._library is not None else []

    def summaries(self) -> list[Any]:
        """The library's recipes as the editor's completers read them (tags, cuisines)."""
        return self._library.summaries() if self._library is not None else []

    def version_of(self, key: str) -> str | None:
        """Nothing in the preview can change underneath the editor: no version to watch."""
        return None

    def __contains__(self, key: object) -> bool:
        return key in self._kept

    def add(self, recipe: Recipe) -> str:
        key = f"preview-{len(self._kept) + 1}"
        self._kept[key] = recipe
        return key

    def get(self, key: str) -> Recipe:
        return self._kept[key]

    def update(self, recipe: Recipe, *, base: str | None = None) -> Recipe:
        self._kept[recipe.id] = recipe
        return recipe

    def add_media(self, source: Path) -> str:
        if self._library is None:
            raise OSError("photos can be added once the recipe is in the library")
        return self._library.add_media(source)

    def media_path(self, stored: str) -> Path | None:
        return self._library.media_path(stored) if self._library is not None else None


def _list_label(item: RecipePreview) -> str:
    label = display_line(item.recipe.title) or "(untitled)"
    marks = []
    if item.not_understood:
        marks.append(f"⚠ {len(item.not_understood)} unsure")
    if item.duplicate_of is not None:
        marks.append("already in library")
    return f"{label}  —  {', '.join(marks)}" if marks else label


def _colours(widget: QWidget) -> Colours:
    """The detail pane's colours when the dialog belongs to the main window."""
    window = widget.parentWidget()
    if window is not None and hasattr(window, "_colours"):
        return window._colours()
    palette = widget.palette()
    return Colours(
        muted=palette.color(QPalette.ColorRole.PlaceholderText).name(),
        accent=palette.color(QPalette.ColorRole.Link).name(),
    )


def preview_html(recipe: Recipe, colours: Colours, system: str = UnitSystem.ORIGINAL) -> str:
    """The recipe as the detail pane shows it, each unsure ingredient line marked ⚠.

    Every text is escaped by recipe_html; the mark is ours and holds no recipe text.
    """
    html = recipe_html(recipe, View(system=UnitSystem.of(system)), colours)
    mark = " <span style='color:#b3261e'>⚠ <i>not read: kept as written</i></span></li>"
    for component in recipe.components:
        for ingredient in component.ingredients:
            if ingredient.is_heading or ingredient.understood:
                continue
            line = escape(format_ingredient(ingredient, Fraction(1), system))
            plain = f"<li style='margin-bottom:6px'>{line}</li>"
            html = html.replace(plain, plain.removesuffix("</li>") + mark, 1)
    return html


def open_import_preview(
    parent: QWidget,
    source: str,
    recipes: list[Recipe],
    library: Known,
    on_import: OnImport,
) -> ImportPreviewDialog:
    store = getattr(parent, "library", None)
    known = library(recipes) if callable(library) else library
    dialog = ImportPreviewDialog(
        parent, preview_import(recipes, known, source), on_import, library=store
    )
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
        default = recipes[0].title if len(recipes) == 1 else "recipes"
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
        self._on_done(f"Exported {recipes_counted(len(recipes))} to {Path(path).name}")


def open_export_dialog(
    parent: QWidget, selected: list[Recipe], library: list[Recipe], on_done: Callable[[str], None]
) -> ExportDialog:
    dialog = ExportDialog(parent, selected, library, on_done)
    dialog.open()
    return dialog
