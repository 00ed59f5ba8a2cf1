"""Adding, editing, duplicating and deleting recipes from the main window, with undo.

Every change the window makes to the library (add, edit, duplicate, delete, import, restore
a backup) is one `LibraryChange` on one undo stack: the recipes it touched as they were
before and after, by id. Undo writes the "before" versions back through the library's
ordinary add, update and delete, so an undone change is on disk like any other save, and
the stack lives as long as the window, across any number of saves.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox

from ..domain.display import display_line
from .plain import rich_text_of

if TYPE_CHECKING:
    from ..domain import Recipe
    from ..storage import RecipeLibrary
    from .recipe_editor import RecipeEditor
    from .window_contract import RecipeWindow

#: A recipe id and the recipe stored under it, or None where there is none.
State = dict[str, "Recipe | None"]


class RecipeEditing(QObject):
    """The Edit menu's work: editors opened without blocking, and the undo stack."""

    def __init__(self, window: RecipeWindow) -> None:
        super().__init__(window)
        self._window = window
        self.undo_stack = QUndoStack(self)

    def open_editor(self, recipe: Recipe | None, kind: str = "") -> RecipeEditor | None:
        """Open the editor without blocking: a new recipe when `recipe` is None or has no id.
        `kind` names the change in the Edit menu ("Duplicate"); by default Add or Edit."""
        library = self._window.library
        if library is None:
            return None
        from .recipe_editor import RecipeEditor

        editor = RecipeEditor(self._window, library, recipe)
        kind = kind or ("Add" if recipe is None or not recipe.id else "Edit")
        editor.saved.connect(lambda stored, e=editor: self._saved(stored, e, kind))
        if self._window.guard is not None:
            # Another computer's edit of this recipe arriving while it is open is offered.
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
            self.open_editor(
                recipe.copy(id="", title=f"{recipe.title} (copy)", created="", updated=""),
                "Duplicate",
            )

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
        if answer != QMessageBox.StandardButton.Yes:
            return
        window, library, guard = self._window, self._window.library, self._window.guard
        assert guard is not None

        def done(_result: object) -> None:
            window.remove_recipe_from_list(recipe.id)
            guard.saved()
            window.show_status(f"Deleted “{display_line(recipe.title)}”", 10000)
            self.record(
                f"Delete “{display_line(recipe.title)}”", {recipe.id: recipe}, {recipe.id: None}
            )

        def failed(message: str) -> None:
            window.show_status(f"Not deleted: {message}", 10000)

        # On the save worker: the list changes once the deletion is on disk.
        guard.saver.run(lambda: library.delete(recipe.id), done, failed)

    def record(self, text: str, before: State, after: State) -> None:
        """Put a change already made to the library on the undo stack."""
        changed = {key for key in before.keys() | after.keys() if not _same(before, after, key)}
        if not changed:
            return
        self.undo_stack.push(
            LibraryChange(
                self._window,
                text,
                {key: before.get(key) for key in changed},
                {key: after.get(key) for key in changed},
            )
        )

    def record_replacement(self, text: str, before: Iterable[Recipe], after: Iterable[Recipe]):
        """A change to many recipes at once (a restored backup): the two whole libraries."""
        old = {recipe.id: recipe for recipe in before}
        new = {recipe.id: recipe for recipe in after}
        self.record(text, dict.fromkeys(new, None) | old, dict.fromkeys(old, None) | new)

    def _saved(self, recipe: Recipe, editor: RecipeEditor, kind: str) -> None:
        if self._window.guard is not None:
            self._window.guard.saved()
        self._window.show_recipe_in_list(recipe)
        self._window.show_status(f"Saved “{display_line(recipe.title)}”", 5000)
        previous = editor.previous_version if kind == "Edit" else None
        self.record(
            f"{kind} “{display_line(recipe.title)}”", {recipe.id: previous}, {recipe.id: recipe}
        )


def _same(before: State, after: State, key: str) -> bool:
    first, second = before.get(key), after.get(key)
    if first is None or second is None:
        return first is second
    return _content(first) == _content(second)


def _content(recipe: Recipe) -> dict:
    """What a cook sees of a recipe: all but the time it was last written."""
    data = recipe.to_dict()
    data.pop("updated", None)
    return data


class LibraryChange(QUndoCommand):
    """One change to the library, already made when pushed: undo writes `before` back, redo
    writes `after` again. A recipe that was absent is deleted; one present is updated or
    added back under its own id. Undone recipes get a fresh `updated` stamp, so that on two
    computers sharing a library the undo counts as the newest edit."""

    def __init__(self, window: RecipeWindow, text: str, before: State, after: State) -> None:
        super().__init__(text)
        self._window = window
        self._before, self._after = before, after
        self._done = True  # pushed after the change was made

    def undo(self) -> None:
        self._apply(self._before, "Undid", "undo")

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._apply(self._after, "Redid", "redo")

    def _apply(self, state: State, verb: str, action: str) -> None:
        """Write `state` back on the save worker; the list follows once it is on disk."""
        window = self._window
        library, guard = window.library, window.guard
        if library is None or guard is None:
            return
        text = self.text()

        def done(_result: object) -> None:
            guard.saved()
            present = [recipe for recipe in state.values() if recipe is not None]
            window.apply_library_change(list(state))
            if len(present) == 1 and present[0].id in library:
                window.show_recipe_in_list(library.get(present[0].id))
            window.show_status(f"{verb} {text}", 8000)

        def failed(message: str) -> None:
            window.show_banner(f"Could not {action} {text}: {message}")
            window.refresh_list()

        guard.saver.run(lambda: apply_state(library, state), done, failed)


def apply_state(library: RecipeLibrary, state: State) -> None:
    """Make the library hold exactly these versions of these recipes (None: not at all)."""
    for recipe_id, recipe in state.items():
        if recipe is None and recipe_id in library:
            library.delete(recipe_id)
    for recipe_id, recipe in state.items():
        if recipe is not None and recipe_id in library:
            library.update(recipe)
    missing = [r for key, r in state.items() if r is not None and key not in library]
    if missing:
        library.add_many(missing)
