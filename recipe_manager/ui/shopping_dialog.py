"""The shopping list: recipes at their own servings, summed into one list to check off, by
aisle in the shop's order, with pantry staples left off unless asked for.

The cook's aisle choices and pantry marks are kept in the library's plan entries (the same
synced store as the meal plan): they describe the cook's shop and kitchen, which are the
same whichever computer the list is made on. The list itself (the file is written by
`storage.shopping_file`, its text by `domain.shopping_text`) lives in the library folder,
one file per computer (`shopping/<computer id>.json`), not in QSettings:
it names that library's recipes by id, so it belongs with the library (a second library
opened with --library has its own list, and it moves and is backed up with its recipes).
Each recipe is also kept as it was when added, so the list still reads if a recipe is
deleted; while the recipe is in the library, its current version is used.
"""

from __future__ import annotations

import logging
from fractions import Fraction
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain import Recipe, RecipeFormatError
from ..domain.aisles import AISLE_LABELS, AISLES, ROUNDING_RULE
from ..domain.display import display_line
from ..domain.meal_plan import (
    aisle_choices,
    aisle_entry,
    pantry_entry,
    pantry_entry_id,
    pantry_keys,
)
from ..domain.shopping import ShoppingItem, shopping_items
from ..domain.shopping_text import as_html, as_markdown, as_text, by_aisle
from ..domain.view import UnitSystem, scale_factor
from ..storage import LibraryError, RecipeLibrary
from ..storage.shopping_file import (
    load_shopping_state,
    save_shopping_state,
    shopping_state_path,
    write_text_file,
)
from .plain import plain_tooltip
from .screen_fit import fit_to_screen

log = logging.getLogger(__name__)

KEY_ROLE = Qt.ItemDataRole.UserRole
AISLE_ROLE = Qt.ItemDataRole.UserRole + 1
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


__all__ = ["ShoppingListDialog", "shopping_state_path"]


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
        entries: Any = None,
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
        self._staples_left_out: list[ShoppingItem] = []
        self._weigh = False
        # The synced store of the cook's aisle choices and pantry marks (plan entries).
        self.entries = entries
        self._aisles: dict[str, str] = {}
        self._pantry: set[str] = set()
        self._read_choices()
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
        self.item_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.item_list.customContextMenuRequested.connect(self._show_item_menu)
        self.show_staples = QCheckBox("Include pantry staples", objectName="shoppingShowStaples")
        self.show_staples.setToolTip(
            "Water, salt and pepper, and what you marked as kept in the pantry"
        )
        self.show_staples.toggled.connect(lambda _on: self._rebuild(recipes_changed=False))
        self.rule_label = QLabel(ROUNDING_RULE, objectName="shoppingRule", wordWrap=True)
        self.rule_label.setTextFormat(Qt.TextFormat.PlainText)
        rule_font = self.rule_label.font()
        rule_font.setPointSizeF(rule_font.pointSizeF() * 0.9)
        self.rule_label.setFont(rule_font)
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
        right_layout.addWidget(self.show_staples)
        right_layout.addWidget(self.summary_label)
        right_layout.addWidget(self.rule_label)
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
            self.picker.addItem(display_line(summary.title), summary.id)
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
        self.status_label.setText(f"Added {display_line(recipe.title)}.")
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
            title = QTableWidgetItem(display_line(entry.recipe.title))
            title.setToolTip(plain_tooltip(entry.recipe.title))
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
            remove.setToolTip(plain_tooltip(f"Take {entry.recipe.title} off the list"))
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
        every = shopping_items(
            pairs,
            self.system(),
            weigh=self._weigh,
            for_shop=True,
            aisles=self._aisles,
            staples=self._pantry,
        )
        show_staples = self.show_staples.isChecked()
        self._items = [item for item in every if show_staples or not item.staple]
        self._staples_left_out = [item for item in every if item.staple and not show_staples]
        # Kept across a hidden staple too: showing it again shows it as it was.
        self._checked &= {item.key for item in every}
        self.item_list.blockSignals(True)
        self.item_list.clear()
        for aisle, group in by_aisle(self._items):
            heading = QListWidgetItem(AISLE_LABELS[aisle])
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            heading.setData(AISLE_ROLE, aisle)
            heading_font = QFont(heading.font())
            heading_font.setBold(True)
            heading.setFont(heading_font)
            self.item_list.addItem(heading)
            for shopping_item in group:
                item = QListWidgetItem(shopping_item.text)
                item.setData(KEY_ROLE, shopping_item.key)
                item.setData(AISLE_ROLE, aisle)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setToolTip(plain_tooltip("For " + ", ".join(shopping_item.recipes)))
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
        if key is None:
            return
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
        left = sum(1 for item in self._items if item.key not in self._checked)
        if not self._entries:
            self.summary_label.setText("Add recipes to build the list.")
        else:
            text = f"{left} of {len(self._items)} still to buy"
            hidden = len(self._staples_left_out)
            if hidden:
                names = ", ".join(item.name for item in self._staples_left_out)
                text += (
                    f" ({hidden} pantry {'staple' if hidden == 1 else 'staples'} left out: {names})"
                )
            self.summary_label.setText(text)
        for button in (self.copy_button, self.export_button, self.print_button):
            button.setEnabled(bool(self._items))

    # Copy, Markdown, print ------------------------------------------------------------------

    def as_text(self) -> str:
        """The list as plain text for a phone or a message: ☐ to buy, ☑ already got."""
        return as_text(self._items, self._checked)

    def _recipe_lines(self) -> list[str]:
        lines = []
        for entry in self._entries:
            unit = "servings" if entry.recipe.servings else "batch"
            lines.append(f"{entry.recipe.title} ({entry.amount} {unit})")
        return lines

    def as_markdown(self) -> str:
        """A Markdown task list by aisle, with the recipes and servings it is for."""
        return as_markdown(self._items, self._checked, self._recipe_lines())

    def as_html(self) -> str:
        return as_html(
            self._items,
            self._checked,
            [entry.recipe.title for entry in self._entries],
            ROUNDING_RULE,
        )

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text())
        self.status_label.setText("Copied the list.")

    def export_markdown(self, path: str | Path) -> None:
        try:
            write_text_file(path, self.as_markdown())
        except LibraryError as error:
            self.status_label.setText(str(error))
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
            "system": self.system(),
            "checked": sorted(self._checked),
            "show_staples": self.show_staples.isChecked(),
            "recipes": [
                {"id": entry.recipe.id, "amount": entry.amount, "recipe": entry.recipe.to_dict()}
                for entry in self._entries
            ],
        }
        try:
            save_shopping_state(self.state_path, state)
        except LibraryError as error:
            log.warning("shopping list not saved: %s", error)
            self.status_label.setText(str(error))

    def _load(self) -> None:
        if self.state_path is None:
            return
        try:
            state = load_shopping_state(self.state_path)
            if state is None:
                return
            entries = [self._entry_from(data) for data in state.get("recipes", [])]
        except (LibraryError, ValueError, TypeError, AttributeError, RecipeFormatError) as error:
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
        self.show_staples.blockSignals(True)
        self.show_staples.setChecked(state.get("show_staples") is True)
        self.show_staples.blockSignals(False)

    # Aisles and the pantry: the cook's own, remembered in the library ---------------------------

    def _read_choices(self) -> None:
        if self.entries is None:
            return
        try:
            entries = self.entries.plan_entries()
        except LibraryError as error:
            log.warning("aisle choices unreadable: %s", error)
            return
        self._aisles = aisle_choices(entries)
        self._pantry = pantry_keys(entries)

    def refresh_choices(self) -> None:
        """Read the aisle choices and pantry marks again (another computer may have synced)."""
        self._read_choices()
        self._rebuild(recipes_changed=False)

    def set_weigh(self, weigh: bool) -> None:
        """In metric, list dry ingredients by weight (the window's Weigh Dry Ingredients)."""
        if weigh != self._weigh:
            self._weigh = weigh
            self._rebuild(recipes_changed=False)

    def aisle_of(self, key: str) -> str | None:
        for item in self._items:
            if item.key == key:
                return item.aisle
        return None

    def move_to_aisle(self, key: str, aisle: str) -> None:
        """Put a line in another aisle, remembered for every list from now on."""
        if aisle not in AISLES:
            raise ValueError(f"unknown aisle {aisle!r}")
        self._aisles[key] = aisle
        self._remember(aisle_entry(key, aisle))
        self._rebuild(recipes_changed=False)

    def set_pantry_staple(self, key: str, kept: bool) -> None:
        """Mark a line as kept in the pantry (left off the list unless asked for), or not."""
        if kept:
            self._pantry.add(key)
            self._remember(pantry_entry(key))
        else:
            self._pantry.discard(key)
            if self.entries is not None:
                try:
                    self.entries.remove_plan_entry(pantry_entry_id(key))
                except LibraryError as error:
                    self.status_label.setText(str(error))
        self._rebuild(recipes_changed=False)

    def _remember(self, entry: dict[str, Any]) -> None:
        if self.entries is None:
            return
        try:
            self.entries.put_plan_entry(entry)
        except LibraryError as error:
            self.status_label.setText(f"{error} (kept for this session)")

    def item_menu(self, item: QListWidgetItem) -> QMenu | None:
        """The menu for a line: move it to another aisle, keep it in the pantry."""
        key = item.data(KEY_ROLE)
        if key is None:
            return None
        menu = QMenu(self)
        menu.setObjectName("shoppingItemMenu")
        move = menu.addMenu("Move to aisle")
        current = item.data(AISLE_ROLE)
        for aisle in AISLES:
            action = move.addAction(AISLE_LABELS[aisle])
            action.setObjectName(f"shoppingAisle_{aisle.replace(' ', '_')}")
            action.setCheckable(True)
            action.setChecked(aisle == current)
            action.triggered.connect(lambda _=False, a=aisle: self.move_to_aisle(key, a))
        staple = key in self._pantry
        pantry = menu.addAction(
            "Put back on the list" if staple else "Keep in the pantry (leave off the list)"
        )
        pantry.setObjectName("shoppingPantry")
        pantry.triggered.connect(lambda: self.set_pantry_staple(key, not staple))
        return menu

    def _show_item_menu(self, point: QPoint) -> None:
        item = self.item_list.itemAt(point)
        menu = self.item_menu(item) if item is not None else None
        if menu is not None:
            menu.aboutToHide.connect(menu.deleteLater)
            menu.popup(self.item_list.viewport().mapToGlobal(point))

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
