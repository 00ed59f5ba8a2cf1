"""Adding, editing, duplicating and deleting recipes from the main window, with undo."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox

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
        if self._window.guard is not None:
            self._window.guard.changed.connect(editor.library_changed)
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
            f"Delete “{recipe.title}”? You can undo this from the Edit menu.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.undo_stack.push(DeleteRecipeCommand(self._window, recipe))

    def _saved(self, recipe: Recipe) -> None:
        if self._window.guard is not None:
            self._window.guard.saved()
        self._window.show_recipe_in_list(recipe)
        self._window.statusBar().showMessage(f"Saved “{recipe.title}”", 5000)


class DeleteRecipeCommand(QUndoCommand):
    """Deleting a recipe, undoable: undo stores it again whole, with the same id."""

    def __init__(self, window: MainWindow, recipe: Recipe) -> None:
        super().__init__(f"Delete “{recipe.title}”")
        self._window = window
        self._recipe = recipe

    def redo(self) -> None:
        """Delete on the save worker; the list changes once the tombstone is on disk."""
        window, recipe = self._window, self._recipe
        library, guard = window.library, window.guard
        assert library is not None and guard is not None

        def done(_removed: object) -> None:
            window.remove_recipe_from_list(recipe.id)
            guard.saved()
            window.statusBar().showMessage(f"Deleted “{recipe.title}”", 10000)

        def failed(message: str) -> None:
            window.statusBar().showMessage(f"Not deleted: {message}", 10000)

        guard.saver.run(lambda: library.delete(recipe.id), done, failed)

    def undo(self) -> None:
        """Store the recipe again whole, with its id, on the save worker."""
        window, recipe = self._window, self._recipe
        library, guard = window.library, window.guard
        assert library is not None and guard is not None

        def done(recipe_id: str) -> None:
            window.show_recipe_in_list(library.get(recipe_id))
            guard.saved()
            window.statusBar().showMessage(f"Restored “{recipe.title}”", 5000)

        def failed(message: str) -> None:
            window.statusBar().showMessage(f"Could not bring it back: {message}", 10000)

        guard.saver.run(lambda: library.add(recipe), done, failed)
