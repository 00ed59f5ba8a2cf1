"""The window and the library folder: a second window, another computer's edits arriving,
an editor whose recipe changes underneath it, a missing folder, and restoring a backup."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QMessageBox, QPushButton, QWidget
from window_helpers import PORK, open_window, select, titles

from recipe_manager.app import build_main_window
from recipe_manager.domain import Component, Recipe, parse_ingredient
from recipe_manager.storage import Computer, RecipeLibrary

DESK = Computer("d" * 32, "desk")


def stew(title: str = "Pork Stew") -> Recipe:
    return Recipe(title=title, components=[Component(ingredients=[parse_ingredient("1 kg pork")])])


def other_computer(library_path: Path) -> RecipeLibrary:
    return RecipeLibrary(library_path, computer=DESK, backups=0)


def test_a_second_window_on_the_same_library_is_read_only(qtbot, window, library_path) -> None:
    second = open_window(qtbot, library_path)
    banner = second.findChild(QLabel, "libraryBanner")
    assert banner.isVisible()
    assert "read-only" in banner.text().lower() or "another" in banner.text().lower()
    assert not second.action_new.isEnabled()
    assert window.action_new.isEnabled()


def test_another_computers_save_shows_up_in_the_list(qtbot, window, library_path) -> None:
    other_computer(library_path).add(stew("From the desk"))
    qtbot.waitUntil(lambda: "From the desk" in titles(window), timeout=10000)


def test_two_edits_of_one_recipe_show_both_and_ask_nothing(qtbot, window, library_path) -> None:
    desk = other_computer(library_path)
    pork = next(r for r in desk.recipes() if r.title == PORK)
    desk.update(pork.copy(title="Pork, the desk's way"))
    mine = window.library.get(pork.id)
    window.library.update(mine.copy(title="Pork, my way"))  # had not seen the desk's
    qtbot.waitUntil(lambda: len([t for t in titles(window) if t.startswith("Pork, ")]) == 2)
    shown = sorted(t for t in titles(window) if t.startswith("Pork, "))
    assert shown[0] == "Pork, my way" or shown[1] == "Pork, my way"
    assert any("(edited on" in t for t in shown)
    assert not window.findChildren(QMessageBox)


def test_an_open_editor_says_when_its_recipe_changes_and_keeps_both(
    qtbot, window, library_path
) -> None:
    select(window, PORK)
    window.action_edit.trigger()
    editor = window.findChild(QDialog, "recipeEditor")
    bar = editor.findChild(QWidget, "recipeChangedBar")
    assert not bar.isVisible()
    desk = other_computer(library_path)
    pork = next(r for r in desk.recipes() if r.title == PORK)
    desk.update(pork.copy(title="Desk's pork"))
    qtbot.waitUntil(bar.isVisible, timeout=10000)
    assert "desk" in editor.findChild(QLabel, "recipeChangedLabel").text()
    editor.title_edit.setText("My pork")
    editor.findChild(QPushButton, "keepBothButton").click()
    mine = "My pork (edited on " + window.library.computer.name + ")"
    qtbot.waitUntil(lambda: {"Desk's pork", mine} <= set(titles(window)), timeout=10000)


def test_take_theirs_fills_the_editor_with_what_arrived(qtbot, window, library_path) -> None:
    select(window, PORK)
    window.action_edit.trigger()
    editor = window.findChild(QDialog, "recipeEditor")
    desk = other_computer(library_path)
    pork = next(r for r in desk.recipes() if r.title == PORK)
    desk.update(pork.copy(title="Desk's pork"))
    qtbot.waitUntil(editor.findChild(QWidget, "recipeChangedBar").isVisible, timeout=10000)
    editor.findChild(QPushButton, "takeTheirsButton").click()
    assert editor.title_edit.text() == "Desk's pork"
    editor.accept()
    qtbot.waitUntil(lambda: window.findChild(QDialog, "recipeEditor") is None, timeout=10000)
    assert not [t for t in titles(window) if "edited on" in t]


def test_a_missing_library_folder_is_asked_about_never_recreated(qtbot, library_path) -> None:
    first = build_main_window(library_path)
    first.close()
    shutil.rmtree(library_path)  # the drive is unplugged
    window = open_window(qtbot, library_path)
    box = window.findChild(QMessageBox, "missingLibraryBox")
    assert box is not None and str(library_path) in box.text()
    assert not library_path.exists()
    # A stray Enter tries again; it never makes an empty library in the drive's place.
    assert box.defaultButton() is not box.findChild(QPushButton, "createLibraryButton")
    assert box.defaultButton().text() == "Try again"
    box.findChild(QPushButton, "createLibraryButton").click()
    qtbot.waitUntil(lambda: PORK in titles(window))
    assert library_path.is_dir()


def test_delete_and_undo_save_on_the_worker(qtbot, window, library_path) -> None:
    select(window, PORK)
    from PySide6.QtWidgets import QMessageBox as Box

    answer = Box.StandardButton.Yes
    original = Box.question
    Box.question = staticmethod(lambda *args, **kwargs: answer)  # type: ignore[method-assign]
    try:
        window.action_delete.trigger()
    finally:
        Box.question = original  # type: ignore[method-assign]
    qtbot.waitUntil(lambda: PORK not in titles(window))
    assert PORK not in {r.title for r in RecipeLibrary(library_path).recipes()}
    window.editing.undo_stack.undo()
    qtbot.waitUntil(lambda: PORK in titles(window))
    assert PORK in {r.title for r in RecipeLibrary(library_path).recipes()}


def test_restore_backup_shows_what_each_holds(qtbot, window, library_path) -> None:
    window.library._take_backup("session")
    window.library.add(stew())
    window.refresh_list()
    window.action_restore.trigger()
    dialog = window.findChild(QInputDialog, "restoreBackupDialog")
    labels = dialog.comboBoxItems()
    assert labels and "2 recipes" in labels[0]
    dialog.textValueSelected.emit(labels[0])
    qtbot.waitUntil(lambda: "Pork Stew" not in titles(window))
    assert len(RecipeLibrary(library_path)) == 2


def test_the_second_window_can_save_once_the_first_closes(qtbot, window, library_path) -> None:
    second = open_window(qtbot, library_path)
    assert not second.action_new.isEnabled()
    window.close()
    qtbot.waitUntil(second.action_new.isEnabled, timeout=5000)
    assert not second.findChild(QLabel, "libraryBanner").isVisible()


def test_choosing_a_backup_reads_it_off_the_ui_thread(qtbot, window, monkeypatch) -> None:
    """Describing a backup reads all of it: the dialog says so and waits for the answer."""
    import threading

    from recipe_manager.storage.backups import BackupInfo

    window.library._take_backup("session")
    release = threading.Event()
    readers: list[str] = []
    original = BackupInfo.describe

    def slow_describe(info: BackupInfo, titles: int = 8) -> str:
        readers.append(threading.current_thread().name)
        release.wait(10)
        return original(info, titles)

    monkeypatch.setattr(BackupInfo, "describe", slow_describe)
    dialog = window.guard.choose_backup()
    label = next(
        child for child in dialog.findChildren(QLabel) if child.text().startswith("Make the")
    )
    dialog.textValueChanged.emit(dialog.comboBoxItems()[0])  # returns while the read waits
    assert label.text().startswith("Reading the backup")
    release.set()
    qtbot.waitUntil(lambda: "recipes:" in label.text())
    assert readers and readers[0] != threading.main_thread().name
    dialog.reject()
