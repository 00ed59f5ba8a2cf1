"""Reading an ingredient line into quantity, unit, name and note, keeping the line as written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True, slots=True)
class Measure:
    """An amount in one unit: the author's second measure in "1/2 cup (120 ml)"."""

    quantity: Fraction | None
    quantity_max: Fraction | None
    unit: str | None


@dataclass(frozen=True, slots=True)
class Ingredient:
    """One ingredient line: `text` is always the line exactly as given; the rest is read from it."""

    text: str
    quantity: Fraction | None = None
    quantity_max: Fraction | None = None
    unit: str | None = None
    name: str = ""
    note: str = ""
    alternative: Measure | None = None
    is_heading: bool = False
    understood: bool = True


_LEADING_NUMBER = re.compile(r"^\s*(\d+(?:/\d+)?)\s+(.*)$")


def parse_ingredient(text: str) -> Ingredient:
    """Read a line; never raises. A line it can't read comes back as a name-only ingredient."""
    match = _LEADING_NUMBER.match(text)
    if not match:
        return Ingredient(text=text, name=text.strip())
    return Ingredient(text=text, quantity=Fraction(match[1]), name=match[2].strip())
