"""The import preview dialog: counts, unread lines, duplicate choices, and nothing saved
until Import is pressed."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QTextBrowser,
)

from recipe_manager.domain import Component, Recipe, parse_ingredient
from recipe_manager.io import export_recipes
from recipe_manager.ui.import_dialog import (
    ExportDialog,
    ImportPreviewDialog,
    import_paths,
    open_export_dialog,
)


def _recipe(title: str, lines: list[str], recipe_id: str = "") -> Recipe:
    component = Component(ingredients=[parse_ingredient(x) for x in lines], steps=["Cook."])
    return Recipe(title=title, id=recipe_id, components=[component])


def test_preview_lists_recipes_with_check_boxes_and_shows_the_chosen_one(
    qtbot, tmp_path: Path
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    stored = _recipe("Soup", ["2 carrots"], recipe_id="s1")
    path = tmp_path / "two.json"
    export_recipes(
        [_recipe("Soup", ["2 carrots"]), _recipe("Bread", ["500 g flour", "3/4"])], path, "json"
    )
    calls: list[tuple[list[Recipe], list[Recipe]]] = []

    dialog = import_paths(window, [path], [stored], lambda a, r: calls.append((a, r)))

    assert isinstance(dialog, ImportPreviewDialog) and dialog.isVisible()
    assert window.findChild(ImportPreviewDialog, "importPreview") is dialog
    found = dialog.findChild(QListWidget, "importList")
    rows = [found.item(row) for row in range(found.count())]
    assert [row.text().split("  —")[0] for row in rows] == ["Soup", "Bread"]
    # The duplicate starts unchecked (skip); the new one checked.
    assert [row.checkState() for row in rows] == [Qt.CheckState.Unchecked, Qt.CheckState.Checked]
    view = dialog.findChild(QTextBrowser, "importRecipeView")
    assert "Soup" in view.toPlainText() and "2 carrots" in view.toPlainText()
    choice = dialog.findChild(QComboBox, "importDecision")
    assert [choice.itemText(i) for i in range(choice.count())] == ["Skip", "Replace", "Keep both"]
    found.setCurrentRow(1)
    text = view.toPlainText()
    assert "500 g flour" in text and "3/4" in text
    assert "not read: kept as written" in text  # the unsure line is marked
    assert text.count("not read") == 1
    assert calls == []

    found.setCurrentRow(0)
    choice.setCurrentIndex(1)  # replace
    assert rows[0].checkState() == Qt.CheckState.Checked
    dialog.accept()
    ((added, replaced),) = calls
    assert [r.title for r in added] == ["Bread"]
    assert [(r.id, r.title) for r in replaced] == [("s1", "Soup")]
    assert not dialog.isVisible()


def test_unchecked_recipes_are_not_imported(qtbot) -> None:
    from recipe_manager.io import preview_import

    window = QMainWindow()
    qtbot.addWidget(window)
    calls: list[list[Recipe]] = []
    preview = preview_import([_recipe("A", ["1 egg"]), _recipe("B", ["2 eggs"])], [], "x")
    dialog = ImportPreviewDialog(window, preview, lambda a, r: calls.append(a))
    dialog.open()
    dialog.list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).text() == "Import 1"
    dialog.accept()
    assert [r.title for r in calls[0]] == ["B"]


def test_fix_in_editor_changes_the_recipe_before_it_is_saved(qtbot) -> None:
    from recipe_manager.io import preview_import
    from recipe_manager.ui.recipe_editor import RecipeEditor

    window = QMainWindow()
    qtbot.addWidget(window)
    calls: list[list[Recipe]] = []
    preview = preview_import([_recipe("Sopu", ["2 carrots"])], [], "pasted text")
    dialog = ImportPreviewDialog(window, preview, lambda a, r: calls.append(a))
    dialog.open()
    dialog.edit_current()
    editor = dialog.findChild(RecipeEditor, "recipeEditor")
    assert editor is not None and editor.isVisible()
    assert editor.title_edit.text() == "Sopu"
    editor.title_edit.setText("Soup")
    editor.accept()
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=5000)
    assert calls == []  # nothing saved yet
    assert "Soup" in dialog.view.toPlainText()
    assert dialog.list.item(0).text() == "Soup"
    dialog.accept()
    assert [r.title for r in calls[0]] == ["Soup"] and calls[0][0].id == ""


def test_cancel_saves_nothing(qtbot, tmp_path: Path) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    path = tmp_path / "one.json"
    export_recipes([_recipe("Bread", ["500 g flour"])], path, "json")
    calls: list[object] = []
    dialog = import_paths(window, [path], [], lambda a, r: calls.append(a))
    dialog.reject()
    assert calls == []


def test_files_that_fail_are_named_in_a_message(qtbot, tmp_path: Path) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    bad = tmp_path / "broken.json"
    bad.write_text(json.dumps({"format": "recipe-manager", "schema": 1, "recipes": 3}))
    assert import_paths(window, [bad], [], lambda a, r: None) is None
    box = window.findChild(QMessageBox, "importProblems")
    assert box is not None and box.isVisible()
    assert "broken.json" in box.text() and "must be a list" in box.text()
    box.close()


def test_export_dialog_writes_the_chosen_scope_and_format(qtbot, tmp_path: Path) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    soup, bread = _recipe("Soup", ["2 carrots"]), _recipe("Bread", ["500 g flour"])
    messages: list[str] = []
    dialog = open_export_dialog(window, [soup], [soup, bread], messages.append)
    assert window.findChild(ExportDialog, "exportOptions") is dialog and dialog.isVisible()
    dialog.scope.setCurrentIndex(1)
    dialog.format.setCurrentIndex(dialog.format.findData("markdown"))
    dialog.accept()
    files = window.findChild(QFileDialog, "exportFileDialog")
    assert files is not None and files.isVisible()
    target = tmp_path / "all.md"
    files.fileSelected.emit(str(target))
    files.close()
    assert "# Soup" in target.read_text(encoding="utf-8") and "# Bread" in target.read_text()
    assert messages == ["Exported 2 recipes to all.md"]
