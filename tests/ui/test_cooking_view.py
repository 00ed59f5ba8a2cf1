"""What the cook reads while cooking: servings, units, search, and the keys that drive them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTextBrowser,
)
from window_helpers import PORK, SOY, titles

from recipe_manager.app import build_main_window


def widget(window, kind, name):
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


def show(window, title: str, servings: int | None = None, system: str = "original") -> str:
    view = widget(window, QAbstractItemView, "recipeList")
    view.setCurrentIndex(view.model().index(titles(window).index(title), 0))
    units = widget(window, QComboBox, "unitSystem")
    units.setCurrentIndex(units.findData(system))
    if servings is not None:
        widget(window, QSpinBox, "servingsSpin").setValue(servings)
    return widget(window, QTextBrowser, "recipeDetail").toPlainText()


# What the cook reads of each seed at 1, 3, 6 and 12 servings (batches for the second, which
# states none) in each unit system: (the pork, a small measure, the oven, what must not show).
OVEN = {
    "original": (["preheat the oven to 180°C/350°F.", "220°C/425°F"], []),
    "metric": (["preheat the oven to 180°C.", "temperature to 220°C"], ["350°F", "425°F"]),
    "us": (["preheat the oven to 350°F.", "temperature to 425°F"], ["180°C", "220°C"]),
}
FIRST_SEED = {
    ("original", 1): ("330 g pork belly", "¼ tsp honey"),
    ("original", 3): ("1 kg pork belly", "¾ tsp honey"),
    ("original", 6): ("2kg pork belly", "1/2 tbsp honey"),
    ("original", 12): ("4 kg pork belly", "1 tbsp honey"),
    ("metric", 1): ("330 g pork belly", "¼ tsp honey"),
    ("metric", 3): ("1 kg pork belly", "¾ tsp honey"),
    ("metric", 6): ("2kg pork belly", "1/2 tbsp honey"),
    ("metric", 12): ("4 kg pork belly", "1 tbsp honey"),
    ("us", 1): ("11¾ oz pork belly", "¼ tsp honey"),
    ("us", 3): ("2¼ lb pork belly", "¾ tsp honey"),
    ("us", 6): ("4½ lb pork belly", "1/2 tbsp honey"),
    ("us", 12): ("8¾ lb pork belly", "1 tbsp honey"),
}
SECOND_SEED = {
    ("original", 1): ("a large piece of pork belly", "1/2 cup (120 ml) soy sauce", "1 inch/2 cm"),
    ("original", 3): ("3 large pieces", "1½ cups (360 ml) soy sauce", "3 inches/6 cm"),
    ("original", 6): ("6 large pieces", "3 cups (720 ml) soy sauce", "6 inches/12 cm"),
    ("original", 12): ("12 large pieces", "6 cups (1.45 l) soy sauce", "12 inches/24 cm"),
    ("metric", 1): ("a large piece of pork belly", "120 ml soy sauce", "2 cm ginger"),
    ("metric", 3): ("3 large pieces", "360 ml soy sauce", "6 cm ginger"),
    ("metric", 6): ("6 large pieces", "720 ml soy sauce", "12 cm ginger"),
    ("metric", 12): ("12 large pieces", "1.45 l soy sauce", "24 cm ginger"),
    ("us", 1): ("a large piece of pork belly", "½ cup soy sauce", "1 inch ginger"),
    ("us", 3): ("3 large pieces", "1½ cups soy sauce", "3 inches ginger"),
    ("us", 6): ("6 large pieces", "3 cups soy sauce", "6 inches ginger"),
    ("us", 12): ("12 large pieces", "6 cups soy sauce", "12 inches ginger"),
}
SECOND_SEED_OVEN = {
    "original": (["Preheat oven to 175C/350F.", "at 350F/175C.", "(250C/500F)"], []),
    "metric": (["Preheat oven to 175C.", "at 175C.", "(250C)"], ["350F", "500F"]),
    "us": (["Preheat oven to 350F.", "at 350F.", "(500F)"], ["175C", "250C"]),
}


@pytest.mark.parametrize(("system", "servings"), sorted(FIRST_SEED))
def test_first_seed_at_every_serving_count_and_system(window, system: str, servings: int) -> None:
    text = show(window, PORK, servings, system)
    shown, absent = OVEN[system]
    for line in (*FIRST_SEED[system, servings], *shown):
        assert line in text
    for line in absent:
        assert line not in text
    assert f"Serves {servings}" in text
    assert f"Chilli Garlic Dipping Sauce · serves {servings}" in text


@pytest.mark.parametrize(("system", "batches"), sorted(SECOND_SEED))
def test_second_seed_at_every_batch_count_and_system(window, system: str, batches: int) -> None:
    text = show(window, SOY, batches, system)
    shown, absent = SECOND_SEED_OVEN[system]
    for line in (*SECOND_SEED[system, batches], *shown):
        assert line in text
    for line in absent:
        assert line not in text
    assert "Serves" not in text
    assert (f"×{batches} batches" in text) == (batches > 1)


def test_no_servings_stated_means_batches_down_to_a_half(window) -> None:
    show(window, SOY)
    spin = widget(window, QSpinBox, "servingsSpin")
    assert spin.value() == 1
    spin.setValue(spin.minimum())
    assert spin.text() == "×½ batch"
    text = widget(window, QTextBrowser, "recipeDetail").toPlainText()
    assert "×½ batch" in text
    assert "¼ cup (60 ml) soy sauce" in text


def test_reset_and_a_new_recipe_start_at_their_own_servings(window) -> None:
    show(window, PORK, 9)
    window.reset_button.click()
    assert widget(window, QSpinBox, "servingsSpin").value() == 6
    show(window, PORK, 9)
    show(window, SOY)
    assert widget(window, QSpinBox, "servingsSpin").value() == 1
    show(window, PORK)
    assert widget(window, QSpinBox, "servingsSpin").value() == 6


def test_the_unit_system_is_remembered(qtbot, window, library_path: Path) -> None:
    show(window, PORK, system="us")
    window.close()
    again = build_main_window(library_path)
    qtbot.addWidget(again)
    assert widget(again, QComboBox, "unitSystem").currentData() == "us"
    assert QSettings().value("view/unit_system") == "us"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("miso", [PORK]),
        ("chinese", [SOY]),
        ("CHINESE", [SOY]),
        ("pork miso", [PORK]),
        ("pork ginger", [SOY]),
        ("pork", [PORK, SOY]),
        ("slow roast", [SOY]),
        ("asian recipes", [SOY]),
        ("cilantro", [PORK]),
        ("pork tofu", []),
    ],
)
def test_search_as_you_type(qtbot, window, query: str, expected: list[str]) -> None:
    search = widget(window, QLineEdit, "searchField")
    qtbot.keyClicks(search, query)
    assert titles(window) == expected
    count = widget(window, QLabel, "recipeCount").text()
    assert count == ("2 recipes" if len(expected) == 2 else f"{len(expected)} of 2 recipes")


def test_search_ignores_accents(window) -> None:
    # QTest can only type ASCII; insert() goes through the same textChanged path as typing.
    widget(window, QLineEdit, "searchField").insert("chinése")
    assert titles(window) == [SOY]


def test_search_keys(qtbot, window) -> None:
    search = widget(window, QLineEdit, "searchField")
    window.recipe_list.setFocus()
    window.action_find.trigger()
    assert search.hasFocus()
    qtbot.keyClicks(search, "soy")
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == ""
    assert len(titles(window)) == 2
    qtbot.keyClicks(search, "garlic")
    qtbot.keyClick(search, Qt.Key.Key_Down)
    assert window.recipe_list.hasFocus()


def test_selection_survives_a_search_that_keeps_it(qtbot, window) -> None:
    show(window, SOY)
    qtbot.keyClicks(widget(window, QLineEdit, "searchField"), "soy")
    current = widget(window, QAbstractItemView, "recipeList").currentIndex()
    assert current.data() == SOY
    assert widget(window, QTextBrowser, "recipeDetail").toPlainText().startswith(SOY)


def test_zoom_is_remembered(qtbot, window, library_path: Path) -> None:
    detail = widget(window, QTextBrowser, "recipeDetail")
    size = detail.font().pointSize()
    window.action_zoom_in.trigger()
    window.action_zoom_in.trigger()
    assert detail.font().pointSize() == size + 2
    again = build_main_window(library_path)
    qtbot.addWidget(again)
    assert widget(again, QTextBrowser, "recipeDetail").font().pointSize() == size + 2


def test_last_recipe_is_selected_again_at_start(qtbot, window, library_path: Path) -> None:
    show(window, SOY)
    window.close()  # the app quits; the next start shows the same recipe
    again = build_main_window(library_path)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.recipe_list.currentIndex().isValid())
    assert again.recipe_list.currentIndex().data() == SOY


def test_every_control_is_named_and_reached_with_tab(qtbot, window) -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    show(window, PORK)
    names = ("searchField", "recipeList", "servingsSpin", "servingsReset", "unitSystem")
    controls = [widget(window, QWidget, name) for name in names]
    for control in controls:
        assert control.accessibleName(), control.objectName()
    window.activateWindow()
    controls[0].setFocus()
    qtbot.waitUntil(controls[0].hasFocus)
    for expected in controls[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected
