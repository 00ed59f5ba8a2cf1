"""Nouns a count changes: singular and plural of kitchen nouns, and what kind of thing a name is.

The rules live here; the word lists they go by are data in `nouns_en`. The formatter asks
for a counted noun's form ("1 egg", "2 eggs"), the shopping list for a singular to match
names by, the grid whether a thing is whole (an egg is never shown in thirds) and whether
it is a liquid (an ounce of rum is a fluid ounce).
"""

from __future__ import annotations

import re

from .nouns_en import COUNTED_NOUNS, LIQUIDS, PLURALS, SINGULARS, UNCHANGING, WHOLE_THINGS

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
