"""The shopping list: recipes at their own servings, summed into one list to check off.

The list lives in a JSON file beside the library (`recipes.shopping.json`), not in QSettings:
it names that library's recipes by id, so it belongs with the library (a second library
opened with --library has its own list, and it moves and is backed up with its recipes).
Each recipe is also kept as it was when added, so the list still reads if a recipe is
deleted; while the recipe is in the library, its current version is used.
"""

from __future__ import annotations

import json
import logging
from fractions import Fraction
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..atomic_file import replace_file
from ..domain import Recipe, RecipeFormatError
from ..domain.shopping import ShoppingItem, shopping_items
from ..domain.view import UnitSystem, scale_factor
from ..storage import LibraryError, RecipeLibrary
from .screen_fit import fit_to_screen

log = logging.getLogger(__name__)

STATE_VERSION = 1
KEY_ROLE = Qt.ItemDataRole.UserRole
SHOPPING_SIZE = QSize(980, 640)


def _amount_spin(suffix: str = " servings", prefix: str = "") -> QSpinBox:
    spin = QSpinBox(objectName="shoppingServings")
    spin.setRange(1, 999)
    spin.setPrefix(prefix)
    spin.setSuffix(suffix)
    return spin


def _amount_column_width() -> int:
    """Wide enough to read "999 servings" and "×999 batch" with the arrows beside them."""
    widths = []
    for spin in (_amount_spin(), _amount_spin(" batch", "×")):
        spin.setValue(999)
        widths.append(spin.sizeHint().width())
    return max(widths) + 12


def shopping_state_path(library_path: Path) -> Path:
    """Where a library's shopping list is kept: beside it, named after it."""
    return library_path.with_name(f"{library_path.stem}.shopping.json")


class _Entry:
    """A recipe on the list and how many it is for (batches where it states no servings)."""

    def __init__(self, recipe: Recipe, amount: int) -> None:
        self.recipe = recipe
        self.amount = amount

    @property
    def factor(self) -> Fraction:
        return scale_factor(self.recipe.servings, self.amount)


class ShoppingListDialog(QDialog):
    """Non-blocking dialog: choose recipes and servings, check items off, copy, print, export."""

    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        library: RecipeLibrary | None = None,
        state_path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shoppingList")
        self.setWindowTitle("Shopping List")
        self.setModal(False)
        self.library = library
        self.state_path = state_path
        self._entries: list[_Entry] = []
        self._checked: set[str] = set()
        self._items: list[ShoppingItem] = []
        self._build()
        self._load()
        self.refresh_recipes()
        self._rebuild()
        fit_to_screen(self, SHOPPING_SIZE)

    # Building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.picker = QComboBox(objectName="shoppingRecipePicker", editable=True)
        self.picker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.picker.lineEdit().setPlaceholderText("Type a recipe's name…")
        self.picker.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.picker.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.picker.setAccessibleName("Recipe to add")
        self.add_button = QPushButton("Add", objectName="shoppingAdd")
        self.add_button.clicked.connect(self._add_picked)
        self.picker.lineEdit().returnPressed.connect(self._add_picked)
        add_row = QHBoxLayout()
        add_row.addWidget(self.picker, 1)
        add_row.addWidget(self.add_button)

        self.recipe_table = QTableWidget(0, 3, objectName="shoppingRecipes")
        self.recipe_table.setHorizontalHeaderLabels(["Recipe", "For", ""])
        header = self.recipe_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The header can't measure the spin boxes in this column: size it for what they show.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, _amount_column_width())
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.recipe_table.verticalHeader().hide()
        self.recipe_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.recipe_table.setWordWrap(True)
        self.recipe_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recipe_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.recipe_table.setAccessibleName("Recipes on the list")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(QLabel("<b>Recipes</b>"))
        left_layout.addLayout(add_row)
        left_layout.addWidget(self.recipe_table, 1)

        self.units = QComboBox(objectName="shoppingUnits")
        for system in UnitSystem:
            self.units.addItem(system.label, str(system))
        self.units.currentIndexChanged.connect(self._units_changed)
        units_label = QLabel("&Units")
        units_label.setBuddy(self.units)
        self.item_list = QListWidget(objectName="shoppingItems")
        self.item_list.setAccessibleName("Things to buy")
        self.item_list.itemChanged.connect(self._item_checked)
        list_font = self.item_list.font()
        list_font.setPointSize(list_font.pointSize() + 2)
        self.item_list.setFont(list_font)
        self.item_list.setSpacing(2)
        self.summary_label = QLabel(objectName="shoppingSummary")

        self.copy_button = QPushButton("Copy", objectName="shoppingCopy")
        self.copy_button.setToolTip("Copy the list as text")
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.export_button = QPushButton("Export Markdown…", objectName="shoppingExport")
        self.export_button.clicked.connect(self._choose_export_file)
        self.print_button = QPushButton("Print…", objectName="shoppingPrint")
        self.print_button.clicked.connect(self._choose_printer)
        self.uncheck_button = QPushButton("Uncheck all", objectName="shoppingUncheck")
        self.uncheck_button.clicked.connect(self.uncheck_all)
        self.clear_button = QPushButton("Clear list", objectName="shoppingClear")
        self.clear_button.clicked.connect(self.clear)
        actions = QHBoxLayout()
        for button in (self.copy_button, self.export_button, self.print_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.uncheck_button)
        actions.addWidget(self.clear_button)

        top_right = QHBoxLayout()
        top_right.addWidget(QLabel("<b>To buy</b>"))
        top_right.addStretch(1)
        top_right.addWidget(units_label)
        top_right.addWidget(self.units)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addLayout(top_right)
        right_layout.addWidget(self.item_list, 1)
        right_layout.addWidget(self.summary_label)
        right_layout.addLayout(actions)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([400, 580])
        self.status_label = QLabel(objectName="shoppingStatus", wordWrap=True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_label)

    def refresh_recipes(self) -> None:
        """Fill the picker from the library again (call it after recipes are added)."""
        self.picker.clear()
        if self.library is None:
            return
        for summary in sorted(self.library.summaries(), key=lambda item: item.title.casefold()):
            self.picker.addItem(summary.title, summary.id)
        self.picker.setCurrentIndex(-1)
        self.picker.clearEditText()

    # The recipes on the list -----------------------------------------------------------------

    def add_recipe(self, recipe: Recipe, amount: int | None = None) -> None:
        """Put a recipe on the list for `amount` servings (batches where it states none);
        adding one already there sets its amount."""
        amount = amount or recipe.servings or 1
        for entry in self._entries:
            if self._same(entry.recipe, recipe):
                entry.recipe, entry.amount = recipe, amount
                break
        else:
            self._entries.append(_Entry(recipe, amount))
        self._rebuild()

    def remove_recipe(self, recipe: Recipe) -> None:
        self._entries = [entry for entry in self._entries if not self._same(entry.recipe, recipe)]
        self._rebuild()

    def set_amount(self, recipe: Recipe, amount: int) -> None:
        for entry in self._entries:
            if self._same(entry.recipe, recipe):
                entry.amount = amount
        # The spin boxes stay: this may run inside one's own valueChanged.
        self._rebuild(recipes_changed=False)

    def recipes(self) -> list[tuple[Recipe, int]]:
        return [(entry.recipe, entry.amount) for entry in self._entries]

    @staticmethod
    def _same(first: Recipe, second: Recipe) -> bool:
        return first.id == second.id if first.id or second.id else first is second

    def offer(self, recipe: Recipe | None) -> None:
        """Put `recipe` (the one on show) in the picker, ready: Enter or Add puts it on the list."""
        if recipe is None:
            return
        index = self.picker.findData(recipe.id)
        if index >= 0:
            self.picker.setCurrentIndex(index)
            self.picker.lineEdit().selectAll()
            self.picker.setFocus()

    def _picked_index(self) -> int | None:
        """The recipe the picker names: its exact title, else the one title holding what was
        typed (case and accents ignored), else the completer's current choice."""
        text = self.picker.currentText().strip()
        if not text:
            return None
        exact = self.picker.findText(text, Qt.MatchFlag.MatchFixedString)
        if exact >= 0:
            return exact
        from ..domain.search import fold

        wanted = fold(text)
        holding = [
            row for row in range(self.picker.count()) if wanted in fold(self.picker.itemText(row))
        ]
        if len(holding) == 1:
            return holding[0]
        completion = self.picker.completer().currentCompletion()
        if len(holding) > 1 and completion and self.picker.completer().popup().isVisible():
            index = self.picker.findText(completion, Qt.MatchFlag.MatchFixedString)
            return index if index >= 0 else None
        return -len(holding) if holding else None

    def _add_picked(self) -> None:
        if self.library is None:
            return
        index = self._picked_index()
        if index is None:
            typed = self.picker.currentText().strip()
            self.status_label.setText(
                f"No recipe is called “{typed}”; choose one from the list."
                if typed
                else "Type part of a recipe's name, or choose one from the list."
            )
            return
        if index < 0:
            self.status_label.setText(
                f"{-index} recipes hold “{self.picker.currentText().strip()}”: "
                "type more of the name, or choose one from the list."
            )
            self.picker.completer().complete()
            return
        try:
            recipe = self.library.get(self.picker.itemData(index))
        except LibraryError as error:
            self.status_label.setText(str(error))
            return
        self.add_recipe(recipe)
        self.status_label.setText(f"Added {recipe.title}.")
        self.picker.setCurrentIndex(-1)
        self.picker.clearEditText()

    def _fill_recipe_table(self) -> None:
        table = self.recipe_table
        for row in range(table.rowCount()):
            for column in (1, 2):
                old = table.cellWidget(row, column)
                if old is not None:
                    old.hide()  # deleted later by the table; never drawn again
        table.setRowCount(len(self._entries))
        for row, entry in enumerate(self._entries):
            title = QTableWidgetItem(entry.recipe.title)
            title.setToolTip(entry.recipe.title)
            table.setItem(row, 0, title)
            spin = _amount_spin()
            spin.setMinimumWidth(self.recipe_table.horizontalHeader().sectionSize(1) - 4)
            spin.setValue(entry.amount)
            if entry.recipe.servings:
                spin.setSuffix(" servings" if entry.amount != 1 else " serving")
                spin.setAccessibleName(f"Servings of {entry.recipe.title}")
            else:
                spin.setPrefix("×")
                spin.setSuffix(" batch" if entry.amount == 1 else " batches")
                spin.setAccessibleName(f"Batches of {entry.recipe.title}")
            spin.valueChanged.connect(
                lambda value, recipe=entry.recipe: self.set_amount(recipe, value)
            )
            table.setCellWidget(row, 1, spin)
            remove = QToolButton(objectName="shoppingRemove", text="✕")
            remove.setToolTip(f"Take {entry.recipe.title} off the list")
            remove.setAccessibleName(f"Remove {entry.recipe.title}")
            # Queued: removing rebuilds the table, which deletes this very button.
            remove.clicked.connect(
                lambda _=False, recipe=entry.recipe: self.remove_recipe(recipe),
                Qt.ConnectionType.QueuedConnection,
            )
            table.setCellWidget(row, 2, remove)

    # The list ------------------------------------------------------------------------------

    def system(self) -> UnitSystem:
        return UnitSystem.of(self.units.currentData() or UnitSystem.ORIGINAL)

    def items(self) -> list[ShoppingItem]:
        return list(self._items)

    def checked_keys(self) -> set[str]:
        return set(self._checked)

    def set_checked(self, key: str, checked: bool) -> None:
        for row in range(self.item_list.count()):
            item = self.item_list.item(row)
            if item.data(KEY_ROLE) == key:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def uncheck_all(self) -> None:
        self._checked.clear()
        self._rebuild()

    def clear(self) -> None:
        self._entries.clear()
        self._checked.clear()
        self._rebuild()

    def _units_changed(self) -> None:
        self._rebuild(recipes_changed=False)

    def _rebuild(self, recipes_changed: bool = True) -> None:
        """Sum the list again (after any change of recipes, servings or units) and save it."""
        if recipes_changed:
            self._fill_recipe_table()
        else:
            self._update_spin_suffixes()
        pairs = [(entry.recipe, entry.factor) for entry in self._entries]
        self._items = shopping_items(pairs, self.system())
        keys = {item.key for item in self._items}
        self._checked &= keys
        self.item_list.blockSignals(True)
        self.item_list.clear()
        for shopping_item in self._items:
            item = QListWidgetItem(shopping_item.text)
            item.setData(KEY_ROLE, shopping_item.key)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setToolTip("For " + ", ".join(shopping_item.recipes))
            checked = shopping_item.key in self._checked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self._style_item(item, checked)
            self.item_list.addItem(item)
        self.item_list.blockSignals(False)
        self._update_summary()
        self._save()
        self.changed.emit()

    def _update_spin_suffixes(self) -> None:
        for row, entry in enumerate(self._entries):
            spin = self.recipe_table.cellWidget(row, 1)
            if not isinstance(spin, QSpinBox):
                continue
            if entry.recipe.servings:
                spin.setSuffix(" servings" if entry.amount != 1 else " serving")
            else:
                spin.setSuffix(" batch" if entry.amount == 1 else " batches")

    def _item_checked(self, item: QListWidgetItem) -> None:
        key = item.data(KEY_ROLE)
        checked = item.checkState() == Qt.CheckState.Checked
        if checked:
            self._checked.add(key)
        else:
            self._checked.discard(key)
        self.item_list.blockSignals(True)
        self._style_item(item, checked)
        self.item_list.blockSignals(False)
        self._update_summary()
        self._save()
        self.changed.emit()

    @staticmethod
    def _style_item(item: QListWidgetItem, checked: bool) -> None:
        font = QFont(item.font())
        font.setStrikeOut(checked)
        item.setFont(font)
        item.setForeground(Qt.GlobalColor.gray if checked else Qt.GlobalColor.black)

    def _update_summary(self) -> None:
        left = len(self._items) - len(self._checked)
        if not self._entries:
            self.summary_label.setText("Add recipes to build the list.")
        else:
            self.summary_label.setText(f"{left} of {len(self._items)} still to buy")
        for button in (self.copy_button, self.export_button, self.print_button):
            button.setEnabled(bool(self._items))

    # Copy, Markdown, print ------------------------------------------------------------------

    def as_text(self) -> str:
        """The list as plain text for a phone or a message: ☐ to buy, ☑ already got."""
        lines = [f"{'☑' if item.key in self._checked else '☐'} {item.text}" for item in self._items]
        return "\n".join(lines) + ("\n" if lines else "")

    def as_markdown(self) -> str:
        """A Markdown task list, with the recipes and servings it is for."""
        lines = ["# Shopping list", ""]
        for entry in self._entries:
            unit = "servings" if entry.recipe.servings else "batch"
            lines.append(f"- {entry.recipe.title} ({entry.amount} {unit})")
        lines.append("")
        lines += [
            f"- [{'x' if item.key in self._checked else ' '}] {item.text}" for item in self._items
        ]
        return "\n".join(lines) + "\n"

    def as_html(self) -> str:
        recipes = ", ".join(escape(entry.recipe.title) for entry in self._entries)
        rows = "".join(
            f"<li>{'☑' if item.key in self._checked else '☐'} {escape(item.text)}</li>"
            for item in self._items
        )
        return (
            f"<h1>Shopping list</h1><p><i>For {recipes}</i></p>"
            f"<ul style='list-style:none;font-size:14pt'>{rows}</ul>"
        )

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text())
        self.status_label.setText("Copied the list.")

    def export_markdown(self, path: str | Path) -> None:
        try:
            Path(path).write_text(self.as_markdown(), encoding="utf-8")
        except OSError as error:
            self.status_label.setText(f"Could not save {path}: {error.strerror or error}")
            return
        self.status_label.setText(f"Saved {path}")

    def print_to(self, printer: QPrinter) -> None:
        document = QTextDocument()
        document.setHtml(self.as_html())
        document.print_(printer)

    def _choose_export_file(self) -> None:
        dialog = QFileDialog(self, "Export shopping list", "shopping-list.md")
        dialog.setObjectName("shoppingExportFile")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter("Markdown (*.md)")
        dialog.setDefaultSuffix("md")
        dialog.fileSelected.connect(self.export_markdown)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _choose_printer(self) -> None:
        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("shoppingPrintDialog")
        dialog.accepted.connect(lambda: self.print_to(printer))
        dialog.finished.connect(dialog.deleteLater)
        QDialog.open(dialog)  # PySide's QPrintDialog.open() wants a receiver and slot

    # Keeping it between sessions --------------------------------------------------------------

    def _save(self) -> None:
        if self.state_path is None:
            return
        state = {
            "version": STATE_VERSION,
            "system": self.system(),
            "checked": sorted(self._checked),
            "recipes": [
                {"id": entry.recipe.id, "amount": entry.amount, "recipe": entry.recipe.to_dict()}
                for entry in self._entries
            ],
        }
        try:
            self.state_path.parent.mkdir(parents=True, exist_ok=True)
            replace_file(self.state_path, (json.dumps(state, indent=1).encode(),))
        except OSError as error:
            log.warning("shopping list not saved: %s", error)
            self.status_label.setText(f"The list could not be saved: {error}")

    def _load(self) -> None:
        if self.state_path is None or not self.state_path.exists():
            return
        try:
            state = json.loads(self.state_path.read_text(encoding="utf-8"))
            entries = [self._entry_from(data) for data in state.get("recipes", [])]
        except (OSError, ValueError, TypeError, AttributeError, RecipeFormatError) as error:
            log.warning("shopping list %s unreadable: %s", self.state_path, error)
            self.status_label.setText("The saved shopping list could not be read; starting afresh.")
            return
        self._entries = [entry for entry in entries if entry is not None]
        self._checked = {key for key in state.get("checked", []) if isinstance(key, str)}
        self.units.blockSignals(True)
        self.units.setCurrentIndex(
            max(0, self.units.findData(state.get("system", UnitSystem.ORIGINAL)))
        )
        self.units.blockSignals(False)

    def _entry_from(self, data: dict[str, Any]) -> _Entry | None:
        recipe_id = data.get("id") or ""
        recipe: Recipe | None = None
        if self.library is not None and recipe_id in self.library:
            recipe = self.library.get(recipe_id)
        elif isinstance(data.get("recipe"), dict):
            recipe = Recipe.from_dict(data["recipe"])
        amount = data.get("amount")
        if recipe is None or not isinstance(amount, int) or amount < 1:
            return None
        return _Entry(recipe, amount)
