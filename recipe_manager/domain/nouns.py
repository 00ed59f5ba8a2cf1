"""Nouns a count changes: singular and plural of kitchen nouns, and what kind of thing a name is.

The rules live here; the word lists they go by are data in `nouns_en`. The formatter asks
for a counted noun's form ("1 egg", "2 eggs"), the shopping list for a singular to match
names by, the grid whether a thing is whole (an egg is never shown in thirds) and whether
it is a liquid (an ounce of rum is a fluid ounce).
"""

from __future__ import annotations

import re

from .nouns_en import (
    COUNTED_NOUNS,
    LIQUIDS,
    NOT_ENGLISH_LETTERS,
    NOT_ENGLISH_SMALL_WORDS,
    NOT_ENGLISH_WORDS,
    PHRASE_STARTS,
    PLURALS,
    SINGULARS,
    UNCHANGING,
    WHOLE_THINGS,
)

_WORD = re.compile(r"[^\W\d_]+")


def _singular_words(name: str) -> list[str]:
    return [singularize(word) or word for word in _WORD.findall(name.casefold())]


def is_whole_thing(name: str) -> bool:
    """Whether a counted name is a thing that is not cut for a recipe (eggs, chillies, cloves):
    its head word, or its last two words ("bay leaves"), is in the list."""
    words = _singular_words(re.split(r"(?i),|\bor\b|\band\b", name, maxsplit=1)[0])
    if not words or "dozen" in words:
        return False
    pairs = {" ".join(words[index : index + 2]) for index in range(len(words) - 1)}
    return any(word in WHOLE_THINGS for word in words) or bool(pairs & WHOLE_THINGS)


def is_counted_noun(word: str) -> bool:
    """Whether a word is a known English kitchen noun, singular or plural ("egg", "Eggs")."""
    lower = word.lower()
    return lower in COUNTED_NOUNS or (singularize(lower) or "") in COUNTED_NOUNS


def is_liquid(name: str) -> bool:
    """Whether a name is a liquid (any of its words is: "dark rum", "chicken stock")."""
    words = _singular_words(name)
    pairs = {" ".join(words[index : index + 2]) for index in range(len(words) - 1)}
    return any(word in LIQUIDS for word in words) or bool(pairs & LIQUIDS)


def inflect_noun(word: str, plural: bool) -> str:
    """A counted noun made singular or plural ("eggs" → "egg", "Cherry" → "Cherries").

    The word comes back unchanged unless this is sure of it: a plural is made only for a
    known kitchen noun, a singular only from the ending a plural has ("hummus" and "Eier"
    stay). Only the last part of a hyphenated word changes.
    """
    lower = word.lower()
    start = lower.rfind("-") + 1
    last = lower[start:]
    if last in UNCHANGING or len(lower) != len(word):
        # (A word whose lower case is longer, "İ", would misplace the ending.)
        return word
    changed = _pluralize(last) if plural else singularize(last)
    if changed is None:
        return word
    # The letters both forms share keep the author's case ("Leaves" → "Leaf").
    kept = 0
    while kept < min(len(last), len(changed)) and last[kept] == changed[kept]:
        kept += 1
    ending = changed[kept:]
    return word[: start + kept] + (ending.upper() if word.isupper() else ending)


def _pluralize(word: str) -> str | None:
    if word not in COUNTED_NOUNS:
        return None
    if word in PLURALS:
        return PLURALS[word]
    if word.endswith(("ch", "sh", "x", "ss")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def singularize(word: str) -> str | None:
    """The singular of a lower-case plural noun, or None when the word shows no plural ending
    (the shopping list matches names with it too)."""
    if word in SINGULARS:
        return SINGULARS[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("oes", "ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us")):
        return word[:-1]
    return None


_SCRIPT_WORD = re.compile(r"[^\W\d_]+")


def is_english_line(text: str) -> bool:
    """Whether a line reads as English, guessed from its own words (no page language needed).

    English inflection ("2 chillies"), "a pinch of" and "a generous" are put only into
    English lines; a line in another language keeps the author's words as written. A line
    is not English when it has a letter English never uses (ø, ä, ß, ő...), a letter of a
    non-Latin script, one word of another language's recipe vocabulary (ts, msk, EL, und,
    cucharada), or two of their small words ("de", "la", "y"). A line with no such sign is
    English: the risk taken is an English plural on a foreign word the list knows, which the
    word list keeps small.
    """
    lower = text.casefold()
    small = 0
    for word in _SCRIPT_WORD.findall(lower):
        if any(
            char in NOT_ENGLISH_LETTERS or (not char.isascii() and _non_latin(char))
            for char in word
        ):
            return False
        if word in NOT_ENGLISH_WORDS:
            return False
        small += word in NOT_ENGLISH_SMALL_WORDS
        if small >= 2:
            return False
    return True


def _non_latin(char: str) -> bool:
    """A letter outside the Latin script (Latin letters with accents are below U+0250); a
    fraction glyph ("⅓") is no letter."""
    return char.isalpha() and ord(char) >= 0x250 and not 0x1E00 <= ord(char) <= 0x1EFF


# "red", "seed", "need": short words in -ed that are no past participle.
_NOT_PARTICIPLES = frozenset({"red", "seed", "bed", "shed", "feed", "speed", "breed"})


def starts_phrase(word: str) -> bool:
    """Whether a word after a counted noun starts a phrase about it rather than naming it
    further ("onion | cut into pieces", "lemon | zested", but "orange bell pepper"): a
    preposition or verb of preparation from the list, or a past participle or adverb by its
    ending (-ed, -ly)."""
    lower = word.casefold().strip(",;:.()")
    if lower in PHRASE_STARTS:
        return True
    if lower in _NOT_PARTICIPLES or len(lower) < 4:
        return False
    return lower.endswith(("ed", "ly"))
