"""Our own lossless JSON: `{"format": "recipe-manager", "schema": 1, "recipes": [...]}`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..domain import SCHEMA_VERSION, Recipe, RecipeFormatError
from .errors import RecipeImportError

FORMAT_NAME = "recipe-manager"


def is_native(data: Any) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT_NAME


def recipes_from_native(data: dict[str, Any], source: str | Path) -> list[Recipe]:
    schema = data.get("schema")
    if not isinstance(schema, int) or schema > SCHEMA_VERSION:
        raise RecipeImportError(
            source, f"made by a newer version of the app (schema {schema!r}); please update"
        )
    items = data.get("recipes")
    if not isinstance(items, list):
        raise RecipeImportError(source, "'recipes' must be a list")
    recipes = []
    for index, item in enumerate(items, start=1):
        try:
            recipes.append(Recipe.from_dict(item))
        except RecipeFormatError as error:
            raise RecipeImportError(source, f"recipe {index}: {error}") from None
    return recipes


def native_text(recipes: list[Recipe]) -> str:
    document = {
        "format": FORMAT_NAME,
        "schema": SCHEMA_VERSION,
        "recipes": [recipe.to_dict() for recipe in recipes],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
