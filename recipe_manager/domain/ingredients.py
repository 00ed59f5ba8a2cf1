"""Reading an ingredient line into quantity, unit, name and note, keeping the line as written.

The reader never imports pint and never raises: a recipe is re-read every time it is loaded,
so reading must be fast, and a line it cannot make sense of is still kept, word for word.
Alongside the Ingredient it records where the numbers and units sit in the line, so that
the formatter can change only those and leave the author's wording alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from .quantities import FRACTION_SLASHES, UNICODE_FRACTIONS, Amount, read_amount
from .units import exact_ratio, is_measurable, lookup_unit


@dataclass(frozen=True, slots=True)
class Measure:
    """An amount in one unit: the author's second measure in "1/2 cup (120 ml)"."""

    quantity: Fraction | None
    quantity_max: Fraction | None
    unit: str | None


@dataclass(frozen=True, slots=True)
class Ingredient:
    """One ingredient line: `text` is always the line exactly as given; the rest is read from it.

    `size` holds the words that say how big each counted thing is ("large", "14 oz" in
    "2 (14 oz) cans"): they describe the item, so they never scale.
    """

    text: str
    quantity: Fraction | None = None
    quantity_max: Fraction | None = None
    unit: str | None = None
    name: str = ""
    note: str = ""
    alternative: Measure | None = None
    is_heading: bool = False
    understood: bool = True
    size: str = ""


@dataclass(frozen=True, slots=True)
class Token:
    """A unit as written, with its place in the line."""

    unit: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Reading:
    """An Ingredient plus where its amounts and units sit in the text (for the formatter).

    `alternative_span` covers the whole second measure with its separator (" (120 ml)",
    "/5½oz"), so that a formatter showing one measure can drop the other cleanly.
    """

    ingredient: Ingredient
    amount: Amount | None = None
    unit: Token | None = None
    alternative_amount: Amount | None = None
    alternative_unit: Token | None = None
    alternative_span: tuple[int, int] | None = None


_UNI = "".join(UNICODE_FRACTIONS)
_LEADING_JUNK = re.compile(r"[\s\u2022\u25a2\u25a1\u2610\u2611\u2612\u2713\u2714*•·▪►▸>＊-]*")
_WORD_NUMBERS = {
    "a": Fraction(1),
    "an": Fraction(1),
    "one": Fraction(1),
    "two": Fraction(2),
    "three": Fraction(3),
    "four": Fraction(4),
    "five": Fraction(5),
    "six": Fraction(6),
    "seven": Fraction(7),
    "eight": Fraction(8),
    "nine": Fraction(9),
    "ten": Fraction(10),
    "eleven": Fraction(11),
    "twelve": Fraction(12),
    "half": Fraction(1, 2),
    "a half": Fraction(1, 2),
    "dozen": Fraction(12),
    "a dozen": Fraction(12),
    "half a dozen": Fraction(6),
    "half a": Fraction(1, 2),
    "half an": Fraction(1, 2),
    "a couple of": Fraction(2),
    "a couple": Fraction(2),
    "couple of": Fraction(2),
}
_WORD_NUMBER = re.compile(
    r"(?i)(half\s+a\s+dozen|half\s+an?|a\s+dozen|a\s+couple(?:\s+of)?|couple\s+of|a\s+half|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|half|an?)(?![\w'’-])"
)
# "One 9-ounce box", "a large piece": articles count as one only when a unit follows.
_ARTICLES = {"a", "an"}
_UNIT_TOKEN = re.compile(
    r"fl\.?\s?oz\.?|fluid\s+ounces?|table\s+spoons?|tea\s+spoons?"
    # French "c.s.", "c. à s.", "c.à.c", "cuill. à soupe"; Portuguese "colher (sopa)".
    r"|(?i:c\.\s?(?:à\s?\.?\s?|a\s)?[sc]\.?(?![^\W\d_]))"
    r"|(?i:(?:cuill(?:ères?|eres?|\.)?|c\.)\s?(?:à|a)\s(?:soupe|café|cafe))"
    r"|(?i:colher(?:es)?\s?(?:\(\s?(?:sopa|chá|cha)\s?\)|de\s(?:sopa|chá|cha)))"
    r"|[^\W\d_]+\.?|″|\""
)
_MULTIPLIER = re.compile(r"\s*[x×]\s*(?=[\d" + _UNI + "])")
_MODIFIERS = re.compile(
    r"(?i)((?:(?:heaped|heaping|scant|level|rounded|generous|good|large|small|medium|big|"
    r"lg|sm|med|thin|thick|extra[- ]large|whole|full|large,)\s+){1,2})"
)
_SIZE_WORDS = {
    "large",
    "small",
    "medium",
    "big",
    "lg",
    "sm",
    "med",
    "extra-large",
    "jumbo",
    "medium-sized",
    "large-sized",
    "small-sized",
    "medium-large",
}
_PREP_ADVERBS = {
    "finely",
    "coarsely",
    "roughly",
    "thinly",
    "thickly",
    "lightly",
    "loosely",
    "firmly",
    "freshly",
    "very",
    "well",
    "tightly",
}
_PREP_WORDS = {
    "chopped",
    "diced",
    "minced",
    "sliced",
    "grated",
    "shredded",
    "crumbled",
    "packed",
    "sifted",
    "thawed",
    "melted",
    "softened",
    "cubed",
    "peeled",
    "beaten",
    "halved",
    "quartered",
    "trimmed",
    "rinsed",
    "drained",
    "cooked",
    "uncooked",
    "crushed",
    "dissolved",
    "seeded",
    "pitted",
    "cored",
    "deveined",
    "julienned",
}
# Words that end a name when they follow it: "2 cloves garlic finely chopped".
_NAME_STOPS = {"such", "dissolved", "to", "for", "as"}
# Units cooks put after the name: "3 Garlic cloves", "2 celery sticks".
_VAGUE = re.compile(r"(?i)(?:a\s+)?(?:few|several|some)\s+")
_TRAILING_UNITS = {"clove", "stalk", "stick", "sprig", "head", "bunch", "rib", "ear", "bulb"}
_UNCOUNTED_UNITS = {"pinch", "dash", "handful", "splash", "sprig", "bunch", "knob", "sprinkle"}
_CONTAINERS = {"can", "tin", "jar", "packet", "package", "pack", "box", "bag", "bottle", "piece"}
# Each pattern below starts only where its run of spaces or commas starts (the lookbehinds),
# so that a long run is scanned once, not once per character: reading stays linear.
_NOTE_TAIL = re.compile(
    r"(?i)(?<![\s,])[\s,]+((?:or\s+)?(?:to taste|as needed|if needed|as required|to serve|"
    r"(?:for|as) (?:a )?(?:garnish|garnishing|serving|greasing|frying|dusting|decoration|"
    r"drizzling)))\s*$"
)
_SPACED_DASH = re.compile(r"(?<!\s)(?:\s+[-–—]+\s+|\s*[–—]\s*)")
_PREFIX_LABEL = re.compile(r"([^\W\d_][^:\d]{0,30}?)\s*:\s*(?=[\d" + _UNI + r"])")
# An amount written last is short ("1,1 kg", "2 1/2 - 3 cups"): capping its length keeps
# the look-ahead from rescanning a long run of numbers once per separator.
_TRAILING_AMOUNT = re.compile(
    r"[\s,:–—-]+(?=[\d" + _UNI + r"][\d\s" + _UNI + r"/.,–-]{0,24}(?:[^\W\d_]+\.?)?\s*$)"
)
# Words before the amount that belong to the line, not the name: "Juice of 1 orange",
# "About 2 cups water", "a generous ⅓ tsp" (the grid writes that one itself).
_LEAD_PHRASE = re.compile(
    r"(?i)((?:(?:the\s+)?(?:finely\s+grated\s+)?(?:juice|zest|rind|peel)"
    r"(?:\s+and\s+(?:juice|zest|rind))?\s+of)"
    r"|(?P<qualifier>a\s+generous|a\s+scant|a\s+good|generous|scant|heaped|heaping|"
    r"about|approx\.?|approximately|around|roughly|circa|ca\.|~))\s*"
)
# A count, a space, then a fraction joined to a length ("9 ¾-inch-thick", "4 1/2-inch"):
# from 2 up the whole number counts things, the fraction sizes each.
_COUNT_BEFORE_SIZE = re.compile(
    r"(?P<count>[2-9]|[1-9]\d)\s+(?P<size>[" + _UNI + r"]|\d/\d{1,2})(?=\s?-\s?(?:inch|in\b|cm))"
)
_ONLY_DOTS = re.compile(r"[ .]*\Z")
_JOINED_WORD = re.compile(r"-[^\W\d_]")
_HEADING_START = re.compile(r"(?i)(for|to make)\s+(the\s+)?\w")
_NAME_EDGE = " \t,;:.*)(-–—"


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _read_unit(text: str, pos: int, glued: bool) -> Token | None:
    """A unit word at `pos`; `glued` says it touches the number before it ("2kg")."""
    match = _UNIT_TOKEN.match(text, pos)
    if match is None:
        return None
    token = match.group()
    unit = lookup_unit(token)
    if unit is None and token.endswith("."):
        token = token[:-1]
        unit = lookup_unit(token)
    if unit is None:
        return None
    end = pos + len(token)
    rest = text[end:]
    if _JOINED_WORD.match(rest) and not text[:pos].endswith("-"):
        # "T-bone", "rib-eye", "in-season": the word goes on, so it is not a unit; but in
        # "1-inch-thick" the whole run is one size.
        return None
    if (
        unit == "inch"
        and token.lower() == "in"
        and not glued
        and not re.match(r"\s*(?:piece|/|\)|,|-|$)", rest)
    ):
        return None
    return Token(unit, pos, end)


# "of" between the unit and the name, in the languages whose spoon words the units know:
# "2 c.s. de farine", "2 cuill. à soupe d'huile", "4 cucchiaini di miele".
_OF = re.compile(r"(?i)\s+(?:of|de|di|del|da|do)\s+|\s+d['’](?=[^\W\d_])")


def _skip_of(text: str, pos: int) -> int:
    match = _OF.match(text, pos)
    return match.end() if match else pos


def _read_measure(text: str, pos: int) -> tuple[Amount, Token] | None:
    """An amount directly followed by a unit ("120 ml", "5½oz", "14-oz.")."""
    amount = read_amount(text, pos)
    if amount is None:
        return None
    unit_pos = amount.end
    if unit_pos < len(text) and text[unit_pos] == "-":
        unit_pos += 1
    glued = unit_pos == amount.end
    unit_pos = _skip_spaces(text, unit_pos)
    unit = _read_unit(text, unit_pos, glued and unit_pos == amount.end)
    if unit is None:
        return None
    return amount, unit


@dataclass(frozen=True, slots=True)
class SecondMeasure:
    """The author's second measure as found: where its amount and unit sit, what it says
    (`measure`, None when it has two parts with no exact sum, "1pint 6fl oz"), and `span`,
    the whole of it with its separator (" (120 ml)", "/5½oz")."""

    amount: Amount
    unit: Token
    measure: Measure | None
    span: tuple[int, int]


def read_measure(text: str, pos: int) -> tuple[Amount, Token] | None:
    """An amount directly followed by a unit at `pos` (the formatter finds every further
    measure of a line with it)."""
    return _read_measure(text, pos)


def _read_alternative(text: str, pos: int) -> SecondMeasure | None:
    """The author's second measure right after the first: "/5½oz", " (120 ml)", "/1lb 2oz"."""
    slash = re.match(r"\s*/\s*", text[pos:])
    paren = re.match(r"\s*\(\s*(?:about|approx\.?|approximately|~|or|scant)?\s*", text[pos:])
    opener = slash or paren
    if opener is None:
        return None
    measure = _read_measure(text, pos + opener.end())
    if measure is None:
        return None
    amount, unit = measure
    found: Measure | None = Measure(amount.low, amount.high, unit.unit)
    end = unit.end
    compound = _read_compound(text, amount, unit)
    if compound is not None:
        amount, unit = compound
        found = Measure(amount.low, None, unit.unit)
        end = unit.end
    elif amount.high is None:
        extra = _read_measure(text, _skip_spaces(text, end))
        if extra is not None and is_measurable(extra[1].unit):
            # "1pint 6fl oz": two parts with no exact sum (which pint?); the span is still
            # the author's second measure, but no single Measure says it honestly.
            found = None
            end = extra[1].end
    if paren:
        close = re.match(r"\s*\)", text[end:])
        if close is None:
            return None
        end += close.end()
    return SecondMeasure(amount, unit, found, (pos, end))


def _always(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """Where a pattern that can match nothing (only optional parts) ends, from `pos`."""
    match = pattern.match(text, pos)
    return pos if match is None else match.end()


_JOINER = re.compile(r"\s*(?:(?:\+|\bplus\b|&|\band\b)\s*)?")


def _read_compound(line: str, amount: Amount, unit: Token) -> tuple[Amount, Token] | None:
    """ "1 lb 2 oz", "2 tablespoons plus 1 teaspoon": one amount written in two parts, as one
    amount in the smaller unit (18 oz, 7 tsp).

    Only units of one kind whose ratio is a definition are added ("2 cups 3 eggs" stays
    apart; "1 pint 6 fl oz" has no exact sum).
    """
    if amount.high is not None:
        return None
    extra = _read_measure(line, _always(_JOINER, line, unit.end))
    if extra is None or extra[0].high is not None:
        return None
    ratio = exact_ratio(unit.unit, extra[1].unit)
    if ratio is None:
        return None
    total = amount.low * ratio + extra[0].low
    return Amount(total, None, amount.start, amount.end), Token(
        extra[1].unit, unit.start, extra[1].end
    )


def _is_heading(stripped: str) -> bool:
    if not stripped or stripped[0].isdigit() or stripped[0] in _UNI:
        return False
    words = stripped.split()
    if stripped.endswith(":") and len(words) <= 6:
        return True
    return (
        _HEADING_START.match(stripped) is not None
        and len(words) <= 5
        and not any(char.isdigit() for char in stripped)
        and "," not in stripped
    )


def _split_name_note(rest: str) -> tuple[str, list[str]]:
    """Cut the words after the amount into the name and the notes (parentheses, commas, dashes)."""
    tail_note = ""
    tail = _NOTE_TAIL.search(rest)
    if tail:
        tail_note = tail.group(1)
        rest = rest[: tail.start()]
    name_chars: list[str] = []
    paren_notes: list[str] = []
    depth = 0
    paren_start = 0
    comma_note = ""
    # Whether the name so far is only size words ("large, whole"), checked a piece at a
    # time so that a long run of commas is not re-read at each one.
    checked, seen_words, sizes_only = 0, False, True
    for index, char in enumerate(rest):
        if char == "(":
            if depth == 0:
                paren_start = index + 1
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                paren_notes.append(rest[paren_start:index])
            continue
        elif depth == 0 and char in ",;":
            words = "".join(name_chars[checked:]).split()
            checked = len(name_chars)
            seen_words = seen_words or bool(words)
            sizes_only = sizes_only and all(word.lower() in _SIZE_WORDS for word in words)
            if seen_words and sizes_only:
                name_chars.append(" ")
                continue
            comma_note = rest[index + 1 :]
            break
        if depth == 0:
            name_chars.append(char)
    if depth:
        name_chars.append(rest[paren_start - 1 :])
    name = "".join(name_chars)
    dash_note = ""
    dash = _SPACED_DASH.search(name)
    if dash and dash.start() > 0:
        dash_note = name[dash.end() :]
        name = name[: dash.start()]
    notes = [dash_note, *paren_notes, comma_note, tail_note]
    cleaned = [" ".join(note.split()).strip(" ,;-–—") for note in notes]
    return " ".join(name.split()).strip(_NAME_EDGE), [note for note in cleaned if note]


def _peel_name(name: str) -> tuple[str, list[str], list[str]]:
    """Take size words and preparation words off the front of a name."""
    words = name.split()
    sizes: list[str] = []
    preps: list[str] = []
    while len(words) > 1:
        word = words[0].lower().strip(",")
        if word in _SIZE_WORDS:
            sizes.append(words.pop(0).strip(","))
            continue
        run = 0
        while run < len(words) - 1 and words[run].lower().strip(",") in _PREP_ADVERBS:
            run += 1
        if run < len(words) - 1 and words[run].lower().strip(",") in _PREP_WORDS:
            preps.append(" ".join(words[: run + 1]).strip(","))
            del words[: run + 1]
            continue
        if run and words[run - 1].lower() == "freshly" and words[run].lower() == "ground":
            preps.append(" ".join(words[: run + 1]))
            del words[: run + 1]
            continue
        break
    for index in range(1, len(words)):
        word = words[index].lower()
        run = index
        while run < len(words) - 1 and words[run].lower() in _PREP_ADVERBS:
            run += 1
        prep_here = words[run].lower() in _PREP_WORDS and (run > index or run == len(words) - 1)
        if word in _NAME_STOPS or prep_here:
            preps.append(" ".join(words[index:]))
            del words[index:]
            break
    return " ".join(words), sizes, preps


def _trailing_unit(name: str, name_start: int, text: str) -> tuple[str, Token | None]:
    """ "Garlic cloves" → ("Garlic", clove): a count unit written after the name."""
    words = name.split()
    if len(words) < 2:
        return name, None
    last = words[-1]
    unit = lookup_unit(last)
    if unit not in _TRAILING_UNITS:
        return name, None
    start = text.find(last, name_start)
    if start < 0:
        return name, None
    return " ".join(words[:-1]), Token(unit, start, start + len(last))


def _leading_amount(text: str, pos: int) -> tuple[Amount | None, bool]:
    """The amount a line starts with, and whether it was an article ("a", "an")."""
    amount = read_amount(text, pos)
    counted = _COUNT_BEFORE_SIZE.match(text, pos)
    if amount is not None and counted is not None and amount.end == counted.end("size"):
        # "9 ¾-inch-thick pork chops": nine chops, each ¾ inch thick.
        return Amount(Fraction(int(counted.group("count"))), None, pos, counted.end("count")), False
    if amount is not None:
        if amount.end < len(text) and (text[amount.end].isalpha() or text[amount.end] in ":"):
            glued_unit = _read_unit(text, amount.end, glued=True)
            if glued_unit is None and text[amount.end].lower() != "x":
                return None, False
        return amount, False
    match = _WORD_NUMBER.match(text, pos)
    if match is None:
        return None, False
    phrase = " ".join(match.group(1).lower().split())
    value = _WORD_NUMBERS[phrase]
    return Amount(value, None, pos, match.end()), phrase in _ARTICLES


def _read(text: str) -> Reading:
    line = text.translate(FRACTION_SLASHES)
    stripped = line.strip()
    if not stripped:
        return Reading(Ingredient(text=text, understood=False))
    if _is_heading(stripped):
        return Reading(Ingredient(text=text, name=stripped.rstrip(":").strip(), is_heading=True))
    pos = _always(_LEADING_JUNK, line, 0)
    prefix = ""
    label = _PREFIX_LABEL.match(line, pos)
    if label:
        prefix = label.group(1).strip()
        pos = label.end()
    lead = _LEAD_PHRASE.match(line, pos)
    if lead is not None:
        amount, is_article = _leading_amount(line, lead.end())
        if amount is not None and not is_article:
            words = " ".join(lead.group(1).split())
            if lead.group("qualifier"):
                return _read_from(text, line, lead.end(), amount, False, prefix, "", words)
            return _read_from(text, line, lead.end(), amount, False, prefix, words)
    amount, is_article = _leading_amount(line, pos)
    if amount is None and not prefix:
        trailing = _read_trailing(text, line, pos)
        if trailing is not None:
            return trailing
    return _read_from(text, line, pos, amount, is_article, prefix)


def _read_trailing(text: str, line: str, pos: int) -> Reading | None:
    """Lines that put the amount last: "Philadephia 125 g", "Fragole 1,1 kg", "Onions, 1"."""
    for match in _TRAILING_AMOUNT.finditer(line, pos):
        start = match.end()
        amount = read_amount(line, start)
        if amount is None:
            continue
        after = _skip_spaces(line, amount.end)
        unit = _read_unit(line, after, glued=after == amount.end) if after < len(line) else None
        end = unit.end if unit else after
        # (A match, not a slice: copying the rest of the line at every candidate made a
        # line of thousands of numbers quadratic.)
        if _ONLY_DOTS.match(line, end) is None or (unit is None and after < len(line)):
            continue
        name = line[pos : match.start()].strip(_NAME_EDGE)
        if not name or not any(char.isalpha() for char in name):
            return None
        ingredient = Ingredient(
            text=text,
            quantity=amount.low,
            quantity_max=amount.high,
            unit=unit.unit if unit else None,
            name=name,
        )
        return Reading(ingredient, amount, unit)
    return None


@dataclass(slots=True)
class _Head:
    """What the reader has found before the name: the amount, its unit, the words that size
    each thing ("large", "14 oz" in "2 (14 oz) cans"), and where the rest begins."""

    amount: Amount | None
    unit: Token | None
    cursor: int
    sizes: list[str]
    size_text: str = ""
    second: SecondMeasure | None = None


def _read_counted(line: str, amount: Amount, is_article: bool, pos: int) -> _Head:
    """After an amount: "× 2", a pack size ("(14 oz)", "14-oz."), size words, the unit."""
    head = _Head(amount, None, amount.end, [])
    multiplier = _MULTIPLIER.match(line, head.cursor)
    if multiplier:
        head.cursor = multiplier.end()
    after = _skip_spaces(line, head.cursor)
    size_measure = _read_size(line, after)
    if size_measure is not None:
        head.size_text, head.cursor = size_measure
        after = _skip_spaces(line, head.cursor)
    if line.startswith("-", head.cursor) and size_measure is None:
        after = _skip_spaces(line, head.cursor + 1)
    modifiers = _MODIFIERS.match(line, after)
    unit_pos = modifiers.end() if modifiers else after
    head.unit = _read_unit(line, unit_pos, glued=unit_pos == amount.end)
    if head.unit is not None:
        if modifiers:
            head.sizes.append(" ".join(modifiers.group(1).replace(",", " ").split()))
        head.cursor = head.unit.end
    elif size_measure is not None and head.size_text:
        head.cursor = _skip_spaces(line, head.cursor)
    if is_article and head.unit is None:
        # "a large piece": an article counts as one only when a unit follows.
        head.amount, head.cursor = None, pos
    return head


def _read_uncounted(line: str, pos: int) -> _Head:
    """No amount: "a few", "pinch of salt", "generous handful of herbs"."""
    head = _Head(None, None, pos, [])
    vague = _VAGUE.match(line, pos)
    if vague:
        head.sizes.append(vague.group().strip())
        pos = head.cursor = vague.end()
    modifiers = _MODIFIERS.match(line, pos)
    unit_pos = modifiers.end() if modifiers else pos
    unit = _read_unit(line, unit_pos, glued=False)
    if unit is not None and unit.unit not in _UNCOUNTED_UNITS and line[unit.end :].strip():
        unit = None
    if unit is not None:
        if modifiers:
            head.sizes.append(" ".join(modifiers.group(1).split()))
        head.unit, head.cursor = unit, unit.end
    return head


def _read_measures(line: str, head: _Head) -> None:
    """After amount and unit: a second part ("1 lb 2 oz"), the author's second measure
    ("(120 ml)", "/5½oz"), a container after a measure ("14 oz can"), "of", and a measure in
    parentheses later in the line ("(about 4 bunches)", "(1 pound each)")."""
    if head.amount is not None and head.unit is not None:
        combined = _read_compound(line, head.amount, head.unit)
        if combined is not None:
            head.amount, head.unit = combined
            head.cursor = head.unit.end
        head.second = _read_alternative(line, head.cursor)
        if head.second is not None:
            head.cursor = head.second.span[1]
        container = re.match(r"\s+([^\W\d_]+)\b", line[head.cursor :])
        if (
            container
            and is_measurable(head.unit.unit)
            and lookup_unit(container.group(1)) in _CONTAINERS
        ):
            head.size_text = container.group(1)
            head.cursor += container.end()
    head.cursor = _skip_of(line, head.cursor)
    if head.amount is not None and head.second is None:
        later = _later_measure(line, head.cursor)
        if later is not None and later.is_size:
            start, end = later.second.amount.start, later.second.unit.end
            head.size_text = head.size_text or line[start:end].strip()
        elif later is not None:
            head.second = later.second


@dataclass(frozen=True, slots=True)
class _Named:
    """The words after the amounts: the name, its notes, and size words found in it."""

    name: str
    notes: list[str]
    sizes: list[str]
    unit: Token | None


def _read_name(line: str, head: _Head, prefix: str, lead: str) -> _Named:
    """Name and notes from the rest of the line; a unit written after the name ("3 Garlic
    cloves"); a label ("Sauce: 1 cup") or a leading phrase ("Juice of") as a note."""
    name, notes = _split_name_note(line[head.cursor :])
    name, leading_sizes, preps = _peel_name(name)
    unit = head.unit
    if unit is None and (head.amount is not None or head.sizes or leading_sizes):
        name, unit = _trailing_unit(name, head.cursor, line)
    if prefix:
        if name:
            notes.insert(0, prefix)
        else:
            name = prefix
    if lead:
        notes.insert(0, lead)
    return _Named(name, preps + notes, leading_sizes, unit)


def _read_from(
    text: str,
    line: str,
    pos: int,
    amount: Amount | None,
    is_article: bool,
    prefix: str,
    lead: str = "",
    qualifier: str = "",
) -> Reading:
    """The line after any label: the head (amount, unit, sizes), its measures, then the
    name and notes, put together as an Ingredient and the places of its numbers."""
    if amount is not None:
        head = _read_counted(line, amount, is_article, pos)
    else:
        head = _read_uncounted(line, pos)
    if qualifier:
        head.sizes.insert(0, qualifier)
    _read_measures(line, head)
    named = _read_name(line, head, prefix, lead)
    name = named.name
    understood = bool(name) and any(char.isalpha() for char in name)
    if head.amount is None and named.unit is None and name[:1].isdigit():
        understood = False
    second = head.second
    ingredient = Ingredient(
        text=text,
        quantity=head.amount.low if head.amount else None,
        quantity_max=head.amount.high if head.amount else None,
        unit=named.unit.unit if named.unit else None,
        name=name,
        note=", ".join(named.notes),
        alternative=second.measure if second else None,
        understood=understood,
        size=" ".join(part for part in (*head.sizes, *named.sizes, head.size_text) if part),
    )
    if second is None:
        return Reading(ingredient, head.amount, named.unit)
    return Reading(ingredient, head.amount, named.unit, second.amount, second.unit, second.span)


_PAREN_MEASURE = re.compile(r"\(\s*(?:about|approx\.?|approximately|~|roughly)?\s*")
_EACH = re.compile(r"\s*(?:(each)|total|in total)?\s*\)")


@dataclass(frozen=True, slots=True)
class LaterMeasure:
    """A measure alone in parentheses later in the line; `is_size` when it says "each"."""

    second: SecondMeasure
    is_size: bool


def _later_measure(line: str, pos: int) -> LaterMeasure | None:
    """A measure alone in parentheses later in the line: "(about 4 bunches)", "(1 pound each)",
    "(about 1 1/2 pounds total)". A size ("each") never scales.
    """
    for match in re.finditer(r"\(", line[pos:]):
        start = pos + match.start()
        measure = _read_measure(line, _always(_PAREN_MEASURE, line, start))
        if measure is None:
            continue
        amount, unit = measure
        close = _EACH.match(line, unit.end)
        if close is None:
            continue
        span_start = start
        while span_start > pos and line[span_start - 1].isspace():
            span_start -= 1
        found = Measure(amount.low, amount.high, unit.unit)
        second = SecondMeasure(amount, unit, found, (span_start, close.end()))
        return LaterMeasure(second, bool(close.group(1)))
    return None


def _read_size(line: str, pos: int) -> tuple[str, int] | None:
    """A pack or piece size between a count and the rest: "(14 oz)", "14-oz.", "1-inch"."""
    paren = re.match(r"\(\s*", line[pos:])
    start = pos + paren.end() if paren else pos
    measure = _read_measure(line, start)
    if measure is None:
        return None
    amount, unit = measure
    if not is_measurable(unit.unit):
        return None
    end = unit.end
    if paren:
        close = re.match(r"\s*\)", line[end:])
        if close is None:
            return None
        return line[start:end], end + close.end()
    size_end = unit.end
    joined = re.match(r"-[^\W\d_]+", line[end:]) if line[unit.start - 1] == "-" else None
    if joined:
        # "1-inch-thick": the word after the unit says which way the size runs.
        size_end = end = end + joined.end()
    alternative = _read_alternative(line, end)
    if alternative is not None:
        size_end = end = alternative.span[1]
    close = re.match(r"\s*\)", line[end:])
    if close:
        end += close.end()
    return line[amount.start : size_end].strip(), end


@lru_cache(maxsize=8192)
def read_line(text: str) -> Reading:
    """Read a line with the positions of its amounts (cached: recipes re-read the same lines)."""
    try:
        return _read(text)
    except (ValueError, ZeroDivisionError, OverflowError, IndexError, AttributeError):
        return Reading(Ingredient(text=text, name=text.strip(), understood=False))


def parse_ingredient(text: str) -> Ingredient:
    """Read a line; never raises. A line it can't read comes back as a name-only ingredient."""
    if not isinstance(text, str):
        text = str(text)
    return read_line(text).ingredient
