"""The servings spinner, which counts batches for a recipe that states no servings."""

from __future__ import annotations

import re
from fractions import Fraction

from PySide6.QtCore import Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QSpinBox, QToolTip

from ..domain.view import HALF_BATCH, scale_factor

_NUMBER = re.compile(r"\d+")
# A half batch however it is typed: ½, 0.5, .5, 0,5, 1/2.
_HALF = re.compile(r"^\s*×?\s*(?:½|0?[.,]5|1\s*/\s*2)\b")
# A number with a decimal or fraction part the box cannot hold: 1.5, 2,25, 3/4.
_NOT_WHOLE = re.compile(r"\d*[.,/]\d")


class ServingsSpinBox(QSpinBox):
    """Servings (1–999), or batches (×½, ×1, ×2 … ×99) so no number of servings is invented.

    A number it cannot hold ("1.5" batches) is refused out loud: `refused` carries a message
    (the window shows it in the status bar) and the typed text is never read as another
    number ("1.5" is not ×1).
    """

    refused = Signal(str)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._servings: int | None = None
        self.setRange(1, 999)

    def start_at(self, servings: int | None) -> None:
        """Show a recipe: its own servings, or one batch when it states none."""
        self.blockSignals(True)
        self._servings = servings
        if servings:
            self.setRange(1, 999)
            self.setValue(servings)
        else:
            self.setRange(HALF_BATCH, 99)
            self.setValue(1)
        self.blockSignals(False)
        self.lineEdit().setText(self.textFromValue(self.value()))

    @property
    def counts_batches(self) -> bool:
        return not self._servings

    def factor(self) -> Fraction:
        """How much every quantity is multiplied by."""
        return scale_factor(self._servings, self.value())

    def reset(self) -> None:
        self.setValue(self._servings or 1)

    def textFromValue(self, value: int) -> str:  # noqa: N802
        if not self.counts_batches:
            return str(value)
        if value == HALF_BATCH:
            return "×½ batch"
        return f"×{value} batch" if value == 1 else f"×{value} batches"

    def valueFromText(self, text: str) -> int:  # noqa: N802
        if self.counts_batches and ("½" in text or _HALF.match(text)):
            return HALF_BATCH
        match = _NUMBER.search(text)
        return int(match.group()) if match else self.value()

    def validate(self, text: str, position: int) -> object:
        if self.counts_batches and ("½" in text or _HALF.match(text)):
            return QValidator.State.Acceptable, text, position
        if _NOT_WHOLE.search(text):
            self._refuse(text)
            return QValidator.State.Intermediate, text, position
        if self.counts_batches and _NUMBER.search(text):
            return QValidator.State.Acceptable, text, position
        return super().validate(text, position)

    def _refuse(self, text: str) -> None:
        number = _NOT_WHOLE.search(text)
        typed = number.group() if number else text.strip()
        if self.counts_batches:
            message = f"“{typed}” batches can't be cooked here: type a whole number, or ½."
        else:
            message = f"Servings are whole numbers: “{typed}” is not one."
        QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), message, self)
        self.refused.emit(message)
