"""What cooks asked for, from the main window: favourites and ratings, scaling to what you
have, the meal plan, and the recipe list's menu. Each dialog is built when first asked for.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QMenu

from ..domain.display import display_line
from ..storage import LibraryError

if TYPE_CHECKING:
    from ..domain import Recipe
    from ..domain.meal_plan import MealPlanEntry
    from .meal_plan import MealPlanWidget
    from .scale_to_dialog import ScaleToAmountDialog
    from .window_contract import RecipeWindow


class _MarkSignals(QObject):
    saved = Signal(object)
    failed = Signal(str)


class _MarkSave(QRunnable):
    """A favourite or rating saved on the thread pool: the UI never waits on the disk."""

    def __init__(self, library: Any, recipe: Recipe) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = _MarkSignals()
        self._library, self._recipe = library, recipe

    def run(self) -> None:
        try:
            stored = self._library.update(self._recipe)
        except LibraryError as error:
            self.signals.failed.emit(str(error))
            return
        self.signals.saved.emit(stored)


class CooksFeatures(QObject):
    """Favourite, Rate, Scale to What You Have and the Meal Plan, for the shown recipe."""

    def __init__(self, window: RecipeWindow) -> None:
        super().__init__(window)
        self._window = window
        self._saves: list[_MarkSave] = []
        self._scale_dialog: ScaleToAmountDialog | None = None
        self._plan: MealPlanWidget | None = None

    # Favourites and ratings ------------------------------------------------------------------

    def set_favourite(self, favourite: bool) -> None:
        recipe = self._window.current_recipe
        if recipe is None or recipe.favourite == favourite:
            return
        self._save_marks(recipe.copy(favourite=favourite))

    def set_rating(self, rating: int | None) -> None:
        recipe = self._window.current_recipe
        if recipe is None or recipe.rating == rating:
            return
        self._save_marks(recipe.copy(rating=rating or None))

    def _save_marks(self, recipe: Recipe) -> None:
        library = self._window.library
        if library is None or library.read_only:
            return
        task = _MarkSave(library, recipe)
        self._saves.append(task)
        task.signals.saved.connect(lambda stored, task=task: self._marks_saved(task, stored))
        task.signals.failed.connect(lambda message, task=task: self._marks_failed(task, message))
        QThreadPool.globalInstance().start(task)

    def is_saving(self) -> bool:
        return bool(self._saves)

    def _marks_saved(self, task: _MarkSave, stored: Recipe) -> None:
        self._saves.remove(task)
        window = self._window
        if window.guard is not None:
            window.guard.saved()
        window.recipe_marks_saved(stored)

    def _marks_failed(self, task: _MarkSave, message: str) -> None:
        self._saves.remove(task)
        self._window.show_status(f"Not saved: {message}", 10000)
        self._window.update_mark_actions()

    # Scale to what you have --------------------------------------------------------------------

    def open_scale_to_amount(self) -> ScaleToAmountDialog | None:
        recipe = self._window.current_recipe
        if recipe is None:
            return None
        from .scale_to_dialog import ScaleToAmountDialog

        if self._scale_dialog is not None:
            self._scale_dialog.close()
        dialog = ScaleToAmountDialog(recipe, self._window)
        dialog.chosen.connect(self._window.scale_to)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _result: self._forget_scale_dialog(dialog))
        self._scale_dialog = dialog
        dialog.show()  # not modal: the recipe stays readable while the cook weighs
        return dialog

    def _forget_scale_dialog(self, dialog: ScaleToAmountDialog) -> None:
        if self._scale_dialog is dialog:
            self._scale_dialog = None

    # The meal plan -----------------------------------------------------------------------------

    def plan_store(self) -> Any:
        """Where the meal plan lives: the library's plan entries (merged across computers)."""
        return self._window.library

    def meal_plan(self) -> MealPlanWidget | None:
        store = self.plan_store()
        if store is None:
            return None
        if self._plan is None:
            from .meal_plan import MealPlanWidget

            self._plan = MealPlanWidget(store, self._lookup, self._window)
            self._plan.shopping_requested.connect(self._shop_for_meals)
        return self._plan

    def refresh_meal_plan(self) -> None:
        """The open plan shown again after recipes changed (a deleted one reads "deleted")."""
        if self._plan is not None and self._plan.isVisible():
            self._plan.reload()

    def open_meal_plan(self) -> MealPlanWidget | None:
        plan = self.meal_plan()
        if plan is None:
            return None
        plan.reload()
        plan.show()
        plan.raise_()
        plan.activateWindow()
        return plan

    def _lookup(self, recipe_id: str) -> Recipe | None:
        library = self._window.library
        if library is None or recipe_id not in library:
            return None
        try:
            return library.get(recipe_id)
        except LibraryError:
            return None

    def plan_recipe(self, recipe_id: str, day: date) -> None:
        """Put a recipe from the list on a day of the plan, at its own servings."""
        recipe = self._lookup(recipe_id)
        plan = self.meal_plan()
        if recipe is None or plan is None:
            return
        if plan.add(recipe, day) is not None:
            self._window.show_status(
                f"Planned “{display_line(recipe.title)}” for {day.strftime('%A %d %B')}", 5000
            )

    def _shop_for_meals(self, chosen: list[MealPlanEntry]) -> None:
        from ..domain.meal_plan import servings_by_recipe

        dialog = self._window.kitchen.shopping_list_dialog()
        for recipe_id, servings in servings_by_recipe(chosen).items():
            recipe = self._lookup(recipe_id)
            if recipe is not None:
                dialog.add_recipe(recipe, servings)
        self._window.kitchen.open_shopping_list()

    # The recipe list's menu ---------------------------------------------------------------------

    def list_menu(self, recipe_id: str) -> QMenu:
        """Plan the recipe on a day of the plan's week, favourite and rate it."""
        from ..domain.meal_plan import week_days

        window = self._window
        menu = QMenu(window)
        menu.setObjectName("recipeListMenu")
        plan_menu = menu.addMenu("Add to Meal Plan")
        plan_menu.setObjectName("planDayMenu")
        plan = self.meal_plan()
        start = plan.week() if plan is not None else None
        days = week_days(start) if start is not None else []
        for day in days:
            action = plan_menu.addAction(day.strftime("%A %d %b"))
            action.triggered.connect(lambda _=False, d=day: self.plan_recipe(recipe_id, d))
        if start is not None:
            # Planning ahead is the common case on a Sunday: the next week is one step away.
            later = plan_menu.addMenu("The Week After")
            later.setObjectName("planNextWeekMenu")
            for day in week_days(start + timedelta(days=7)):
                action = later.addAction(day.strftime("%A %d %b"))
                action.triggered.connect(lambda _=False, d=day: self.plan_recipe(recipe_id, d))
        plan_menu.setEnabled(bool(days))
        menu.addSeparator()
        menu.addAction(window.action_favourite)
        menu.addMenu(window.rating_menu)
        return menu

    def show_list_menu(self, point: QPoint) -> None:
        window = self._window
        index = window.recipe_list.indexAt(point)
        if not index.isValid():
            return
        window.recipe_list.setCurrentIndex(index)
        from .recipe_list_model import RECIPE_ID_ROLE

        menu = self.list_menu(index.data(RECIPE_ID_ROLE))
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(window.recipe_list.viewport().mapToGlobal(point))
