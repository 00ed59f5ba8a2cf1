"""What the main window's helpers may use of it: the contract between the window and the
objects that do its menus' work (`editing`, `transfer`, `kitchen`, `cooks`).

The helpers hold a `RecipeWindow`, not the whole `MainWindow`: this page is the list of what
they may touch, so a change to the window that keeps it keeps them working, and a helper
can be tested against a small stand-in. Messages go through `show_status` (passing) and
`show_banner` (one that stays), never through the status bar's widgets directly.
`tests/ui/test_window_contract.py` checks that the window keeps every name here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QMenu, QSpinBox

    from ..domain import Recipe, View
    from ..domain.scale_to import ScaleTo
    from ..storage import RecipeLibrary
    from .cooks import CooksFeatures
    from .editing import RecipeEditing
    from .kitchen import Kitchen
    from .library_guard import LibraryGuard


@runtime_checkable
class RecipeWindow(Protocol):
    """The main window as its helpers see it."""

    # The library and how it is followed on disk (None until it has been read).
    library: RecipeLibrary | None
    library_path: Path
    guard: LibraryGuard | None

    # The other helpers, for the few hand-offs between them (an import is one undo step).
    editing: RecipeEditing
    kitchen: Kitchen
    cooks: CooksFeatures

    # Widgets and actions a helper builds on (the list's context menu, the servings to shop).
    recipe_list: QAbstractItemView
    servings_spin: QSpinBox
    action_favourite: QAction
    rating_menu: QMenu

    @property
    def current_recipe(self) -> Recipe | None: ...

    @property
    def settings(self) -> QSettings: ...

    def current_view(self) -> View: ...

    def weigh_dry(self) -> bool: ...

    def scale_to(self, scale: ScaleTo) -> None: ...

    # Telling the window what changed; it updates the list and the pane.
    def refresh_list(self) -> None: ...

    def show_recipe_in_list(self, recipe: Recipe) -> None: ...

    def remove_recipe_from_list(self, recipe_id: str) -> None: ...

    def recipe_marks_saved(self, stored: Recipe) -> None: ...

    def update_mark_actions(self) -> None: ...

    # Messages: passing ones in the status bar, lasting ones in the banner.
    def show_status(self, message: str, msecs: int = 5000) -> None: ...

    def show_banner(self, message: str) -> None: ...

    # The window itself (the timers' dock, quitting).
    def addDockWidget(self, area: Qt.DockWidgetArea, dock: QDockWidget) -> None: ...  # noqa: N802

    def close(self) -> bool: ...
