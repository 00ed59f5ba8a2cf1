"""How a recipe is shown: the unit system, and how much of it (servings or batches).

The spinner, the detail pane, print, cook mode and the shopping list all ask the same two
questions, "multiplied by what?" and "in which units?". They are answered here, once, and
travel together as one `View`, so that no widget works a factor out on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from fractions import Fraction
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .scale_to import ScaleTo

#: In batch mode (a recipe that states no servings) the amount 0 stands for half a batch.
HALF_BATCH = 0


class UnitSystem(StrEnum):
    """The three ways amounts are shown. A `StrEnum`, so "metric" and UnitSystem.METRIC agree."""

    ORIGINAL = "original"
    METRIC = "metric"
    US = "us"

    @property
    def label(self) -> str:
        """The word a cook sees in the unit menu."""
        return _LABELS[self]

    @classmethod
    def of(cls, value: str) -> UnitSystem:
        """The system named `value`; ValueError naming the choices for anything else."""
        try:
            return cls(value)
        except ValueError:
            choices = ", ".join(repr(str(system)) for system in cls)
            raise ValueError(f"unknown unit system {value!r}; expected one of {choices}") from None


_LABELS = {UnitSystem.ORIGINAL: "As written", UnitSystem.METRIC: "Metric", UnitSystem.US: "US"}


def scale_factor(recipe_servings: int | None, amount: int) -> Fraction:
    """What every quantity is multiplied by to cook `amount`.

    `amount` is servings when the recipe states them, else batches (HALF_BATCH for ×½), so
    that no number of servings is ever invented for a recipe that gives none.
    """
    if recipe_servings:
        return Fraction(amount, recipe_servings)
    return Fraction(1, 2) if amount == HALF_BATCH else Fraction(amount)


@dataclass(frozen=True, slots=True)
class View:
    """One way of showing a recipe: scaled by `factor`, in `system`.

    `weigh` shows dry ingredients by weight in metric (`weights`); `scale_to` is set when
    the factor comes from "I have 1.4 kg of pork belly" (`scale_to.ScaleTo`), so that what
    shows the recipe can say so.
    """

    factor: Fraction = Fraction(1)
    system: UnitSystem = UnitSystem.ORIGINAL
    weigh: bool = False
    scale_to: ScaleTo | None = None

    @classmethod
    def of(
        cls, recipe_servings: int | None, amount: int, system: str = UnitSystem.ORIGINAL
    ) -> View:
        """The view for cooking `amount` servings (or batches) in `system`."""
        return cls(scale_factor(recipe_servings, amount), UnitSystem.of(system))

    def in_system(self, system: str) -> View:
        """The same amount in another unit system."""
        return replace(self, system=UnitSystem.of(system))

    def scaled_to(self, scale: ScaleTo) -> View:
        """Scaled so one ingredient is the amount the cook has."""
        return replace(self, factor=scale.factor, scale_to=scale)

    @property
    def is_as_written(self) -> bool:
        """Nothing scaled and nothing converted: the recipe exactly as its author wrote it."""
        return self.factor == 1 and self.system is UnitSystem.ORIGINAL
