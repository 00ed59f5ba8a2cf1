"""Showing an ingredient line scaled and in a unit system, changing only its numbers and units.

The line is never rebuilt from its parts: the reader says where the amounts and units sit,
and only those stretches are rewritten, so the author's words, notes and punctuation stay.
At factor 1 in "original" the line comes back exactly as written, without touching pint.
"""

from __future__ import annotations

import re
from fractions import Fraction

from .ingredients import Amount, Ingredient, Measure, Reading, Token, read_line
from .nouns import inflect_noun
from .nouns import singularize as singularize  # the shopping list's old import path
from .quantities import format_range, reads_well
from .units import (
    COUNT_DENOMINATORS,
    DECIMAL_UNITS,
    FULL_WORD_UNITS,
    METRIC,
    ORIGINAL,
    SPOONS,
    SYSTEMS,
    UNITS,
    US,
    conversion_factor,
    family,
    fits_system,
    is_measurable,
    is_spelled_out,
    lookup_unit,
    unit_info,
)

# In metric, spoon amounts stay in spoons below a quarter cup: nobody measures 5 ml of
# vanilla in a jug.
METRIC_SPOON_LIMIT_ML = Fraction(60)


def format_ingredient(
    ingredient: Ingredient, factor: Fraction = Fraction(1), system: str = ORIGINAL
) -> str:
    """The line as the detail pane shows it: scaled by `factor`, units in `system`.

    `system` is "original" (the author's units, re-chosen only when scaling makes another
    unit of the same kind read better), "metric" or "us". Where the author gives a second
    measure that fits the system, it is shown instead of a computed one; in "original" both
    measures are shown, both scaled ("1 cup (240 ml) soy sauce"). The line is read from
    `ingredient.text`, the one thing an Ingredient is sure to say. Raises ValueError for an
    unknown system.
    """
    if system not in SYSTEMS:
        raise ValueError(f"unknown unit system {system!r}; expected one of {SYSTEMS}")
    factor = Fraction(factor)
    if factor == 1 and system == ORIGINAL:
        return ingredient.text
    reading = read_line(ingredient.text)
    ingredient = reading.ingredient
    if factor == 1 and _already_in(ingredient, system):
        # Nothing to scale and nothing to convert: the author's words ("a", "3/8 cup",
        # "1 cup + 2 tbsp") and all.
        return ingredient.text
    if ingredient.is_heading or ingredient.quantity is None or reading.amount is None:
        return ingredient.text
    return _rewrite(ingredient.text, reading, factor, system)


def _already_in(ingredient: Ingredient, system: str) -> bool:
    """Whether every measure in the line already belongs to `system` (counts always do), so
    that showing it unscaled in that system changes nothing the author wrote."""
    primary = Measure(ingredient.quantity, ingredient.quantity_max, ingredient.unit)
    alternative = ingredient.alternative
    return _primary_fits(primary, Fraction(1), system) and (
        alternative is None or fits_system(alternative.unit, system)
    )


def _rewrite(text: str, reading: Reading, factor: Fraction, system: str) -> str:
    ingredient = reading.ingredient
    primary = Measure(ingredient.quantity, ingredient.quantity_max, ingredient.unit)
    alternative = ingredient.alternative
    edits: list[tuple[int, int, str]] = []
    if alternative is not None and shows_alternative(ingredient, factor, system):
        shown = _render(alternative, factor, system, _token_text(text, reading.alternative_unit))
        edits += _place(text, reading.amount, reading.unit, shown, None)
    else:
        token = _token_text(text, reading.unit)
        shown = _render(primary, factor, system, token)
        edits += _place(text, reading.amount, reading.unit, shown, token)
        if primary.unit is None:
            edits += _agree_counted_noun(text, reading, shown[0])
    if reading.alternative_span is not None:
        # A second measure beside a count ("2 onions (about 400 g)", "2 lb chard (about 4
        # bunches)") says something the first does not, so it stays; between two measures
        # it is the same amount twice.
        duplicate = alternative is not None and all(
            is_measurable(unit) for unit in (primary.unit, alternative.unit)
        )
        if alternative is not None and (system == ORIGINAL or not duplicate):
            token = _token_text(text, reading.alternative_unit)
            alt_shown = _render(alternative, factor, system, token)
            edits += _place(
                text, reading.alternative_amount, reading.alternative_unit, alt_shown, token
            )
        else:
            edits.append((*reading.alternative_span, ""))
    return _apply(text, edits)


def shows_alternative(ingredient: Ingredient, factor: Fraction, system: str) -> bool:
    """Whether `system` is shown the author's second measure rather than the first: the
    first is not one of the system's (nor a small spoon amount, which metric keeps) and the
    second is ("1/2 cup (120 ml)" is 120 ml in metric). The detail pane and the shopping
    list both go by this."""
    primary = Measure(ingredient.quantity, ingredient.quantity_max, ingredient.unit)
    alternative = ingredient.alternative
    return (
        system != ORIGINAL
        and alternative is not None
        and is_measurable(alternative.unit)
        and not _primary_fits(primary, factor, system)
        and fits_system(alternative.unit, system)
    )


def _primary_fits(primary: Measure, factor: Fraction, system: str) -> bool:
    if not is_measurable(primary.unit):
        return True
    if primary.unit in SPOONS and system == METRIC:
        return _spoon_stays_metric(primary.quantity or Fraction(0), factor, primary.unit)
    return fits_system(primary.unit, system)


def _spoon_stays_metric(quantity: Fraction, factor: Fraction, unit: str) -> bool:
    return quantity * factor * conversion_factor(unit, "milliliter") < METRIC_SPOON_LIMIT_ML


def _token_text(text: str, token: Token | None) -> str:
    return text[token.start : token.end] if token else ""


def _place(
    text: str,
    amount: Amount | None,
    unit: Token | None,
    shown: tuple[str, str | None],
    author_token: str | None,
) -> list[tuple[int, int, str]]:
    """Edits that put a rendered number and unit where the author's stood."""
    number, unit_text = shown
    if amount is None:
        return []
    if unit is None or unit_text is None:
        return [(amount.start, amount.end, number)]
    between = text[amount.end : unit.start]
    if unit.start >= amount.end and between.strip(" -") == "":
        return [(amount.start, unit.end, f"{number} {unit_text}")]
    edits = [(amount.start, amount.end, number)]
    if unit_text != author_token:
        edits.append((unit.start, unit.end, unit_text))
    return edits


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _family_system(unit: str, system: str) -> str:
    if system != ORIGINAL:
        return system
    info = unit_info(unit)
    return METRIC if info is not None and info.system == METRIC else US


def _render(
    measure: Measure, factor: Fraction, system: str, author_token: str
) -> tuple[str, str | None]:
    """The number and unit words for a measure scaled by `factor` in `system`."""
    low = (measure.quantity or Fraction(0)) * factor
    high = measure.quantity_max * factor if measure.quantity_max is not None else None
    unit = measure.unit
    info = unit_info(unit)
    if unit is None or info is None:
        return format_range(low, high, COUNT_DENOMINATORS), None
    if info.dimension is None:
        number = format_range(low, high, info.denominators)
        return number, _inflect(author_token, unit, is_plural(number))
    simple_token = lookup_unit(author_token) == unit
    target = choose_unit(low, high, unit, system, keep=factor == 1 and simple_token)
    ratio = conversion_factor(unit, target) if target != unit else Fraction(1)
    low, high = low * ratio, high * ratio if high is not None else None
    target_info = unit_info(target)
    assert target_info is not None
    number = format_range(
        low, high, target_info.denominators, whole_numbers=target not in DECIMAL_UNITS
    )
    plural = is_plural(number)
    if target == unit and simple_token:
        return number, _inflect(author_token, unit, plural)
    return number, unit_word(target, plural)


def is_plural(number: str) -> bool:
    """ "2 cups", "1½ cups", but "1 cup", "½ cup", "0.5 cup" (going by the highest shown)."""
    highest = number.rsplit("–", 1)[-1]
    return highest != "1" and not highest.startswith("0") and highest[:1].isdigit()


def choose_unit(
    low: Fraction, high: Fraction | None, unit: str, system: str, keep: bool = False
) -> str:
    """The unit that reads best for this amount or range: 24 tsp is ½ cup, ¼ tbsp is ¾ tsp,
    and 4-6 tbsp stays in tbsp (¼ cup would leave ⅜ cup at the top).

    `keep` (an unscaled amount in a single unit the author wrote) keeps the author's unit
    when it already belongs to the system and its amounts read well in it.
    """
    info = unit_info(unit)
    assert info is not None and info.dimension is not None
    spoon_ok = unit not in SPOONS or system != METRIC or _spoon_stays_metric(low, 1, unit)
    fits = fits_system(unit, system) and spoon_ok
    if keep and system != ORIGINAL and fits and _reads_well_in(low, high, unit, unit):
        return unit
    family_system = _family_system(unit, system)
    if unit in SPOONS and family_system == METRIC and _spoon_stays_metric(low, 1, unit):
        candidates: tuple[str, ...] = SPOONS
    else:
        candidates = family(family_system, info.dimension, unit)
    fallback = candidates[-1]
    for candidate in candidates:
        candidate_info = unit_info(candidate)
        assert candidate_info is not None
        if low * conversion_factor(unit, candidate) < candidate_info.minimum:
            continue
        if _reads_well_in(low, high, unit, candidate):
            return candidate
        fallback = candidate if fallback == candidates[-1] else fallback
    return fallback


def _reads_well_in(low: Fraction, high: Fraction | None, unit: str, candidate: str) -> bool:
    """Whether both ends of an amount in `unit` sit on `candidate`'s grid."""
    info = unit_info(candidate)
    assert info is not None
    ratio = conversion_factor(unit, candidate)
    return all(
        reads_well(value * ratio, info.denominators) for value in (low, high) if value is not None
    )


def unit_word(unit: str, plural: bool) -> str:
    """A unit's own word for an amount: "cup"/"cups" and "inch"/"inches" in full, else the
    symbol ("tbsp", "g")."""
    info = unit_info(unit)
    assert info is not None
    if unit in FULL_WORD_UNITS:
        return info.plural if plural else info.singular
    return info.symbol


# The plural ending of each unit word, from the unit table: "inch" takes "es", "cup" "s".
_PLURAL_ENDINGS = {
    info.singular: info.plural.removeprefix(info.singular)
    for info in UNITS.values()
    if info.plural.startswith(info.singular)
}


def _inflect(token: str, unit: str, plural: bool) -> str:
    """The author's own unit word, made singular or plural to agree with the new number.

    Spelled-out words follow the number ("1 cup", "2 cups"); abbreviations stay as written
    ("2 tbsp", "4 tbsp"), except that "lbs" becomes "lb" for one.
    """
    dot = "." if token.endswith(".") else ""
    bare = token[: -len(dot)] if dot else token
    lower = bare.lower()
    if lower in ("lb", "lbs"):
        return ("lbs" if plural and lower == "lbs" else "lb") + dot
    singular = bare
    for end in ("es", "s"):
        if lower.endswith(end) and _PLURAL_ENDINGS.get(lower[: -len(end)]) == end:
            singular = bare[: -len(end)]
            break
    else:
        if lower.endswith("s") and lookup_unit(bare[:-1]) == unit:
            singular = bare[:-1]
    if not is_spelled_out(singular):
        return token
    if not plural:
        return singular + dot
    suffix = _PLURAL_ENDINGS.get(singular.lower(), "s")
    return singular + (suffix.upper() if singular.isupper() else suffix) + dot


def _agree_counted_noun(text: str, reading: Reading, number: str) -> list[tuple[int, int, str]]:
    """An edit making a counted thing agree with its new number ("1 egg", "2 eggs"), or none.

    Only when the number crosses one does the noun change, so a noun the author wrote against
    their own number ("1-2 chilli") changes only if the scaled number reads the other way.
    The noun is looked for after the amount: a name written first ("Onions, 1") is a label.
    """
    ingredient = reading.ingredient
    amount = reading.amount
    assert amount is not None and ingredient.quantity is not None
    written = format_range(ingredient.quantity, ingredient.quantity_max, COUNT_DENOMINATORS)
    plural = is_plural(number)
    if is_plural(written) == plural:
        return []
    head = _head_noun(ingredient.name)
    if head is None:
        return []
    found = re.search(rf"(?<![\w'’-]){re.escape(head)}(?![\w'’-])", text[amount.end :])
    if found is None:
        return []
    word = inflect_noun(head, plural)
    start = amount.end + found.start()
    return [(start, start + len(head), word)] if word != head else []


# A head noun is letters, maybe joined by hyphens ("egg-yolks").
_NOUN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Words that leave the counted noun in doubt: "1 onion or shallot", "1 dozen eggs", "½ a lemon".
_NOT_ONE_NOUN = frozenset({"and", "or", "&", "+", "plus", "with", "dozen", "a", "an"})


def _head_noun(name: str) -> str | None:
    """The word of a name that takes the number: the last ("red onions"), or the last before
    "of" ("leaves of basil"); None when the name is not plainly one counted thing."""
    words = re.split(r"(?i)\s+of\s+", name, maxsplit=1)[0].split()
    if not words or any(word.lower() in _NOT_ONE_NOUN for word in words):
        return None
    if any(char.isdigit() for char in name) or not _NOUN.fullmatch(words[-1]):
        return None
    return words[-1]
