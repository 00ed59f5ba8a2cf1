"""In the kitchen, from the main window: timers, cook mode and the shopping list.

Each is built the first time it is asked for, never on the way to the first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl

if TYPE_CHECKING:
    from .cook_mode import CookMode
    from .main_window import MainWindow
    from .shopping_dialog import ShoppingListDialog
    from .timers import TimerDock


class Kitchen(QObject):
    """The Kitchen menu's work, and the timers the recipe's step links start."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._timer_dock: TimerDock | None = None
        self._cook_mode: CookMode | None = None
        self._shopping: ShoppingListDialog | None = None

    def timers_dock(self) -> TimerDock:
        if self._timer_dock is None:
            from .timers import KitchenTimers, TimerDock

            self._timer_dock = TimerDock(KitchenTimers(self._window), self._window)
            self._window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self._timer_dock)
        return self._timer_dock

    def start_timer(self, url: QUrl) -> None:
        """A duration clicked in a step: a named countdown in the timer panel."""
        from .timers import parse_timer_url

        request = parse_timer_url(url)
        if request is not None:
            self.timers_dock().timers.start(request)
            self._window.statusBar().showMessage(f"Timer started: {request.name}", 5000)

    def open_cook_mode(self) -> CookMode | None:
        window = self._window
        if window.current_recipe is None:
            return None
        if self._cook_mode is not None:
            self._cook_mode.activateWindow()
            return self._cook_mode
        from .cook_mode import CookMode

        self._cook_mode = CookMode(
            window.current_recipe,
            window.current_view(),
            self.timers_dock().timers,
            window,
        )
        self._cook_mode.closed.connect(self._cook_mode_closed)
        self._cook_mode.open()
        return self._cook_mode

    def _cook_mode_closed(self) -> None:
        self._cook_mode = None

    def shopping_list_dialog(self) -> ShoppingListDialog:
        if self._shopping is None:
            from ..storage.shopping_file import shopping_state_path
            from .shopping_dialog import ShoppingListDialog

            window = self._window
            self._shopping = ShoppingListDialog(
                window,
                window.library,
                shopping_state_path(window.library_path),
                window.cooks.plan_store(),
            )
            self._shopping.set_weigh(window.weigh_dry())
        return self._shopping

    def has_shopping_list(self) -> bool:
        return self._shopping is not None

    def open_shopping_list(self) -> None:
        if self._window.library is None:
            return
        dialog = self.shopping_list_dialog()
        dialog.refresh_recipes()
        dialog.refresh_choices()
        dialog.show()
        dialog.raise_()

    def add_shown_recipe(self) -> None:
        window = self._window
        recipe = window.current_recipe
        if recipe is None or window.library is None:
            return
        # The ×½ batch (the spinner's lowest value) goes on the list as one batch.
        self.shopping_list_dialog().add_recipe(recipe, max(1, window.servings_spin.value()))
        window.statusBar().showMessage(f"Added “{recipe.title}” to the shopping list", 5000)
