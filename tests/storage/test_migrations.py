"""Schema upgrades: a table of steps from every older version, a backup before any upgrade."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from storage_helpers import read_json

from recipe_manager.domain import SCHEMA_VERSION
from recipe_manager.storage import RecipeLibrary, list_backups, open_library_safely
from recipe_manager.storage.schema import MIGRATIONS, migrate

# What `TinyDB("recipes.json").insert(...)` writes with TinyDB's defaults (schema 0).
VERSION_0 = {
    "_default": {
        "1": {
            "title": "Grandma's Scones",
            "servings": 8,
            "ingredients": [
                "450 g self-raising flour",
                {"text": "2 eggs", "quantity": 2, "name": "eggs"},
                {"quantity": "1", "unit": "tsp", "name": "baking powder"},
            ],
            "steps": ["Rub in the butter.", "Bake at 220°C for 12 minutes."],
            "notes": "Best warm.",
            "rating": 5,
        },
        "2": {
            "title": "Soup",
            "components": [
                {"title": "", "ingredients": [{"text": "1 onion"}], "steps": ["Simmer."]}
            ],
        },
    }
}


def write(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_every_older_version_has_a_step() -> None:
    assert set(MIGRATIONS) == set(range(SCHEMA_VERSION))


def test_a_version_0_library_opens_upgraded(library_path: Path) -> None:
    write(library_path, VERSION_0)
    library = RecipeLibrary(library_path)
    assert library.migrated_from == 0
    scones, soup = sorted(library.recipes(), key=lambda recipe: recipe.title)
    assert scones.title == "Grandma's Scones" and scones.servings == 8
    (main,) = scones.components
    assert [i.text for i in main.ingredients] == [
        "450 g self-raising flour",
        "2 eggs",
        "1 tsp baking powder",
    ]
    assert main.steps == ["Rub in the butter.", "Bake at 220°C for 12 minutes."]
    assert scones.notes == ["Best warm."]
    assert [i.text for i in soup.components[0].ingredients] == ["1 onion"]
    on_disk = read_json(library_path)
    assert on_disk["meta"]["1"]["schema"] == SCHEMA_VERSION
    assert "_default" not in on_disk
    assert on_disk["recipes"]["1"]["rating"] == 5  # fields it does not know are kept
    assert RecipeLibrary(library_path).migrated_from is None


def test_the_upgrade_keeps_a_backup_of_the_file_as_it_was(library_path: Path) -> None:
    write(library_path, VERSION_0)
    original = library_path.read_bytes()
    RecipeLibrary(library_path, backups=0)
    (backup,) = list_backups(library_path)
    assert backup.reason == "migration" and backup.recipe_count == 2
    assert backup.path.read_bytes() == original


def test_upgraded_ids_are_the_same_on_every_computer(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "recipes.json", tmp_path / "b" / "recipes.json"
    write(first, VERSION_0)
    write(second, VERSION_0)
    ids = [{r.id for r in RecipeLibrary(path).recipes()} for path in (first, second)]
    assert ids[0] == ids[1] and len(ids[0]) == 2


def test_an_empty_version_0_file_is_an_empty_library(library_path: Path) -> None:
    for content in ({}, {"_default": {}}):
        write(library_path, content)
        assert len(RecipeLibrary(library_path)) == 0


def test_a_read_only_window_upgrades_in_memory_only(library_path: Path) -> None:
    write(library_path, VERSION_0)
    before = library_path.read_bytes()
    library = RecipeLibrary(library_path, read_only=True)
    assert len(library) == 2
    assert library_path.read_bytes() == before


def test_a_version_0_file_that_cannot_be_upgraded_is_set_aside(library_path: Path) -> None:
    write(library_path, {"_default": {"1": "not a recipe"}})
    result = open_library_safely(library_path)
    assert "could not be upgraded from schema 0" in result.problem
    assert result.moved_aside is not None


def test_migrate_walks_every_step(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a pretend version 3, a version-0 file passes through 0→1→2→3 in order."""
    steps = []
    chain = {
        0: MIGRATIONS[0],
        1: lambda data: steps.append(1) or _bump(data, 2),
        2: lambda data: steps.append(2) or _bump(data, 3),
    }
    monkeypatch.setattr("recipe_manager.storage.schema.SCHEMA_VERSION", 3)
    monkeypatch.setattr("recipe_manager.storage.schema.MIGRATIONS", chain)
    data, found = migrate(VERSION_0, Path("recipes.json"))
    assert found == 0 and steps == [1, 2]
    assert data["meta"]["1"]["schema"] == 3


def _bump(data: dict, version: int) -> dict:
    return {**data, "meta": {"1": {**data["meta"]["1"], "schema": version}}}
