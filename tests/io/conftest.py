"""Shared data for the import/export tests: the seed library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recipe_manager.domain import Recipe

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def seed_recipes() -> list[Recipe]:
    data = json.loads((REPO / "data" / "seed-recipes.json").read_text(encoding="utf-8"))
    return [Recipe.from_dict(item) for item in data["recipes"]]
