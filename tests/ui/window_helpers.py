"""Driving the main window as a cook does: through its named widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QAbstractItemView, QTextBrowser

from recipe_manager.app import build_main_window

PORK = "Crispy Pork Belly"
SOY = "Sweet Soy and Garlic Crispy Pork Belly"


def open_window(qtbot, path: Path):
    """The main window on `path`, shown; pytest-qt closes it (and frees its lock) after."""
    window = build_main_window(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def titles(window) -> list[str]:
    model = window.findChild(QAbstractItemView, "recipeList").model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def select(window, title: str) -> str:
    """Click the recipe in the list; returns what the detail pane then reads."""
    view = window.findChild(QAbstractItemView, "recipeList")
    view.setCurrentIndex(view.model().index(titles(window).index(title), 0))
    return detail(window)


def detail(window) -> str:
    return window.findChild(QTextBrowser, "recipeDetail").toPlainText()
