"""Nothing from a recipe is ever interpreted as markup, in any window or dialog.

One recipe carries markup in every field: bold tags, an entity, a link, a table and an image
whose source is a real file. Every window and dialog the app has is opened on it, every
widget's text, tooltip, window title, status tip and "What's This?" is read the way Qt would
show it (rich text where Qt would guess rich text), tooltips are really shown, and the test
asserts that the markup is shown as its characters and that the image file was never read.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QSizeF, QUrl
from PySide6.QtGui import QAction, QGuiApplication, QImage, Qt, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QWidget,
)
from window_helpers import open_window

from recipe_manager.domain import Component, Recipe, View, parse_ingredient
from recipe_manager.domain.view import UnitSystem
from recipe_manager.io import export_recipes
from recipe_manager.storage import RecipeLibrary

_NO_PARENT = QModelIndex()
RLO = "\u202e"  # right-to-left override: "gpj.exe" shown as "exe.jpg"
FIELDS = (
    "TITLE",
    "SUMMARY",
    "YIELD",
    "PART",
    "ING",
    "STEP",
    "NOTE",
    "TAG",
    "CAT",
    "CUIS",
    "METH",
    "SRC",
)
# (the browse panel lists categories, cuisines and tags: the walk reads them too)


def hostile(field: str, image: Path) -> str:
    """Markup naming `field`: shown as typed, each piece can be told from its rendering."""
    return (
        f"<b>{field}B</b> x&amp;{field}A <a href='https://example.invalid/'>{field}L</a>"
        f" <img src='{image}'> <table><tr><td>{field}T</td></tr></table>"
        f" <img src='{QUrl.fromLocalFile(str(image)).toString()}' width=9000 height=9000>"
    )


def hostile_recipe(image: Path) -> Recipe:
    def text(field: str) -> str:
        return hostile(field, image)

    main = Component(
        ingredients=[
            parse_ingredient(f"2 cups flour {text('ING')}"),
            parse_ingredient(f"{text('ING')}"),
        ],
        steps=[f"Bake for 10 minutes {text('STEP')}", text("STEP")],
    )
    part = Component(
        title=text("PART"),
        servings=2,
        ingredients=[parse_ingredient(f"1 tbsp butter {text('ING')}")],
        steps=[f"Melt {text('STEP')} for 2 minutes"],
    )
    return Recipe(
        title=f"{RLO}<b>TITLEB</b> x&amp;TITLEA <a href='x'>TITLEL</a> <img src='{image}'>",
        summary=text("SUMMARY"),
        servings=None,  # so that the yield is what is shown
        yield_text=text("YIELD"),
        components=[main, part],
        notes=[text("NOTE")],
        tags=[text("TAG")],
        category=text("CAT"),
        cuisine=text("CUIS"),
        method=text("METH"),
        source=text("SRC"),
        prep_minutes=10,
    )


# Reading widgets as Qt shows them ------------------------------------------------------------


def shown(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What a reader sees of `text` shown in `text_format` (tooltips and dialogs: AutoText)."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    assert not images_in(document), f"an image in {text!r}"
    return document.toPlainText()


def images_in(document: QTextDocument) -> list[str]:
    """The image names in a laid-out rich text document (our photo thumbnails excepted)."""
    names = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.isValid() and fragment.charFormat().isImageFormat():
                name = fragment.charFormat().toImageFormat().name()
                if not name.startswith("thumb:"):
                    names.append(name)
            iterator += 1
        block = block.next()
    return names


def texts_of(widget: QWidget) -> Iterator[tuple[str, str, bool]]:
    """(where, text as seen, single line) for everything `widget` shows or may show."""
    name = f"{type(widget).__name__}#{widget.objectName()}"
    if widget.isWindow():
        yield f"{name}.windowTitle", widget.windowTitle(), True
    yield f"{name}.toolTip", shown(widget.toolTip()), True
    yield f"{name}.whatsThis", shown(widget.whatsThis()), False
    yield f"{name}.statusTip", widget.statusTip(), True
    if isinstance(widget, QLabel):
        yield f"{name}.text", shown(widget.text(), widget.textFormat()), False
    elif isinstance(widget, QLineEdit):
        yield f"{name}.text", widget.text(), False
    elif isinstance(widget, QPlainTextEdit):
        yield f"{name}.text", widget.toPlainText(), False
    elif isinstance(widget, QTextEdit):
        document = widget.document()
        assert not images_in(document), f"an image in {name}"
        yield f"{name}.document", document.toPlainText(), False
    elif isinstance(widget, QAbstractButton):
        yield f"{name}.text", widget.text(), True
    if isinstance(widget, QComboBox):
        for row in range(widget.count()):
            yield f"{name}.item{row}", widget.itemText(row), True
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        try:
            yield from model_texts(name, widget.model(), QModelIndex())
        except TypeError:  # a list model's columnCount is private to PySide
            yield from model_texts(name, _OneColumn(widget.model()), QModelIndex())


class _OneColumn:
    """A list model seen as one column (PySide hides QAbstractListModel.columnCount)."""

    def __init__(self, model) -> None:
        self._model = model

    def rowCount(self, parent=_NO_PARENT):  # noqa: N802
        return self._model.rowCount(parent)

    def columnCount(self, parent=_NO_PARENT):  # noqa: N802
        return 1

    def index(self, row, column, parent=_NO_PARENT):
        return self._model.index(row, column, parent)


def model_texts(name: str, model, parent: QModelIndex) -> Iterator[tuple[str, str, bool]]:
    columns = model.columnCount() if not parent.isValid() else 1
    for row in range(min(model.rowCount(parent), 500)):
        for column in range(columns):
            index = model.index(row, column, parent)
            display = index.data(Qt.ItemDataRole.DisplayRole)
            if isinstance(display, str):
                yield f"{name}[{row},{column}]", display, True
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                yield f"{name}[{row},{column}].toolTip", shown(tip), True


def action_texts(window: QWidget) -> Iterator[tuple[str, str, bool]]:
    for action in window.findChildren(QAction):
        name = f"QAction#{action.objectName()}"
        yield f"{name}.text", action.text().replace("&&", "&"), True
        yield f"{name}.toolTip", shown(action.toolTip()), True
        yield f"{name}.statusTip", action.statusTip(), True


def assert_not_interpreted(where: str, text: str, single_line: bool) -> None:
    for field in FIELDS:
        if f"{field}B" in text:
            assert f"<b>{field}B</b>" in text, f"{where} shows {field} bold: {text[:300]!r}"
        # (the ingredient reader may cut a line at the entity's ";", which is no markup)
        assert f"x&{field}A" not in text, f"{where} reads an entity: {text[:300]!r}"
        if f"{field}L" in text:
            assert f">{field}L</a>" in text, f"{where} shows a link: {text[:300]!r}"
        if f"{field}T" in text:
            assert f"<td>{field}T</td>" in text, f"{where} shows a table: {text[:300]!r}"
    if single_line and "TITLEB" in text:
        assert RLO not in text, f"{where} keeps a right-to-left override: {text[:300]!r}"


def walk_everything(app: QApplication, seen: list[str]) -> int:
    """Check every widget of every window now open; returns how many texts were read."""
    read = 0
    for top in app.topLevelWidgets():
        if not top.isVisible():
            continue
        top.grab()  # lays out and paints: rich text would load its images now
        for widget in [top, *top.findChildren(QWidget)]:
            for where, text, single in texts_of(widget):
                read += 1
                seen.append(text)
                assert_not_interpreted(where, text, single)
        for where, text, single in action_texts(top):
            read += 1
            assert_not_interpreted(where, text, single)
        bar = getattr(top, "statusBar", None)
        if callable(bar):
            assert_not_interpreted("status bar", bar().currentMessage(), True)
            seen.append(bar().currentMessage())
    return read


def show_every_tooltip(app: QApplication, qtbot) -> int:
    """Really show each tooltip, as hovering would: rich ones are laid out then."""
    tips = set()
    for top in app.topLevelWidgets():
        for widget in [top, *top.findChildren(QWidget)]:
            if widget.toolTip():
                tips.add(widget.toolTip())
            if isinstance(widget, QAbstractItemView) and widget.model() is not None:
                model = widget.model()
                try:
                    columns = model.columnCount()
                except TypeError:
                    columns = 1
                for row in range(min(model.rowCount(), 200)):
                    for column in range(columns):
                        tip = model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
                        if isinstance(tip, str) and tip:
                            tips.add(tip)
        for action in top.findChildren(QAction):
            tips.add(action.toolTip())
    for tip in tips:
        QToolTip.showText(QPoint(20, 20), tip)
        qtbot.wait(1)
        QToolTip.hideText()
    return len(tips)


# The probe image ----------------------------------------------------------------------------


def probe_image(folder: Path) -> Path:
    """A real PNG whose last-read time is set far back, so any read of it shows."""
    path = folder / "probe.png"
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    assert image.save(str(path))
    long_ago = time.time() - 10 * 24 * 3600
    os.utime(path, (long_ago, time.time()))
    return path


def atime_updates(folder: Path) -> bool:
    """Whether this file system records reads (relatime does when atime is older than mtime)."""
    probe = folder / "atime-probe"
    probe.write_bytes(b"x")
    long_ago = time.time() - 10 * 24 * 3600
    os.utime(probe, (long_ago, time.time()))
    probe.read_bytes()
    return probe.stat().st_atime > long_ago + 3600


# The test -----------------------------------------------------------------------------------


@pytest.mark.timeout(120)
def test_markup_in_every_field_is_shown_as_typed_everywhere(
    qtbot, tmp_path: Path, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    image = probe_image(tmp_path)
    read_before = image.stat().st_atime
    recipe = hostile_recipe(image)
    library_path.parent.mkdir(parents=True, exist_ok=True)
    library = RecipeLibrary(library_path)
    recipe_id = library.add(recipe)
    library.close()

    window = open_window(qtbot, library_path)
    qtbot.waitUntil(lambda: window.library is not None)
    app = QApplication.instance()
    view = window.recipe_list
    row = next(
        r
        for r in range(view.model().rowCount())
        if "TITLEB" in view.model().index(r, 0).data(Qt.ItemDataRole.DisplayRole)
    )
    view.setCurrentIndex(view.model().index(row, 0))
    qtbot.waitUntil(lambda: window.current_recipe is not None)
    assert window.current_recipe.id == recipe_id
    seen: list[str] = []

    # The main window, at another servings and in metric.
    window.servings_spin.setValue(3)
    window.unit_system.setCurrentIndex(1)
    qtbot.wait(50)
    walk_everything(app, seen)
    assert "<b>TITLEB</b>" in window.windowTitle() and RLO not in window.windowTitle()

    # Timers: start the one in the first step, by its link.
    anchors = []
    document = window.recipe_detail.document()
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.isValid() and fragment.charFormat().isAnchor():
                anchors.append(fragment.charFormat().anchorHref())
            iterator += 1
        block = block.next()
    assert anchors, "the step's duration should be a timer link"
    window.kitchen.start_timer(QUrl(anchors[0]))
    window.kitchen.timers_dock().show()

    # Cook mode, the shopping list, the editor, export, print, about.
    cook = window.kitchen.open_cook_mode()
    assert cook is not None
    window.kitchen.add_shown_recipe()
    window.kitchen.open_shopping_list()
    editor = window.editing.open_editor(window.current_recipe)
    assert editor is not None
    window.transfer.export()
    window.transfer.print_shown()
    window.show_about()
    # Issue 17's windows: scale to what you have, the meal plan, the browse panel.
    window.cooks.open_scale_to_amount()
    window.cooks.plan_recipe(recipe_id, date.today())
    window.cooks.open_meal_plan()
    window.browse.show()
    walk_everything(app, seen)
    assert show_every_tooltip(app, qtbot) > 3
    cook.close()
    editor.done(0)

    # The printed page.
    from recipe_manager.ui.printing import recipe_document

    page = recipe_document(
        window.current_recipe, View(Fraction(3, 2), UnitSystem.US), QSizeF(595, 842)
    )
    assert not images_in(page)
    assert_not_interpreted("printed page", page.toPlainText(), False)
    seen.append(page.toPlainText())

    # The import preview of a file holding the recipe, named with markup too.
    from recipe_manager.ui.import_dialog import import_paths

    exported = tmp_path / "<b>FILE</b> &amp; <img src='x'>.json"
    export_recipes([window.current_recipe], exported, "json")
    preview = import_paths(window, [exported], [], lambda *_: None)
    assert preview is not None
    walk_everything(app, seen)
    preview.reject()

    # Deleting asks with the title in the question; undo and redo name it too.
    asked: list[str] = []

    def answer_yes(_parent, _title, text, *args, **kwargs):
        asked.append(shown(text))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    window.action_delete.trigger()
    (question,) = asked
    assert "<b>TITLEB</b>" in question and RLO not in question
    assert_not_interpreted("delete question", question, True)
    walk_everything(app, seen)
    show_every_tooltip(app, qtbot)
    window.action_undo.trigger()
    qtbot.waitUntil(lambda: window.current_recipe is not None)
    walk_everything(app, seen)

    # Restoring a backup lists backups (no recipe text), and its dialog is plain.
    if window.guard is not None and window.library.list_backups():
        dialog = window.guard.choose_backup()
        walk_everything(app, seen)
        dialog.reject()

    # The markup was really on show (the walk read the recipe, not empty widgets) ...
    everything = "\n".join(seen)
    for field in FIELDS:
        assert f"<b>{field}B</b>" in everything, f"{field} was never shown"
    # ... and the image it names was never read.
    qtbot.wait(50)
    if atime_updates(tmp_path):
        assert image.stat().st_atime == read_before, "the recipe's <img> file was read"
    QGuiApplication.clipboard().clear()
