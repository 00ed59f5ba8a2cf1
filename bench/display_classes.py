"""Counts, per class of issue 15, the corpus lines whose display a cook would not write.

Run: .venv/bin/python bench/display_classes.py [--show CLASS] [--limit N]

The sweep: every line of ../shared/corpus/ingredient-lines.jsonl × the three systems ×
factors ⅓, ½, 1, 2, 3, through parse_ingredient and format_ingredient (the app's path). Each
class is an automatic check on what is shown (the checks below name their rule); a line
counts once per class however many of its 15 displays fail. The checks use their own small
word tables, never the code under test, so that a change to the code cannot hide a miss.

The table printed is the one in the README ("before" from the code before issue 15, "after"
from this branch). `--show CLASS` prints up to `--limit` failing examples of one class.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from recipe_manager.domain import format_ingredient, parse_ingredient

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/corpus/ingredient-lines.jsonl"
FACTORS = (Fraction(1, 3), Fraction(1, 2), Fraction(1), Fraction(2), Fraction(3))
SYSTEMS = ("original", "metric", "us")

_GLYPH = "½⅓⅔¼¾⅛⅜⅝⅞⅕⅖⅗⅘⅙⅚"
_GLYPH_VALUES = {
    "½": Fraction(1, 2),
    "⅓": Fraction(1, 3),
    "⅔": Fraction(2, 3),
    "¼": Fraction(1, 4),
    "¾": Fraction(3, 4),
    "⅛": Fraction(1, 8),
    "⅜": Fraction(3, 8),
    "⅝": Fraction(5, 8),
    "⅞": Fraction(7, 8),
    "⅕": Fraction(1, 5),
    "⅖": Fraction(2, 5),
    "⅗": Fraction(3, 5),
    "⅘": Fraction(4, 5),
    "⅙": Fraction(1, 6),
    "⅚": Fraction(5, 6),
}
# A number as the formatter writes it: 1½, ½, 12, 0.083, 1.18, 3/4.
NUM = rf"(?:\d+\s\d+[/⁄]\d+|\d+(?:[.,]\d+)?[{_GLYPH}]?|[{_GLYPH}]|\d+[/⁄]\d+)"
_NUM_RE = re.compile(NUM)


def value(number: str) -> Fraction | None:
    """A number as shown, or None."""
    number = number.strip().replace("⁄", "/")
    if " " in number:
        whole, _, rest = number.partition(" ")
        part = value(rest)
        return int(whole) + part if part is not None and whole.isdigit() else None
    if "/" in number:
        top, _, bottom = number.partition("/")
        return Fraction(int(top), int(bottom)) if bottom.isdigit() and int(bottom) else None
    glyph = Fraction(0)
    if number and number[-1] in _GLYPH_VALUES:
        glyph = _GLYPH_VALUES[number[-1]]
        number = number[:-1]
    try:
        return (Fraction(number.replace(",", ".")) if number else Fraction(0)) + glyph
    except ValueError:
        return None


TSP = r"(?:tsp|teaspoons?|t\b)"
TBSP = r"(?:tbsp|tablespoons?|T\b|Tbsp)"
# Cooks' teaspoon measures: the set of spoons sold (⅛ ¼ ½ 1) plus ⅓ ⅔ ¾ that recipes use,
# then halves up to 2½ (three teaspoons are a tablespoon).
_TSP_OK = {Fraction(n, 8) for n in (1, 2, 4)} | {Fraction(1, 3), Fraction(2, 3), Fraction(3, 4)}
_TSP_OK |= {Fraction(n, 4) for n in range(4, 12)}
_TBSP_OK = {Fraction(n, 2) for n in range(1, 24)}
_US_UNITS = r"(?:oz|ounces?|lbs?|pounds?|cups?|inch(?:es)?|quarts?|pints?|fl\.? ?oz|gallons?)"
_METRIC_UNITS = r"(?:g|kg|ml|l|cl|dl|cm|mm|grams?|kilos?|millilit(?:er|re)s?|lit(?:er|re)s?)"
_NOT_AFTER = r"(?![\w-])"
_LIQUIDS = (
    "water|milk|stock|broth|juice|wine|rum|vodka|gin|whisk(?:e)?y|bourbon|tequila|brandy|"
    "cognac|liqueur|beer|cream|buttermilk|vinegar|oil|sauce|syrup|coffee|espresso|tea|"
    "vermouth|sherry|port|campari|aperol|soda|tonic|bitters|cider|kahlua|mezcal|prosecco|"
    "champagne|coconut milk|liquid"
)
_WHOLE_THINGS = (
    r"(?:eggs?|egg yolks?|egg whites?|yolks?|cans?|tins?|jars?|packets?|packages?|cloves?|"
    r"chill?ies|chill?is?|chiles?|lemons?|limes?|onions?|bay leaf|bay leaves|avocados?)"
)
_CONTAINER = r"(?:cans?|tins?|jars?|packages?|packets?|box(?:es)?|bags?|bottles?|cartons?|logs?)"
_COUNT_NOUNS = {
    "egg": "eggs",
    "lemon": "lemons",
    "lime": "limes",
    "onion": "onions",
    "orange": "oranges",
    "carrot": "carrots",
    "apple": "apples",
    "banana": "bananas",
    "shallot": "shallots",
    "potato": "potatoes",
    "tomato": "tomatoes",
    "clove": "cloves",
    "avocado": "avocados",
    "chilli": "chillies",
    "leek": "leeks",
    "pear": "pears",
    "peach": "peaches",
    "cucumber": "cucumbers",
    "tortilla": "tortillas",
}
_SINGULAR_OF = {plural: singular for singular, plural in _COUNT_NOUNS.items()}
_FOREIGN_SPOONS = [
    (r"c\.\s?(?:à|a)\.?\s?s\.?|c\.\s?s\.?|\bcs\b|cuill(?:e|è)res? à soupe", "tablespoon"),
    (r"c\.\s?(?:à|a)\.?\s?c\.?|c\.\s?c\.?|\bcc\b|cuill(?:e|è)res? à café", "teaspoon"),
    (r"\bEL\b|\bel\b|\bEsslöffel\b", "tablespoon"),
    (r"\bTL\b|\btl\b|\bTeelöffel\b", "teaspoon"),
    (r"\bcdas?\b|\bcucharadas?\b|\bcucchiai[o]?\b|colher(?:es)? de sopa|\bmsk\b", "tablespoon"),
    (r"\bcdtas?\b|\bcucharaditas?\b|\bcucchiain[oi]\b|colher(?:es)? de chá|\btsk\b", "teaspoon"),
    (r"\bdl\b", "deciliter"),
    (r"\btasses?\b", "cup"),
]
_AMOUNT_AT_START = re.compile(rf"^\W*{NUM}")
_LEAD_PHRASE = re.compile(
    r"(?i)^\W*(?:juice of|zest of|zest and juice of|about|approx\.?|approximately|generous|"
    r"scant|heaped|a good)\s+(?:\d|[" + _GLYPH + r"]|one|two|three)"
)
_NAME_THEN_AMOUNT = re.compile(
    rf"^[^\d{_GLYPH}(]*[a-z]\s+{NUM}\s*(?:{_US_UNITS}|{_METRIC_UNITS}|cups?|tbsp|tsp)\b"
)
_MEASURE = re.compile(
    rf"({NUM})\s?-?\s?((?:fl\.? ?oz|{_US_UNITS}|{_METRIC_UNITS}|tbsp|tsp|tablespoons?|"
    rf"teaspoons?)\.?){_NOT_AFTER}",
    re.IGNORECASE,
)
_COMPOUND = re.compile(
    rf"{NUM}\s*(cups?|lbs?|pounds?|tbsp|tablespoons?)\s*(?:\+|plus|and)?\s*{NUM}\s*"
    rf"(tbsp|tablespoons?|tsp|teaspoons?|oz|ounces?)\b",
    re.IGNORECASE,
)
_AND_FRACTION = re.compile(rf"\b\d+ and (?:\d+/\d+|[{_GLYPH}])")


def _spoon_values(shown: str, unit: str) -> list[Fraction]:
    """Spoon amounts shown, except the top of a range ("2–3 tsp" is what a cook writes)."""
    values = []
    for match in re.finditer(rf"(?<![–-])({NUM})\s?{unit}", shown):
        number = value(match.group(1))
        if number is not None:
            values.append(number)
    return values


def spoon_off_grid(line: dict, outputs: dict) -> bool:
    """A teaspoon or tablespoon count no cook measures: 8 tsp, ⅜ tsp, 1⅙ tbsp."""
    for shown in outputs.values():
        if shown == line["text"]:
            continue  # the author's own line, unscaled
        for number in _spoon_values(shown, TSP):
            if number not in _TSP_OK and number > Fraction(1, 8):
                return True
        for number in _spoon_values(shown, TBSP):
            if number not in _TBSP_OK and number < 12:
                return True
    return False


def decimal_ounces(line: dict, outputs: dict) -> bool:
    """Ounces or pounds with a decimal point: 1.18 oz."""
    pattern = re.compile(r"\d[.,]\d+\s?(?:oz|ounces?|lbs?|pounds?)\b")
    return any(
        pattern.search(shown) and not pattern.search(line["text"]) for shown in outputs.values()
    )


def tiny_spoon_decimals(line: dict, outputs: dict) -> bool:
    """A decimal before a spoon or cup: 0.083 tsp, 0.38 cup."""
    pattern = re.compile(rf"\d*[.,]\d+\s?(?:{TSP}|{TBSP}|cups?)")
    return any(
        pattern.search(shown) and not pattern.search(line["text"]) for shown in outputs.values()
    )


def _measures(text: str) -> list[tuple[Fraction, str, int]]:
    found = []
    for match in _MEASURE.finditer(text):
        number = value(match.group(1))
        if number is not None:
            found.append((number, match.group(2).lower().rstrip("."), match.start()))
    return found


def _is_pack_size(text: str, start: int) -> bool:
    """A measure that says how big each thing is: "(15-ounce) can", "14 oz can", "each"."""
    before = text[:start]
    after = text[start:]
    if re.search(rf"\d[\d{_GLYPH}/ ]*(?:x|×)?\s*\(?\s*$", before) and re.match(
        rf"{NUM}\s?-?\s?[\w.]+\)?\s*(?:-\s*)?\w*\s*{_CONTAINER}", after
    ):
        return True
    if re.match(rf"{NUM}\s?-?\s?[\w.]+\s*(?:each|-?inch|thick|long|wide|piece)", after):
        return True
    if re.match(rf"{NUM}\s?-?\s?[\w.]+\)?\s*(?:canned\s+)?(?:{_CONTAINER}|sticks?)\b", after):
        return True
    return bool(re.match(rf"{NUM}\s?-?(?:in\b|inch|cm|\"|-inch)", after))


def second_measure_unscaled(line: dict, outputs: dict) -> bool:
    """In a line with two measures, one scales and another (not a pack size) stays as written."""
    text = line["text"]
    measures = [m for m in _measures(text) if not _is_pack_size(text, m[2])]
    if len(measures) < 2:
        return False
    for (factor, system, _), shown in outputs.items():
        if factor == 1 or system != "original":
            continue
        if shown == text:
            continue
        got = [m for m in _measures(shown) if not _is_pack_size(shown, m[2])]
        if len(got) != len(measures):
            continue
        # The same measure, in the same place, as written: it did not scale.
        if any(a[:2] == b[:2] for a, b in zip(measures[1:], got[1:], strict=True)):
            return True
    return False


def twelve_tablespoons(line: dict, outputs: dict) -> bool:
    """12 or more tablespoons (¾ cup), or 3 or more teaspoons where a tbsp reads better."""
    for (_, system, _), shown in outputs.items():
        if system == "original" and shown == line["text"]:
            continue
        if any(number >= 12 for number in _spoon_values(shown, TBSP)):
            return True
    return False


def _outside(shown: str, system: str) -> bool:
    if system == "metric":
        pattern = (
            rf"(?i)(?:{NUM})\s?-?\s?(?:{_US_UNITS}|\"|″)(?![\w])|\d-(?:inch|ounce|oz|lb|pound)"
        )
    else:
        pattern = rf"(?:{NUM})\s?-?\s?(?:{_METRIC_UNITS})(?![\w])"
    return re.search(pattern, shown) is not None


def units_outside_system(line: dict, outputs: dict) -> bool:
    """In metric or US, a measure (pack and cut sizes included) in the other system's units."""
    return any(
        system != "original" and _outside(shown, system)
        for (_, system, _), shown in outputs.items()
    )


def pack_sizes_wrong_system(line: dict, outputs: dict) -> bool:
    """A pack or cut size shown in the author's system when another is chosen ("1 14 oz can"
    in metric)."""
    text = line["text"]
    sized = [m for m in _measures(text) if _is_pack_size(text, m[2])]
    if not sized:
        return False
    for (_, system, _), shown in outputs.items():
        if system == "original":
            continue
        for match in _MEASURE.finditer(shown):
            if _is_pack_size(shown, match.start()) and _outside(match.group(), system):
                return True
    return False


def amount_not_at_start(line: dict, outputs: dict) -> bool:
    """A line whose amount comes after a phrase or the name shows unscaled at ×2."""
    text = line["text"]
    if _AMOUNT_AT_START.match(text):
        return False
    if not (_LEAD_PHRASE.match(text) or _NAME_THEN_AMOUNT.match(text)):
        return False
    shown = outputs[(Fraction(2), "original", 0)]
    return shown == text


def fractional_whole_things(line: dict, outputs: dict) -> bool:
    """A whole thing shown in thirds, sixths or decimals: 1⅓ eggs, 0.67 can."""
    pattern = re.compile(
        rf"(?i)(?:\d*[⅓⅔⅙⅚⅛⅜⅝⅞]|\d*[.,]\d+)\s+(?:large |small |medium )?{_WHOLE_THINGS}\b"
    )
    return any(
        pattern.search(shown) and not pattern.search(line["text"]) for shown in outputs.values()
    )


def liquid_ounces_as_weight(line: dict, outputs: dict) -> bool:
    """Ounces of a liquid shown as grams in metric."""
    text = line["text"]
    if not re.search(
        rf"(?i){NUM}\s?-?\s?(?:oz|ounces?)\b(?!\s*(?:can|tin|jar|package|bottle))", text
    ):
        return False
    if re.search(r"(?i)fl\.?\s?oz|fluid", text):
        return False
    if not re.search(rf"(?i)\b(?:{_LIQUIDS})\b", text):
        return False
    return any(
        system == "metric"
        and re.search(rf"{NUM}\s?(?:g|kg)\b", shown)
        and not re.search(r"\d\s?g\b", text)
        for (_, system, _), shown in outputs.items()
    )


def or_second_unscaled(line: dict, outputs: dict) -> bool:
    """ "X or Y": the amount after "or" stays as written at ×2."""
    text = line["text"]
    match = re.search(rf"\bor\s+(?:about\s+)?({NUM})\s?(\w+)", text)
    if match is None or re.search(r"\(\s*or\b", text):
        return False
    shown = outputs[(Fraction(2), "original", 0)]
    if shown == text:
        return False
    return (
        re.search(
            rf"\bor\s+(?:about\s+)?{re.escape(match.group(1))}\s?{re.escape(match.group(2))}", shown
        )
        is not None
    )


def count_agreement(line: dict, outputs: dict) -> bool:
    """ "1 eggs", "3 lemon": a counted noun against its number."""
    for (factor, system, _), shown in outputs.items():
        if factor == 1 and system == "original":
            continue
        for match in re.finditer(
            rf"(?<![\w.,/])({NUM})\s+(?:large |small |medium |whole )?([A-Za-z]+)\b"
            r"(?![\s-](?:yolk|white|wash|noodle|roll))",
            shown,
        ):
            number = value(match.group(1))
            word = match.group(2).lower()
            if number is None:
                continue
            if number <= 1 and word in _SINGULAR_OF:
                original_bad = re.search(
                    rf"(?<![\w.,/])1\s+(?:large |small |medium |whole )?{word}\b", line["text"]
                )
                if not original_bad:
                    return True
            if number > 1 and word in _COUNT_NOUNS:
                return True
    return False


def pack_without_count(line: dict, outputs: dict) -> bool:
    """A pack size with no count scales the pack: 15 oz can ×2 → 30 oz can."""
    text = line["text"]
    pattern = re.compile(
        rf"^\W*({NUM})\s?-?\s?(?:oz|ounces?|g|grams?|ml|lbs?|kg)\.?\s+{_CONTAINER}\b", re.I
    )
    match = pattern.match(text)
    if match is None:
        return False
    shown = outputs[(Fraction(2), "original", 0)]
    shown_match = pattern.match(shown)
    return shown_match is not None and value(shown_match.group(1)) != value(match.group(1))


def foreign_spoons(line: dict, outputs: dict) -> bool:
    """A French, German, Dutch, Spanish, Italian, Portuguese or Swedish spoon or cup word right
    after the amount, read as the wrong unit."""
    text = line["text"]
    for pattern, unit in _FOREIGN_SPOONS:
        match = re.search(rf"^\W*{NUM}\s*(?:{pattern})", text)
        if match is None:
            continue
        return parse_ingredient(text).unit != unit
    return False


def _total_in(number: Fraction, unit: str) -> tuple[Fraction, str] | None:
    unit = unit.lower().rstrip(".")
    table = {
        "cup": (240, "v"),
        "tbsp": (15, "v"),
        "tablespoon": (15, "v"),
        "tsp": (5, "v"),
        "teaspoon": (5, "v"),
        "oz": (28, "m"),
        "ounce": (28, "m"),
        "lb": (454, "m"),
        "pound": (454, "m"),
    }
    singular = unit[:-1] if unit.endswith("s") and unit[:-1] in table else unit
    if singular not in table:
        return None
    size, kind = table[singular]
    return number * size, kind


def _compound_total(text: str) -> tuple[Fraction, str] | None:
    total = Fraction(0)
    kind = None
    for number, unit, _ in _measures(text)[:2]:
        part = _total_in(number, unit)
        if part is None:
            return None
        total += part[0]
        kind = part[1]
    return (total, kind) if kind else None


def compound_amounts(line: dict, outputs: dict) -> bool:
    """ "1 cup + 2 tbsp": shown as one part that drops the other or lands off by over 10%."""
    text = line["text"]
    if not _COMPOUND.search(text):
        return False
    exact = _compound_total(text)
    if exact is None:
        return False
    for (factor, system, _), shown in outputs.items():
        if system == "metric":
            continue
        got = _compound_total(shown)
        if got is None:
            return True
        if abs(got[0] - exact[0] * factor) > exact[0] * factor / 10:
            return True
    return False


def and_fraction(line: dict, outputs: dict) -> bool:
    """ "1 and ¼ cups" scaled keeps "and ¼": 2 and ¼ cups."""
    if not _AND_FRACTION.search(line["text"]):
        return False
    return any(
        factor != 1 and _AND_FRACTION.search(shown) for (factor, _, _), shown in outputs.items()
    )


def zero_pints_inches(line: dict, outputs: dict) -> bool:
    """A leading zero ("0 e ½"), a decimal inch (0.67 inch), or a UK pint as a US one."""
    text = line["text"]
    for (factor, system, _), shown in outputs.items():
        if re.search(r"(?<![\d.,])0\s+(?:e|and|y|und|et)\s", shown) and not re.search(
            r"(?<![\d.,])0\s", text
        ):
            return True
        if re.search(r"\d[.,]\d+\s?-?(?:inch|in\b|\")", shown) and not re.search(
            r"\d[.,]\d+\s?-?(?:inch|in\b)", text
        ):
            return True
        uk = (line.get("language") or "").lower() in ("en-gb", "en-ie", "en-au", "en-nz", "en-za")
        pints = re.match(rf"^\W*({NUM})\s?(?:pints?|pt)\b", text)
        if uk and pints and system == "metric":
            pint_value = value(pints.group(1))
            ml = re.match(rf"^\W*({NUM})\s?(ml|l)\b", shown)
            if pint_value and ml:
                got = value(ml.group(1)) * (1000 if ml.group(2) == "l" else 1)
                if abs(got - pint_value * factor * 568) > pint_value * factor * 568 / 20:
                    return True
    return False


def count_before_size(line: dict, outputs: dict) -> bool:
    """ "9 ¾-inch-thick pork chops": the count must stay the count at ×1 in every system."""
    text = line["text"]
    match = re.match(rf"^\W*(\d+)\s+({NUM})\s?-?\s?(?:inch|in\b|\"|cm)", text)
    if match is None:
        return False
    count = match.group(1)
    return any(
        factor == 1 and not re.match(rf"^\W*{count}\s", shown)
        for (factor, _, _), shown in outputs.items()
    )


def _dimension(unit: str | None) -> str | None:
    volume = {
        "cup",
        "tablespoon",
        "teaspoon",
        "fluid_ounce",
        "milliliter",
        "liter",
        "pint",
        "quart",
        "deciliter",
        "centiliter",
        "gallon",
    }
    mass = {"gram", "kilogram", "ounce", "pound", "milligram"}
    if unit in volume:
        return "volume"
    if unit in mass:
        return "mass"
    return None


def volume_weight_flip(line: dict, outputs: dict) -> bool:
    """A volume shown as a weight or a weight as a volume (not the author's own second measure)."""
    source = parse_ingredient(line["text"])
    before = _dimension(source.unit)
    if before is None:
        return False
    allowed = {before}
    if source.alternative is not None:
        allowed.add(_dimension(source.alternative.unit))
    for match in re.finditer(
        rf"(?i)\(?\s*(?:about|approx\.?|or)?\s*{NUM}\s?(?:[a-z]+)", line["text"]
    ):
        allowed.add(_dimension(parse_ingredient(match.group().strip("( ")).unit))
    if re.search(rf"(?i)\b(?:{_LIQUIDS})\b", line["text"]) and before == "mass":
        allowed.add("volume")  # liquid ounces are fluid ounces
    for shown in outputs.values():
        after = _dimension(parse_ingredient(shown).unit)
        if after is not None and after not in allowed:
            return True
    return False


_KEPT_OUT = {
    "about",
    "approx",
    "approximately",
    "or",
    "and",
    "plus",
    "each",
    "of",
    "x",
    "e",
    "y",
    "und",
    "et",
    "a",
    "an",
    "generous",
    "scant",
    "heaped",
    "level",
    "one",
    "two",
    "three",
    "four",
    "half",
}


def _stem(word: str) -> str:
    """A crude singular so that "bunches"/"bunch" and "leaves"/"leaf" count as one word."""
    if word in _SINGULAR_OF:
        return _SINGULAR_OF[word]
    if word.endswith("ves"):
        return word[:-3] + "f"
    if word.endswith(("ches", "shes", "xes", "oes")):
        return word[:-2]
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _words(text: str) -> set[str]:
    # Words glued to a number ("3½oz") are units, not the author's words.
    text = re.sub(rf"{NUM}[^\W\d_]+", " ", text)
    return {_stem(word) for word in re.findall(r"[^\W\d_]{2,}", text.lower())}


def author_words_lost(line: dict, outputs: dict) -> bool:
    """A word of the author's (not a unit, number word or "about") missing from the display."""
    source = _words(line["text"])
    units = _words(
        "cups tablespoons teaspoons tbsp tsp tbs tbsps ounces oz fl floz fluid pounds lb lbs "
        "grams gr kg kilograms kilos kilo ml millilitres milliliters litres liters ltr cl dl "
        "inches inch cm mm pints pint pt quarts quart gallons pinch dash generous scant whole "
        "plus to gm gramme grammes krm el tl msk tsk spsk ss cs cc càs càc cuill soupe café "
        "colher colheres sopa chá cda cdas cdta cdtas cucharada cucharadas cucharadita "
        "cucharaditas cucchiaio cucchiai cucchiaino cucchiaini eetlepel eetlepels theelepel "
        "theelepels esslöffel teelöffel tasse tasses ib ibs"
    )
    wanted = source - units - _KEPT_OUT
    return any(wanted - _words(shown) for shown in outputs.values())


CLASSES: list[tuple[str, Callable[[dict, dict], bool]]] = [
    ("spoon counts no cook writes", spoon_off_grid),
    ("decimal ounces or pounds", decimal_ounces),
    ("tiny spoons and cups as decimals", tiny_spoon_decimals),
    ("second measures stay unscaled", second_measure_unscaled),
    ("12 or more tablespoons", twelve_tablespoons),
    ("units outside the chosen system", units_outside_system),
    ("pack and cut sizes keep the author's system", pack_sizes_wrong_system),
    ("amount not at the start never scales", amount_not_at_start),
    ("fractional eggs and other whole things", fractional_whole_things),
    ("liquid ounces read as weight", liquid_ounces_as_weight),
    ('only the first of "X or Y" scales', or_second_unscaled),
    ("count agreement", count_agreement),
    ("a pack with no count scales the pack", pack_without_count),
    ("foreign spoon and cup words", foreign_spoons),
    ("compound amounts", compound_amounts),
    ('"1 and 1/4"', and_fraction),
    ("leading zero, UK pints, decimal inches", zero_pints_inches),
    ("count before a sized thing", count_before_size),
    ("volume<->weight flips", volume_weight_flip),
    ("words of the author lost", author_words_lost),
]


def sweep(lines: list[dict]) -> tuple[dict[str, list[str]], int, float, int]:
    """Run every line through the 15 displays and every check."""
    failures: dict[str, list[str]] = defaultdict(list)
    calls = 0
    errors = 0
    started = time.perf_counter()
    for line in lines:
        ingredient = parse_ingredient(line["text"])
        outputs: dict[tuple[Fraction, str, int], str] = {}
        for factor in FACTORS:
            for system in SYSTEMS:
                calls += 1
                try:
                    outputs[(factor, system, 0)] = format_ingredient(ingredient, factor, system)
                except Exception as error:
                    errors += 1
                    outputs[(factor, system, 0)] = f"<{type(error).__name__}>"
        for name, check in CLASSES:
            if check(line, outputs):
                failures[name].append(line["text"])
    return failures, calls, time.perf_counter() - started, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", help="print failing lines of the class whose name contains this")
    parser.add_argument("--limit", type=int, default=25)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    arguments = parser.parse_args()
    if not arguments.corpus.exists():
        sys.exit(f"no corpus at {arguments.corpus}")
    lines = [
        json.loads(row) for row in arguments.corpus.read_text(encoding="utf-8").splitlines() if row
    ]
    failures, calls, seconds, errors = sweep(lines)
    print(
        f"{len(lines)} lines × {len(SYSTEMS)} systems × {len(FACTORS)} factors = {calls} "
        f"displays, {seconds:.1f} s, {errors} raised"
    )
    print("| class | lines |")
    print("|---|---:|")
    for name, _ in CLASSES:
        print(f"| {name} | {len(failures[name])} |")
    if arguments.show:
        for name, _ in CLASSES:
            if arguments.show.lower() in name.lower():
                print(f"\n{name}:")
                ingredient_rows = failures[name][: arguments.limit]
                for text in ingredient_rows:
                    ingredient = parse_ingredient(text)
                    shown = [
                        f"{system} ×{factor}: {format_ingredient(ingredient, factor, system)}"
                        for system in SYSTEMS
                        for factor in (Fraction(1, 3), Fraction(1), Fraction(2))
                    ]
                    print(f"  {text!r}\n    " + "\n    ".join(shown))


if __name__ == "__main__":
    main()
