"""The library on disk: durable saves, reads from memory, and bad files never overwritten."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from storage_helpers import make_recipe

from recipe_manager.storage import (
    LibraryReadError,
    LibraryWriteError,
    RecipeLibrary,
    RecipeNotFoundError,
)


def test_a_missing_library_is_created_empty(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    assert library.recipes() == []
    assert library_path.exists()


def test_added_recipes_survive_reopening(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    first = library.add(make_recipe("One"))
    second, third = library.add_many([make_recipe("Two"), make_recipe("Three")])
    reopened = RecipeLibrary(library_path)
    assert {recipe.title for recipe in reopened.recipes()} == {"One", "Two", "Three"}
    assert reopened.get(first).title == "One"
    assert len({first, second, third}) == 3
    assert reopened.get(second).components == make_recipe().components


def test_update_and_delete_are_stored(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    recipe_id = library.add(make_recipe("Old"))
    recipe = library.get(recipe_id)
    recipe.title = "New"
    library.update(recipe)
    assert RecipeLibrary(library_path).get(recipe_id).title == "New"
    removed = library.delete(recipe_id)
    assert removed.title == "New"
    assert RecipeLibrary(library_path).recipes() == []
    with pytest.raises(RecipeNotFoundError):
        library.get(recipe_id)


def test_reads_come_from_memory_not_the_file(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    recipe_id = library.add(make_recipe())
    library_path.write_text("not json any more")
    assert library.get(recipe_id).title == "Pork Belly"


def test_recipes_handed_out_are_copies(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    recipe_id = library.add(make_recipe())
    library.get(recipe_id).components[0].steps.append("changed outside")
    assert library.get(recipe_id).components[0].steps == ["Roast at 180°C for 2 hours."]


def test_a_write_failing_half_way_leaves_the_old_file_intact(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = RecipeLibrary(library_path)
    kept_id = library.add(make_recipe("Kept"))
    before = library_path.read_bytes()

    def fail_replace(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail_replace)
    with pytest.raises(LibraryWriteError, match="No space left"):
        library.add(make_recipe("Lost"))
    monkeypatch.undo()

    assert library_path.read_bytes() == before
    assert [recipe.title for recipe in library.recipes()] == ["Kept"]
    # The session's backup of "Kept" may sit in backups/; no temporary file stays anywhere.
    assert {p.name for p in library_path.parent.iterdir()} <= {library_path.name, "backups"}
    assert not [p for p in library_path.parent.rglob("*") if p.name.endswith(".tmp")]
    library.add(make_recipe("Saved after the disk was fixed"))
    titles = {recipe.title for recipe in RecipeLibrary(library_path).recipes()}
    assert titles == {"Kept", "Saved after the disk was fixed"}
    assert RecipeLibrary(library_path).get(kept_id).title == "Kept"


def test_a_write_interrupted_before_the_replace_leaves_the_old_file(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = RecipeLibrary(library_path)
    library.add(make_recipe("Kept"))
    before = library_path.read_bytes()

    def crash(descriptor: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(LibraryWriteError):
        library.add(make_recipe("Lost"))
    assert library_path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"{not json", "not valid JSON"),
        (b'{"recipes": {"1": {"id": "x"', "not valid JSON"),
        (b"[1, 2, 3]", "unexpected layout"),
        (b'{"recipes": {}}', "no schema version"),
        (b'{"meta": {"1": {"schema": "1"}}, "recipes": {}}', "no schema version"),
        (b'{"meta": {"1": {"schema": 1}}, "recipes": {"1": {"title": "x"}}}', "no recipe id"),
        (b'{"meta": {"1": {"schema": 99}}, "recipes": {}}', "newer version"),
        (b"\xff\xfe\x00garbage", "not valid JSON"),
    ],
)
def test_a_bad_file_is_refused_and_never_touched(
    library_path: Path, content: bytes, reason: str
) -> None:
    library_path.parent.mkdir(parents=True)
    library_path.write_bytes(content)
    with pytest.raises(LibraryReadError, match=reason) as raised:
        RecipeLibrary(library_path)
    assert str(library_path) in str(raised.value)
    assert library_path.read_bytes() == content


def test_a_folder_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(LibraryWriteError, match="could not be created"):
        RecipeLibrary(blocker / "sub" / "recipes.json")


def test_the_file_holds_a_schema_version(library_path: Path) -> None:
    RecipeLibrary(library_path).add(make_recipe())
    data = json.loads(library_path.read_text())
    assert data["meta"]["1"]["schema"] == 1
    assert len(data["recipes"]) == 1
