"""The servings spinner, which counts batches for a recipe that states no servings."""

from __future__ import annotations

import re
from fractions import Fraction

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QSpinBox

from ..domain.view import HALF_BATCH, scale_factor

_NUMBER = re.compile(r"\d+")


class ServingsSpinBox(QSpinBox):
    """Servings (1–999), or batches (×½, ×1, ×2 … ×99) so no number of servings is invented."""

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
        if self.counts_batches and "½" in text:
            return HALF_BATCH
        match = _NUMBER.search(text)
        return int(match.group()) if match else self.value()

    def validate(self, text: str, position: int) -> object:
        if self.counts_batches and (_NUMBER.search(text) or "½" in text):
            return QValidator.State.Acceptable, text, position
        return super().validate(text, position)
