"""The shopping list dialog: recipes at chosen servings, checking off, copy, Markdown, print,
and the list kept between sessions beside the library."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QSpinBox, QToolButton

from recipe_manager.paths import seed_library_path
from recipe_manager.storage import RecipeLibrary, read_seed_recipes
from recipe_manager.ui.shopping_dialog import KEY_ROLE, ShoppingListDialog, shopping_state_path


@pytest.fixture
def seeds():
    return read_seed_recipes(seed_library_path())


@pytest.fixture
def library(tmp_path: Path, seeds) -> RecipeLibrary:
    library = RecipeLibrary(tmp_path / "recipes.json")
    library.add_many(seeds)
    return library


def make_dialog(qtbot, library, state_path) -> ShoppingListDialog:
    dialog = ShoppingListDialog(None, library, state_path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def item_texts(dialog: ShoppingListDialog) -> list[str]:
    """The lines to buy, without the aisle headings between them."""
    return [
        dialog.item_list.item(row).text()
        for row in range(dialog.item_list.count())
        if dialog.item_list.item(row).data(KEY_ROLE) is not None
    ]


def headings(dialog: ShoppingListDialog) -> list[str]:
    return [
        dialog.item_list.item(row).text()
        for row in range(dialog.item_list.count())
        if dialog.item_list.item(row).data(KEY_ROLE) is None
    ]


def test_a_list_from_both_seeds_at_chosen_servings(qtbot, library, tmp_path) -> None:
    dialog = make_dialog(qtbot, library, tmp_path / "recipes.shopping.json")
    assert not dialog.isModal() and dialog.objectName() == "shoppingList"
    crispy, sweet_soy = sorted(library.recipes(), key=lambda recipe: recipe.title)
    dialog.add_recipe(crispy, 3)
    dialog.picker.setEditText(sweet_soy.title)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert [title.title for title, _ in dialog.recipes()] == [crispy.title, sweet_soy.title]
    dialog.units.setCurrentIndex(dialog.units.findData("metric"))
    texts = item_texts(dialog)
    assert "1 kg + 1 large piece pork belly" in texts
    # 4½ cloves of garlic are bought as a head (the rule is stated under the list).
    assert "140 ml soy sauce" in texts and "1 head garlic" in texts
    assert "garlic" in dialog.rule_label.text() and "head" in dialog.rule_label.text()
    assert texts.count("rock salt") == 1
    assert headings(dialog)[:2] == ["Produce", "Meat and fish"]
    spin = dialog.recipe_table.cellWidget(0, 1)
    assert isinstance(spin, QSpinBox) and spin.value() == 3
    spin.setValue(6)
    assert "2 kg + 1 large piece pork belly" in item_texts(dialog)
    assert "1 head garlic" in item_texts(dialog)


def test_check_off_copy_export_and_print(qtbot, library, tmp_path) -> None:
    dialog = make_dialog(qtbot, library, None)
    crispy = next(recipe for recipe in library.recipes() if recipe.servings)
    dialog.add_recipe(crispy)
    [pork] = dialog.item_list.findItems("2 kg pork belly", Qt.MatchFlag.MatchExactly)
    pork.setCheckState(Qt.CheckState.Checked)
    assert dialog.checked_keys() == {"pork belly"}
    assert pork.font().strikeOut()
    shown = len(item_texts(dialog))
    assert dialog.summary_label.text().startswith(f"{shown - 1} of {shown} still to buy")
    dialog.copy_to_clipboard()
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[copied.index("Meat and fish:") + 1] == "☑ 2 kg pork belly"
    assert "☐ 1 tbsp sesame oil" in copied
    target = tmp_path / "list.md"
    dialog.export_markdown(target)
    markdown = target.read_text(encoding="utf-8")
    assert markdown.startswith("# Shopping list\n\n- Crispy Pork Belly (6 servings)\n")
    assert "## Meat and fish\n\n- [x] 2 kg pork belly\n" in markdown
    assert "- [ ] 1 tbsp sesame oil\n" in markdown
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "list.pdf"))
    dialog.print_to(printer)
    assert (tmp_path / "list.pdf").stat().st_size > 1000


def test_checked_items_stay_checked_when_servings_or_units_change(qtbot, library) -> None:
    dialog = make_dialog(qtbot, library, None)
    crispy = next(recipe for recipe in library.recipes() if recipe.servings)
    dialog.add_recipe(crispy)
    dialog.set_checked("garlic", True)
    dialog.set_amount(crispy, 36)
    dialog.units.setCurrentIndex(dialog.units.findData("us"))
    [garlic] = [
        dialog.item_list.item(row)
        for row in range(dialog.item_list.count())
        if dialog.item_list.item(row).text().endswith("garlic")
    ]
    assert garlic.text() == "2 heads garlic"  # 18 cloves, at about 10 a head, rounded up
    assert garlic.checkState() == Qt.CheckState.Checked


def test_removing_a_recipe(qtbot, library) -> None:
    dialog = make_dialog(qtbot, library, None)
    for recipe in library.recipes():
        dialog.add_recipe(recipe)
    remove = dialog.recipe_table.cellWidget(0, 2)
    assert isinstance(remove, QToolButton)
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialog.recipes()) == 1)
    assert dialog.recipe_table.rowCount() == 1
    dialog.clear()
    assert item_texts(dialog) == [] and not dialog.copy_button.isEnabled()


def test_the_list_is_kept_between_sessions(qtbot, library, tmp_path) -> None:
    state = shopping_state_path(library.path, library.computer.id)
    assert state == library.path / "shopping" / f"{library.computer.id}.json"
    dialog = make_dialog(qtbot, library, state)
    crispy, sweet_soy = sorted(library.recipes(), key=lambda recipe: recipe.title)
    dialog.add_recipe(crispy, 3)
    dialog.add_recipe(sweet_soy, 2)
    dialog.units.setCurrentIndex(dialog.units.findData("metric"))
    dialog.set_checked("rock salt", True)
    before = item_texts(dialog)
    dialog.close()

    again = make_dialog(qtbot, library, state)
    assert [(recipe.title, amount) for recipe, amount in again.recipes()] == [
        (crispy.title, 3),
        (sweet_soy.title, 2),
    ]
    assert again.system() == "metric"
    assert item_texts(again) == before
    assert again.checked_keys() == {"rock salt"}


def test_a_deleted_recipe_stays_on_the_list_and_a_broken_file_starts_afresh(
    qtbot, library, tmp_path
) -> None:
    state = tmp_path / "recipes.shopping.json"
    dialog = make_dialog(qtbot, library, state)
    crispy = next(recipe for recipe in library.recipes() if recipe.servings)
    dialog.add_recipe(crispy)
    library.delete(crispy.id)
    again = make_dialog(qtbot, library, state)
    assert [recipe.title for recipe, _ in again.recipes()] == [crispy.title]
    state.write_text("{not json", encoding="utf-8")
    broken = make_dialog(qtbot, library, state)
    assert broken.recipes() == []
    assert "could not be read" in broken.status_label.text()
