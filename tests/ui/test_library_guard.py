"""The window and the library on disk: a second window, another program's save, a sync
tool's conflict copy, and restoring a backup, as the cook meets each."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox
from window_helpers import PORK, open_window, titles

from recipe_manager.domain import Component, Recipe, parse_ingredient
from recipe_manager.storage import RecipeLibrary


def stew(title: str = "Pork Stew") -> Recipe:
    return Recipe(title=title, components=[Component(ingredients=[parse_ingredient("1 kg pork")])])


def test_a_second_window_on_the_same_library_is_read_only(qtbot, window, library_path) -> None:
    second = open_window(qtbot, library_path)
    banner = second.findChild(QLabel, "libraryBanner")
    assert banner.isVisible()
    assert "read-only" in banner.text().lower() or "another" in banner.text().lower()
    assert not second.action_new.isEnabled()
    assert not second.action_delete.isEnabled()
    assert window.action_new.isEnabled()


def test_another_programs_save_shows_up_in_the_list(qtbot, window, library_path) -> None:
    # A sync tool replaces the file with the other computer's version.
    other = library_path.parent / "elsewhere" / "recipes.json"
    other.parent.mkdir()
    shutil.copy(library_path, other)
    with RecipeLibrary(other) as elsewhere:
        elsewhere.add(stew("Sunday Roast Pork"))
    shutil.copy(other, library_path.with_suffix(".incoming"))
    library_path.with_suffix(".incoming").replace(library_path)
    qtbot.waitUntil(lambda: "Sunday Roast Pork" in titles(window), timeout=5000)
    assert PORK in titles(window)


def test_a_conflict_copy_is_offered_and_merged(qtbot, library_path, monkeypatch) -> None:
    with RecipeLibrary(library_path) as library:
        library.add(stew("Ours"))
    conflict = library_path.parent / "recipes.sync-conflict-20261122-101500-ABCDEFG.json"
    shutil.copy(library_path, conflict)
    with RecipeLibrary(conflict) as theirs:
        theirs.add(stew("Theirs"))
    window = open_window(qtbot, library_path)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "mergeConflictsBox") is not None)
    box = window.findChild(QMessageBox, "mergeConflictsBox")
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: "Theirs" in titles(window))
    assert "Ours" in titles(window)
    assert not conflict.exists()


def test_restore_backup_shows_date_and_count(qtbot, window, library_path) -> None:
    window.library.add(stew())  # the first save of a session takes a backup first
    window.refresh_list()
    assert "Pork Stew" in titles(window)
    window.action_restore.trigger()
    dialog = window.findChild(QInputDialog, "restoreBackupDialog")
    assert dialog is not None
    labels = dialog.comboBoxItems()
    assert labels and "2 recipes" in labels[0]
    dialog.textValueSelected.emit(labels[0])
    qtbot.waitUntil(lambda: "Pork Stew" not in titles(window))
    data = json.loads(library_path.read_text())
    assert len(data["recipes"]) == 2


def test_a_damaged_library_offers_the_newest_backup(qtbot, library_path: Path) -> None:
    with RecipeLibrary(library_path) as library:
        library.add(stew("Family Pork Stew"))  # the session's first save takes a backup
        library.add(stew("Another"))
    library_path.write_text('{"meta": {"1": {"schema": 1}}, "recipes": {"1": {"id"')
    window = open_window(qtbot, library_path)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "restoreOfferBox") is not None)
    box = window.findChild(QMessageBox, "restoreOfferBox")
    assert re.search(r"from \d{4}-\d\d-\d\d \d\d:\d\d, 1 recipe\?", box.text())
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: "Family Pork Stew" in titles(window))
    assert list(library_path.parent.glob("recipes.json.corrupt-*"))


def test_the_second_window_can_save_once_the_first_closes(qtbot, window, library_path) -> None:
    second = open_window(qtbot, library_path)
    assert not second.action_new.isEnabled()
    window.close()
    qtbot.waitUntil(second.action_new.isEnabled, timeout=5000)
    assert not second.findChild(QLabel, "libraryBanner").isVisible()
