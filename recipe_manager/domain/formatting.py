"""Showing an ingredient line scaled and in a unit system, changing only its numbers and units.

The line is never rebuilt from its parts: the reader says where the amounts and units sit,
and only those stretches are rewritten, so the author's words, notes and punctuation stay.
At factor 1 in "original" the line comes back exactly as written, without touching pint.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from fractions import Fraction

from . import grid
from .ingredients import Amount, Ingredient, Measure, Reading, Token, read_line, read_measure
from .model import Recipe
from .nouns import (
    inflect_noun,
    is_counted_noun,
    is_english_line,
    is_liquid,
    is_whole_thing,
    starts_phrase,
)
from .nouns import singularize as singularize  # the shopping list's old import path
from .quantities import format_range, read_amount, reads_well
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
    foreign_spoon_word,
    is_measurable,
    is_spelled_out,
    lookup_unit,
    unit_info,
)

# In metric, spoon amounts stay in spoons below a quarter cup: nobody measures 5 ml of
# vanilla in a jug.
METRIC_SPOON_LIMIT_ML = Fraction(60)


@dataclass(frozen=True, slots=True)
class LineContext:
    """What the rest of a recipe says about how to read one of its lines.

    `imperial`: the recipe is British (or Irish, Australian, New Zealand, South African),
    so its pints, quarts and fluid ounces are imperial ones (a pint is 568 ml). Build it with
    `recipe_context` from the recipe's lines and, where known, its page's language.
    """

    imperial: bool = False
    #: A degree figure with no C or F is Celsius (True), Fahrenheit (False) or unknown (None),
    #: by the recipe's units or language: see `convert_temperatures(..., celsius_recipe=)`.
    celsius: bool | None = None
    #: The recipe is in English (True) or another language (False), by its page's language;
    #: None guesses per line from its words (`nouns.is_english_line`). Only an English line
    #: gets English words put in: plurals ("2 chillies"), "a pinch of", "a generous ⅓ tsp".
    english: bool | None = None


_IMPERIAL_LANGUAGES = ("en-gb", "en-uk", "en-ie", "en-au", "en-nz", "en-za")
_METRIC_WEIGHT = re.compile(r"(?i)\d\s?(?:g|kg|grams?|ml|millilit(?:er|re)s?)\b")
_US_CUPS = re.compile(r"(?i)\d\s?(?:cups?|c\.)(?![^\W\d_])")


def recipe_context(lines: Iterable[str], language: str | None = None) -> LineContext:
    """How a recipe's lines are to be read, decided once per recipe.

    A pint is imperial when the page's language says Britain or a Commonwealth country
    ("en-GB", "en-AU"...), or, with no language, when the recipe weighs in grams or
    millilitres and never measures in cups: US recipes measure in cups, and a recipe in grams
    that also says "pint" is a British one.
    """
    if language:
        tag = language.strip().lower().replace("_", "-")
        return LineContext(
            imperial=tag in _IMPERIAL_LANGUAGES,
            celsius=tag not in ("en", "en-us"),
            english=tag == "en" or tag.startswith("en-"),
        )
    metric = cups = 0
    for line in lines:
        metric += _METRIC_WEIGHT.search(line) is not None
        cups += _US_CUPS.search(line) is not None
    celsius = True if metric and not cups else False if cups and not metric else None
    return LineContext(imperial=metric > 0 and cups == 0, celsius=celsius)


def recipe_reading(recipe: Recipe) -> LineContext:
    """`recipe_context` of all a recipe's ingredient lines: decided once per recipe shown."""
    return recipe_context(line.text for part in recipe.components for line in part.ingredients)


def format_ingredient(
    ingredient: Ingredient,
    factor: Fraction = Fraction(1),
    system: str = ORIGINAL,
    *,
    weigh: bool = False,
    context: LineContext | None = None,
) -> str:
    """The line as the detail pane shows it: scaled by `factor`, units in `system`.

    `system` is "original" (the author's units, re-chosen only when scaling makes another
    unit of the same kind read better), "metric" or "us". Where the author gives a second
    measure that fits the system, it is shown instead of a computed one; in "original" both
    measures are shown, both scaled ("1 cup (240 ml) soy sauce"). The line is read from
    `ingredient.text`, the one thing an Ingredient is sure to say. With `weigh` in metric, a
    volume of a dry ingredient whose weight is known (`weights`) is shown in grams.
    `context` (from `recipe_context`) says what the recipe's other lines tell about this one
    (a British pint). Raises ValueError for an unknown system.
    """
    if system not in SYSTEMS:
        raise ValueError(f"unknown unit system {system!r}; expected one of {SYSTEMS}")
    factor = Fraction(factor)
    if factor == 1 and system == ORIGINAL:
        return ingredient.text
    if context is None or context.english is None:
        # The line's own words say whether English words may be put into it.
        context = replace(context or LineContext(), english=is_english_line(ingredient.text))
    reading = read_line(ingredient.text)
    weighed = weigh and system == METRIC and _weighed(reading, factor)
    if weighed:
        reading = weighed
    ingredient = reading.ingredient
    if ingredient.is_heading:
        return ingredient.text
    unchanged = factor == 1 and not weighed and _already_in(ingredient, system)
    if unchanged or ingredient.quantity is None or reading.amount is None:
        # Nothing to scale or convert in the first measure: the author's words ("a", "3/8
        # cup", "1 cup + 2 tbsp") and all, with only the line's other measures converted
        # ("1 (15-ounce) can" in metric).
        return _apply(
            ingredient.text, _other_amounts(ingredient.text, reading, [], factor, system, context)
        )
    pack = _pack_without_count(ingredient.text, reading, factor, system, context)
    if pack is not None:
        return pack
    return _rewrite(ingredient.text, reading, factor, system, context)


_PACK_AFTER = re.compile(
    r"(?i)\.?\s+(cans?|tins?|jars?|packages?|packets?|box(?:es)?|bags?|bottles?|cartons?|"
    r"logs?|blocks?|tubs?|pouch(?:es)?)(?![^\W\d_])"
)


def _pack_without_count(
    text: str, reading: Reading, factor: Fraction, system: str, context: LineContext | None
) -> str | None:
    """ "15 oz can pumpkin" ×2 is "2 (15 oz) cans pumpkin": a pack's size never scales, so
    a line that gives a pack with no count scales the count of packs (whole packs, the
    grid's rule for whole things)."""
    amount, unit = reading.amount, reading.unit
    if factor == 1 or amount is None or unit is None or reading.alternative_span is not None:
        return None
    if not is_measurable(unit.unit) or amount.start != _first_amount_start(text):
        return None
    pack = _PACK_AFTER.match(text, unit.end)
    if pack is None:
        return None
    ingredient = reading.ingredient
    primary = Measure(ingredient.quantity, ingredient.quantity_max, ingredient.unit)
    if system == ORIGINAL or fits_system(unit.unit, system):
        size = text[amount.start : unit.end]
    else:
        number, word = _render(
            primary, Fraction(1), system, _token_text(text, unit), "", ingredient.name, context
        )
        size = f"{number} {word}"
    count = grid.count_range(factor, None, True)
    word = pack.group(1)
    info = unit_info(lookup_unit(word))
    if info is not None:
        plural = is_plural(count)
        shown_word = info.plural if plural else info.singular
        word = shown_word.capitalize() if word[:1].isupper() else shown_word
    edits = [(amount.start, pack.end(), f"{count} ({size}) {word}")]
    edits += _other_amounts(text, reading, edits, factor, system, context)
    return _apply(text, edits)


def _first_amount_start(text: str) -> int:
    found = _NUMBER_START.search(text)
    return found.start() if found else -1


#: Below this many grams (as scaled) a spoon measures better than a kitchen scale, which
#: reads in whole grams: ¼ tsp of salt is "¼ tsp", not "0.7 g".
MIN_WEIGHED_GRAMS = 5


def _weighed(reading: Reading, factor: Fraction) -> Reading | None:
    """The reading with a dry ingredient's volume read as its weight (the `weights` table),
    unless the weight is too small to weigh."""
    from .weights import weighed_measure

    grams = weighed_measure(reading.ingredient)
    if grams is None or grams.quantity is None:
        return None
    if grams.quantity * factor < MIN_WEIGHED_GRAMS:
        return None
    ingredient = replace(
        reading.ingredient,
        quantity=grams.quantity,
        quantity_max=grams.quantity_max,
        unit=grams.unit,
        alternative=None,
    )
    return replace(reading, ingredient=ingredient)


def _already_in(ingredient: Ingredient, system: str) -> bool:
    """Whether every measure in the line already belongs to `system` (counts always do), so
    that showing it unscaled in that system changes nothing the author wrote."""
    primary = Measure(ingredient.quantity, ingredient.quantity_max, ingredient.unit)
    alternative = ingredient.alternative
    return _primary_fits(primary, Fraction(1), system) and (
        alternative is None or fits_system(alternative.unit, system)
    )


def _rewrite(
    text: str, reading: Reading, factor: Fraction, system: str, context: LineContext | None
) -> str:
    ingredient = reading.ingredient
    name = ingredient.name
    primary = Measure(ingredient.quantity, ingredient.quantity_max, ingredient.unit)
    alternative = ingredient.alternative
    edits: list[tuple[int, int, str]] = []
    if alternative is not None and shows_alternative(ingredient, factor, system):
        shown = _render(
            alternative,
            factor,
            system,
            _token_text(text, reading.alternative_unit),
            _token_text(text, reading.alternative_amount),
            name,
            context,
        )
        edits += _place(text, reading.amount, reading.unit, shown, None)
    else:
        token = _token_text(text, reading.unit)
        shown = _render(
            primary, factor, system, token, _token_text(text, reading.amount), name, context
        )
        edits += _place(text, reading.amount, reading.unit, shown, token)
        if primary.unit is None and _english(context):
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
            alt_shown = _render(
                alternative,
                factor,
                system,
                token,
                _token_text(text, reading.alternative_amount),
                name,
                context,
            )
            edits += _place(
                text, reading.alternative_amount, reading.alternative_unit, alt_shown, token
            )
        else:
            edits.append((*reading.alternative_span, ""))
    edits += _other_amounts(text, reading, edits, factor, system, context)
    return _apply(text, edits)


# Where a number may start: not inside a word or another number.
_NUMBER_START = re.compile(r"(?<![\w.,])(?=[\d½⅓⅔¼¾⅛⅜⅝⅞])")
_SLASH_AFTER = re.compile(r"\s*/\s*")
# After a measure, words that make it the size of each thing, which converts but never
# scales: "(15-ounce) can", "400 g tins", "½-inch cubes", "1 pound each", "8-ounce log".
_SIZE_FOLLOWS = re.compile(
    r"(?i)\)?\s*-?\s*(?:each|thick|long|wide|square|round|diameter|deep|in\s+diameter|"
    r"cubes?|pieces?|chunks?|slices?|strips?|rounds?|lengths?|dice|logs?|cans?|tins?|jars?|"
    r"packages?|packets?|pkgs?|box(?:es)?|bags?|bottles?|cartons?|containers?|blocks?|"
    r"sticks?|pans?|dish|skillet|tubes?|fillets?|steaks?|pouch(?:es)?|sachets?|tubs?)(?![^\W\d_])"
)
# At most this many further amounts per line are rewritten (each edit copies the line).
_MAX_OTHER_AMOUNTS = 8
_MAX_NUMBERS = 64


def _other_amounts(
    text: str,
    reading: Reading,
    edits: list[tuple[int, int, str]],
    factor: Fraction,
    system: str,
    context: LineContext | None,
) -> list[tuple[int, int, str]]:
    """Every other measure in the line, each scaled and converted: a second measure the
    reader did not pair ("7 tbsp (3½ oz/100 g)"), one after "or" ("or 2 tbsp capers"), one
    in a note ("(about 4 ounces)"). A size of each thing ("1 (15-ounce) can", "½-inch
    cubes") is converted but never scaled."""
    taken = [(start, end) for start, end, _ in edits]
    for token in (reading.amount, reading.unit, reading.alternative_amount):
        if token is not None:
            taken.append((token.start, token.end))
    if reading.alternative_span is not None:
        taken.append(reading.alternative_span)
    # Where the reader found the size of each thing ("6-ounce" in "1 (6-ounce) fillet").
    size_text = reading.ingredient.size
    size_start = text.find(size_text) if size_text and size_text[:1].isdigit() else -1
    size_span = (size_start, size_start + len(size_text)) if size_start >= 0 else (0, 0)
    fitting_ends = {unit.end for unit in (reading.unit,) if unit and fits_system(unit.unit, system)}
    found: list[tuple[int, int, str]] = []
    name = reading.ingredient.name
    examined = 0
    for index, start_match in enumerate(_NUMBER_START.finditer(text)):
        if index >= _MAX_NUMBERS:
            break  # a "line" of thousands of numbers is not a recipe's: leave the rest
        start = start_match.start()
        if any(low <= start < high for low, high in taken):
            continue
        measure = read_measure(text, start)
        if measure is None:
            if factor != 1:
                found += _joined_count(text, start, factor, _english(context))
            continue
        amount, unit = measure
        if any(low < unit.end and start < high for low, high in taken):
            continue
        if not is_measurable(unit.unit):
            # A count of a kitchen unit joined to the first ("or 3 cloves", "or 1 can")
            # says the same amount and scales with it, on the count grid.
            if factor != 1 and _COUNT_JOINER.search(text[max(0, start - 8) : start]):
                found += _rescaled(text, amount, unit, factor, system, name, context)
                taken.append((start, unit.end))
            continue
        examined += 1
        if examined > _MAX_OTHER_AMOUNTS:
            break
        taken.append((start, unit.end))
        is_size = (
            size_span[0] <= start < size_span[1] or _SIZE_FOLLOWS.match(text, unit.end) is not None
        )
        scale = Fraction(1) if is_size else factor
        fits = fits_system(unit.unit, system)
        if fits:
            fitting_ends.add(unit.end)
        if scale == 1 and (system == ORIGINAL or fits):
            continue
        if system != ORIGINAL and not fits:
            slash = _SLASH_AFTER.match(text, unit.end)
            partner = read_measure(text, slash.end()) if slash and "/" in slash.group() else None
            if slash is not None and partner is not None and fits_system(partner[1].unit, system):
                # "3½ oz/100 g" in metric: the author's grams say it; the ounces go.
                found.append((start, slash.end(), ""))
                continue
            before = next(
                (end for end in fitting_ends if _SLASH_AFTER.fullmatch(text, end, start)), None
            )
            if before is not None and "/" in text[before:start]:
                # "7 oz/200 g" in US: the ounces say it; the grams go.
                found.append((before, unit.end, ""))
                continue
        found += _rescaled(text, amount, unit, scale, system, name, context)
    return found


def _rescaled(
    text: str,
    amount: Amount,
    unit: Token,
    factor: Fraction,
    system: str,
    name: str,
    context: LineContext | None,
) -> list[tuple[int, int, str]]:
    """The edits that show one further amount of a line scaled and in `system`."""
    unit_text = _token_text(text, unit)
    shown = _render(
        Measure(amount.low, amount.high, unit.unit),
        factor,
        system,
        unit_text,
        _token_text(text, amount),
        name,
        context,
    )
    return _place(text, amount, unit, shown, unit_text)


# A count joined to the first ("6 large or 8 medium stalks", "1 egg and 1 egg white",
# "(about 2 small or 1 large)") says the same amount of things and scales with it.
_COUNT_JOINER = re.compile(r"(?i)(?:\bor|\band|\babout|\bplus|&)\s+$")
_NOUN_AFTER = re.compile(r"(?<![^\s])[^\W\d_]+(?=[\s,.;:)]|$)")
_PHRASE_END = re.compile(r"[(,;:]|\s(?:or|and)\s")
_COUNTED_WORD = re.compile(r"\s+(?:(?:large|small|medium|whole)\s+)?([^\W\d_]+)")


def _joined_count(
    text: str, start: int, factor: Fraction, english: bool = True
) -> list[tuple[int, int, str]]:
    """An edit scaling a bare count after "or", "and" or "about", or none (its noun made to
    agree only in an English line)."""
    if not _COUNT_JOINER.search(text[max(0, start - 8) : start]):
        return []
    amount = read_amount(text, start)
    word = _COUNTED_WORD.match(text, amount.end) if amount is not None else None
    if amount is None or word is None:
        return []
    # The counted noun: the last known one of the next few words ("1 egg white" counts
    # whites), else the first word.
    window_end = min(len(text), word.start(1) + 40)
    stop = _PHRASE_END.search(text, word.start(1), window_end)
    nouns = list(_NOUN_AFTER.finditer(text, word.start(1), stop.start() if stop else window_end))
    known = [match for match in nouns if is_counted_noun(match.group())]
    noun_match = known[-1] if known else word
    noun = noun_match.group()
    whole = is_whole_thing(noun)
    low = amount.low * factor
    high = amount.high * factor if amount.high is not None else None
    number = grid.count_range(low, high, whole)
    edits = [(amount.start, amount.end, number)]
    plural = is_plural(number)
    written = format_range(amount.low, amount.high, (2, 3, 4))
    if english and known and plural != is_plural(written):
        changed = inflect_noun(noun, plural)
        if changed != noun:
            edits.append((noun_match.start(), noun_match.end(), changed))
    return edits


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


def _spoon_stays_metric(quantity: Fraction, factor: Fraction | int, unit: str) -> bool:
    return quantity * factor * conversion_factor(unit, "milliliter") < METRIC_SPOON_LIMIT_ML


def _token_text(text: str, token: Token | Amount | None) -> str:
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
    pinch = unit_text in ("pinch", "dash") and number == "a" and unit is not None
    if pinch and unit is not None and not re.match(r"\s*of\b", text[unit.end :]):
        # "a pinch of cinnamon", unless the author's "of" follows already.
        unit_text = f"{unit_text} of"
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
    measure: Measure,
    factor: Fraction,
    system: str,
    author_token: str,
    author_number: str = "",
    name: str = "",
    context: LineContext | None = None,
) -> tuple[str, str | None]:
    """The number and unit words for a measure scaled by `factor` in `system`, on the
    kitchen grid (domain/grid.py).

    The steps, in order: counts and kitchen units (whole things to a count); a measure at
    its own size in its own unit keeps the author's number; the volume->weight step (issue
    17's `weigh`, see `_weigh`) would change `measure` before the unit is chosen; then the
    unit is chosen and the amount put on that family's grid.
    """
    low = (measure.quantity or Fraction(0)) * factor
    high = measure.quantity_max * factor if measure.quantity_max is not None else None
    unit = measure.unit
    info = unit_info(unit)
    # A spoon word of another language ("c.à.c.", "EL") says the line is not English.
    english = _english(context) and (unit is None or foreign_spoon_word(author_token, unit) is None)
    # Another language's unit word stays as the author wrote it (a Danish "5 deciliter"),
    # never given an English plural.
    inflect = _inflect if english else _as_written
    if unit is None or info is None:
        return grid.count_range(low, high, is_whole_thing(name)), None
    if info.dimension is None:
        number = grid.count_range(low, high, unit in grid.WHOLE_UNITS)
        return number, inflect(author_token, unit, is_plural(number))
    simple_token = lookup_unit(author_token) == unit
    if system != ORIGINAL:
        if context is not None and context.imperial and unit in _IMPERIAL:
            # A British pint is 568 ml (20 imperial fl oz), not the US 473 ml.
            ratio = _IMPERIAL[unit]
            low, high = low * ratio, high * ratio if high is not None else None
            unit, simple_token = "milliliter", False
        elif unit == "ounce" and system == METRIC and is_liquid(name):
            # "1½ ounces rum": a liquid's ounces are fluid ounces.
            unit, simple_token = "fluid_ounce", False
    foreign = foreign_spoon_word(author_token, unit) is not None
    # A spoon word of another language is a metric cook's: spoons below 60 ml, never cups.
    choice_system = METRIC if foreign and system == ORIGINAL else system
    target = choose_unit(low, high, unit, choice_system, keep=factor == 1 and simple_token)
    if factor == 1 and target == unit and simple_token and author_number and not info.denominators:
        # At its own size in the author's own metric unit: the author's number, as written
        # ("107 grams", not the 105 a rounding would give).
        return author_number, inflect(author_token, unit, (measure.quantity_max or low) > 1)
    if high is None:
        shown = _on_grid(low, unit, target, choice_system, is_liquid(name))
        if shown is not None and not english:
            shown = _without_added_words(shown)
        if shown is not None and foreign and shown.unit in SPOONS:
            # "1 cs + 1 cc", "2 tl": the author's language's spoon words.
            big = foreign_spoon_word(author_token, "tablespoon") or "tbsp"
            number = shown.number.replace(" tbsp + ", f" {big} + ")
            return number, foreign_spoon_word(author_token, shown.unit)
        if shown is not None:
            compound = " " in shown.number and not shown.number.startswith("a ")
            if shown.unit == unit and simple_token and not compound:
                return shown.number, inflect(author_token, unit, shown.plural)
            return shown.number, unit_word(shown.unit or target, shown.plural)
    ratio = conversion_factor(unit, target) if target != unit else Fraction(1)
    low, high = low * ratio, high * ratio if high is not None else None
    target_info = unit_info(target)
    assert target_info is not None
    number = format_range(
        low, high, target_info.denominators, whole_numbers=target not in DECIMAL_UNITS
    )
    plural = is_plural(number)
    if target == unit and simple_token:
        return number, inflect(author_token, unit, plural)
    return number, unit_word(target, plural)


def _english(context: LineContext | None) -> bool:
    """Whether English words may be put into the line (unknown counts as English)."""
    return context is None or context.english is not False


def _as_written(token: str, unit: str, plural: bool) -> str:
    """The author's unit word unchanged (the `_inflect` of a line not in English)."""
    return token


def _without_added_words(shown: grid.Shown) -> grid.Shown:
    """A grid amount without the English words the grid adds, for a line in another
    language: "a pinch"/"a dash" is the smallest spoon of a set (⅛ tsp, in the author's spoon
    word), and "a generous ⅓"/"a scant ½" is the plain step."""
    if shown.unit in ("pinch", "dash"):
        return grid.Shown("⅛", "teaspoon", False, Fraction(1, 8))
    for word in ("a generous ", "a scant "):
        if shown.number.startswith(word):
            return replace(shown, number=shown.number.removeprefix(word))
    return shown


# Imperial measures in millilitres (UK Weights and Measures Act 1985: 1 pint = 0.56826125 l).
_IMPERIAL = {
    "pint": Fraction("568.26125"),
    "quart": Fraction("1136.5225"),
    "gallon": Fraction("4546.09"),
    "fluid_ounce": Fraction("28.4130625"),
}
_US_VOLUME = frozenset({"cup", "tablespoon", "teaspoon"})


def _on_grid(low: Fraction, unit: str, target: str, system: str, liquid: bool) -> grid.Shown | None:
    """A single amount on the kitchen grid of `target`'s family, or None where the plain
    decimal rules apply (metric weights and volumes, pints, fluid ounces)."""
    if target in _US_VOLUME:
        tsp = low * conversion_factor(unit, "teaspoon")
        # Metric cooks keep spoons (below 60 ml) and never use cups.
        return grid.us_volume(tsp, liquid, cups=system != METRIC)
    if target in ("pound", "ounce"):
        return grid.us_weight(low * conversion_factor(unit, "ounce"))
    if target == "inch":
        return grid.inches(low * conversion_factor(unit, "inch"))
    if target == "milliliter" and low * conversion_factor(unit, "milliliter") < 5:
        # Below a teaspoon no jug measures: spoons ("⅛ tsp", "a dash"), never "0.67 ml".
        return grid.us_volume(low * conversion_factor(unit, "teaspoon"), liquid, cups=False)
    if target == "centimeter":
        return grid.metric_length(low * conversion_factor(unit, "centimeter"))
    if target in ("gram", "milliliter") and 1 <= low * conversion_factor(unit, target) < 10:
        # A kitchen scale shows whole grams: "3 g", never "2.7 g".
        return grid.small_metric(low * conversion_factor(unit, target), target)
    return None


def _weigh(measure: Measure, name: str, system: str) -> Measure:
    """Where issue 17's volume->weight step plugs in (format_ingredient(..., weigh=True)):
    given the measure and the name, return the measure in grams for a dry ingredient whose
    weight per volume is known; today it returns the measure unchanged. `_render` takes the
    measure after this step, so the grams land on the metric grid like any weight."""
    return measure


def is_plural(number: str) -> bool:
    """ "2 cups", "1½ cups", but "1 cup", "½ cup", "0.5 cup" (going by the highest shown)."""
    highest = number.rsplit("–", 1)[-1]
    return highest != "1" and not highest.startswith("0") and highest[:1].isdigit()


#: A count of a smaller unit at or past which a bigger unit that fits reads better (12 tbsp
#: is 3/4 cup; 16 oz is 1 lb): the kitchen grid's own line between tbsp and cups.
_MANY = 12


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
    bigger_fits = False
    for candidate in candidates:
        candidate_info = unit_info(candidate)
        assert candidate_info is not None
        amount = low * conversion_factor(unit, candidate)
        if amount < candidate_info.minimum:
            continue
        if bigger_fits and amount >= _MANY:
            # 21 3/8-42 5/8 oz reads worse than 1 1/4-2 3/4 lb: past a dozen, the bigger unit.
            return fallback
        if _reads_well_in(low, high, unit, candidate):
            return candidate
        fallback = candidate if fallback == candidates[-1] else fallback
        bigger_fits = True
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


def _same_word(first: str, second: str) -> bool:
    one, two = first.lower(), second.lower()
    return (singularize(one) or one) == (singularize(two) or two)


def _head_noun(name: str) -> str | None:
    """The word of a name that takes the number: the last ("red onions"), or the last before
    "of" ("leaves of basil"); None when the name is not plainly one counted thing."""
    words = re.split(r"(?i)\s+of\s+", name, maxsplit=1)[0].split()
    # "egg and 1 egg white": a second count after "and"/"or" counts its own noun, so the
    # number counts the first ("onion or shallot", with no second count, stays in doubt).
    for index, word in enumerate(words):
        follows = words[index + 1] if index + 1 < len(words) else ""
        same_noun = index > 0 and _same_word(words[index - 1], words[-1])
        # ("cucumber or English cucumber": one noun twice, the count is the first's.)
        if (
            word.lower() in ("or", "and", "&")
            and index > 0
            and (follows[:1].isdigit() or same_noun)
        ):
            words = words[:index]
            break
    words = _before_phrase(words)
    if not words or any(word.lower() in _NOT_ONE_NOUN for word in words):
        return None
    if any(char.isdigit() for char in " ".join(words)):
        return None
    # A known counted noun written plural before other words ("eggs room temperature") is
    # the head; a singular one is a modifier ("olive oil").
    known = [word for word in words if is_counted_noun(word) and singularize(word.lower())]
    head = known[-1] if known else words[-1]
    return head if _NOUN.fullmatch(head) else None


def _before_phrase(words: list[str]) -> list[str]:
    """The words up to a known counted noun that a phrase follows ("onion | cut into large
    pieces", "lemon | finely zested"): the phrase tells what to do with the thing counted,
    so its last word is not the one the number counts."""
    for index, word in enumerate(words[:-1]):
        if is_counted_noun(word) and starts_phrase(words[index + 1]):
            return words[: index + 1]
    return words
