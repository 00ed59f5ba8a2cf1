"""Helpers for the storage tests: recipes, and files changed the way other programs do."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from recipe_manager.domain import Component, Recipe, parse_ingredient


def make_recipe(title: str = "Pork Belly", **changes: Any) -> Recipe:
    recipe = Recipe(
        title=title,
        servings=4,
        components=[
            Component(
                ingredients=[parse_ingredient("1 kg pork belly"), parse_ingredient("salt")],
                steps=["Roast at 180°C for 2 hours."],
            )
        ],
    )
    return recipe.copy(**changes) if changes else recipe


def read_json(path: Path) -> Any:
    return json.loads(path.read_bytes())


def replace_like_a_sync_tool(path: Path, data: Any) -> None:
    """Write a whole new file beside the library and rename it over, as Syncthing does."""
    temp = path.with_name(f".syncthing.{path.name}.tmp")
    temp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(temp, path)


def titles(recipes: list[Recipe]) -> set[str]:
    return {recipe.title for recipe in recipes}
