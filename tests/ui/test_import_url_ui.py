"""File > Import from Web Address… as a cook uses it: the address asked for, the page
fetched off the UI thread behind a progress dialog, the preview, and afterwards the first
imported recipe selected in the window. Failures show the io error's message."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMessageBox, QProgressDialog
from window_helpers import detail, open_window, titles

from recipe_manager.domain import Component, Recipe, parse_ingredient
from recipe_manager.io import PageFetchError
from recipe_manager.ui import import_url_dialog
from recipe_manager.ui.import_dialog import ImportPreviewDialog


def _recipe(title: str) -> Recipe:
    return Recipe(
        title=title,
        components=[Component(ingredients=[parse_ingredient("2 leeks")], steps=["Simmer."])],
    )


def test_import_from_a_web_address_selects_the_first_imported_recipe(
    qtbot, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    seen: list[str] = []

    def fetch(url: str) -> list[Recipe]:
        seen.append(threading.current_thread().name)
        release.wait(5)
        return [_recipe("Leek Soup"), _recipe("Leek Bread")]

    monkeypatch.setattr(import_url_dialog, "_import_url", fetch)
    window = open_window(qtbot, library_path)
    action = window.findChild(QAction, "actionImportUrl")
    assert action is not None and action.isEnabled()
    action.trigger()
    ask = window.findChild(QInputDialog, "importUrlDialog")
    assert ask is not None and ask.isVisible()
    ask.setTextValue("https://example.com/leek-soup")
    ask.accept()
    progress = window.findChild(QProgressDialog, "importUrlProgress")
    assert progress is not None and progress.isVisible()
    qtbot.wait(50)  # the window keeps painting while the page is fetched
    release.set()
    qtbot.waitUntil(lambda: window.findChild(ImportPreviewDialog) is not None, timeout=5000)
    assert seen == ["import-url"]
    preview = window.findChild(ImportPreviewDialog)
    assert (
        "https://example.com/leek-soup"
        in preview.findChild(type(preview.notice), "importSummary").text()
    )
    preview.accept()
    qtbot.waitUntil(lambda: "Leek Soup" in titles(window), timeout=5000)
    qtbot.waitUntil(lambda: "Leek Soup" in detail(window), timeout=5000)
    assert window.current_recipe.title == "Leek Soup"


def test_a_failed_fetch_says_why(
    qtbot, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fetch(url: str) -> list[Recipe]:
        time.sleep(0.05)
        raise PageFetchError(url, "there is no page at this address (404 Not Found)")

    monkeypatch.setattr(import_url_dialog, "_import_url", fetch)
    window = open_window(qtbot, library_path)
    before = titles(window)
    window.findChild(QAction, "actionImportUrl").trigger()
    ask = window.findChild(QInputDialog, "importUrlDialog")
    ask.setTextValue("https://example.com/gone")
    ask.accept()
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "importProblems") is not None, timeout=5000
    )
    box = window.findChild(QMessageBox, "importProblems")
    assert (
        box.text() == "https://example.com/gone: there is no page at this address (404 Not Found)"
    )
    assert titles(window) == before
    # Read and dismissed, the address comes back as typed, to be corrected.
    box.accept()
    qtbot.waitUntil(ask.isVisible, timeout=5000)
    assert ask.textValue() == "https://example.com/gone"
    ask.reject()
