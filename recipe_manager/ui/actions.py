"""Every command of the main window, declared once: its name, words, keys, menu and handler.

One table instead of a QAction built by hand in each place (as Picard declares its actions in
`ui/mainwindow/actions.py`): the menus, the toolbar and the shortcuts are read from it, the
object names outside checks use (`INTERFACE.md`) are all in one place, and a new command is a
new row. A row's handler is a dotted path from the window ("editing.delete_shown"), looked up
when the window is built, so the table itself imports nothing of the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

Key = QKeySequence.StandardKey | str

#: Menus in menu-bar order; a row names one of these.
MENUS = ("&File", "&Edit", "&View", "&Kitchen", "&Help")
#: A row with this name is a line between groups of its menu.
SEPARATOR = "-"


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One command: `name` is its object name, `attribute` the window's attribute for it.

    `toolbar` is the toolbar group the command stands in (groups are separated), 0 for none.
    """

    name: str
    attribute: str
    text: str
    menu: str
    handler: str = ""
    keys: tuple[Key, ...] = ()
    checkable: bool = False
    toolbar: int = 0
    tip: str = ""


def _separator(menu: str) -> ActionSpec:
    return ActionSpec(SEPARATOR, "", "", menu)


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "actionNewRecipe", "action_new", "&New Recipe…", "&File",
        "new_recipe", (QKeySequence.StandardKey.New,), toolbar=1,
    ),
    ActionSpec(
        "actionImport", "action_import", "&Import…", "&File",
        "transfer.import_from_files", (QKeySequence.StandardKey.Open,),
    ),
    ActionSpec(
        "actionImportUrl", "action_import_url", "Import from &Web Address…", "&File",
        "transfer.import_from_url", ("Ctrl+Shift+O",),
    ),
    ActionSpec(
        "actionPasteImport", "action_paste_import", "Import from &Clipboard", "&File",
        "transfer.import_from_clipboard", ("Ctrl+Shift+V",),
    ),
    ActionSpec(
        "actionExport", "action_export", "&Export…", "&File",
        "transfer.export", ("Ctrl+Shift+E",),
    ),
    _separator("&File"),
    ActionSpec(
        "actionRestoreBackup", "action_restore", "&Restore Backup…", "&File",
        "choose_backup",
    ),
    _separator("&File"),
    ActionSpec(
        "actionPrint", "action_print", "&Print…", "&File",
        "transfer.print_shown", (QKeySequence.StandardKey.Print,),
    ),
    _separator("&File"),
    ActionSpec(
        "actionQuit", "action_quit", "&Quit", "&File", "close",
        (QKeySequence.StandardKey.Quit, "Ctrl+Q"),
    ),
    # Undo and Redo are made by the undo stack (they follow its text); see MainWindow.
    ActionSpec(
        "actionEditRecipe", "action_edit", "&Edit Recipe…", "&Edit",
        "editing.edit_shown", ("Ctrl+E",), toolbar=1,
    ),
    ActionSpec(
        "actionDuplicateRecipe", "action_duplicate", "D&uplicate Recipe", "&Edit",
        "editing.duplicate_shown", ("Ctrl+D",),
    ),
    ActionSpec(
        "actionDeleteRecipe", "action_delete", "&Delete Recipe", "&Edit",
        "editing.delete_shown", (QKeySequence.StandardKey.Delete,),
    ),
    _separator("&Edit"),
    ActionSpec(
        "actionFavourite", "action_favourite", "&Favourite", "&Edit",
        "", ("Ctrl+Shift+F",), checkable=True,
        tip="Mark the shown recipe a favourite (kept in the library)",
    ),
    # The Rating submenu (Ctrl+Alt+0 to 5) is one action per number of stars; see MainWindow.
    _separator("&Edit"),
    ActionSpec(
        "actionFind", "action_find", "&Find…", "&Edit",
        "focus_search", (QKeySequence.StandardKey.Find,),
    ),
    ActionSpec(
        "actionZoomIn", "action_zoom_in", "Zoom &In", "&View",
        "zoom_in", (QKeySequence.StandardKey.ZoomIn, "Ctrl+="),
    ),
    ActionSpec(
        "actionZoomOut", "action_zoom_out", "Zoom &Out", "&View",
        "zoom_out", (QKeySequence.StandardKey.ZoomOut,),
    ),
    ActionSpec(
        "actionZoomReset", "action_zoom_reset", "&Actual Size", "&View", "zoom_reset", ("Ctrl+0",)
    ),
    _separator("&View"),
    ActionSpec(
        "actionBrowse", "action_browse", "&Browse Panel", "&View", "", ("F9",), checkable=True,
        tip="Favourites, categories, cuisines, methods and tags beside the list",
    ),
    ActionSpec(
        "actionWeighIngredients", "action_weigh", "&Weigh Dry Ingredients (Metric)", "&View",
        "", ("Ctrl+G",), checkable=True,
        tip="In metric, show flour, sugar, butter and the like in grams",
    ),
    _separator("&View"),
    # The unit system actions (Ctrl+1/2/3) are one per UnitSystem; see MainWindow.
    ActionSpec(
        "actionCookMode", "action_cook", "&Cook Mode", "&Kitchen",
        "kitchen.open_cook_mode", ("F11",), toolbar=1,
    ),
    ActionSpec(
        "actionScaleToAmount", "action_scale_to", "Scale to What You &Have…", "&Kitchen",
        "cooks.open_scale_to_amount", ("Ctrl+Shift+H",),
    ),
    ActionSpec(
        "actionMealPlan", "action_meal_plan", "&Meal Plan", "&Kitchen",
        "cooks.open_meal_plan", ("Ctrl+M",), toolbar=2,
    ),
    ActionSpec(
        "actionShoppingList", "action_shopping", "&Shopping List…", "&Kitchen",
        "kitchen.open_shopping_list", ("Ctrl+L",), toolbar=2,
    ),
    ActionSpec(
        "actionAddToShoppingList", "action_add_to_shopping", "&Add to Shopping List",
        "&Kitchen", "kitchen.add_shown_recipe", ("Ctrl+Shift+L",), toolbar=2,
    ),
    _separator("&Kitchen"),
    ActionSpec(
        "actionTimers", "action_timers", "Show &Timers", "&Kitchen", "show_timers", ("Ctrl+T",)
    ),
    ActionSpec("actionAbout", "action_about", "&About Recipe Manager", "&Help", "show_about"),
)  # fmt: skip


def spec(name: str) -> ActionSpec:
    """The row of the command with object name `name`."""
    for row in ACTIONS:
        if row.name == name:
            return row
    raise KeyError(name)


def build_actions(window: QMainWindow, toolbar: QToolBar | None = None) -> dict[str, QMenu]:
    """Make every action of the table on `window`, put it in its menu, and connect it.

    Each action is a child of the window (so its shortcut works wherever the focus is, and
    `findChild(QAction, name)` finds it) and is set as the row's attribute of the window.
    Returns the menus by their title, for the few entries made elsewhere.
    """
    menus = {title: window.menuBar().addMenu(title) for title in MENUS}
    toolbar_groups: dict[int, list[QAction]] = {}
    for row in ACTIONS:
        menu = menus[row.menu]
        if row.name == SEPARATOR:
            menu.addSeparator()
            continue
        action = make_action(window, row.name, row.text, row.keys)
        action.setCheckable(row.checkable)
        if row.tip:
            action.setToolTip(row.tip)
        if row.handler:
            action.triggered.connect(_handler(window, row.handler))
        setattr(window, row.attribute, action)
        menu.addAction(action)
        if row.toolbar:
            toolbar_groups.setdefault(row.toolbar, []).append(action)
    if toolbar is not None:
        for index, group in enumerate(sorted(toolbar_groups)):
            if index:
                toolbar.addSeparator()
            toolbar.addActions(toolbar_groups[group])
    return menus


def make_action(window: QMainWindow, name: str, text: str, keys: tuple[Key, ...] = ()) -> QAction:
    """One QAction owned by the window, with its object name and shortcuts."""
    action = QAction(text, window)
    action.setObjectName(name)
    sequences: list[QKeySequence] = []
    for key in keys:  # a standard key is empty on some platforms, or the same as a listed one
        sequence = QKeySequence(key)
        if not sequence.isEmpty() and sequence not in sequences:
            sequences.append(sequence)
    if sequences:
        action.setShortcuts(sequences)
    window.addAction(action)
    return action


def _handler(window: QMainWindow, path: str) -> Callable[..., Any]:
    """The window's method at a dotted path, called without the `checked` argument."""
    target = reduce(getattr, path.split("."), window)
    return lambda *_args: target()
