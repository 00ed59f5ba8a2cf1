"""How much of anything the app takes in: one table of limits, and the check that applies them.

Every way text reaches the library (the editor, each importer, another computer's file in a
synced folder) passes through `check_recipe` before it is stored, so that one hostile or
broken source can neither freeze the window nor make every later save fail. The limits are
generous: a real recipe is a few kilobytes, the longest real pages hold a few hundred lines.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Recipe

#: A file the app reads whole: a library file, an imported file, a fetched page.
MAX_FILE_BYTES = 32 * 1024 * 1024
#: Recipes one import may bring in.
MAX_RECIPES_PER_IMPORT = 2_000
#: Ingredient lines plus steps, over all parts of one recipe.
MAX_LINES_PER_RECIPE = 10_000
#: Characters in one title, line, step, note or tag.
MAX_FIELD_CHARS = 20_000
#: Characters of a whole recipe's text (all fields together).
MAX_RECIPE_CHARS = 1_000_000
#: Parts (components) of one recipe.
MAX_COMPONENTS = 200
#: The largest number of servings, minutes or batches the app stores or shows.
MAX_WHOLE_NUMBER = 100_000
#: JSON nesting any reader accepts before calling a document damaged.
MAX_JSON_DEPTH = 64


class LimitError(ValueError):
    """A recipe or file beyond what the app takes in; the message says which limit and where."""


@dataclass(frozen=True, slots=True)
class Limit:
    """One limit as the README and the messages name it."""

    name: str
    value: int
    unit: str


LIMITS: tuple[Limit, ...] = (
    Limit("file size read", MAX_FILE_BYTES, "bytes"),
    Limit("recipes per import", MAX_RECIPES_PER_IMPORT, "recipes"),
    Limit("lines per recipe", MAX_LINES_PER_RECIPE, "lines"),
    Limit("characters per field", MAX_FIELD_CHARS, "characters"),
    Limit("characters per recipe", MAX_RECIPE_CHARS, "characters"),
    Limit("parts per recipe", MAX_COMPONENTS, "parts"),
    Limit("servings or minutes", MAX_WHOLE_NUMBER, ""),
)


def check_recipe(recipe: Recipe, *, check_json: bool = True) -> None:
    """Raise LimitError if `recipe` is beyond the limits or could not be saved back as JSON.

    Checks what would make a later save fail (numbers JSON cannot hold, lone surrogates) as
    well as sizes, so that a recipe that passes can always be written. `check_json=False`
    leaves out the trial JSON encoding, for a caller (the library's save) that encodes the
    recipe with the same strict encoder next and refuses it there.
    """
    title = recipe.title[:60] or "(untitled)"
    where = f"recipe {title!r}"
    check_document(recipe.to_dict(), where, check_json=check_json)
    components = recipe.components
    if len(components) > MAX_COMPONENTS:
        raise LimitError(f"{where} has {len(components):,} parts; at most {MAX_COMPONENTS:,}")
    lines = sum(len(c.ingredients) + len(c.steps) for c in components)
    if lines > MAX_LINES_PER_RECIPE:
        raise LimitError(
            f"{where} has {lines:,} ingredient lines and steps; at most {MAX_LINES_PER_RECIPE:,}"
        )


def field_problems(recipe: Recipe) -> list[str]:
    """Each limit `recipe` breaks, naming the field as the editor does ("Ingredient line
    12 has 25,000 characters; at most 20,000."), so the cook knows what to shorten."""
    problems: list[str] = []

    def field(name: str, text: str) -> None:
        if len(text) > MAX_FIELD_CHARS:
            problems.append(f"{name} has {len(text):,} characters; at most {MAX_FIELD_CHARS:,}.")

    for name, text in (
        ("The title", recipe.title),
        ("The summary", recipe.summary),
        ("The yield", recipe.yield_text),
        ("The category", recipe.category),
        ("The cuisine", recipe.cuisine),
        ("The method", recipe.method),
        ("The source", recipe.source),
    ):
        field(name, text)
    for number, tag in enumerate(recipe.tags, start=1):
        field(f"Tag {number}", tag)
    for number, note in enumerate(recipe.notes, start=1):
        field(f"Note {number}", note)
    line = step = 0
    for component in recipe.components:
        field(f"The part title “{component.title[:40]}”", component.title)
        for ingredient in component.ingredients:
            line += 1
            field(f"Ingredient line {line}", ingredient.text)
        for text in component.steps:
            step += 1
            field(f"Step {step}", text)
    if line + step > MAX_LINES_PER_RECIPE:
        problems.append(
            f"The recipe has {line + step:,} ingredient lines and steps; "
            f"at most {MAX_LINES_PER_RECIPE:,}."
        )
    if len(recipe.components) > MAX_COMPONENTS:
        problems.append(
            f"The recipe has {len(recipe.components):,} parts; at most {MAX_COMPONENTS:,}."
        )
    if not problems:
        try:
            check_recipe(recipe)
        except LimitError as error:
            problems.append(f"{str(error)[:1].upper()}{str(error)[1:]}.")
    return problems


def check_document(document: Any, where: str, *, check_json: bool = True) -> None:
    """Raise LimitError if a plain-data document breaks a limit or cannot be stored as JSON
    (that last left to the caller with `check_json=False`: see `check_recipe`)."""
    total = _walk(document, where, 0)
    if total > MAX_RECIPE_CHARS:
        raise LimitError(f"{where} holds {total:,} characters; at most {MAX_RECIPE_CHARS:,}")
    if not check_json:
        return
    try:
        json.dumps(document, allow_nan=False, ensure_ascii=False).encode("utf-8")
    except (ValueError, TypeError, UnicodeError) as error:
        raise LimitError(f"{where} cannot be stored: {error}") from None


def _walk(value: Any, where: str, depth: int) -> int:
    """Check every leaf; return the number of characters of text seen.

    Lists and dicts of plain strings (most of a recipe) are checked in one loop here rather
    than one call per string; anything else, and anything near the depth limit, goes
    through `_walk_any`, in the same order, with the same messages."""
    kind = type(value)
    if depth >= MAX_JSON_DEPTH or (kind is not list and kind is not dict):
        return _walk_any(value, where, depth)
    total = 0
    items = value if kind is list else value.values()
    for part in (items, ()) if kind is list else (items, value):
        for item in part:
            if type(item) is str:
                length = len(item)
                if length > MAX_FIELD_CHARS:
                    raise LimitError(
                        f"{where} has a field of {length:,} characters; at most {MAX_FIELD_CHARS:,}"
                    )
                total += length
            else:
                total += _walk(item, where, depth + 1)
    return total


def _walk_any(value: Any, where: str, depth: int) -> int:
    """`_walk` for any one value, checked by its kind."""
    if depth > MAX_JSON_DEPTH:
        raise LimitError(f"{where} is nested more than {MAX_JSON_DEPTH} deep")
    if isinstance(value, str):
        if len(value) > MAX_FIELD_CHARS:
            raise LimitError(
                f"{where} has a field of {len(value):,} characters; at most {MAX_FIELD_CHARS:,}"
            )
        return len(value)
    if isinstance(value, bool) or value is None:
        return 0
    if isinstance(value, int):
        if abs(value) > MAX_WHOLE_NUMBER:
            raise LimitError(
                f"{where} has the number {_short(value)}; at most {MAX_WHOLE_NUMBER:,}"
            )
        return 0
    if isinstance(value, float):
        if not math.isfinite(value) or abs(value) > MAX_WHOLE_NUMBER:
            raise LimitError(f"{where} has the number {value!r}; at most {MAX_WHOLE_NUMBER:,}")
        return 0
    if isinstance(value, list):
        return sum(_walk(item, where, depth + 1) for item in value)
    if isinstance(value, dict):
        return sum(_walk(item, where, depth + 1) for item in value.values()) + sum(
            _walk(key, where, depth + 1) for key in value
        )
    raise LimitError(f"{where} holds a {type(value).__name__}, which a recipe cannot hold")


def _short(number: int) -> str:
    """A huge int shortened for a message (str() of a 5,000-digit int raises)."""
    if number.bit_length() > 64:
        return f"of {number.bit_length():,} bits"
    return f"{number:,}"
