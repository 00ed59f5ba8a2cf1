"""The import preview dialog: counts, unread lines, duplicate choices, and nothing saved
until Import is pressed."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
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


def test_preview_shows_counts_and_offers_choices_for_duplicates(qtbot, tmp_path: Path) -> None:
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
    table = dialog.findChild(QTableWidget, "importTable")
    assert [table.item(row, 0).text() for row in range(2)] == ["Soup", "Bread"]
    assert table.item(1, 1).text() == "2" and table.item(1, 4).text() == "1"
    choice = dialog.findChild(QComboBox, "importDecision0")
    assert [choice.itemText(i) for i in range(choice.count())] == ["Skip", "Replace", "Keep both"]
    table.selectRow(1)
    assert "3/4" in dialog.findChild(QPlainTextEdit, "importDetails").toPlainText()
    assert calls == []

    choice.setCurrentIndex(1)
    dialog.accept()
    ((added, replaced),) = calls
    assert [r.title for r in added] == ["Bread"]
    assert [(r.id, r.title) for r in replaced] == [("s1", "Soup")]
    assert not dialog.isVisible()


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
    assert messages == ["Exported 2 recipe(s) to all.md"]
