"""The library folder: what it holds, what a save writes, and that it survives reopening."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from storage_helpers import make_recipe, titles

from recipe_manager.domain import Recipe
from recipe_manager.storage import LibraryReadError, RecipeLibrary, this_computer


def test_a_missing_library_is_created_empty(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    assert library.path.is_dir() and len(library) == 0
    assert library.own_file == library_path / "devices" / f"{this_computer().id}.journal.jsonl"
    header = json.loads(library.own_file.read_text().splitlines()[0])
    assert header["meta"]["device"] == this_computer().id


def test_added_recipes_survive_reopening(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    ids = library.add_many([make_recipe("One"), make_recipe("Two")])
    library.close()
    again = RecipeLibrary(library_path)
    assert {r.id for r in again.recipes()} == set(ids)
    assert titles(again.recipes()) == {"One", "Two"}


def test_update_and_delete_are_stored(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    recipe_id = library.add(make_recipe("Before"))
    library.update(library.get(recipe_id).copy(title="After"))
    other = library.add(make_recipe("Gone"))
    removed = library.delete(other)
    assert removed.title == "Gone"
    assert titles(RecipeLibrary(library_path).recipes()) == {"After"}


def test_undo_of_a_delete_brings_the_recipe_back_with_its_id(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    recipe_id = library.add(make_recipe("Back"))
    removed = library.delete(recipe_id)
    assert library.add(removed) == recipe_id
    assert titles(RecipeLibrary(library_path).recipes()) == {"Back"}


def test_update_back_to_an_earlier_version_is_durable(library_path: Path) -> None:
    """What undo of an edit does: store the earlier version again, as the newest."""
    library = RecipeLibrary(library_path)
    recipe_id = library.add(make_recipe("First"))
    first = library.get(recipe_id)
    library.update(first.copy(title="Second"))
    library.update(first)
    assert RecipeLibrary(library_path).get(recipe_id).title == "First"


def test_recipes_handed_out_are_copies(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    recipe_id = library.add(make_recipe("Mine"))
    library.get(recipe_id).components[0].steps.append("changed outside")
    assert "changed outside" not in library.get(recipe_id).components[0].steps


def test_a_save_appends_kilobytes_not_the_library(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    library.add_many([make_recipe(f"Recipe {n}") for n in range(500)])
    size = library.own_file.stat().st_size
    library.add(make_recipe("One more"))
    assert library.own_file.stat().st_size - size < 2_000 < size


def test_compaction_keeps_the_newest_version_of_each(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    recipe_id = library.add(make_recipe("Edit 0"))
    for number in range(1, 400):
        library.update(library.get(recipe_id).copy(title=f"Edit {number}"))
    library.close()  # waits for the background compaction
    lines = library.own_file.read_bytes().count(b"\n")
    assert lines < 260, lines
    assert library.own_table.is_file()  # the journal was folded into the TinyDB file
    again = RecipeLibrary(library_path)
    assert titles(again.recipes()) == {"Edit 399"}
    again.compact()
    assert again.own_file.read_bytes().count(b"\n") == 1  # the header alone
    assert titles(RecipeLibrary(library_path).recipes()) == {"Edit 399"}


def test_new_fields_are_stored_whatever_to_dict_holds(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A field the model gains later (favourite, rating) is stored with no storage change."""
    real = Recipe.to_dict

    def with_rating(self: Recipe) -> dict:
        return {**real(self), "rating": 4, "favourite": True}

    monkeypatch.setattr(Recipe, "to_dict", with_rating)
    library = RecipeLibrary(library_path)
    recipe_id = library.add(make_recipe("Rated"))
    line = library.own_file.read_text().splitlines()[-1]
    assert json.loads(line)["doc"]["rating"] == 4
    assert RecipeLibrary(library_path).summary(recipe_id).document["favourite"] is True


def test_plan_entries_merge_like_recipes(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    entry_id = library.put_plan_entry({"day": "2025-03-01", "recipe": "abc", "meal": "dinner"})
    library.put_plan_entry({"id": entry_id, "day": "2025-03-02", "recipe": "abc"})
    other = library.put_plan_entry({"day": "2025-03-03", "recipe": "def"})
    library.remove_plan_entry(other)
    again = RecipeLibrary(library_path)
    assert again.plan_entries() == [{"id": entry_id, "day": "2025-03-02", "recipe": "abc"}]
    assert len(again) == 0


def test_a_path_that_is_a_file_but_not_a_library_is_never_touched(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("my shopping list")
    library = RecipeLibrary(path)
    assert path.read_text() == "my shopping list"
    assert len(library) == 0 and library.problems


def test_a_symlinked_library_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "Sync" / "recipes"
    RecipeLibrary(target).add(make_recipe("Synced"))
    link = tmp_path / "link"
    link.symlink_to(target)
    library = RecipeLibrary(link)
    library.add(make_recipe("Through the link"))
    assert link.is_symlink()
    assert titles(RecipeLibrary(target).recipes()) == {"Synced", "Through the link"}


def test_a_fifo_as_the_library_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(LibraryReadError, match="not a folder"):
        RecipeLibrary(fifo)
