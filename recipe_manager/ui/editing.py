"""Adding, editing, duplicating and deleting recipes from the main window, with undo."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox

from ..domain.display import display_line
from ..storage import LibraryError
from .plain import rich_text_of

if TYPE_CHECKING:
    from ..domain import Recipe
    from .main_window import MainWindow
    from .recipe_editor import RecipeEditor


class RecipeEditing(QObject):
    """The Edit menu's work: editors opened without blocking, deletes that can be undone."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.undo_stack = QUndoStack(self)

    def open_editor(self, recipe: Recipe | None) -> RecipeEditor | None:
        """Open the editor without blocking: a new recipe when `recipe` is None or has no id."""
        library = self._window.library
        if library is None:
            return None
        from .recipe_editor import RecipeEditor

        editor = RecipeEditor(self._window, library, recipe)
        editor.saved.connect(self._saved)
        editor.finished.connect(editor.deleteLater)
        editor.open()
        return editor

    def edit_shown(self) -> None:
        recipe = self._window.current_recipe
        if recipe is not None:
            self.open_editor(recipe)

    def duplicate_shown(self) -> None:
        recipe = self._window.current_recipe
        if recipe is not None:
            self.open_editor(recipe.copy(id="", title=f"{recipe.title} (copy)"))

    def delete_shown(self) -> None:
        recipe = self._window.current_recipe
        if self._window.library is None or recipe is None:
            return
        answer = QMessageBox.question(
            self._window,
            "Delete recipe",
            # The static box guesses rich text: the title goes in escaped, shown as typed.
            rich_text_of(
                f"Delete “{display_line(recipe.title)}”? You can undo this from the Edit menu."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.undo_stack.push(DeleteRecipeCommand(self._window, recipe))

    def _saved(self, recipe: Recipe) -> None:
        if self._window.guard is not None:
            self._window.guard.saved()
        self._window.show_recipe_in_list(recipe)
        self._window.statusBar().showMessage(f"Saved “{display_line(recipe.title)}”", 5000)


class DeleteRecipeCommand(QUndoCommand):
    """Deleting a recipe, undoable: undo stores it again whole, with the same id."""

    def __init__(self, window: MainWindow, recipe: Recipe) -> None:
        # Menus read "&" as a mnemonic: doubled, it is shown as typed.
        super().__init__(f"Delete “{display_line(recipe.title).replace('&', '&&')}”")
        self._window = window
        self._recipe = recipe

    def redo(self) -> None:
        library = self._window.library
        assert library is not None
        try:
            library.delete(self._recipe.id)
        except LibraryError as error:
            self.setObsolete(True)
            self._window.statusBar().showMessage(f"Not deleted: {error}", 10000)
            return
        self._window.remove_recipe_from_list(self._recipe.id)
        self._window.statusBar().showMessage(f"Deleted “{display_line(self._recipe.title)}”", 10000)

    def undo(self) -> None:
        library = self._window.library
        assert library is not None
        try:
            library.add(self._recipe)
        except LibraryError as error:
            self._window.statusBar().showMessage(f"Could not bring it back: {error}", 10000)
            return
        self._window.show_recipe_in_list(library.get(self._recipe.id))
        self._window.statusBar().showMessage(f"Restored “{display_line(self._recipe.title)}”", 5000)
