"""In the kitchen, from the main window: timers, cook mode and the shopping list.

Each is built the first time it is asked for, never on the way to the first paint.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtWidgets import QMessageBox

from ..domain.display import display_line
from .settings import RUNNING_TIMERS

if TYPE_CHECKING:
    from .cook_mode import CookMode
    from .shopping_dialog import ShoppingListDialog
    from .timers import TimerDock
    from .window_contract import RecipeWindow


class Kitchen(QObject):
    """The Kitchen menu's work, and the timers the recipe's step links start."""

    def __init__(self, window: RecipeWindow) -> None:
        super().__init__(window)
        self._window = window
        self._timer_dock: TimerDock | None = None
        self._cook_mode: CookMode | None = None
        self._shopping: ShoppingListDialog | None = None
        self._quit_box: QMessageBox | None = None
        self._quit_confirmed = False
        self._timers_restored = False

    def timers_dock(self) -> TimerDock:
        if self._timer_dock is None:
            from .timers import KitchenTimers, TimerDock

            self._timer_dock = TimerDock(KitchenTimers(self._window), self._window)
            self._window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self._timer_dock)
            # Made on first use (cook mode needs the timers): shown only when a timer
            # starts or the cook asks for it, never as an empty panel taking a third of a
            # small screen.
            self._timer_dock.hide()
            self._timer_dock.timers.changed.connect(self.save_timers)
        return self._timer_dock

    # Timers across a restart -------------------------------------------------------------------

    def save_timers(self) -> None:
        """Remember every timer (wall-clock deadlines), so a restart brings them back."""
        if self._timer_dock is None:
            return
        settings = self._window.settings
        snapshot = self._timer_dock.timers.snapshot()
        RUNNING_TIMERS.write(settings, json.dumps(snapshot) if snapshot else "")

    def restore_timers(self) -> int:
        """Bring back the timers running when the app last closed (once); returns how many."""
        if self._timers_restored:
            return 0
        self._timers_restored = True
        text = RUNNING_TIMERS.read(self._window.settings)
        if not text:
            return 0
        try:
            saved = json.loads(text)
        except ValueError:
            saved = None
        if not isinstance(saved, list) or not saved:
            RUNNING_TIMERS.write(self._window.settings, "")
            return 0
        count = self.timers_dock().timers.restore(saved)
        if count:
            self._window.show_status(
                f"{count} timer{'s' if count != 1 else ''} brought back from last time", 8000
            )
        return count

    def may_quit(self) -> bool:
        """True when the window may close now. With timers counting down it asks first,
        without blocking; a Quit answer closes the window again."""
        if self._quit_confirmed or self._timer_dock is None:
            return True
        running = self._timer_dock.timers.running()
        if not running:
            return True
        if self._quit_box is None:
            count = len(running)
            box = QMessageBox(
                QMessageBox.Icon.Question,
                "Timers are running",
                f"{count} timer{'s are' if count != 1 else ' is'} still counting down. Quit "
                "anyway?\n\nThey keep time while the app is closed and come back when you "
                "open it again.",
                QMessageBox.StandardButton.NoButton,
                self._window,
            )
            box.setObjectName("quitWithTimersBox")
            quit_button = box.addButton("Quit", QMessageBox.ButtonRole.AcceptRole)
            keep = box.addButton("Keep Open", QMessageBox.ButtonRole.RejectRole)
            # A stray Enter keeps the app open.
            box.setDefaultButton(keep)
            box.setEscapeButton(keep)
            quit_button.clicked.connect(self._quit_anyway)
            box.finished.connect(self._quit_box_closed)
            self._quit_box = box
            box.open()
        return False

    def _quit_anyway(self) -> None:
        self._quit_confirmed = True
        self._window.close()

    def _quit_box_closed(self, _result: int) -> None:
        self._quit_box = None

    def start_timer(self, url: QUrl) -> None:
        """A duration clicked in a step: a named countdown in the timer panel."""
        from .timers import parse_timer_url

        request = parse_timer_url(url)
        if request is not None:
            self.timers_dock().timers.start(request)
            self._window.show_status(f"Timer started: {display_line(request.name)}", 5000)

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
            library = window.library
            state = (
                shopping_state_path(library.path, library.computer.id)
                if library is not None
                else shopping_state_path(window.library_path)
            )
            self._shopping = ShoppingListDialog(window, library, state, library)
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
        # The recipe on show is offered first: Enter or Add puts it on the list.
        dialog.offer(self._window.current_recipe)
        dialog.show()
        dialog.raise_()

    def add_shown_recipe(self) -> None:
        window = self._window
        recipe = window.current_recipe
        if recipe is None or window.library is None:
            return
        # The ×½ batch (the spinner's lowest value) goes on the list as one batch.
        self.shopping_list_dialog().add_recipe(recipe, max(1, window.servings_spin.value()))
        window.show_status(f"Added “{display_line(recipe.title)}” to the shopping list", 5000)
