"""Choosing the reader for a file: by suffix first, then by sniffing the content."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..domain import Recipe
from ..domain.limits import (
    MAX_FILE_BYTES,
    MAX_LINES_PER_RECIPE,
    MAX_RECIPE_CHARS,
    MAX_RECIPES_PER_IMPORT,
    LimitError,
    check_recipe,
)
from .cooklang import recipe_from_cooklang
from .errors import RecipeImportError
from .html_page import recipes_from_html
from .jsonld import find_recipe_nodes, recipe_from_schema
from .markdown import is_our_markdown, recipes_from_markdown
from .native import is_native, recipes_from_native
from .paprika import recipes_from_paprika
from .plain_text import recipes_from_text
from .safe_read import decode_text, load_json, read_limited
from .text_clean import strip_markup

IMPORT_SUFFIXES = (
    ".html", ".htm", ".xhtml", ".json", ".jsonld", ".paprikarecipes", ".paprikarecipe",
    ".cook", ".txt", ".text", ".md", ".markdown",
)  # fmt: skip

# A zip's first local file header, or the end record alone for an empty zip: "PK" by
# itself also starts text ("PK chicken curry").
_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")


def import_file(path: str | Path) -> list[Recipe]:
    """Every recipe in the file; raises RecipeImportError naming the file when it can't.

    What comes back has passed the limits (`domain.limits.check_recipe`), so the library
    can store it and the window show it.
    """
    path = Path(path)
    with _as_import_error(path):
        return checked(_read_file(path), path)


def checked(recipes: list[Recipe], source: str | Path) -> list[Recipe]:
    """The recipes, if they are within the limits; else RecipeImportError naming the recipe."""
    if len(recipes) > MAX_RECIPES_PER_IMPORT:
        raise RecipeImportError(
            source,
            f"it holds {len(recipes):,} recipes; one import takes at most "
            f"{MAX_RECIPES_PER_IMPORT:,}",
        )
    for recipe in recipes:
        try:
            check_recipe(recipe)
        except LimitError as error:
            raise RecipeImportError(source, str(error)) from None
    return recipes


def _read_file(path: Path) -> list[Recipe]:
    suffix = path.suffix.lower()
    if suffix in {".paprikarecipes", ".paprikarecipe"}:
        return _non_empty(_stripped(recipes_from_paprika(read_limited(path), path)), path)
    data = read_limited(path)
    if data.startswith(_ZIP_SIGNATURES):
        return _non_empty(_stripped(recipes_from_paprika(data, path)), path)
    text = decode_text(data, path, allow_cp1252=suffix in {".txt", ".text", ""})
    if suffix == ".cook":
        _check_one_recipe_text(text, path)
        return _non_empty(_stripped([recipe_from_cooklang(text, path.stem)]), path)
    if suffix in {".json", ".jsonld"}:
        return recipes_from_json_text(text, path)
    return _read_text(text, path, markdown=suffix in {".md", ".markdown"})


def _stripped(recipes: list[Recipe]) -> list[Recipe]:
    """Tags and entities out of readers whose source is not HTML (see strip_markup)."""
    return [strip_markup(recipe) for recipe in recipes]


def _check_one_recipe_text(text: str, source: str | Path) -> None:
    """Refuse, before reading it line by line, text too long to be one recipe."""
    limit = 2 * MAX_RECIPE_CHARS
    if len(text) > limit or text.count("\n") > 3 * MAX_LINES_PER_RECIPE:
        raise RecipeImportError(
            source,
            f"the text is too long for one recipe (at most {limit:,} characters and "
            f"{3 * MAX_LINES_PER_RECIPE:,} lines)",
        )


def import_text(
    text: str, source: str | Path = "pasted text", *, markdown: bool = False
) -> list[Recipe]:
    """Recipes from text of any supported kind: a page's HTML, JSON, or a pasted blog post."""
    if len(text) > MAX_FILE_BYTES:
        raise RecipeImportError(
            source, f"the text is {len(text):,} characters; at most {MAX_FILE_BYTES:,} are read"
        )
    with _as_import_error(source):
        return checked(_read_text(text, source, markdown=markdown), source)


def _read_text(text: str, source: str | Path, *, markdown: bool) -> list[Recipe]:
    head = text.lstrip()[:1000].lower()
    if head.startswith(("{", "[")):
        return recipes_from_json_text(text, source)
    # A page saved with a stray quote before its markup ("<!DOCTYPE html>… is still a page.
    head = head.lstrip("\"'")
    if (
        head.startswith(("<!doctype html", "<html", "<?xml"))
        or "<body" in head
        or (head.startswith("<") and ("<div" in head or "<script" in head or "<meta" in head))
    ):
        return recipes_from_html(text, source)
    if markdown and is_our_markdown(text):
        return _non_empty(_stripped(recipes_from_markdown(text)), source)
    _check_one_recipe_text(text, source)
    return _non_empty(_stripped(recipes_from_text(text, markdown=markdown)), source)


@contextmanager
def _as_import_error(source: str | Path) -> Iterator[None]:
    """The last guard: what a reader let through still reaches callers as the one exception.

    Readers refuse bad input where they find it; these are the errors Python raises on
    input no reader foresaw (an int() of odd digits, a float overflow, a zip feature
    zipfile lacks, nesting too deep). RuntimeError covers NotImplementedError and
    RecursionError. Anything else is a bug, and is left to show as one.
    """
    try:
        yield
    except RecipeImportError:
        raise
    except (ValueError, OverflowError, RuntimeError) as error:
        raise RecipeImportError(source, f"the file can't be read ({error})") from error


def recipes_from_json_text(text: str, source: str | Path) -> list[Recipe]:
    data = load_json(text, source)
    if is_native(data):
        return _non_empty(_stripped(recipes_from_native(data, source)), source)
    nodes = find_recipe_nodes(data)
    if not nodes:
        raise RecipeImportError(
            source, "this JSON holds no schema.org Recipe and is not our export"
        )
    return _non_empty([recipe_from_schema(node) for node in nodes], source)


def _non_empty(recipes: list[Recipe], source: str | Path) -> list[Recipe]:
    found = [r for r in recipes if r.title or any(c.ingredients or c.steps for c in r.components)]
    if not found:
        raise RecipeImportError(source, "no recipe found")
    return found
