"""Numbers as cooks write them: reading "1½", "1 1/2", "1,5", "1-2" into exact Fractions, and
showing Fractions back the way a cook measures (½ cup, 1.2 kg, 118 ml → 120 ml).

Nothing here rounds a stored value: rounding happens only in the strings this module returns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

UNICODE_FRACTIONS = {
    "½": Fraction(1, 2),
    "⅓": Fraction(1, 3),
    "⅔": Fraction(2, 3),
    "¼": Fraction(1, 4),
    "¾": Fraction(3, 4),
    "⅕": Fraction(1, 5),
    "⅖": Fraction(2, 5),
    "⅗": Fraction(3, 5),
    "⅘": Fraction(4, 5),
    "⅙": Fraction(1, 6),
    "⅚": Fraction(5, 6),
    "⅛": Fraction(1, 8),
    "⅜": Fraction(3, 8),
    "⅝": Fraction(5, 8),
    "⅞": Fraction(7, 8),
    "⅐": Fraction(1, 7),
    "⅑": Fraction(1, 9),
    "⅒": Fraction(1, 10),
}
_GLYPHS = {value: glyph for glyph, value in UNICODE_FRACTIONS.items()}
_UNI = "".join(UNICODE_FRACTIONS)

# Fraction slashes other than "/" that recipe sites use; callers swap them one for one, so
# positions in the line stay the same.
FRACTION_SLASHES = str.maketrans({"\u2044": "/", "\u2215": "/"})

_NUMBER = re.compile(
    rf"""
    (?P<awhole>\d{{1,3}})\s{{1,3}}(?:and|&)\s{{1,3}}(?:(?P<auni>[{_UNI}])|(?P<anum>\d{{1,2}})\s?/\s?(?P<aden>\d{{1,2}})(?!\d))
    | (?P<uwhole>\d+)?\s?(?P<uni>[{_UNI}])
    | (?P<mwhole>\d+)(?:\s+|-)(?P<mnum>\d+)\s*/\s*(?P<mden>\d+)(?!\d)
    | (?P<num>\d+)\s*/\s*(?P<den>\d+)(?!\d)
    | (?P<thousands>\d{{1,3}}(?:,\d{{3}})+)(?![\d.,])
    | (?P<decimal>\d*[.,]\d+)
    | (?P<int>\d+)
    """,
    re.VERBOSE,
)
_RANGE_SEPARATOR = re.compile(r"\s*(?:-\s*)?(?:-|–|—|~|\bto\b|\bor\b|/)\s*")
_MAX_DENOMINATOR = 64
_LONGEST_NUMBER = 40


@dataclass(frozen=True, slots=True)
class Amount:
    """A number or range as found in a text: `start` and `end` index the text it came from."""

    low: Fraction
    high: Fraction | None
    start: int
    end: int


def _valid_fraction(numerator: str, denominator: str) -> Fraction | None:
    den = int(denominator)
    if not 0 < den <= _MAX_DENOMINATOR:
        return None
    return Fraction(int(numerator), den)


def read_number(text: str, pos: int) -> tuple[Fraction, int] | None:
    """One number starting exactly at `pos`: its value and where it ends, or None."""
    match = _NUMBER.match(text, pos)
    if match is None or match.end() - pos > _LONGEST_NUMBER:
        # No cook writes a 40-digit amount; int() of thousands of digits would raise.
        return None
    if match["awhole"]:
        # "1 and 1/4", "2 & ½": one mixed number, as cooks say it.
        whole = int(match["awhole"])
        if match["auni"]:
            return whole + UNICODE_FRACTIONS[match["auni"]], match.end()
        fraction = _valid_fraction(match["anum"], match["aden"])
        if fraction is not None and fraction < 1:
            return whole + fraction, match.end()
        return Fraction(whole), match.end("awhole")
    if match["uni"]:
        whole = int(match["uwhole"]) if match["uwhole"] else 0
        return whole + UNICODE_FRACTIONS[match["uni"]], match.end()
    if match["mwhole"]:
        fraction = _valid_fraction(match["mnum"], match["mden"])
        if fraction is not None and fraction < 1:
            return int(match["mwhole"]) + fraction, match.end()
        return Fraction(int(match["mwhole"])), match.end("mwhole")
    if match["num"]:
        fraction = _valid_fraction(match["num"], match["den"])
        if fraction is not None:
            return fraction, match.end()
        return Fraction(int(match["num"])), match.end("num")
    if match["thousands"]:
        return Fraction(int(match["thousands"].replace(",", ""))), match.end()
    if match["decimal"]:
        return Fraction(match["decimal"].replace(",", ".")), match.end()
    return Fraction(int(match["int"])), match.end()


def read_amount(text: str, pos: int) -> Amount | None:
    """A number or a range ("1-2", "1 to 2", "1 or 2", "½-1", "1-1/2" = 1½) at `pos`."""
    first = read_number(text, pos)
    if first is None:
        return None
    low, end = first
    separator = _RANGE_SEPARATOR.match(text, end)
    if separator is None:
        return Amount(low, None, pos, end)
    second = read_number(text, separator.end())
    if second is None:
        return Amount(low, None, pos, end)
    high, high_end = second
    dash = "-" in separator.group()
    if dash and low.denominator == 1 and 0 < high < 1 and "/" in text[separator.end() : high_end]:
        return Amount(low + high, None, pos, high_end)
    if high <= low:
        return Amount(low, None, pos, end)
    return Amount(low, high, pos, high_end)


# Display -------------------------------------------------------------------------------

_FRACTION_TOLERANCE = Fraction(6, 100)
_METRIC_TOLERANCE = Fraction(2, 100)
_GRAINS = tuple(
    Fraction(grain) for grain in ("1000", "500", "250", "100", "50", "25", "10", "5", "1")
)
_FINE_GRAINS = (Fraction(1, 2), Fraction(1, 10), Fraction(1, 20), Fraction(1, 100))


def nearest_fraction(value: Fraction, denominators: tuple[int, ...]) -> Fraction | None:
    """The closest amount a cook can measure with these denominators, if honestly close.

    "Honestly close" is within 6%: nearer than a cook's own error with spoons and cups, so
    that 1/16 tsp is not passed off as ⅛ tsp, while 250 ml still reads as 1 cup.
    """
    if value <= 0:
        return None
    best: Fraction | None = None
    for den in (1, *denominators):
        candidate = Fraction(round(value * den), den)
        if candidate == 0:
            continue
        if best is None or abs(candidate - value) < abs(best - value):
            best = candidate
    if best is None or abs(best - value) > value * _FRACTION_TOLERANCE:
        return None
    return best


def round_metric(value: Fraction, whole_numbers: bool = True) -> Fraction:
    """The value at the coarsest grain that stays within 2% (118.29 ml → 120, 23.5 g → 24).

    `whole_numbers` is for grams and millilitres, shown whole from 10 up; kilograms and
    litres keep decimals (1.2 kg, 1.25 kg).
    """
    if value <= 0:
        return value
    if whole_numbers and value.denominator == 1 and value % 5 == 0:
        # Already a number a cook would write (120 ml × 6 is 720 ml, not 725 ml).
        return value
    grains = _GRAINS if whole_numbers and value >= 10 else _GRAINS + _FINE_GRAINS
    for grain in grains:
        rounded = round(value / grain) * grain
        if rounded and abs(rounded - value) <= value * _METRIC_TOLERANCE:
            return Fraction(rounded)
    rounded = round(value / grains[-1]) * grains[-1]
    return Fraction(rounded) if rounded else value


def format_decimal(value: Fraction) -> str:
    """A plain decimal, never "0" for a positive value: 1.2, 0.06, 118."""
    if value == int(value):
        return str(int(value))
    if value < 1:
        text = f"{float(value):.2g}"
        return text if "e" not in text else f"{float(value):.6f}".rstrip("0")
    return f"{float(value):.2f}".rstrip("0").rstrip(".")


def format_fraction(value: Fraction) -> str:
    """A value already on a cook's grid as a glyph or mixed number: ½, 1½, 3."""
    whole, part = divmod(value, 1)
    if part == 0:
        return str(int(whole))
    glyph = _GLYPHS.get(part)
    if glyph is None:
        return format_decimal(value)
    return f"{int(whole)}{glyph}" if whole else glyph


def format_quantity(
    value: Fraction, denominators: tuple[int, ...], whole_numbers: bool = True
) -> str:
    """Show a value as cooks write it in a unit: fractions where the unit measures in them
    (`denominators`), else a decimal at a sensible grain (`whole_numbers` for g and ml, not
    for kg and l). Never shows a positive value as 0.
    """
    if not denominators:
        return format_decimal(round_metric(value, whole_numbers))
    snapped = nearest_fraction(value, denominators)
    if snapped is None:
        # No honest fraction: the nearest step of the unit's finest grid, never a decimal
        # no cook measures ("0.083 tsp"); the kitchen grid (domain/grid.py) says why.
        finest = max(denominators)
        snapped = max(Fraction(1, finest), Fraction(round(value * finest), finest))
    return format_fraction(snapped)


def format_range(
    low: Fraction,
    high: Fraction | None,
    denominators: tuple[int, ...],
    whole_numbers: bool = True,
) -> str:
    """A quantity or a range ("2–4", with the en dash cooks print) in one unit."""
    text = format_quantity(low, denominators, whole_numbers)
    if high is None:
        return text
    high_text = format_quantity(high, denominators, whole_numbers)
    # Both ends on one step ("⅛–⅛"): one amount.
    return text if high_text == text else f"{text}–{high_text}"


def reads_well(value: Fraction, denominators: tuple[int, ...]) -> bool:
    """Whether the value sits honestly on this unit's grid (decimal units always do)."""
    return not denominators or nearest_fraction(value, denominators) is not None
