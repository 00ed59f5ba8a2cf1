"""The meal plan: a week of days, each with the recipes planned for it at a number of servings.

A recipe goes on a day by dragging it from the recipe list (or a day to another day, to
move it), or from the recipe list's menu. The selected meal's servings are changed below the
week, and it is removed with Delete or the Remove button. A shopping list is made from any
range of days. The plan is kept as entries in the library (`domain.meal_plan`), synced with it.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QDate, QEvent, QMimeData, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.display import display_line
from ..domain.meal_plan import (
    MAX_SERVINGS,
    MealPlanEntry,
    meals,
    meals_between,
    week_days,
    week_start,
)
from ..storage import LibraryError
from .plain import plain_tooltip
from .recipe_list_model import RECIPE_MIME
from .screen_fit import fit_to_screen, keep_on_screen

if TYPE_CHECKING:
    from ..domain import Recipe

log = logging.getLogger(__name__)

PLAN_MIME = "application/x-recipe-manager-plan-entries"
ENTRY_ROLE = Qt.ItemDataRole.UserRole
#: The size it opens at where the screen has room; smaller screens (1024x600) get their
#: usable area, and every control still shows there.
PLAN_SIZE = QSize(1100, 560)
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def meal_text(meal: MealPlanEntry, servings_stated: bool | None) -> str:
    """ "Crispy Pork Belly — 4 servings"; batches where the recipe states no servings;
    "(deleted)" where the recipe is no longer in the library (`servings_stated` None): the
    meal stays, so that undoing the delete brings it back whole, but it is not shopped for."""
    if servings_stated is None:
        return f"{display_line(meal.title)} — deleted"
    if servings_stated is False:
        amount = f"×{meal.servings} {'batch' if meal.servings == 1 else 'batches'}"
    else:
        amount = f"{meal.servings} {'serving' if meal.servings == 1 else 'servings'}"
    return f"{display_line(meal.title)} — {amount}"


class DayList(QListWidget):
    """One day's meals: takes recipes dragged from the recipe list and meals from other days."""

    dropped = Signal(object, object)  # (day, QMimeData)

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"planDay{index}")
        self.day = date.today()
        self.setAcceptDrops(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [PLAN_MIME, RECIPE_MIME]

    def mimeData(self, items: Any) -> QMimeData:  # noqa: N802
        data = QMimeData()
        ids = [item.data(ENTRY_ROLE) for item in items if item.data(ENTRY_ROLE)]
        data.setData(PLAN_MIME, QByteArray("\n".join(ids).encode()))
        return data

    def _accepts(self, event: Any) -> bool:
        mime = event.mimeData()
        return mime.hasFormat(RECIPE_MIME) or mime.hasFormat(PLAN_MIME)

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802
        if self._accepts(event):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:  # noqa: N802
        self.dragEnterEvent(event)

    def dropEvent(self, event: Any) -> None:  # noqa: N802
        if not self._accepts(event):
            event.ignore()
            return
        # Copy, never Qt's own move: the plan is rebuilt from the store after the change.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.dropped.emit(self.day, event.mimeData())


class MealPlanWidget(QWidget):
    """`mealPlan`: a window of its own, a child of the main window, never blocking it."""

    shopping_requested = Signal(object)  # list of (recipe_id, title, servings)

    def __init__(
        self,
        store: Any,
        recipe_lookup: Any,
        parent: QWidget | None = None,
    ) -> None:
        """`store` keeps plan entries (`plan_entries`, `put_plan_entry`, `remove_plan_entry`);
        `recipe_lookup(recipe_id)` gives the stored Recipe or None."""
        # A dialog-type window: kept above the main window (dragging a recipe from the list
        # no longer hides it behind), never modal, with its own maximise button.
        super().__init__(parent, Qt.WindowType.Dialog)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setObjectName("mealPlan")
        self.setWindowTitle("Meal Plan")
        self.store = store
        self._lookup = recipe_lookup
        self._week = week_start(date.today())
        self._meals: list[MealPlanEntry] = []
        self._build()
        fit_to_screen(self, PLAN_SIZE)
        self.reload()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        """Escape closes the plan, as it closes a dialog (the keys a child does not use
        come here)."""
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.close()
            return
        super().keyPressEvent(event)

    def showEvent(self, event: Any) -> None:  # noqa: N802
        """Opened again after the screen changed (or moved off it): back onto the screen."""
        super().showEvent(event)
        QTimer.singleShot(0, lambda: keep_on_screen(self))

    # Building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.previous_button = QPushButton("◀ Previous week", objectName="planPreviousWeek")
        self.next_button = QPushButton("Next week ▶", objectName="planNextWeek")
        self.today_button = QPushButton("This week", objectName="planThisWeek")
        self.week_label = QLabel(objectName="planWeekLabel")
        week_font = QFont(self.week_label.font())
        week_font.setBold(True)
        week_font.setPointSizeF(week_font.pointSizeF() * 1.2)
        self.week_label.setFont(week_font)
        self.previous_button.clicked.connect(lambda: self.show_week(self._week - timedelta(7)))
        self.next_button.clicked.connect(lambda: self.show_week(self._week + timedelta(7)))
        self.today_button.clicked.connect(lambda: self.show_week(week_start(date.today())))
        top = QHBoxLayout()
        top.addWidget(self.previous_button)
        top.addWidget(self.week_label, 1, Qt.AlignmentFlag.AlignCenter)
        top.addWidget(self.today_button)
        top.addWidget(self.next_button)

        grid = QGridLayout()
        self.day_labels: list[QLabel] = []
        self.day_lists: list[DayList] = []
        for index in range(7):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            day_list = DayList(index)
            day_list.setAccessibleName(DAY_NAMES[index])
            day_list.dropped.connect(self.drop)
            day_list.itemSelectionChanged.connect(
                lambda index=index: self._selection_changed(index)
            )
            day_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            day_list.customContextMenuRequested.connect(
                lambda point, day_list=day_list: self._show_menu(day_list, point)
            )
            label.setBuddy(day_list)
            grid.addWidget(label, 0, index)
            grid.addWidget(day_list, 1, index)
            self.day_labels.append(label)
            self.day_lists.append(day_list)

        self.servings = QSpinBox(objectName="planServings")
        self.servings.setRange(1, MAX_SERVINGS)
        self.servings.setAccessibleName("Servings of the selected meal")
        self.servings.setEnabled(False)
        self.servings.valueChanged.connect(self._servings_changed)
        servings_label = QLabel("&Servings")
        servings_label.setBuddy(self.servings)
        self.remove_button = QPushButton("Remove", objectName="planRemove")
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_selected)
        QShortcut(QKeySequence.StandardKey.Delete, self, self.remove_selected)

        self.from_date = QDateEdit(objectName="planFrom", calendarPopup=True)
        self.to_date = QDateEdit(objectName="planTo", calendarPopup=True)
        for edit in (self.from_date, self.to_date):
            edit.setDisplayFormat("ddd d MMM yyyy")
        self.shop_button = QPushButton("Shopping List for These Days", objectName="planShop")
        self.shop_button.clicked.connect(self.request_shopping)
        bottom = QHBoxLayout()
        bottom.addWidget(servings_label)
        bottom.addWidget(self.servings)
        bottom.addWidget(self.remove_button)
        bottom.addStretch(1)
        from_label = QLabel("&From")
        from_label.setBuddy(self.from_date)
        bottom.addWidget(from_label)
        bottom.addWidget(self.from_date)
        bottom.addWidget(QLabel("to"))
        bottom.addWidget(self.to_date)
        bottom.addWidget(self.shop_button)

        self.hint = QLabel(
            "Drag a recipe from the list onto a day, or right-click it in the list. Drag a "
            "meal to another day to move it.",
            objectName="planHint",
            wordWrap=True,
        )
        self.status = QLabel(objectName="planStatus", wordWrap=True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self.close_button = QPushButton("Close", objectName="planClose")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        footer = QHBoxLayout()
        footer.addWidget(self.hint, 1)
        footer.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(bottom)
        layout.addLayout(footer)
        layout.addWidget(self.status)

    # Reading the plan ----------------------------------------------------------------------

    def reload(self) -> None:
        """Read the plan from the store again (another computer may have changed it)."""
        try:
            self._meals = meals(self.store.plan_entries())
        except LibraryError as error:
            self.status.setText(str(error))
            self._meals = []
        self._fill()

    def meals(self) -> list[MealPlanEntry]:
        return list(self._meals)

    def week(self) -> date:
        return self._week

    def show_week(self, start: date) -> None:
        self._week = week_start(start)
        self.from_date.setDate(QDate(self._week))
        self.to_date.setDate(QDate(self._week + timedelta(6)))
        self._fill()

    def _fill(self) -> None:
        days = week_days(self._week)
        first, last = days[0], days[-1]
        self.week_label.setText(f"{first.day} {first:%b} – {last.day} {last:%b} {last.year}")
        if self.from_date.date() == QDate(2000, 1, 1) or not self.from_date.date().isValid():
            self.from_date.setDate(QDate(days[0]))
            self.to_date.setDate(QDate(days[-1]))
        today = date.today()
        for index, day in enumerate(days):
            label = self.day_labels[index]
            label.setText(f"{DAY_NAMES[index]}\n{day.day} {day.strftime('%b')}")
            font = QFont(label.font())
            font.setBold(day == today)
            label.setFont(font)
            day_list = self.day_lists[index]
            day_list.day = day
            day_list.blockSignals(True)
            day_list.clear()
            for meal in self._meals:
                if meal.day == day:
                    recipe = self._lookup(meal.recipe_id)
                    stated = bool(recipe.servings) if recipe is not None else None
                    item = QListWidgetItem(meal_text(meal, stated))
                    item.setData(ENTRY_ROLE, meal.id)
                    if recipe is None:
                        item.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
                    item.setToolTip(
                        plain_tooltip(
                            meal.title if recipe is not None else f"{meal.title} (deleted)"
                        )
                    )
                    day_list.addItem(item)
            day_list.blockSignals(False)
        self._selection_changed(None)

    # Changing the plan ---------------------------------------------------------------------

    def add(self, recipe: Recipe, day: date, servings: int | None = None) -> MealPlanEntry | None:
        """Plan `recipe` on `day` at `servings` (the recipe's own, or one batch)."""
        amount = max(1, min(MAX_SERVINGS, servings or recipe.servings or 1))
        meal = MealPlanEntry(day, recipe.id, recipe.title, amount)
        entry = meal.to_entry()
        if not self._put(entry):
            return None
        self.reload()
        return MealPlanEntry.from_entry(entry)

    def move_meal(self, entry_id: str, day: date) -> None:
        """Put a planned meal on another day (not `move`: that is QWidget's, which placing
        the window on the screen needs)."""
        meal = self._meal(entry_id)
        if meal is None or meal.day == day:
            return
        if self._put(
            MealPlanEntry(day, meal.recipe_id, meal.title, meal.servings, meal.id).to_entry()
        ):
            self.reload()

    def set_servings(self, entry_id: str, servings: int) -> None:
        meal = self._meal(entry_id)
        if meal is None or meal.servings == servings:
            return
        changed = MealPlanEntry(meal.day, meal.recipe_id, meal.title, servings, meal.id)
        if self._put(changed.to_entry()):
            self._meals = [changed if m.id == entry_id else m for m in self._meals]
            for day_list in self.day_lists:
                for row in range(day_list.count()):
                    item = day_list.item(row)
                    if item.data(ENTRY_ROLE) == entry_id:
                        recipe = self._lookup(changed.recipe_id)
                        stated = bool(recipe.servings) if recipe is not None else None
                        item.setText(meal_text(changed, stated))

    def remove(self, entry_id: str) -> None:
        try:
            self.store.remove_plan_entry(entry_id)
        except LibraryError as error:
            self.status.setText(f"Not removed: {error}")
            return
        self.reload()

    def remove_selected(self) -> None:
        entry_id = self.selected_entry_id()
        if entry_id is not None:
            self.remove(entry_id)

    def drop(self, day: date, mime: QMimeData) -> None:
        """A recipe dragged from the list (added at its own servings) or a meal from another
        day (moved)."""
        if mime.hasFormat(PLAN_MIME):
            for entry_id in bytes(mime.data(PLAN_MIME).data()).decode().split():
                self.move_meal(entry_id, day)
            return
        for recipe_id in bytes(mime.data(RECIPE_MIME).data()).decode().split():
            recipe = self._lookup(recipe_id)
            if recipe is not None:
                self.add(recipe, day)

    def _put(self, entry: dict[str, Any]) -> bool:
        try:
            self.store.put_plan_entry(entry)
        except LibraryError as error:
            self.status.setText(f"Not saved: {error}")
            return False
        self.status.clear()
        return True

    def _meal(self, entry_id: str) -> MealPlanEntry | None:
        return next((meal for meal in self._meals if meal.id == entry_id), None)

    # Selection, menus, shopping -------------------------------------------------------------

    def selected_entry_id(self) -> str | None:
        for day_list in self.day_lists:
            items = day_list.selectedItems()
            if items:
                return items[0].data(ENTRY_ROLE)
        return None

    def select(self, entry_id: str) -> None:
        for day_list in self.day_lists:
            for row in range(day_list.count()):
                if day_list.item(row).data(ENTRY_ROLE) == entry_id:
                    day_list.setCurrentRow(row)
                    day_list.setFocus()
                    return

    def _selection_changed(self, index: int | None) -> None:
        if index is not None and self.day_lists[index].selectedItems():
            # One selected meal across the week.
            for other, day_list in enumerate(self.day_lists):
                if other != index:
                    day_list.blockSignals(True)
                    day_list.clearSelection()
                    day_list.blockSignals(False)
        meal = self._meal(self.selected_entry_id() or "")
        self.servings.blockSignals(True)
        self.servings.setEnabled(meal is not None)
        self.servings.setValue(meal.servings if meal is not None else 1)
        self.servings.blockSignals(False)
        self.remove_button.setEnabled(meal is not None)

    def _servings_changed(self, value: int) -> None:
        entry_id = self.selected_entry_id()
        if entry_id is not None:
            self.set_servings(entry_id, value)

    def day_menu(self, day_list: DayList, item: QListWidgetItem | None) -> QMenu | None:
        """Add a recipe to the day (the plan may cover the recipe list on a small screen);
        move a meal to another day of the week, or remove it."""
        menu = QMenu(self)
        menu.setObjectName("planMealMenu")
        add = menu.addAction(f"Add a Recipe to {day_list.day:%A}…")
        add.setObjectName("planMenuAdd")
        add.triggered.connect(lambda: self.choose_recipe_for(day_list.day))
        if item is None:
            return menu
        menu.addSeparator()
        entry_id = item.data(ENTRY_ROLE)
        move = menu.addMenu("Move to")
        for index, day in enumerate(week_days(self._week)):
            action = move.addAction(f"{DAY_NAMES[index]} {day.day} {day.strftime('%b')}")
            action.setEnabled(day != day_list.day)
            action.triggered.connect(lambda _=False, d=day: self.move_meal(entry_id, d))
        remove = menu.addAction("Remove")
        remove.setObjectName("planMenuRemove")
        remove.triggered.connect(lambda: self.remove(entry_id))
        return menu

    def choose_recipe_for(self, day: date) -> RecipePicker:
        """A small window to find a recipe by its title and plan it on `day`."""
        summaries = getattr(self.store, "summaries", None)
        titles = sorted(
            ((summary.title, summary.id) for summary in summaries()) if summaries else [],
            key=lambda pair: pair[0].casefold(),
        )
        picker = RecipePicker(titles, day, self)
        picker.chosen.connect(self._picked)
        picker.open()
        return picker

    def _picked(self, recipe_id: str, day: date) -> None:
        recipe = self._lookup(recipe_id)
        if recipe is not None:
            self.add(recipe, day)

    def _show_menu(self, day_list: DayList, point: Any) -> None:
        menu = self.day_menu(day_list, day_list.itemAt(point))
        if menu is not None:
            menu.aboutToHide.connect(menu.deleteLater)
            menu.popup(day_list.viewport().mapToGlobal(point))

    def date_range(self) -> tuple[date, date]:
        return self.from_date.date().toPython(), self.to_date.date().toPython()

    def request_shopping(self) -> None:
        """Ask for a shopping list of every meal from `planFrom` to `planTo`."""
        first, last = self.date_range()
        chosen = meals_between(self._meals, first, last)
        if not chosen:
            self.status.setText("No meals are planned on those days.")
            return
        self.shopping_requested.emit(chosen)


class RecipePicker(QDialog):
    """`planRecipePicker`: type part of a title, choose, and the recipe is planned."""

    chosen = Signal(str, object)  # recipe id, day

    def __init__(self, titles: list[tuple[str, str]], day: date, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("planRecipePicker")
        self.setWindowTitle(f"Add a Recipe to {day:%A %d %B}")
        self._day = day
        self.filter = QLineEdit(objectName="planPickerFilter", placeholderText="Type to find…")
        self.list = QListWidget(objectName="planPickerList")
        self.list.setUniformItemSizes(True)
        for title, recipe_id in titles:
            row = QListWidgetItem(display_line(title))
            row.setData(Qt.ItemDataRole.UserRole, recipe_id)
            self.list.addItem(row)
        self.filter.textChanged.connect(self._narrow)
        self.filter.returnPressed.connect(self.accept)
        self.filter.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        if self.list.count():
            self.list.setCurrentRow(0)
        fit_to_screen(self, QSize(420, 480))

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802
        """Up and Down in the search box move through the titles it leaves shown."""
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(event.key())
            if step is not None:
                row = self.list.currentRow() + step
                while 0 <= row < self.list.count() and self.list.item(row).isHidden():
                    row += step
                if 0 <= row < self.list.count():
                    self.list.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    def _narrow(self, text: str) -> None:
        """Only the titles holding every typed word; the first of them chosen."""
        words = text.casefold().split()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            shown = all(word in item.text().casefold() for word in words)
            item.setHidden(not shown)
            if shown and first is None:
                first = row
        if first is not None:
            self.list.setCurrentRow(first)

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return
        self.chosen.emit(item.data(Qt.ItemDataRole.UserRole), self._day)
        super().accept()
