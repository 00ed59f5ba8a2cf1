"""Oven temperatures in a step's text, shown in the reader's unit system.

Only numbers marked as °C or °F (or a gas mark) are touched; times, sizes ("1cm slices") and
other numbers stay as written. A pair the author gives ("180°C/350°F", "(250C/500F)") is
cut down to the side that matches the system; a range ("180-200°C") converts both ends.

A lone temperature is converted by kind. From 120 °C (248 °F) up it is an oven setting:
the usual oven pairs first (180 °C ↔ 350 °F), then °C in steps of 5 and °F in steps of 25
from 250 °F (steps of 5 just below). Under that it is sugar, oil, a proving drawer, a
fridge or a freezer, converted to the nearest whole degree (-18 °C is 0 °F, 115 °C is
239 °F).
"""

from __future__ import annotations

import re

from .units import METRIC, ORIGINAL, SYSTEMS

_PAIRS_C_TO_F = {
    140: 275,
    150: 300,
    160: 325,
    170: 325,
    175: 350,
    180: 350,
    190: 375,
    200: 400,
    220: 425,
    230: 450,
    240: 475,
    250: 500,
}
_PAIRS_F_TO_C = {
    275: 140,
    300: 150,
    325: 160,
    350: 180,
    375: 190,
    400: 200,
    425: 220,
    450: 230,
    475: 240,
    500: 250,
}
_GAS_MARKS = {1: 140, 2: 150, 3: 170, 4: 180, 5: 190, 6: 200, 7: 220, 8: 230, 9: 240}
# Below this (°C), a temperature is not an oven dial's and keeps whole-degree precision.
_OVEN_MINIMUM_C = 120
# Without a degree sign, "12 C" is more likely cups than a temperature: a space between the
# number and a bare C or F counts only from this value up.
_SPACED_MINIMUM = 90

_DEGREE = r"(?:\s?(?:°|º|˚|degrees?|deg\.?)\s?|\s)"
_SCALE = r"[CF](?![a-zA-Z])|(?<=[°º˚])[cf](?![a-zA-Z])|[Cc]elsius|[Ff]ahrenheit"
# A freezer's minus sign, but not a range's dash ("180-200°C").
_NUMBER = r"(?:(?<![\w.,])[-−]|(?<![\d.,]))\d{{1,3}}(?:[.,]\d(?!\d))?"
_TEMPERATURE = (
    r"(?:(?P<{n}lo>" + _NUMBER + r")(?P<{n}lounit>{deg}?(?:" + _SCALE + r")?)"
    r"(?P<{n}dash>\s*[-–—]\s*|\s+to\s+))?"
    r"(?P<{n}>" + _NUMBER + r")(?P<{n}sep>{deg}?)"
    r"(?P<{n}scale>" + _SCALE + r")"
    r"(?P<{n}fan>\s?fan(?:[- ]forced)?|\s?\(fan\))?"
)
_PATTERN = re.compile(
    _TEMPERATURE.format(n="a", deg=_DEGREE)
    + r"(?:(?:\s*(?:/|,|\bor\b)\s*|(?P<paren>\s*\(\s*))"
    + _TEMPERATURE.format(n="b", deg=_DEGREE)
    + r"(?(paren)\s*\)))?"
    + r"(?:\s*(?:/|,|\bor\b)\s*[Gg]as(?:\s?[Mm]ark)?\s?[1-9](?!\d))?"
)
_LONE_GAS = re.compile(r"\b[Gg]as(?:\s?[Mm]ark)?\s?(?P<mark>[1-9])(?!\d)")


def _to_fahrenheit(celsius: int) -> int:
    if celsius in _PAIRS_C_TO_F:
        return _PAIRS_C_TO_F[celsius]
    exact = celsius * 9 / 5 + 32
    if celsius < _OVEN_MINIMUM_C:
        return round(exact)
    step = 25 if exact >= 250 else 5
    return round(exact / step) * step


def _to_celsius(fahrenheit: int) -> int:
    if fahrenheit in _PAIRS_F_TO_C:
        return _PAIRS_F_TO_C[fahrenheit]
    exact = (fahrenheit - 32) * 5 / 9
    if exact < _OVEN_MINIMUM_C:
        return round(exact)
    return round(exact / 5) * 5


def _value(number: str) -> int:
    return round(float(number.replace("−", "-").replace(",", ".")))


def _is_celsius(scale: str) -> bool:
    return scale[0] in "Cc"


def _is_temperature(match: re.Match[str], side: str) -> bool:
    """Whether a number with C or F is a temperature, not cups ("2C flour", "12 C sugar").

    A degree sign or word always says so; a bare letter right after the number does from
    two digits up ("12C"), and after a space only for oven-sized values ("350 F").
    """
    separator = match.group(side + "sep")
    if separator and not separator.isspace():
        return True
    if len(match.group(side + "scale")) > 1:
        return True
    minimum = _SPACED_MINIMUM if separator else 10
    return abs(_value(match.group(side))) >= minimum


def _low_scale(match: re.Match[str], side: str) -> str | None:
    """The scale written on a range's low end ("180°C-200°C"), if any."""
    found = re.search(_SCALE, match.group(side + "lounit") or "")
    return found.group() if found else None


def _written(match: re.Match[str], side: str) -> str:
    """One side of a pair exactly as the author wrote it, range and fan included."""
    start = side + ("lo" if match.group(side + "lo") else "")
    end = side + ("fan" if match.group(side + "fan") else "scale")
    return match.string[match.start(start) : match.end(end)]


def _swap_scale(unit: str) -> str:
    """ "°C" → "°F", "Celsius" → "Fahrenheit": the other scale in the author's style."""
    for old, new in (("Celsius", "Fahrenheit"), ("celsius", "Fahrenheit")):
        if old in unit:
            return unit.replace(old, new)
    for old, new in (("Fahrenheit", "Celsius"), ("fahrenheit", "Celsius")):
        if old in unit:
            return unit.replace(old, new)
    table = str.maketrans({"C": "F", "c": "F", "F": "C", "f": "C"})
    return unit.translate(table)


def _converted(match: re.Match[str], side: str) -> str:
    """One side in the other scale, in the author's style ("175C" → "350F", "180-200°C" →
    "350-400°F")."""
    to_other = _to_fahrenheit if _is_celsius(match.group(side + "scale")) else _to_celsius
    high = f"{to_other(_value(match.group(side)))}{match.group(side + 'sep')}"
    high += _swap_scale(match.group(side + "scale")) + (match.group(side + "fan") or "")
    if not match.group(side + "lo"):
        return high
    low = f"{to_other(_value(match.group(side + 'lo')))}"
    return low + _swap_scale(match.group(side + "lounit")) + match.group(side + "dash") + high


def _replace(match: re.Match[str], system: str) -> str:
    if not _is_temperature(match, "a"):
        return match.group()
    want_celsius = system == METRIC
    low_scale = _low_scale(match, "a")
    if low_scale and _is_celsius(low_scale) != _is_celsius(match.group("ascale")):
        # "180°C - 350°F": a pair joined by a dash, not a range.
        if _is_celsius(low_scale) == want_celsius:
            return match.string[match.start("alo") : match.end("alounit")].rstrip()
        return match.string[match.start("a") : match.end("afan" if match["afan"] else "ascale")]
    for side in ("a", "b"):
        scale = match.group(side + "scale")
        if scale and _is_celsius(scale) == want_celsius:
            return _written(match, side)
    return _converted(match, "a")


def _replace_gas(match: re.Match[str], system: str) -> str:
    celsius = _GAS_MARKS[int(match.group("mark"))]
    if system == METRIC:
        return f"{celsius}°C"
    return f"{_to_fahrenheit(celsius)}°F"


# "77F/25C – 84F/29C": a range written as two pairs; shown as one range in the system.
_ONE = r"(?<![\d.,])(\d{1,3})\s?[°º˚]?\s?([CF])(?![a-zA-Z])"
_PAIR_RANGE = re.compile(_ONE + r"\s*/\s*" + _ONE + r"\s*[-–—]\s*" + _ONE + r"\s*/\s*" + _ONE)
# A temperature with a degree sign or word but no scale: "350°", "425 degrees", "180°".
_UNMARKED = re.compile(
    r"(?<![\d.,])(?P<number>\d{3})(?P<sep>\s?(?:°|º|˚)|\s(?:degrees|deg\.?))(?!\s?[CFcf](?![a-zA-Z]))"
    r"(?![\w°])"
)
# Oven dials: Fahrenheit from 250 to 550, Celsius from 100 to 300. Between 200 and 250 both
# are ovens, so the recipe decides: metric units or a language other than American English
# make it Celsius.
_F_OVEN = range(250, 551)
_C_OVEN = range(100, 301)


def _replace_pair_range(match: re.Match[str], system: str) -> str:
    want_celsius = system == METRIC
    for low, high in ((1, 5), (3, 7)):
        if _is_celsius(match.group(low + 1)) == want_celsius and match.group(
            low + 1
        ) == match.group(high + 1):
            return f"{match.group(low)}–{match.group(high)}{match.group(high + 1)}"
    return match.group()


def _unmarked_scale(value: int, celsius_recipe: bool | None) -> str | None:
    """ "C" or "F" for a number with a degree sign and no scale, by what an oven can be."""
    if celsius_recipe and value in _C_OVEN:
        return "C"
    if value in _F_OVEN or (celsius_recipe is False and value >= 200):
        return "F"
    if value in _C_OVEN and value >= 120:
        return "C"
    return None


def _replace_unmarked(match: re.Match[str], system: str, celsius_recipe: bool | None) -> str:
    value = int(match.group("number"))
    scale = _unmarked_scale(value, celsius_recipe)
    if scale is None:
        return match.group()
    sign = "°"
    if (scale == "C") == (system == METRIC):
        return f"{value}{sign}{scale}"
    other = _to_fahrenheit(value) if scale == "C" else _to_celsius(value)
    return f"{other}{sign}{'F' if scale == 'C' else 'C'}"


def convert_temperatures(text: str, system: str, celsius_recipe: bool | None = None) -> str:
    """Oven temperatures in `text` shown in `system`; "original" returns the text unchanged.

    A temperature written without C or F ("350°", "425 degrees") is read as an oven's: °F from
    250 up, °C below; between 200 and 250 `celsius_recipe` decides (True for a recipe in
    metric units or in a language other than American English, see
    `formatting.recipe_context`). Raises ValueError for an unknown system.
    """
    if system not in SYSTEMS:
        raise ValueError(f"unknown unit system {system!r}; expected one of {SYSTEMS}")
    if system == ORIGINAL:
        return text
    converted = _PAIR_RANGE.sub(lambda match: _replace_pair_range(match, system), text)
    converted = _PATTERN.sub(lambda match: _replace(match, system), converted)
    converted = _UNMARKED.sub(
        lambda match: _replace_unmarked(match, system, celsius_recipe), converted
    )
    return _LONE_GAS.sub(lambda match: _replace_gas(match, system), converted)
