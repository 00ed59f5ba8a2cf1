"""The editor: add, edit, duplicate, delete and undo, and nothing typed is ever lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTextBrowser,
)
from shiboken6 import isValid
from window_helpers import detail, open_window, select, titles

from recipe_manager.app import build_main_window
from recipe_manager.domain import Recipe
from recipe_manager.storage import RecipeLibrary

SAUCE_INGREDIENTS = """2 tbsp soy sauce
500 g pork mince
Dipping sauce (serves 4):
1 tbsp rice vinegar
1/2 tsp chilli flakes"""
SAUCE_STEPS = """Fry the pork until brown.
Add the soy sauce.
Dipping sauce (serves 4):
Mix the vinegar and chilli."""


def save(qtbot, editor) -> None:
    """Press Save and wait for the library's answer (the write runs off the UI thread)."""
    editor.accept()
    qtbot.waitUntil(lambda: closed(editor) or not editor.is_saving())


def closed(editor) -> bool:
    """A saved editor closes and is then deleted."""
    return not isValid(editor) or not editor.isVisible()


def editor_of(window) -> QDialog:
    editors = [e for e in window.findChildren(QDialog, "recipeEditor") if e.isVisible()]
    assert len(editors) == 1
    return editors[0]


def field(editor: QDialog, kind, name: str):
    widget = editor.findChild(kind, name)
    assert widget is not None, name
    return widget


def test_add_a_recipe_with_two_components(qtbot, window, library_path: Path) -> None:
    window.action_new.trigger()
    editor = editor_of(window)
    field(editor, QLineEdit, "titleEdit").setText("Pork Mince Lettuce Cups")
    field(editor, QSpinBox, "servingsEdit").setValue(2)
    field(editor, QPlainTextEdit, "ingredientsEdit").setPlainText(SAUCE_INGREDIENTS)
    field(editor, QPlainTextEdit, "stepsEdit").setPlainText(SAUCE_STEPS)
    field(editor, QPlainTextEdit, "notesEdit").setPlainText("Good with rice.")
    save(qtbot, editor)

    assert "Pork Mince Lettuce Cups" in titles(window)
    assert "Pork Mince Lettuce Cups" in detail(window)
    assert "500 g pork mince" in detail(window)
    window.servings_spin.setValue(4)
    assert "1 kg pork mince" in detail(window)
    assert "Dipping sauce" in detail(window)

    reopened = RecipeLibrary(library_path)
    (stored,) = [r for r in reopened.recipes() if r.title == "Pork Mince Lettuce Cups"]
    main, sauce = stored.components
    assert [i.text for i in main.ingredients] == ["2 tbsp soy sauce", "500 g pork mince"]
    assert main.steps == ["Fry the pork until brown.", "Add the soy sauce."]
    assert (sauce.title, sauce.servings) == ("Dipping sauce", 4)
    assert sauce.steps == ["Mix the vinegar and chilli."]
    assert stored.notes == ["Good with rice."]

    fresh = build_main_window(library_path)
    qtbot.addWidget(fresh)
    assert "Pork Mince Lettuce Cups" in titles(fresh)


def test_saving_a_seed_unchanged_changes_nothing(qtbot, window, library_path: Path) -> None:
    before = {r.id: r.to_dict() for r in RecipeLibrary(library_path).recipes()}
    for title in list(titles(window)):
        select(window, title)
        window.action_edit.trigger()
        editor = editor_of(window)
        assert not editor.is_modified()
        save(qtbot, editor)
    after = {r.id: r.to_dict() for r in RecipeLibrary(library_path).recipes()}
    for recipe_id, recipe in before.items():
        recipe.pop("updated"), after[recipe_id].pop("updated")
        assert after[recipe_id] == recipe


def test_editing_a_seed_changes_only_what_was_edited(qtbot, window, library_path: Path) -> None:
    select(window, "Crispy Pork Belly")
    before = window.library.get(window.current_recipe.id)
    window.action_edit.trigger()
    editor = editor_of(window)
    field(editor, QLineEdit, "titleEdit").setText("Crispy Pork Belly, Mum's way")
    save(qtbot, editor)
    after = RecipeLibrary(library_path).get(before.id)
    assert after.title == "Crispy Pork Belly, Mum's way"
    assert after.to_dict() | {"title": "", "updated": ""} == before.to_dict() | {
        "title": "",
        "updated": "",
    }
    assert titles(window)[0] == "Crispy Pork Belly, Mum's way"


def test_duplicate_opens_a_copy_for_editing(qtbot, window, library_path: Path) -> None:
    select(window, "Crispy Pork Belly")
    window.action_duplicate.trigger()
    editor = editor_of(window)
    assert field(editor, QLineEdit, "titleEdit").text() == "Crispy Pork Belly (copy)"
    save(qtbot, editor)
    assert "Crispy Pork Belly (copy)" in titles(window)
    recipes = RecipeLibrary(library_path).recipes()
    assert len(recipes) == 3
    original, copy = (
        next(r for r in recipes if r.title == title)
        for title in ("Crispy Pork Belly", "Crispy Pork Belly (copy)")
    )
    assert copy.id != original.id
    assert copy.components == original.components


def test_delete_asks_and_undo_brings_it_back_whole(
    qtbot, window, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = []

    def answer_yes(*args, **kwargs):
        asked.append(args)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    select(window, "Crispy Pork Belly")
    before = window.library.get(window.current_recipe.id)
    window.findChild(type(window.action_delete), "actionDeleteRecipe").trigger()
    assert asked
    # The delete is saved on the worker; the list changes once it is on disk.
    qtbot.waitUntil(lambda: titles(window) == ["Sweet Soy and Garlic Crispy Pork Belly"])
    assert len(RecipeLibrary(library_path).recipes()) == 1

    window.action_undo.trigger()
    qtbot.waitUntil(
        lambda: titles(window) == ["Crispy Pork Belly", "Sweet Soy and Garlic Crispy Pork Belly"]
    )
    restored = RecipeLibrary(library_path).get(before.id)
    assert restored.to_dict() | {"updated": ""} == before.to_dict() | {"updated": ""}


def test_delete_cancelled_keeps_the_recipe(window, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    select(window, "Crispy Pork Belly")
    window.action_delete.trigger()
    assert len(titles(window)) == 2


def test_an_empty_title_is_refused_in_the_dialog(qtbot, window) -> None:
    window.action_new.trigger()
    editor = editor_of(window)
    field(editor, QPlainTextEdit, "ingredientsEdit").setPlainText("1 cup rice")
    save(qtbot, editor)
    assert not closed(editor)
    error = field(editor, QLabel, "titleError")
    assert error.isVisible()
    assert "title" in error.text()
    assert field(editor, QPlainTextEdit, "ingredientsEdit").toPlainText() == "1 cup rice"
    assert len(titles(window)) == 2


def test_a_failed_write_keeps_every_character(
    qtbot, window, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    window.action_new.trigger()
    editor = editor_of(window)
    field(editor, QLineEdit, "titleEdit").setText("Char Siu")
    field(editor, QPlainTextEdit, "ingredientsEdit").setPlainText(
        "1 kg pork shoulder\n3 tbsp honey"
    )
    real_fsync = os.fsync

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    save(qtbot, editor)
    assert not closed(editor)
    assert "No space left on device" in field(editor, QLabel, "saveError").text()
    assert field(editor, QLineEdit, "titleEdit").text() == "Char Siu"
    assert "3 tbsp honey" in field(editor, QPlainTextEdit, "ingredientsEdit").toPlainText()
    assert "Char Siu" not in titles(window)

    monkeypatch.setattr(os, "fsync", real_fsync)
    save(qtbot, editor)
    assert closed(editor)
    assert "Char Siu" in [r.title for r in RecipeLibrary(library_path).recipes()]


def test_markup_typed_in_any_field_is_shown_literally(qtbot, window) -> None:
    window.action_new.trigger()
    editor = editor_of(window)
    field(editor, QLineEdit, "titleEdit").setText("<h1>Big</h1> & <b>bold</b>")
    field(editor, QPlainTextEdit, "ingredientsEdit").setPlainText("1 cup <i>rice</i>")
    field(editor, QPlainTextEdit, "stepsEdit").setPlainText("Cook <script>x()</script> well")
    field(editor, QPlainTextEdit, "notesEdit").setPlainText("<a href='x'>not a link</a>")
    save(qtbot, editor)
    text = detail(window)
    for typed in (
        "<h1>Big</h1> & <b>bold</b>",
        "<i>rice</i>",
        "Cook <script>x()</script> well",
        "<a href='x'>not a link</a>",
    ):
        assert typed in text


def test_closing_with_changes_asks_first(qtbot, window, monkeypatch: pytest.MonkeyPatch) -> None:
    window.action_new.trigger()
    editor = editor_of(window)
    field(editor, QLineEdit, "titleEdit").setText("Half typed")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    editor.reject()
    assert not closed(editor)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    editor.reject()
    assert closed(editor)
    assert "Half typed" not in titles(window)


def test_pasting_bullets_keeps_the_lines(qtbot, window) -> None:
    window.action_new.trigger()
    editor = editor_of(window)
    box = field(editor, QPlainTextEdit, "ingredientsEdit")
    mime = QMimeData()
    mime.setText("  • 2 tbsp honey\n\n  • 1 tsp salt\n▢ 1/2 cup (120 ml) soy sauce\n")
    box.insertFromMimeData(mime)
    assert box.toPlainText() == "2 tbsp honey\n1 tsp salt\n1/2 cup (120 ml) soy sauce"


def test_the_preview_marks_lines_it_cannot_read(qtbot, window) -> None:
    window.action_new.trigger()
    editor = editor_of(window)
    field(editor, QPlainTextEdit, "ingredientsEdit").setPlainText("2 tbsp soy sauce\n½ ½ ½ ???")
    preview = field(editor, QTextBrowser, "ingredientPreview").toPlainText()
    assert "soy sauce" in preview
    assert "tablespoon" in preview


def test_a_photo_is_copied_into_the_library_and_shown(
    qtbot, window, library_path: Path, tmp_path: Path
) -> None:
    from PySide6.QtGui import QColor, QImage

    photo = tmp_path / "pork.png"
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#c8553d"))
    assert image.save(str(photo))
    window.action_new.trigger()
    editor = editor_of(window)
    field(editor, QLineEdit, "titleEdit").setText("Pork with a photo")
    editor.attach_photo(str(photo))
    qtbot.waitUntil(lambda: not field(editor, QLabel, "photoThumbnail").pixmap().isNull())
    save(qtbot, editor)
    (stored,) = [r for r in RecipeLibrary(library_path).recipes() if r.title == "Pork with a photo"]
    assert stored.image.startswith("media/")
    assert (library_path / stored.image).read_bytes() == photo.read_bytes()
    qtbot.waitUntil(lambda: "<img" in window.recipe_detail.toHtml())  # its thumbnail, once made


def test_a_photo_path_outside_the_library_is_never_shown(qtbot, library_path: Path) -> None:
    RecipeLibrary(library_path).add(Recipe(title="Sneaky", image="../../../../etc/passwd"))
    window = open_window(qtbot, library_path)
    select(window, "Sneaky")
    assert "<img" not in window.recipe_detail.toHtml()


def test_enter_on_a_recipe_opens_it_for_editing(qtbot, window) -> None:
    from PySide6.QtCore import Qt

    select(window, "Crispy Pork Belly")
    window.recipe_list.setFocus()
    qtbot.keyClick(window.recipe_list, Qt.Key.Key_Return)
    editor = editor_of(window)
    assert field(editor, QLineEdit, "titleEdit").text() == "Crispy Pork Belly"


def test_every_text_field_has_undo_and_redo(qtbot, window) -> None:
    window.action_new.trigger()
    editor = editor_of(window)
    title = field(editor, QLineEdit, "titleEdit")
    qtbot.keyClicks(title, "Char Siu")
    title.undo()
    assert title.text() == ""
    title.redo()
    assert title.text() == "Char Siu"
    for name in ("ingredientsEdit", "stepsEdit", "notesEdit"):
        box = field(editor, QPlainTextEdit, name)
        qtbot.keyClicks(box, "2 tbsp honey")
        box.undo()
        assert box.toPlainText() == ""
        box.redo()
        assert box.toPlainText() == "2 tbsp honey"


def test_the_category_box_offers_the_librarys_categories(window) -> None:
    from PySide6.QtWidgets import QComboBox

    window.action_new.trigger()
    categories = field(editor_of(window), QComboBox, "categoryEdit")
    assert categories.isEditable()
    assert "Pork" in [categories.itemText(i) for i in range(categories.count())]


def test_a_long_category_leaves_the_ingredients_box_its_room(qtbot, library_path: Path) -> None:
    # Sites give many categories; imported they are one long text.
    category = ", ".join(["Appetizer", "Condiments", "Gluten Free", "Sauces and Dips"] * 6)
    RecipeLibrary(library_path).add(Recipe(title="Romesco", category=category))
    window = open_window(qtbot, library_path)
    select(window, "Romesco")
    window.resize(1012, 560)
    window.action_edit.trigger()
    editor = editor_of(window)
    qtbot.waitUntil(editor.isVisible)
    editor.resize(1012, 560)
    box = field(editor, QComboBox, "categoryEdit")
    assert box.currentText() == category  # all of it kept, only not all of it shown
    assert box.width() <= field(editor, QLineEdit, "cuisineEdit").width() + 40
    assert field(editor, QPlainTextEdit, "ingredientsEdit").width() >= 250
    editor.done(0)
