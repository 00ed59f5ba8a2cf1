"""Recipes in and out of the library from the main window: import, export and print.

The dialogs and readers load when first used, not on the way to the window's first paint.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from ..domain.display import display_line, recipes_counted

if TYPE_CHECKING:
    from ..domain import Recipe
    from .window_contract import RecipeWindow


class RecipeTransfer(QObject):
    """File > Import…, Import from Web Address…, Import from Clipboard, drag and drop,
    Export… and Print…."""

    def __init__(self, window: RecipeWindow) -> None:
        super().__init__(window)
        self._window = window

    def import_from_files(self) -> None:
        from .import_dialog import open_import_file_dialog

        self._prepare_duplicate_check()
        open_import_file_dialog(self._window, self._possible_duplicates, self._store)

    def import_from_clipboard(self) -> None:
        from .import_dialog import import_clipboard

        import_clipboard(self._window, self._possible_duplicates, self._store)

    def _prepare_duplicate_check(self) -> None:
        """Index the library's titles on a worker while the cook picks files."""
        library = self._window.library
        if library is not None:
            threading.Thread(target=library.prepare_titles, name="titles", daemon=True).start()

    def import_from_url(self) -> None:
        """File > Import from Web Address…: ask, fetch off the UI thread, then preview."""
        from .import_url_dialog import UrlImport

        self.url_import = UrlImport(self._window, self._preview_fetched)
        self.url_import.open()

    def _preview_fetched(self, url: str, recipes: list[Recipe]) -> None:
        from .import_dialog import open_import_preview

        open_import_preview(self._window, url, recipes, self._library_recipes(), self._store)

    def import_dropped(self, paths: list[str]) -> None:
        self._prepare_duplicate_check()
        # Leave the drop handler before opening the preview, as the platform expects.
        QTimer.singleShot(0, lambda: self._import_paths(paths))

    def _import_paths(self, paths: list[str | Path]) -> None:
        from .import_dialog import import_paths

        import_paths(self._window, paths, self._possible_duplicates, self._store)

    def export(self) -> None:
        from .import_dialog import open_export_dialog

        shown = self._window.current_recipe
        open_export_dialog(
            self._window,
            [shown] if shown is not None else [],
            self._library_recipes(),
            lambda message: self._window.show_status(message, 5000),
        )

    def print_shown(self) -> None:
        from .printing import open_print_dialog

        window = self._window
        if window.current_recipe is not None:
            open_print_dialog(window, window.current_recipe, window.current_view())

    def _possible_duplicates(self, recipes: list[Recipe]) -> list[Recipe]:
        """The library's recipes titled like those being imported: the duplicate check needs
        no others, and copying 100,000 recipes on the UI thread would freeze it."""
        library = self._window.library
        if library is None:
            return []
        return library.recipes_titled(recipe.title for recipe in recipes)

    def _library_recipes(self) -> list[Recipe]:
        library = self._window.library
        return library.recipes() if library is not None else []

    def _store(self, added: list[Recipe], replaced: list[Recipe]) -> None:
        """Store an import on the save worker (the window shows it is saving)."""
        window = self._window
        library, guard = window.library, window.guard
        if library is None or guard is None:
            return

        def store() -> tuple[dict[str, Recipe | None], list[Recipe]]:
            before: dict[str, Recipe | None] = {
                recipe.id: library.get(recipe.id) for recipe in replaced if recipe.id in library
            }
            ids = library.add_many(added)
            stored = [library.get(recipe_id) for recipe_id in ids]
            stored.extend(library.update(recipe) for recipe in replaced)
            return before, stored

        def done(result: tuple[dict[str, Recipe | None], list[Recipe]]) -> None:
            before, stored = result
            window.apply_library_change([recipe.id for recipe in stored])
            guard.saved()
            window.show_status(import_summary(len(added), len(replaced)), 5000)
            if not stored:
                return
            # The first imported recipe is selected, so the cook sees what arrived.
            window.show_recipe_in_list(stored[0])
            count = len(stored)
            name = f"“{display_line(stored[0].title)}”" if count == 1 else f"{count} recipes"
            window.editing.record(
                f"Import {name}",
                {recipe.id: before.get(recipe.id) for recipe in stored},
                {recipe.id: recipe for recipe in stored},
            )

        guard.saver.run(
            store, done, lambda message: window.show_banner(f"The import was not saved: {message}")
        )


def import_summary(added: int, replaced: int) -> str:
    """What an import did, in words: "Imported 3 recipes", "… and replaced 1"."""
    if not replaced:
        return f"Imported {recipes_counted(added)}"
    if not added:
        return f"Replaced {recipes_counted(replaced)}"
    return f"Imported {recipes_counted(added)} and replaced {replaced:,}"
