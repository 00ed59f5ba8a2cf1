"""What cooks asked for, through the window's object names: browse, favourites and ratings,
scaling to what you have, weighing dry ingredients, the meal plan and its shopping list."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QByteArray, QMimeData, QPointF, Qt
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from window_helpers import PORK, SOY, detail, open_window, select, titles

from recipe_manager.domain import Component, Recipe, parse_ingredient
from recipe_manager.storage import RecipeLibrary
from recipe_manager.ui.browse import FILTER_ROLE
from recipe_manager.ui.recipe_list_model import RECIPE_MIME


def browse_rows(window) -> list[str]:
    view = window.findChild(QAbstractItemView, "categoryList")
    model = view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def choose_browse(window, text_start: str) -> None:
    view = window.findChild(QAbstractItemView, "categoryList")
    model = view.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data().startswith(text_start):
            assert model.index(row, 0).data(FILTER_ROLE) is not None
            view.setCurrentIndex(model.index(row, 0))
            return
    raise AssertionError(f"no browse row {text_start!r} in {browse_rows(window)}")


def make_library(path: Path) -> None:
    library = RecipeLibrary(path)
    lines = [parse_ingredient("500 g pork belly"), parse_ingredient("1 cup flour")]
    library.add_many(
        [
            Recipe(
                title="Pork Roast",
                servings=4,
                category="Main",
                cuisine="Chinese",
                tags=["pork", "weekend"],
                components=[Component(ingredients=lines, steps=["Roast for 1 hour."])],
            ),
            Recipe(title="Apple Cake", servings=8, category="Dessert", tags=["baking"]),
            Recipe(title="Pork Buns", servings=6, category="Main", tags=["pork"]),
        ]
    )
    library.close()


def test_browse_narrows_the_list_with_the_search(qtbot, library_path: Path) -> None:
    make_library(library_path)
    window = open_window(qtbot, library_path)
    qtbot.waitUntil(lambda: not window.browse.is_counting())
    rows = browse_rows(window)
    assert rows[:2] == ["All recipes (3)", "★ Favourites (0)"]
    for heading, row in [
        ("Categories", "Main (2)"),
        ("Cuisines", "Chinese (1)"),
        ("Tags", "pork (2)"),
    ]:
        assert heading in rows and row in rows
    assert rows.index("Categories") < rows.index("Dessert (1)") < rows.index("Main (2)")
    choose_browse(window, "Main")
    assert titles(window) == ["Pork Buns", "Pork Roast"]
    window.findChild(QLineEdit, "searchField").setText("roast")
    assert titles(window) == ["Pork Roast"]
    window.findChild(QLineEdit, "searchField").clear()
    choose_browse(window, "baking")
    assert titles(window) == ["Apple Cake"]
    choose_browse(window, "All recipes")
    assert len(titles(window)) == 3


def test_a_list_of_categories_is_browsed_under_each(qtbot, library_path: Path) -> None:
    # Recipe sites give several categories; imported, they are one text "Main Course, Salad".
    library = RecipeLibrary(library_path)
    library.add_many(
        [
            Recipe(title="Citrus Salad", category="Main Course, Salad", cuisine="American"),
            Recipe(title="Green Salad", category="salad; Side Dish"),
        ]
    )
    library.close()
    window = open_window(qtbot, library_path)
    qtbot.waitUntil(lambda: not window.browse.is_counting())
    rows = browse_rows(window)
    for row in ("Main Course (1)", "Salad (2)", "Side Dish (1)", "American (1)"):
        assert row in rows
    assert not any("," in row or ";" in row for row in rows)
    choose_browse(window, "Salad")
    assert titles(window) == ["Citrus Salad", "Green Salad"]
    choose_browse(window, "Main Course")
    assert titles(window) == ["Citrus Salad"]


def test_the_browse_panel_collapses_and_is_reached_by_keyboard(qtbot, library_path: Path) -> None:
    window = open_window(qtbot, library_path)
    panel = window.findChild(QAbstractItemView, "categoryList")
    toggle = window.findChild(QAction, "actionBrowse")
    assert panel.isVisible() and toggle.isChecked()
    toggle.trigger()
    assert not panel.isVisible()
    toggle.trigger()
    assert panel.isVisible() and window.focusWidget() is panel
    assert toggle.shortcut().toString() == "F9"


def test_favourite_and_rating_are_kept_shown_and_sorted(qtbot, library_path: Path) -> None:
    window = open_window(qtbot, library_path)
    select(window, SOY)
    favourite = window.findChild(QAction, "actionFavourite")
    assert favourite.isCheckable() and not favourite.isChecked()
    favourite.trigger()
    qtbot.waitUntil(lambda: not window.cooks.is_saving())
    assert window.current_recipe.favourite
    window.findChild(QAction, "actionRate4").trigger()
    qtbot.waitUntil(lambda: not window.cooks.is_saving())
    assert "♥ Favourite" in detail(window) and "★★★★☆" in detail(window)
    qtbot.waitUntil(lambda: not window.browse.is_counting())
    assert "★ Favourites (1)" in browse_rows(window)
    choose_browse(window, "★ Favourites")
    assert titles(window) == [SOY]
    choose_browse(window, "All recipes")
    sort = window.findChild(QComboBox, "recipeSort")
    sort.setCurrentIndex(sort.findData("rating"))
    assert titles(window) == [SOY, PORK]
    sort.setCurrentIndex(sort.findData("title"))
    assert titles(window) == [PORK, SOY]
    window.close()
    stored = {r.title: r for r in RecipeLibrary(library_path).recipes()}
    assert stored[SOY].favourite and stored[SOY].rating == 4
    assert not stored[PORK].favourite and stored[PORK].rating is None


def test_scale_to_what_you_have(qtbot, library_path: Path) -> None:
    window = open_window(qtbot, library_path)
    select(window, PORK)
    window.findChild(QAction, "actionScaleToAmount").trigger()
    dialog = window.findChild(QDialog, "scaleToAmount")
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    ingredient = dialog.findChild(QComboBox, "scaleIngredient")
    amount = dialog.findChild(QLineEdit, "scaleAmount")
    assert "pork belly" in ingredient.currentText()
    amount.setText("12")  # a count against a weight
    dialog.accept()
    message = dialog.findChild(QLabel, "scaleMessage")
    assert dialog.isVisible() and "can't be compared" in message.text()
    amount.setText("3 kg")
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    text = detail(window)
    # Said once, in the banner with its Reset, not again in the pane.
    assert "Scaled to" not in text
    assert "3kg pork belly" in text or "3 kg pork belly" in text
    note = window.findChild(QLabel, "scaleNote")
    assert note.isVisible() and "Scaled to 3 kg pork belly: serves 9" in note.text()
    assert "not changed" in note.text()  # the method has times
    assert window.findChild(QSpinBox, "servingsSpin").value() == 9
    window.findChild(QWidget, "scaleReset").click()
    assert "Scaled to" not in detail(window) and not note.isVisible()
    assert window.findChild(QSpinBox, "servingsSpin").value() == 6


def test_scaled_servings_that_are_not_whole_read_about(qtbot, library_path: Path) -> None:
    window = open_window(qtbot, library_path)
    select(window, PORK)
    dialog = window.cooks.open_scale_to_amount()
    dialog.findChild(QLineEdit, "scaleAmount").setText("1.4 kg")
    dialog.accept()
    assert "About 4 servings" in detail(window)
    assert window.findChild(QSpinBox, "servingsSpin").text().startswith("about 4")


def test_weigh_dry_ingredients_in_metric(qtbot, library_path: Path) -> None:
    make_library(library_path)
    window = open_window(qtbot, library_path)
    select(window, "Pork Roast")
    units = window.findChild(QComboBox, "unitSystem")
    units.setCurrentIndex(units.findData("metric"))
    assert "240 ml flour" in detail(window)
    weigh = window.findChild(QAction, "actionWeighIngredients")
    assert weigh.isCheckable()
    weigh.trigger()
    assert "125 g flour" in detail(window) and "500 g pork belly" in detail(window)


def _drop(qtbot, target, mime: QMimeData) -> None:
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    target.dropEvent(event)


def test_meal_plan_add_move_remove_and_shop(qtbot, library_path: Path) -> None:
    window = open_window(qtbot, library_path)
    window.findChild(QAction, "actionMealPlan").trigger()
    plan = window.findChild(QWidget, "mealPlan")
    assert plan is not None and plan.isVisible()
    monday = plan.findChild(QAbstractItemView, "planDay0")
    wednesday = plan.findChild(QAbstractItemView, "planDay2")
    # Drag a recipe from the list onto Monday: the list's own drag data.
    recipe_list = window.findChild(QAbstractItemView, "recipeList")
    mime = recipe_list.model().mimeData([recipe_list.model().index(0, 0)])
    assert mime.hasFormat(RECIPE_MIME)
    _drop(qtbot, monday, mime)
    assert [monday.item(r).text() for r in range(monday.count())] == [f"{PORK} — 6 servings"]
    # The recipe list's menu puts one on a day too.
    select(window, SOY)
    menu = window.cooks.list_menu(window.current_recipe.id)
    day_menu = menu.findChild(type(menu), "planDayMenu")
    day_menu.actions()[2].trigger()
    assert wednesday.count() == 1 and wednesday.item(0).text().startswith(SOY)
    # The week after is one step further: planned there, it is not in this week's days.
    later = day_menu.findChild(type(menu), "planNextWeekMenu")
    assert later is not None and len(later.actions()) == 7
    later.actions()[0].trigger()
    assert sum(day.count() for day in plan.day_lists) == 2
    plan.show_week(plan.week() + timedelta(days=7))
    assert plan.day_lists[0].count() == 1 and plan.day_lists[0].item(0).text().startswith(SOY)
    plan.day_lists[0].setCurrentRow(0)
    plan.findChild(QWidget, "planRemove").click()
    plan.show_week(plan.week() - timedelta(days=7))
    # Change servings, move and remove.
    monday.setCurrentRow(0)
    plan.findChild(QSpinBox, "planServings").setValue(3)
    assert monday.item(0).text() == f"{PORK} — 3 servings"
    entry = QMimeData()
    entry.setData(
        "application/x-recipe-manager-plan-entries",
        QByteArray(monday.item(0).data(Qt.ItemDataRole.UserRole).encode()),
    )
    _drop(qtbot, wednesday, entry)
    assert monday.count() == 0 and wednesday.count() == 2
    # A shopping list from the plan's days.
    plan.request_shopping()
    shopping = window.findChild(QDialog, "shoppingList")
    assert shopping is not None and shopping.isVisible()
    assert sorted((r.title, n) for r, n in shopping.recipes()) == [
        (PORK, 3),
        (SOY, 1),
    ]  # Sweet Soy states no servings: one batch
    wednesday.setCurrentRow(
        [wednesday.item(r).text().startswith(SOY) for r in range(2)].index(True)
    )
    plan.findChild(QWidget, "planRemove").click()
    assert wednesday.count() == 1
    # Kept: a new window on the library shows the same plan.
    window.close()
    again = open_window(qtbot, library_path)
    again.findChild(QAction, "actionMealPlan").trigger()
    plan = again.findChild(QWidget, "mealPlan")
    assert [m.title for m in plan.meals()] == [PORK]
    assert plan.meals()[0].day == date.today() - timedelta(date.today().weekday()) + timedelta(2)


def test_shopping_aisles_are_remembered_and_staples_left_out(qtbot, library_path: Path) -> None:
    window = open_window(qtbot, library_path)
    select(window, PORK)
    window.findChild(QAction, "actionAddToShoppingList").trigger()
    window.findChild(QAction, "actionShoppingList").trigger()
    shopping = window.findChild(QDialog, "shoppingList")
    assert shopping.aisle_of("garlic") == "produce"
    [garlic] = shopping.item_list.findItems("1 head garlic", Qt.MatchFlag.MatchExactly)
    menu = shopping.item_menu(garlic)
    menu.findChild(QAction, "shoppingAisle_spices").trigger()
    assert shopping.aisle_of("garlic") == "spices"
    shopping.set_pantry_staple("sesame oil", True)
    assert shopping.aisle_of("sesame oil") is None
    assert "sesame oil" in shopping.summary_label.text()
    shopping.show_staples.setChecked(True)
    assert shopping.aisle_of("sesame oil") == "dry goods"
    window.close()
    again = open_window(qtbot, library_path)
    dialog = again.kitchen.shopping_list_dialog()
    dialog.show_staples.setChecked(False)
    assert dialog.aisle_of("garlic") == "spices" and dialog.aisle_of("sesame oil") is None


def test_the_editor_offers_tags_and_categories_in_use(qtbot, library_path: Path) -> None:
    make_library(library_path)
    window = open_window(qtbot, library_path)
    window.findChild(QAction, "actionNewRecipe").trigger()
    editor = window.findChild(QDialog, "recipeEditor")
    category = editor.findChild(QComboBox, "categoryEdit")
    assert [category.itemText(i) for i in range(category.count())] == ["Dessert", "Main"]
    tags = editor.findChild(QLineEdit, "tagsEdit")
    tags.setFocus()
    qtbot.keyClicks(tags, "pork, we")
    completer = editor._completers[0]
    assert completer.completionCount() == 1
    assert completer.completionModel().index(0, 0).data() == "weekend"
    completer.activated.emit("weekend")
    assert tags.text() == "pork, weekend"
    editor.findChild(QLineEdit, "titleEdit").setText("x")
    editor.reject = lambda: None


def test_a_batch_of_new_recipes_is_counted_once_and_rightly(qtbot, library_path: Path) -> None:
    """An import of many recipes gives one row signal each; the browse counts are started
    again once for the batch (a copy of a 100,000-row list per row was a dropped frame)."""
    make_library(library_path)
    window = open_window(qtbot, library_path)
    qtbot.waitUntil(lambda: not window.browse.is_counting())
    other = library_path.parent / "other"
    library = RecipeLibrary(other)
    library.add_many(
        [Recipe(title=f"Tart {n}", servings=2, category="Dessert") for n in range(1, 6)]
    )
    new = library.summaries()
    library.close()
    model = window.list_model
    reads: list[int] = []
    real_summaries = model.summaries
    model.summaries = lambda: reads.append(1) or real_summaries()  # type: ignore[method-assign]
    model.apply_changes([], new)
    assert window.browse.is_counting()
    qtbot.waitUntil(lambda: not window.browse.is_counting())
    assert len(reads) == 1
    assert "All recipes (8)" in browse_rows(window) and "Dessert (6)" in browse_rows(window)


def test_a_deleted_recipe_reads_deleted_in_the_plan_and_is_not_shopped_for(
    qtbot, library_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    window = open_window(qtbot, library_path)
    plan = window.cooks.open_meal_plan()
    select(window, SOY)
    soy = window.current_recipe
    plan.add(soy, plan.week())
    select(window, PORK)
    plan.add(window.current_recipe, plan.week())
    select(window, SOY)
    window.action_delete.trigger()
    qtbot.waitUntil(lambda: SOY not in titles(window))
    monday = plan.day_lists[0]
    texts = [monday.item(row).text() for row in range(monday.count())]
    assert f"{SOY} — deleted" in texts and any(t.startswith(f"{PORK} — ") for t in texts)
    plan.request_shopping()
    shopping = window.findChild(QDialog, "shoppingList")
    assert [r.title for r, _ in shopping.recipes()] == [PORK]
    # Undo brings the recipe back, and the plan shows it as planned again.
    window.findChild(QAction, "actionUndo").trigger()
    qtbot.waitUntil(lambda: SOY in titles(window))
    assert any(monday.item(row).text().startswith(f"{SOY} — ×") for row in range(monday.count()))


def test_the_window_title_follows_a_deleted_recipe_away(qtbot, library_path: Path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    window = open_window(qtbot, library_path)
    window.findChild(QLineEdit, "searchField").setText("sweet soy")
    select(window, SOY)
    assert window.windowTitle().startswith(SOY)
    window.action_delete.trigger()
    qtbot.waitUntil(lambda: SOY not in titles(window))
    assert window.windowTitle() == "Recipe Manager"


def test_a_recipe_is_added_to_a_day_from_the_plan_itself(qtbot, library_path: Path) -> None:
    # On a small screen the plan covers the recipe list: a day's menu finds a recipe.
    window = open_window(qtbot, library_path)
    plan = window.cooks.open_meal_plan()
    thursday = plan.day_lists[3]
    menu = plan.day_menu(thursday, None)
    add = menu.findChild(QAction, "planMenuAdd")
    assert add is not None and "Thursday" in add.text()
    add.trigger()
    picker = plan.findChild(QDialog, "planRecipePicker")
    qtbot.waitUntil(picker.isVisible)
    search = picker.findChild(QLineEdit, "planPickerFilter")
    search.setText("crispy")
    listed = picker.findChild(QWidget, "planPickerList")
    shown = [listed.item(r).text() for r in range(listed.count()) if not listed.item(r).isHidden()]
    assert shown == [PORK, SOY] and listed.currentItem().text() == PORK
    # Down in the search box moves to the next title shown; Return adds it.
    qtbot.keyClick(search, Qt.Key.Key_Down)
    assert listed.currentItem().text() == SOY
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert [thursday.item(r).text() for r in range(thursday.count())] == [f"{SOY} — ×1 batch"]


def test_a_long_tag_is_shortened_in_the_panel_with_its_count_in_sight(
    qtbot, library_path: Path
) -> None:
    tag = "no bake blueberry cheesecake for a summer party"
    library = RecipeLibrary(library_path)
    library.add(Recipe(title="Cheesecake", tags=[tag]))
    library.close()
    window = open_window(qtbot, library_path)
    qtbot.waitUntil(lambda: not window.browse.is_counting())
    view = window.findChild(QAbstractItemView, "categoryList")
    assert view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert view.textElideMode() == Qt.TextElideMode.ElideMiddle
    model = view.model()
    (row,) = [r for r in range(model.rowCount()) if model.index(r, 0).data() == f"{tag} (1)"]
    tip = model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tag in tip and "<b>" not in tip
