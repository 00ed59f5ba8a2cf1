"""Scale to what you have: choose an ingredient line, say how much of it you have.

Non-blocking: the dialog stays open with the reason in it when the amount can't be compared
with the line (a weight against a count), and says before accepting when the line is a
range whose low end is used. Accepting emits `chosen` with the domain's `ScaleTo`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.display import display_line
from ..domain.scale_to import ScaleTo, scale_to_amount

if TYPE_CHECKING:
    from ..domain import Ingredient, Recipe

ERROR_STYLE = "QLabel { color: #b00020; }"


class ScaleToAmountDialog(QDialog):
    """`scaleToAmount`: the shown recipe's lines in `scaleIngredient`, the amount in
    `scaleAmount`."""

    chosen = Signal(object)

    def __init__(self, recipe: Recipe, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scaleToAmount")
        self.setWindowTitle("Scale to What You Have")
        self.setModal(False)
        self._lines: list[Ingredient] = []
        self.ingredient = QComboBox(objectName="scaleIngredient")
        self.ingredient.setAccessibleName("Ingredient you have")
        for component in recipe.components:
            for line in component.ingredients:
                if line.is_heading or not line.text.strip():
                    continue
                label = display_line(
                    f"{component.title}: {line.text}" if component.title else line.text
                )
                self.ingredient.addItem(label)
                self._lines.append(line)
        # The first line with an amount is the likeliest one ("1 kg pork belly").
        for row, line in enumerate(self._lines):
            if line.quantity:
                self.ingredient.setCurrentIndex(row)
                break
        self.amount = QLineEdit(objectName="scaleAmount")
        self.amount.setPlaceholderText("1.4 kg, 3 lb, 2 cans…")
        self.amount.setAccessibleName("Amount you have")
        self.message = QLabel(objectName="scaleMessage", wordWrap=True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.hint = QLabel(objectName="scaleHint", wordWrap=True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.ingredient.currentIndexChanged.connect(self._update_hint)
        self.amount.textEdited.connect(lambda _text: self.message.hide())

        form = QFormLayout()
        ingredient_label = QLabel("&Ingredient")
        ingredient_label.setBuddy(self.ingredient)
        amount_label = QLabel("I &have")
        amount_label.setBuddy(self.amount)
        form.addRow(ingredient_label, self.ingredient)
        form.addRow(amount_label, self.amount)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Scale")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())
        self._update_hint()
        self.amount.setFocus()

    def chosen_line(self) -> Ingredient | None:
        row = self.ingredient.currentIndex()
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def _update_hint(self) -> None:
        line = self.chosen_line()
        if line is not None and line.quantity_max is not None:
            self.hint.setText("This line is a range: its low end is what is scaled to.")
            self.hint.show()
        else:
            self.hint.hide()

    def result_for_input(self) -> ScaleTo:
        """What accepting would do; ValueError with the reason when it can't."""
        line = self.chosen_line()
        if line is None:
            raise ValueError("This recipe has no ingredient lines to scale by.")
        return scale_to_amount(line, self.amount.text())

    def accept(self) -> None:
        try:
            result = self.result_for_input()
        except ValueError as error:
            self.message.setText(str(error))
            self.message.show()
            self.amount.setFocus()
            self.amount.selectAll()
            return
        self.chosen.emit(result)
        super().accept()
