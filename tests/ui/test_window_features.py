"""The main window's File and Kitchen menus, end to end: import, export, print, timers, cook
mode and the shopping list, each reached the way a cook reaches it."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QPushButton,
    QWidget,
)
from repo_data import SEEDS
from window_helpers import PORK, SOY, select, titles

from recipe_manager.storage import RecipeLibrary


def test_a_timer_link_in_a_step_starts_a_named_countdown(qtbot, window) -> None:
    select(window, PORK)
    html = window.recipe_detail.toHtml()
    assert 'href="timer:' in html
    href = html.split('href="', 1)[1].split('"', 1)[0]
    window.recipe_detail.anchorClicked.emit(QUrl(href))
    dock = window.findChild(QDockWidget, "timerDock")
    assert dock is not None and dock.isVisible()
    assert len(dock.timers.timers()) == 1
    select(window, SOY)
    assert len(dock.timers.timers()) == 1  # timers survive switching recipes


def test_cook_mode_opens_on_the_shown_recipe_and_escape_leaves(qtbot, window) -> None:
    select(window, PORK)
    window.findChild(type(window.action_cook), "actionCookMode").trigger()
    cook = window.findChild(QWidget, "cookMode")
    assert cook is not None
    qtbot.waitUntil(cook.isVisible)
    qtbot.keyClick(cook, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not cook.isVisible())
    # Cook mode shares the timers, but with none running no empty timer panel is left
    # taking room in the window; starting one shows it.
    QApplication.processEvents()  # a dock added to a shown window shows itself later
    dock = window.findChild(QDockWidget, "timerDock")
    assert dock is not None and not dock.isVisible()
    window.kitchen.start_timer(
        QUrl(
            window.recipe_detail.toHtml()
            .split('href="timer:', 1)[1]
            .split('"', 1)[0]
            .join(["timer:", ""])
        )
    )
    assert dock.isVisible()


def test_shopping_list_from_both_seeds(qtbot, window) -> None:
    select(window, PORK)
    window.servings_spin.setValue(3)
    window.action_add_to_shopping.trigger()
    select(window, SOY)
    window.action_add_to_shopping.trigger()
    window.action_shopping.trigger()
    dialog = window.findChild(QDialog, "shoppingList")
    assert dialog is not None and dialog.isVisible()
    text = dialog.as_text()
    assert "rock salt" in text
    assert "pork belly" in text


def test_import_a_plain_text_seed_by_dropping_it(qtbot, window, library_path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SEEDS / "crispy-pork-belly.txt"))])
    drop = QDropEvent(
        QPointF(QPoint(200, 200)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "importPreview") is not None)
    preview = window.findChild(QDialog, "importPreview")
    preview.accept()
    assert len(RecipeLibrary(library_path).recipes()) >= 2
    assert len(titles(window)) == len(RecipeLibrary(library_path).recipes())


def test_export_the_library_as_our_json(qtbot, window, tmp_path: Path) -> None:
    window.action_export.trigger()
    dialog = window.findChild(QDialog, "exportOptions")
    assert dialog is not None
    target = tmp_path / "all.json"
    dialog.scope.setCurrentIndex(dialog.scope.findData("library"))
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    dialog.accept()
    files = window.findChild(QFileDialog, "exportFileDialog")
    assert files is not None
    files.fileSelected.emit(str(target))
    data = json.loads(target.read_text())
    assert {recipe["title"] for recipe in data["recipes"]} == {PORK, SOY}


def test_print_opens_a_print_dialog_without_blocking(qtbot, window) -> None:
    select(window, SOY)
    window.action_print.trigger()
    dialog = window.findChild(QDialog, "printDialog")
    assert dialog is not None
    dialog.reject()
    assert QApplication.activeModalWidget() is None or not dialog.isVisible()


def test_the_shopping_list_print_button_opens_a_dialog(qtbot, window) -> None:
    select(window, SOY)
    window.action_add_to_shopping.trigger()
    dialog = window.kitchen.shopping_list_dialog()
    dialog.findChild(QPushButton, "shoppingPrint").click()
    printing = dialog.findChild(QDialog, "shoppingPrintDialog")
    assert printing is not None and printing.isVisible()
    printing.reject()
