"""The recipe editor: every field, a live reading of each ingredient line, and safe saves."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, partial
from html import escape
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, QRunnable, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain import Recipe, parse_ingredient
from ..domain.display import display_line
from ..domain.limits import MAX_WHOLE_NUMBER, field_problems
from ..domain.quantities import format_fraction
from ..domain.recipe_text import (
    EDITOR_PARAGRAPH,
    clean_pasted_ingredients,
    clean_pasted_steps,
    components_from_editor_text,
    editor_heading,
    editor_ingredients_text,
    editor_items_from_text,
    editor_items_text,
    editor_steps_text,
    tags_from_text,
    tags_text,
)
from ..storage import LibraryError, RecipeLibrary
from .recipe_html import Block
from .recipe_view import RecipeView
from .screen_fit import fit_to_screen

ERROR_STYLE = "color: #b3261e; font-weight: bold;"
NO_CUT = 2**31 - 1  # QLineEdit's largest maximum length
PREVIEW_TABLE_LINES = 300  # up to this many lines the reading is a table, redrawn per keystroke
PREVIEW_PAUSE_MS = 150  # a longer list is read again once typing pauses this long
PREVIEW_CACHE_LINES = 20_000  # lines whose reading is remembered
NOT_STATED = "not stated"
EDITOR_SIZE = QSize(1000, 760)


def plain_text(edit: QPlainTextEdit) -> str:
    """The box's text exactly: `toPlainText` would turn no-break spaces into spaces."""
    return edit.document().toRawText().replace(EDITOR_PARAGRAPH, "\n")


class PastingTextEdit(QPlainTextEdit):
    """A plain text box that tidies pasted text (bullets, numbering) and keeps every line."""

    def __init__(self, clean: Callable[[str], str], name: str) -> None:
        super().__init__(objectName=name)
        self._clean = clean
        self.setTabChangesFocus(True)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802
        if source.hasText():
            self.insertPlainText(self._clean(source.text()))


class SaveSignals(QObject):
    saved = Signal(object)
    failed = Signal(str)


class SaveTask(QRunnable):
    """One save on the thread pool; its signals are made on the UI thread, so results come
    back to it queued."""

    def __init__(
        self, library: RecipeLibrary, recipe: Recipe, is_new: bool, base: str | None = None
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = SaveSignals()
        self._library, self._recipe, self._is_new = library, recipe, is_new
        #: The recipe as stored just before this save (None for a new one): what undo restores.
        self.previous: Recipe | None = None
        self._base = base

    def run(self) -> None:
        try:
            if not self._is_new and self._recipe.id in self._library:
                self.previous = self._library.get(self._recipe.id)
            if self._is_new:
                stored = self._library.get(self._library.add(self._recipe))
            else:
                # Saved against the version the editor started from: an edit that arrived
                # from another computer meanwhile is kept beside this one, never overwritten.
                stored = self._library.update(self._recipe, base=self._base)
        except LibraryError as error:
            self.signals.failed.emit(str(error))
            return
        self.signals.saved.emit(stored)


class RecipeEditor(QDialog):
    """Adds a new recipe or edits a stored one; closes only once the recipe is on disk."""

    saved = Signal(object)

    def __init__(self, parent: QWidget, library: RecipeLibrary, recipe: Recipe | None) -> None:
        super().__init__(parent, objectName="recipeEditor")
        self._library = library
        self._original = recipe or Recipe()
        self._is_new = not self._original.id
        self._base = None if self._is_new else library.version_of(self._original.id)
        self._saving: SaveTask | None = None
        #: After a save of a stored recipe: the version it replaced, for undo.
        self.previous_version: Recipe | None = None
        self.setWindowTitle(
            "New Recipe" if self._is_new else f"Edit — {display_line(self._original.title)}"
        )
        self._build(library.categories())
        self._keep_every_character()
        self._offer_values_in_use(library)
        self._fill(self._original)
        self._baseline = self.recipe().to_dict()
        fit_to_screen(self, EDITOR_SIZE)

    # Building ------------------------------------------------------------------------------

    def _keep_every_character(self) -> None:
        """QLineEdit cuts what is typed or pasted at 32,767 characters without a word: the
        editor keeps all of it, and saving says which field is too long instead."""
        for edit in self.findChildren(QLineEdit):
            edit.setMaxLength(NO_CUT)

    def _offer_values_in_use(self, library: RecipeLibrary) -> None:
        """The tags, cuisines and methods already in the library, offered as the cook types."""
        from .completion import offer_values, values_in_use

        self._completers = [
            offer_values(self.tags_edit, values_in_use(library, "tags"), separated=True),
            offer_values(self.cuisine_edit, values_in_use(library, "cuisine")),
            offer_values(self.method_edit, values_in_use(library, "method")),
        ]

    def _build(self, categories: list[str]) -> None:
        self.title_edit = QLineEdit(objectName="titleEdit")
        self.title_edit.setAccessibleName("Title")
        self.title_error = QLabel(objectName="titleError")
        self.title_error.setStyleSheet(ERROR_STYLE)
        self.title_error.hide()
        self.title_edit.textEdited.connect(lambda: self.title_error.hide())

        self.servings_edit = QSpinBox(objectName="servingsEdit")
        self.servings_edit.setRange(0, MAX_WHOLE_NUMBER)
        self.servings_edit.setSpecialValueText(NOT_STATED)
        self.servings_edit.setAccessibleName("Servings")

        self.category_edit = QComboBox(objectName="categoryEdit", editable=True)
        self.category_edit.addItems(categories)
        self.category_edit.setAccessibleName("Category")
        # Sized like the fields beside it whatever it holds: a site's long list of
        # categories ("Appetizer, Condiments, Gluten Free, …") squeezed the ingredients box.
        self.category_edit.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.category_edit.setMinimumContentsLength(12)
        self.cuisine_edit = QLineEdit(objectName="cuisineEdit")
        self.method_edit = QLineEdit(objectName="methodEdit")
        self.tags_edit = QLineEdit(
            objectName="tagsEdit", placeholderText='comma, separated, "or, quoted"'
        )
        self.source_edit = QLineEdit(objectName="sourceEdit", placeholderText="book, web page…")
        self.prep_edit = self._minutes_box("prepEdit", "Preparation time")
        self.cook_edit = self._minutes_box("cookEdit", "Cooking time")
        self.summary_edit = QPlainTextEdit(objectName="summaryEdit")
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setMaximumHeight(70)

        self.ingredients_edit = PastingTextEdit(clean_pasted_ingredients, "ingredientsEdit")
        self.ingredients_edit.setPlaceholderText(
            "One ingredient per line:\n2 tbsp soy sauce\n1 inch/2 cm ginger\n\n"
            "A line ending in “:” starts a part of the recipe:\nDipping sauce (serves 6):"
        )
        self.ingredients_edit.setAccessibleName("Ingredients, one per line")
        # The live reading follows each keystroke in a short recipe; in a long one it waits
        # for a pause in typing, and then changes only the lines that changed.
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_PAUSE_MS)
        self._preview_timer.timeout.connect(self._update_preview)
        self.ingredients_edit.textChanged.connect(self._ingredients_changed)
        self.preview = RecipeView(objectName="ingredientPreview")
        self.preview.setAccessibleName("How each ingredient line is read")
        self.preview.setOpenLinks(False)
        # Read-only: Tab passes it by (a click or Ctrl+Tab still reaches it to select text).
        self.preview.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.steps_edit = PastingTextEdit(clean_pasted_steps, "stepsEdit")
        self.steps_edit.setPlaceholderText(
            "One step per line. An indented line continues the step above.\n"
            "A line naming a part and ending in “:” starts its steps."
        )
        self.steps_edit.setAccessibleName("Steps, one per line")
        self.notes_edit = QPlainTextEdit(objectName="notesEdit")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText(
            "One note per line; an indented line continues the note above"
        )
        self.notes_edit.setAccessibleName("Notes, one per line")

        self.photo_label = QLabel(objectName="photoThumbnail", text="No photo")
        self.photo_label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.photo_label.setFixedSize(120, 90)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setStyleSheet("border: 1px solid palette(mid);")
        self.photo_button = QPushButton("Choose Photo…", objectName="photoButton")
        self.photo_button.clicked.connect(self._choose_photo)
        self._image = ""
        self._photo_source = ""
        self._photo_connected = False

        self.save_error = QLabel(objectName="saveError", wordWrap=True)
        self.save_error.setStyleSheet(ERROR_STYLE)
        self.save_error.setTextFormat(Qt.TextFormat.PlainText)
        self.save_error.hide()

        # Title and servings first, then what a cook types next (ingredients, steps, notes),
        # then the details beside them: the form reads, and Tab moves, in that order.
        header = QHBoxLayout()
        header.addWidget(self._label("&Title", self.title_edit))
        header.addWidget(self.title_edit, 1)
        header.addSpacing(12)
        header.addWidget(self._label("Ser&vings", self.servings_edit))
        header.addWidget(self.servings_edit)
        details = QFormLayout()
        details.addRow(self._label("C&ategory", self.category_edit), self.category_edit)
        details.addRow(self._label("C&uisine", self.cuisine_edit), self.cuisine_edit)
        details.addRow(self._label("&Method", self.method_edit), self.method_edit)
        details.addRow(self._label("Ta&gs", self.tags_edit), self.tags_edit)
        times = QHBoxLayout()
        times.addWidget(self.prep_edit)
        times.addWidget(QLabel("cook"))
        times.addWidget(self.cook_edit)
        details.addRow(self._label("&Prep", self.prep_edit), times)
        details.addRow(self._label("Sou&rce", self.source_edit), self.source_edit)
        details.addRow(self._label("Summar&y", self.summary_edit), self.summary_edit)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_label)
        photo_row.addWidget(self.photo_button, 0, Qt.AlignmentFlag.AlignTop)
        photo_row.addStretch(1)
        details.addRow(QLabel("Photo"), photo_row)

        texts = QGridLayout()
        texts.addWidget(self._label("&Ingredients", self.ingredients_edit), 0, 0)
        texts.addWidget(QLabel("How each line is read"), 0, 1)
        texts.addWidget(self.ingredients_edit, 1, 0)
        texts.addWidget(self.preview, 1, 1)
        texts.addWidget(self._label("&Steps", self.steps_edit), 2, 0)
        texts.addWidget(self._label("&Notes", self.notes_edit), 2, 1)
        texts.addWidget(self.steps_edit, 3, 0)
        texts.addWidget(self.notes_edit, 3, 1)

        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # No default button: Enter in a field never saves a half-typed recipe.
        for button in buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        save_keys = QKeySequence(QKeySequence.StandardKey.Save)
        save_button.setToolTip(
            f"Save ({save_keys.toString(QKeySequence.SequenceFormat.NativeText)})"
        )
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_shortcut.activated.connect(self.accept)
        self.save_status = QLabel("Saving…", objectName="saveStatus")
        self.save_status.hide()

        columns = QHBoxLayout()
        details_widget = QWidget(objectName="editorDetails")
        details_column = QVBoxLayout(details_widget)
        details_column.setContentsMargins(0, 0, 6, 0)
        details_column.addLayout(details)
        details_column.addStretch(1)
        # On a small screen the details scroll; the buttons below always stay in sight.
        self.details_scroll = QScrollArea(objectName="editorDetailsScroll")
        self.details_scroll.setWidgetResizable(True)
        self.details_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.details_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details_scroll.setWidget(details_widget)
        self.details_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.details_scroll.setMinimumWidth(details_widget.sizeHint().width() + 16)
        for box in (self.ingredients_edit, self.preview, self.steps_edit, self.notes_edit):
            box.setMinimumHeight(80)
        columns.addLayout(texts, 5)
        columns.addWidget(self.details_scroll, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_changed_bar())
        layout.addLayout(header)
        layout.addWidget(self.title_error)
        layout.addLayout(columns, 1)
        layout.addWidget(self.save_error)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_status)
        bottom.addWidget(buttons, 1)
        layout.addLayout(bottom)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """As the form reads: title, servings, ingredients, steps, notes, then the details
        beside them down to the photo, Save and Cancel. The reading pane is left out (it
        takes no Tab focus)."""
        chain: list[QWidget] = [
            self.title_edit,
            self.servings_edit,
            self.ingredients_edit,
            self.steps_edit,
            self.notes_edit,
            self.category_edit,
            self.cuisine_edit,
            self.method_edit,
            self.tags_edit,
            self.prep_edit,
            self.cook_edit,
            self.source_edit,
            self.summary_edit,
            self.photo_button,
            *self.buttons.buttons(),
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _build_changed_bar(self) -> QWidget:
        """Shown when this recipe changes underneath the editor (another computer's edit)."""
        self.changed_bar = QWidget(objectName="recipeChangedBar")
        row = QHBoxLayout(self.changed_bar)
        row.setContentsMargins(0, 0, 0, 0)
        self.changed_label = QLabel(objectName="recipeChangedLabel", wordWrap=True)
        self.changed_label.setTextFormat(Qt.TextFormat.PlainText)
        self.changed_label.setStyleSheet(ERROR_STYLE)
        row.addWidget(self.changed_label, 1)
        for name, text, slot in (
            ("keepMineButton", "Keep mine", self.keep_mine),
            ("takeTheirsButton", "Take theirs", self.take_theirs),
            ("keepBothButton", "Keep both", self.keep_both),
        ):
            button = QPushButton(text, objectName=name)
            button.setAutoDefault(False)  # a stray Enter in the form never picks one
            button.clicked.connect(slot)
            row.addWidget(button)
        self.changed_bar.hide()
        return self.changed_bar

    def library_changed(self, ids: object) -> None:
        """The library took in a change: if it is this recipe's, say so and offer choices."""
        if self._is_new or self._original.id not in (ids or ()):
            return
        now = self._library.version_of(self._original.id)
        if now == self._base:
            return
        if now is None:
            text = (
                "This recipe was deleted meanwhile (on another computer or window). "
                "Saving stores it again."
            )
        else:
            text = (
                "This recipe was changed meanwhile on "
                f"{self._library.edited_on(self._original.id)}."
            )
        self.changed_label.setText(text + " Keep your edit, take theirs, or keep both?")
        self.changed_bar.show()

    def keep_mine(self) -> None:
        """Your edit follows theirs: saving replaces it (theirs was seen and chosen against)."""
        self._base = self._library.version_of(self._original.id)
        self.changed_bar.hide()

    def take_theirs(self) -> None:
        """Show what arrived instead of what was typed."""
        if self._original.id in self._library:
            self._original = self._library.get(self._original.id)
            self._fill(self._original)
            self._baseline = self.recipe().to_dict()
        self._base = self._library.version_of(self._original.id)
        self.changed_bar.hide()

    def keep_both(self) -> None:
        """Save your edit as a recipe of its own; theirs stays as it arrived."""
        name = self._library.computer.name
        self.title_edit.setText(f"{self.title_edit.text()} (edited on {name})")
        self._is_new = True
        self.changed_bar.hide()
        self.accept()

    def _minutes_box(self, name: str, accessible: str) -> QSpinBox:
        box = QSpinBox(objectName=name)
        box.setRange(0, MAX_WHOLE_NUMBER)
        box.setSuffix(" min")
        box.setSpecialValueText("—")
        box.setAccessibleName(accessible)
        return box

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    # Recipe <-> fields -----------------------------------------------------------------------

    def _fill(self, recipe: Recipe) -> None:
        self.title_edit.setText(recipe.title)
        self.servings_edit.setValue(min(recipe.servings or 0, MAX_WHOLE_NUMBER))
        self.category_edit.setCurrentText(recipe.category)
        self.cuisine_edit.setText(recipe.cuisine)
        self.method_edit.setText(recipe.method)
        self.tags_edit.setText(tags_text(recipe.tags))
        self.source_edit.setText(recipe.source)
        self.prep_edit.setValue(min(recipe.prep_minutes or 0, MAX_WHOLE_NUMBER))
        self.cook_edit.setValue(min(recipe.cook_minutes or 0, MAX_WHOLE_NUMBER))
        self.summary_edit.setPlainText(recipe.summary)
        self.ingredients_edit.setPlainText(editor_ingredients_text(recipe.components))
        self.steps_edit.setPlainText(editor_steps_text(recipe.components))
        self.notes_edit.setPlainText(editor_items_text(recipe.notes))
        self._set_image(recipe.image)
        # What each box showed: a box the cook leaves as it was keeps the stored value
        # exactly, even where the text form cannot say it (spaces around a title, an empty
        # step, servings of 0).
        self._shown = self._field_texts()

    def _field_texts(self) -> dict[str, object]:
        return {
            "title": self.title_edit.text(),
            "servings": self.servings_edit.value(),
            "category": self.category_edit.currentText(),
            "cuisine": self.cuisine_edit.text(),
            "method": self.method_edit.text(),
            "tags": self.tags_edit.text(),
            "source": self.source_edit.text(),
            "prep_minutes": self.prep_edit.value(),
            "cook_minutes": self.cook_edit.value(),
            "summary": plain_text(self.summary_edit),
            "components": (plain_text(self.ingredients_edit), plain_text(self.steps_edit)),
            "notes": plain_text(self.notes_edit),
        }

    def recipe(self) -> Recipe:
        """The recipe as the fields now describe it; fields the editor does not show, and
        boxes left as they were shown, keep their stored values exactly."""
        now = self._field_texts()
        ingredients, steps = now["components"]  # type: ignore[misc]
        read = {
            "title": lambda: self.title_edit.text().strip(),
            "servings": lambda: self.servings_edit.value() or None,
            "category": lambda: self.category_edit.currentText().strip(),
            "cuisine": lambda: self.cuisine_edit.text().strip(),
            "method": lambda: self.method_edit.text().strip(),
            "tags": lambda: tags_from_text(self.tags_edit.text()),
            "source": lambda: self.source_edit.text().strip(),
            "prep_minutes": lambda: self.prep_edit.value() or None,
            "cook_minutes": lambda: self.cook_edit.value() or None,
            "summary": lambda: plain_text(self.summary_edit).strip(),
            "components": lambda: components_from_editor_text(ingredients, steps),
            "notes": lambda: editor_items_from_text(plain_text(self.notes_edit)),
        }
        changes = {
            name: reader() for name, reader in read.items() if now[name] != self._shown[name]
        }
        return self._original.copy(image=self._image, **changes)

    def is_modified(self) -> bool:
        return self.recipe().to_dict() != self._baseline

    # Preview ---------------------------------------------------------------------------------

    def _ingredients_changed(self) -> None:
        if self.ingredients_edit.blockCount() <= PREVIEW_TABLE_LINES:
            self._preview_timer.stop()
            self._update_preview()
        else:
            self._preview_timer.start()

    def _update_preview(self) -> None:
        lines = [line for line in plain_text(self.ingredients_edit).split("\n") if line.strip()]
        if len(lines) <= PREVIEW_TABLE_LINES:
            self.preview.show_html(
                "<table cellspacing='0' cellpadding='3' width='100%'>"
                + "".join(_preview_row(line) for line in lines)
                + "</table>"
            )
            return
        # Long: one paragraph per line, each read once (cached), shown a screenful at a time.
        self.preview.show_blocks(
            "ingredients", [Block("html", partial(_preview_paragraph, line)) for line in lines]
        )

    # Photo -----------------------------------------------------------------------------------

    def _choose_photo(self) -> None:
        dialog = QFileDialog(self, "Choose a Photo", str(Path.home()))
        dialog.setObjectName("photoDialog")
        dialog.setNameFilter("Photos (*.jpg *.jpeg *.png *.webp *.gif)")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.attach_photo)
        dialog.open()

    def attach_photo(self, file_name: str) -> None:
        try:
            self._set_image(self._library.add_media(Path(file_name)))
        except LibraryError as error:
            self._show_save_error(str(error))

    def _set_image(self, stored: str) -> None:
        """Show the photo from its thumbnail, made off the UI thread: never the full photo."""
        from .thumbnails import thumbnail_cache

        self._image = stored
        path = self._library.media_path(stored)
        self._photo_source = str(path) if path else ""
        if path is None:
            self.photo_label.setText("No photo")
            return
        ratio = self.devicePixelRatioF()
        size = self.photo_label.size() * ratio
        cache = thumbnail_cache()
        pixmap = cache.pixmap(path, size)
        if pixmap is None:
            self.photo_label.setText("No photo" if not cache.is_pending(path, size) else "…")
            if not self._photo_connected:
                cache.ready.connect(self._photo_ready)
                self._photo_connected = True
            return
        shown = QPixmap(pixmap)
        shown.setDevicePixelRatio(ratio)
        self.photo_label.setPixmap(shown)

    def _photo_ready(self, source: str) -> None:
        if source and source == self._photo_source:
            self._set_image(self._image)

    # Saving and closing ----------------------------------------------------------------------

    def accept(self) -> None:
        """Save; on invalid input or a failed write stay open with every character kept.
        An existing recipe saved untouched is not written at all: no new version to sync to
        the other computers, no undo step."""
        stored = not self._is_new and self._base is not None
        if stored and self._saving is None and not self.is_modified():
            super().accept()
            return
        recipe = self.recipe()
        if not recipe.title:
            self.title_error.setText("A recipe needs a title.")
            self.title_error.show()
            self.title_edit.setFocus()
            return
        if self._saving is not None:
            return
        problems = field_problems(recipe)
        if problems:
            # Nothing is cut: every character stays in the editor until the cook shortens it.
            self._show_save_error("Not saved: " + " ".join(problems[:3]))
            return
        # The write runs on a worker thread so that typing never waits on the disk; the
        # dialog closes only once the library says the recipe is stored.
        if self._is_new:
            recipe = recipe.copy(id="")
        self._saving = SaveTask(self._library, recipe, self._is_new, self._base)
        self._saving.signals.saved.connect(self._save_done)
        self._saving.signals.failed.connect(self._save_failed)
        self._set_saving(True)
        QThreadPool.globalInstance().start(self._saving)

    def is_saving(self) -> bool:
        return self._saving is not None

    def _set_saving(self, saving: bool) -> None:
        self.buttons.setEnabled(not saving)
        self.save_status.setVisible(saving)

    def _save_done(self, stored: Recipe) -> None:
        if self._saving is not None:
            self.previous_version = self._saving.previous
        self._saving = None
        self._set_saving(False)
        self.save_error.hide()
        self.saved.emit(stored)
        super().accept()

    def _save_failed(self, message: str) -> None:
        self._saving = None
        self._set_saving(False)
        self._show_save_error(f"Not saved: {message} Your changes are still here; try again.")

    def reject(self) -> None:
        """Cancel, Escape or the close button: ask before throwing changes away."""
        if self._saving is not None:
            return
        if self.is_modified():
            answer = QMessageBox.question(
                self,
                "Unsaved changes",
                "This recipe has changes that are not saved.",
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                # A stray Enter goes back to the editor: it neither saves nor throws away.
                QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Save:
                self.accept()
                return
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802
        event.ignore()
        self.reject()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        # The button box makes Save the default as it is shown; a stray Enter must not save.
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setDefault(False)
        # The cook starts at the title, never on a button a stray Enter would press.
        if not isinstance(self.focusWidget(), QLineEdit | QPlainTextEdit | QSpinBox):
            self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Enter on a button presses it; Enter in a one-line field moves to the next field.
        It never saves: saving is the Save button or the platform's Save shortcut."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            focused = self.focusWidget()
            if isinstance(focused, QAbstractButton):
                focused.click()
            else:
                self.focusNextChild()
            event.accept()
            return
        super().keyPressEvent(event)

    def _show_save_error(self, message: str) -> None:
        self.save_error.setText(message)
        self.save_error.show()


@lru_cache(maxsize=PREVIEW_CACHE_LINES)
def _read_line(line: str) -> tuple[str, str, str, str, str]:
    """How one line is read, remembered: ("heading", "not read" or "read", amount, unit,
    name, note); a long list is read again after each pause in typing."""
    if editor_heading(line) is not None:
        return ("heading", "", "", line.strip(), "")
    line = line.lstrip(" \t")
    ingredient = parse_ingredient(line)
    if ingredient.is_heading:
        return ("heading", "", "", line.strip(), "")
    if not ingredient.understood:
        return ("not read", "", "", line.strip(), "")
    amount = ""
    if ingredient.quantity is not None:
        # As a cook writes it: "1½", never the fraction "3/2".
        amount = format_fraction(ingredient.quantity)
        if ingredient.quantity_max is not None:
            amount += f"–{format_fraction(ingredient.quantity_max)}"
    # The unit by its full name ("tablespoon" for "tbsp"): it shows what the line was read as.
    return ("read", amount, ingredient.unit or "", ingredient.name, ingredient.note)


def _preview_row(line: str) -> str:
    kind, amount, unit, name, note = _read_line(line)
    if kind == "heading":
        return f"<tr><td colspan='4'><b>{escape(name)}</b></td></tr>"
    if kind == "not read":
        return (
            "<tr><td colspan='4' style='color:#b3261e'>⚠ not read, kept as typed: "
            f"{escape(name)}</td></tr>"
        )
    cells = (amount, unit, name, note)
    return "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in cells) + "</tr>"


def _preview_paragraph(line: str) -> str:
    """The same reading as `_preview_row`, as one paragraph (a long list has no table)."""
    kind, amount, unit, name, note = _read_line(line)
    if kind == "heading":
        return f"<p><b>{escape(name)}</b></p>"
    if kind == "not read":
        return f"<p style='color:#b3261e'>⚠ not read, kept as typed: {escape(name)}</p>"
    quantity = " ".join(escape(part) for part in (amount, unit) if part)
    extra = f" <i>· {escape(note)}</i>" if note else ""
    return f"<p>{quantity} · <b>{escape(name)}</b>{extra}</p>"
