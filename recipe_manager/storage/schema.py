"""The 0.1 library file's layout, its version, and the upgrades from older ones: used only
to move a 0.1 file in (`legacy`); today's library is a folder (`library`).

Version 1 (0.1): `{"meta": {"1": {"revision": ..., "schema": 1, "app": "recipe-manager"}},
"recipes": {"<doc id>": recipe dict with its own "id"}}`.

Version 0 never shipped: it is what a build using TinyDB's defaults would have written with
`TinyDB("recipes.json").insert(recipe)`, and what hand-made or early-exported files look
like. Recipes sit in TinyDB's `_default` table; there is no `meta` table, so no version;
a recipe has no `id` (TinyDB's document number was its only key) and no `schema`; its
ingredient lines and steps may sit at the top level instead of in `components`; an
ingredient may be an object (`{"text": "2 eggs", "quantity": 2, ...}`) rather than its
line; `notes` may be one string. Upgrading keeps every field it does not understand.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..domain import SCHEMA_VERSION
from .errors import LibraryCorruptError, LibraryTooNewError

META_TABLE = "meta"
META_DOC = "1"
RECIPES_TABLE = "recipes"
LEGACY_TABLE = "_default"
APP_NAME = "recipe-manager"
# Ids for upgraded version-0 recipes are derived, not random: two computers upgrading the
# same synced file give each recipe the same id, so merging their copies adds no twins.
_V0_ID_NAMESPACE = uuid.UUID("5b7d4b52-6a4e-4c55-9f0e-7d0f9a0c1e21")

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def library_version(data: dict[str, Any], path: Path) -> int:
    """The schema version a parsed file declares; refuses one newer than this app."""
    meta = data.get(META_TABLE)
    if meta is None:
        if set(data) <= {LEGACY_TABLE}:
            return 0
        raise LibraryCorruptError(path, "it is not a recipe library (no schema version)")
    info = meta.get(META_DOC)
    schema = info.get("schema") if isinstance(info, dict) else None
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise LibraryCorruptError(path, "it is not a recipe library (no schema version)")
    if schema > SCHEMA_VERSION:
        raise LibraryTooNewError(
            path,
            f"it was written by a newer version of the app (schema {schema}, "
            f"this one reads up to {SCHEMA_VERSION})",
        )
    return schema


def _v0_to_v1(data: dict[str, Any]) -> dict[str, Any]:
    recipes = {}
    for key, document in data.get(LEGACY_TABLE, {}).items():
        if not isinstance(document, dict):
            raise ValueError(f"record {key} is not a recipe")
        recipes[key] = _v0_recipe(key, document)
    return {META_TABLE: {META_DOC: _meta(1)}, RECIPES_TABLE: recipes}


def _v0_recipe(key: str, document: dict[str, Any]) -> dict[str, Any]:
    recipe = dict(document)
    flat_ingredients = recipe.pop("ingredients", None)
    flat_steps = recipe.pop("steps", None)
    components = recipe.get("components")
    if components is None:
        components = [
            {
                "title": "",
                "servings": None,
                "ingredients": flat_ingredients or [],
                "steps": flat_steps or [],
            }
        ]
    elif flat_ingredients or flat_steps:
        raise ValueError(f"record {key} has ingredients both inside and outside its components")
    recipe["components"] = [_v0_component(component) for component in components]
    if isinstance(recipe.get("notes"), str):
        recipe["notes"] = [recipe["notes"]] if recipe["notes"].strip() else []
    title = recipe.get("title") if isinstance(recipe.get("title"), str) else ""
    recipe["id"] = recipe.get("id") or uuid.uuid5(_V0_ID_NAMESPACE, f"{key}\n{title}").hex
    recipe["schema"] = 1
    return recipe


def _v0_component(component: Any) -> Any:
    if not isinstance(component, dict):
        return component
    lines = component.get("ingredients")
    if isinstance(lines, list):
        component = {**component, "ingredients": [_v0_ingredient_line(item) for item in lines]}
    return component


def _v0_ingredient_line(item: Any) -> Any:
    """An ingredient object becomes the line it was read from, or its parts in order."""
    if not isinstance(item, dict):
        return item
    if isinstance(item.get("text"), str):
        return item["text"]
    parts = (item.get(key) for key in ("quantity", "unit", "name", "note"))
    return " ".join(str(part) for part in parts if part not in (None, ""))


# Each entry upgrades a library from its key's version to the next one.
MIGRATIONS: dict[int, Migration] = {0: _v0_to_v1}


def migrate(data: dict[str, Any], path: Path) -> tuple[dict[str, Any], int]:
    """The data upgraded to this app's version, and the version it had."""
    found = library_version(data, path)
    version = found
    while version < SCHEMA_VERSION:
        try:
            data = MIGRATIONS[version](data)
        except (ValueError, TypeError, AttributeError) as error:
            raise LibraryCorruptError(
                path, f"it could not be upgraded from schema {version}: {error}"
            ) from error
        version += 1
    return data, found


def _meta(schema: int) -> dict[str, Any]:
    return {"schema": schema, "app": APP_NAME}
