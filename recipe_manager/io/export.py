"""Writing recipes in one of the export formats, atomically (a temporary file renamed)."""

from __future__ import annotations

import json
from pathlib import Path

from ..atomic_file import replace_file
from ..domain import Recipe
from .cooklang import cooklang_text
from .jsonld import recipe_to_schema
from .markdown import markdown_text
from .native import native_text
from .paprika import paprika_bytes

EXPORT_FORMATS = {
    "jsonld": ".jsonld",
    "json": ".json",
    "markdown": ".md",
    "cooklang": ".cook",
    "paprika": ".paprikarecipes",
}


def suffix_for(format: str) -> str:
    return EXPORT_FORMATS[_checked(format)]


def export_recipes(recipes: list[Recipe], path: str | Path, format: str) -> None:
    """Write `recipes` to `path` as `format` (one of EXPORT_FORMATS).

    Cooklang holds one recipe per file: with several, the first goes to `path` and each
    other to a file beside it named after its title.
    """
    path = Path(path)
    recipes = list(recipes)
    match _checked(format):
        case "json":
            _write(path, native_text(recipes).encode("utf-8"))
        case "jsonld":
            nodes = [recipe_to_schema(recipe) for recipe in recipes]
            document = nodes[0] if len(nodes) == 1 else nodes
            _write(path, (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode())
        case "markdown":
            _write(path, markdown_text(recipes).encode("utf-8"))
        case "paprika":
            _write(path, paprika_bytes(recipes))
        case "cooklang":
            for index, recipe in enumerate(recipes):
                target = path if index == 0 else _beside(path, recipe.title, index)
                _write(target, cooklang_text(recipe).encode("utf-8"))


def _checked(format: str) -> str:
    if format not in EXPORT_FORMATS:
        raise ValueError(
            f"unknown export format {format!r}; use one of {', '.join(EXPORT_FORMATS)}"
        )
    return format


def _beside(path: Path, title: str, index: int) -> Path:
    safe = "".join(c if c.isalnum() or c in " -_" else " " for c in title).strip()[:60]
    return path.with_name(f"{safe or 'Recipe'} {index + 1}{path.suffix or '.cook'}")


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_file(path, (data,))
