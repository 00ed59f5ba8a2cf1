"""Oven temperatures in a step's text, shown in the reader's unit system.

Only numbers marked as °C or °F (or a gas mark) are touched; times, sizes ("1cm slices") and
other numbers stay as written. A pair the author gives ("180°C/350°F", "(250C/500F)") is
cut down to the side that matches the system; a lone temperature is converted with the
rounding ovens use (the usual pairs first, then 5 °C and 25 °F steps).
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

_DEGREE = r"(?:\s?(?:°|º|˚|degrees?|deg\.?)\s?)"
_TEMPERATURE = (
    r"(?P<{n}>\d{{2,3}})(?P<{n}sep>{deg}?)"
    r"(?P<{n}scale>[CF](?![a-zA-Z])|(?<=[°º˚])[cf](?![a-zA-Z])|[Cc]elsius|[Ff]ahrenheit)"
    r"(?P<{n}fan>\s?fan(?:[- ]forced)?|\s?\(fan\))?"
)
_PATTERN = re.compile(
    r"(?<![\d.,])"
    + _TEMPERATURE.format(n="a", deg=_DEGREE)
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
    step = 25 if exact >= 250 else 5
    return round(exact / step) * step


def _to_celsius(fahrenheit: int) -> int:
    if fahrenheit in _PAIRS_F_TO_C:
        return _PAIRS_F_TO_C[fahrenheit]
    exact = (fahrenheit - 32) * 5 / 9
    step = 5 if exact >= 120 else 1
    return round(exact / step) * step


def _is_celsius(scale: str) -> bool:
    return scale[0] in "Cc"


def _written(match: re.Match[str], side: str) -> str:
    """One side of a pair exactly as the author wrote it, fan and all."""
    end = side + ("fan" if match.group(side + "fan") else "scale")
    return match.string[match.start(side) : match.end(end)]


def _converted(match: re.Match[str]) -> str:
    """The first temperature in the other scale, in the author's style ("175C" → "350F")."""
    value = int(match.group("a"))
    scale = match.group("ascale")
    if _is_celsius(scale):
        new_value, new_scale = _to_fahrenheit(value), "F"
    else:
        new_value, new_scale = _to_celsius(value), "C"
    if len(scale) > 1:
        new_scale = "Fahrenheit" if new_scale == "F" else "Celsius"
    return f"{new_value}{match.group('asep')}{new_scale}{match.group('afan') or ''}"


def _replace(match: re.Match[str], system: str) -> str:
    want_celsius = system == METRIC
    for side in ("a", "b"):
        scale = match.group(side + "scale")
        if scale and _is_celsius(scale) == want_celsius:
            return _written(match, side)
    return _converted(match)


def _replace_gas(match: re.Match[str], system: str) -> str:
    celsius = _GAS_MARKS[int(match.group("mark"))]
    if system == METRIC:
        return f"{celsius}°C"
    return f"{_to_fahrenheit(celsius)}°F"


def convert_temperatures(text: str, system: str) -> str:
    """Oven temperatures in `text` shown in `system`; "original" returns the text unchanged.

    Raises ValueError for an unknown system.
    """
    if system not in SYSTEMS:
        raise ValueError(f"unknown unit system {system!r}; expected one of {SYSTEMS}")
    if system == ORIGINAL:
        return text
    converted = _PATTERN.sub(lambda match: _replace(match, system), text)
    return _LONE_GAS.sub(lambda match: _replace_gas(match, system), converted)
