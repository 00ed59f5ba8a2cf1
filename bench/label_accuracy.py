"""How often parse_ingredient agrees with hand labels (../shared/corpus/labelled-ingredients.jsonl).

Run: .venv/bin/python bench/label_accuracy.py [--show-misses]

The labels are word lists, not copies of the sentence, so "right" is defined here:

* Amounts the parser reports, in the order they stand in the line: the quantity (a range
  counts as one amount, "400-500"), then any pack or piece size ("1 14-oz can": 14), then the
  author's second measure ("75g/2½oz": 2½). The size is read back with parse_ingredient
  itself, as the app would show it.
* Quantity right: those amounts equal the label's numbers, in order. The label's numbers are
  grouped the way the sentence writes them: "2 1/2" is one mixed number, "400-500" a range,
  "1x" and "One" are 1, "few" is no number. Where the parser adds a second measure to the
  first ("1lb 2oz" as 18 oz, "2 tbsp plus 1 tsp" as 7 tsp) the label's pair is added the
  same way, using only definitions (16 oz to the lb, 3 tsp to the tbsp, 16 tbsp to the cup).
* Unit right: the units the parser reports (quantity, size, second measure) equal the label's
  units as a multiset, both in canonical form. The label's words that describe size or
  manner rather than a unit ("heaped", "scant", "small", "generous", "thin", "lg") are set
  aside; "fl oz" is one unit. Canonical forms come from a small table in this script, not from
  the code under test.
* Name right: the same words after casefolding, dropping punctuation and naive
  singularisation (leaves → leaf, tomatoes → tomato, eggs → egg) on both sides.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from recipe_manager.domain import parse_ingredient

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/corpus/labelled-ingredients.jsonl"

_LABEL_UNITS = {
    "g": "gram",
    "gram": "gram",
    "kg": "kilogram",
    "ml": "milliliter",
    "l": "liter",
    "litre": "liter",
    "liter": "liter",
    "oz": "ounce",
    "ounce": "ounce",
    "lb": "pound",
    "pound": "pound",
    "fl oz": "fluid_ounce",
    "pint": "pint",
    "pt": "pint",
    "tsp": "teaspoon",
    "teaspoon": "teaspoon",
    "tbsp": "tablespoon",
    "tablespoon": "tablespoon",
    "c": "cup",
    "cup": "cup",
    "cm": "centimeter",
    "in": "inch",
    "inch": "inch",
    "inch-thick": "inch",
}
_NOT_UNITS = {"heaped", "scant", "small", "large", "generous", "thin", "lg", "sm", "heaping"}
_DEFINED = {
    ("pound", "ounce"): 16,
    ("cup", "tablespoon"): 16,
    ("tablespoon", "teaspoon"): 3,
}


def _label_units(text: str) -> list[str]:
    words = text.replace("fl oz", "fl_oz").split()
    units = []
    for word in words:
        if word.lower() in _NOT_UNITS:
            continue
        word = word.replace("fl_oz", "fl oz")
        units.append(_LABEL_UNITS.get(word.lower(), word.lower()))
    return units


def _number(token: str) -> Fraction | None:
    token = token.lower().rstrip("x")
    if token == "one":
        return Fraction(1)
    try:
        return Fraction(token)
    except ValueError:
        return None


_GLYPHS = {"1/2": "½", "1/3": "⅓", "2/3": "⅔", "1/4": "¼", "3/4": "¾", "1/8": "⅛"}


def _written_mixed(sentence: str, whole: str, fraction: str) -> bool:
    """Whether the sentence writes these two label words as one mixed number ("2½", "2 1/2");
    "10g/⅓oz" is labelled "10 1/3" too, but there they are two amounts."""
    forms = [re.escape(fraction)] + ([_GLYPHS[fraction]] if fraction in _GLYPHS else [])
    pattern = rf"(?<![\d.,]){re.escape(whole)}[\s-]*(?:{'|'.join(forms)})"
    return re.search(pattern, sentence) is not None


def _label_amounts(text: str, sentence: str) -> list[tuple[Fraction, Fraction | None]]:
    """ "75 2 1/2" → [(75, None), (5/2, None)]; "400-500" → [(400, 500)]."""
    amounts: list[tuple[Fraction, Fraction | None]] = []
    tokens = text.split()
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if "-" in token and not token.endswith("x"):
            low, _, high = token.partition("-")
            low_value, high_value = _number(low), _number(high)
            if low_value is not None and high_value is not None:
                amounts.append((low_value, high_value))
            index += 1
            continue
        value = _number(token)
        if value is None:
            index += 1
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if (
            value.denominator == 1
            and "/" in following
            and "-" not in following
            and _written_mixed(sentence, token, following)
        ):
            part = _number(following)
            if part is not None and part < 1:
                value += part
                index += 1
        amounts.append((value, None))
        index += 1
    return amounts


def _combine_defined(
    amounts: list[tuple[Fraction, Fraction | None]], units: list[str]
) -> tuple[list[tuple[Fraction, Fraction | None]], list[str]]:
    """Add neighbouring label measures that the sentence writes as one ("1lb 2oz")."""
    if len(amounts) != len(units):
        return amounts, units
    out_amounts: list[tuple[Fraction, Fraction | None]] = []
    out_units: list[str] = []
    for amount, unit in zip(amounts, units, strict=True):
        if out_units and (out_units[-1], unit) in _DEFINED and amount[1] is None:
            previous = out_amounts[-1]
            ratio = _DEFINED[(out_units[-1], unit)]
            out_amounts[-1] = (previous[0] * ratio + amount[0], None)
            out_units[-1] = unit
            continue
        out_amounts.append(amount)
        out_units.append(unit)
    return out_amounts, out_units


def _parsed(sentence: str) -> tuple[list[tuple[Fraction, Fraction | None]], list[str]]:
    ingredient = parse_ingredient(sentence)
    amounts: list[tuple[Fraction, Fraction | None]] = []
    units: list[str] = []
    if ingredient.quantity is not None:
        amounts.append((ingredient.quantity, ingredient.quantity_max))
    if ingredient.unit:
        units.append(ingredient.unit)
    if ingredient.size:
        size = parse_ingredient(ingredient.size)
        if size.quantity is not None:
            amounts.append((size.quantity, size.quantity_max))
        if size.unit:
            units.append(size.unit)
        if size.alternative is not None and size.alternative.quantity is not None:
            amounts.append((size.alternative.quantity, size.alternative.quantity_max))
            units.append(size.alternative.unit or "")
    alternative = ingredient.alternative
    if alternative is not None and alternative.quantity is not None:
        amounts.append((alternative.quantity, alternative.quantity_max))
        units.append(alternative.unit or "")
    return amounts, units


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("ves"):
        return word[:-3] + "f"
    if len(word) > 3 and word.endswith("oes"):
        return word[:-2]
    if len(word) > 2 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _name_words(text: str) -> list[str]:
    return [_singular(word) for word in re.findall(r"[\w'’%-]+", text.casefold())]


def score(show_misses: bool, corpus: Path = CORPUS) -> dict[str, float]:
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    right = {"quantity": 0, "unit": 0, "name": 0}
    for row in rows:
        sentence = row["sentence"]
        label_units = _label_units(row["unit"])
        label_amounts = _label_amounts(row["quantity"], sentence)
        label_amounts, label_units_combined = _combine_defined(label_amounts, label_units)
        if len(label_units_combined) == len(label_amounts):
            label_units = label_units_combined
        amounts, units = _parsed(sentence)
        name = parse_ingredient(sentence).name
        checks = {
            "quantity": amounts == label_amounts,
            "unit": sorted(units) == sorted(label_units),
            "name": _name_words(name) == _name_words(row["name"]),
        }
        got = {"quantity": amounts, "unit": units, "name": name}
        for key, ok in checks.items():
            right[key] += ok
            if show_misses and not ok:
                print(f"{key:8} {sentence!r}: got {got[key]!r}, label {row[key]!r}")
    return {key: 100 * count / len(rows) for key, count in right.items()} | {"lines": len(rows)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-misses", action="store_true", help="print every line scored wrong")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the labelled lines (JSONL)")
    arguments = parser.parse_args()
    result = score(arguments.show_misses, arguments.corpus)
    print(
        f"{result['lines']} labelled lines: quantities {result['quantity']:.1f}% right, "
        f"units {result['unit']:.1f}% right, names {result['name']:.1f}% right "
        "(targets 97 / 97 / 90)"
    )


if __name__ == "__main__":
    main()
