"""A library in a synced folder: the file replaced mid-session, and conflict copies merged."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from storage_helpers import make_recipe, read_json, replace_like_a_sync_tool, titles

from recipe_manager.storage import (
    LibraryReadError,
    RecipeLibrary,
    find_conflict_copies,
    list_backups,
)


def other_computers_version(path: Path, change) -> dict:
    """The file as another computer saved it: our data with `change` applied."""
    data = read_json(path)
    data["meta"]["1"]["revision"] = "f" * 32
    change(data["recipes"])
    return data


def by_title(recipes: dict, title: str) -> dict:
    return next(doc for doc in recipes.values() if doc["title"] == title)


def test_our_own_saves_never_look_like_a_change(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    for number in range(5):
        library.add(make_recipe(f"Recipe {number}"))
        assert library.reload_if_changed() is False
    os.utime(library_path)  # touched, same bytes: still ours
    assert library.reload_if_changed() is False
    assert library.reloads == 0


def test_a_file_replaced_by_a_sync_tool_is_reloaded(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    library.add_many([make_recipe("Soup"), make_recipe("Stew")])

    def change(recipes: dict) -> None:
        by_title(recipes, "Soup")["notes"] = ["Edited on the laptop"]
        by_title(recipes, "Soup")["updated"] = "2999-01-01T00:00:00+00:00"
        recipes["99"] = make_recipe("Bread", id="bread-from-laptop").to_dict()

    replace_like_a_sync_tool(library_path, other_computers_version(library_path, change))
    assert library.reload_if_changed() is True
    assert library.reloads == 1
    assert titles(library.recipes()) == {"Soup", "Stew", "Bread"}
    soup = next(r for r in library.recipes() if r.title == "Soup")
    assert soup.notes == ["Edited on the laptop"]
    assert library.reload_if_changed() is False


def test_an_editor_open_during_the_reload_still_saves(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    library.add_many([make_recipe("Soup"), make_recipe("Stew")])
    in_editor = next(r for r in library.recipes() if r.title == "Stew")
    in_editor.notes = ["typed before the sync"]

    def delete_stew(recipes: dict) -> None:
        del recipes[next(key for key, doc in recipes.items() if doc["title"] == "Stew")]

    replace_like_a_sync_tool(library_path, other_computers_version(library_path, delete_stew))
    assert library.reload_if_changed() is True
    assert titles(library.recipes()) == {"Soup"}
    library.update(in_editor)
    reopened = RecipeLibrary(library_path)
    assert titles(reopened.recipes()) == {"Soup", "Stew"}
    assert reopened.get(in_editor.id).notes == ["typed before the sync"]


def test_a_save_never_writes_over_a_change_it_has_not_seen(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    library.add(make_recipe("Soup"))

    def add_bread(recipes: dict) -> None:
        recipes["99"] = make_recipe("Bread", id="bread").to_dict()

    replace_like_a_sync_tool(library_path, other_computers_version(library_path, add_bread))
    library.add(make_recipe("Cake"))  # no reload_if_changed in between
    assert titles(RecipeLibrary(library_path).recipes()) == {"Soup", "Bread", "Cake"}
    assert library.reloads == 1


def test_a_replacement_mid_save_is_taken_in_and_the_save_redone(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sync tool renames its file in after our check but before our rename."""
    library = RecipeLibrary(library_path)
    library.add(make_recipe("Soup"))
    real_fsync = os.fsync
    fired = []

    def sync_tool_strikes(descriptor: int) -> None:
        real_fsync(descriptor)
        if not fired and os.path.getsize(library_path) > 0:
            fired.append(True)
            replace_like_a_sync_tool(
                library_path,
                other_computers_version(
                    library_path,
                    lambda recipes: recipes.update({"99": make_recipe("Bread", id="b").to_dict()}),
                ),
            )

    monkeypatch.setattr(os, "fsync", sync_tool_strikes)
    library.add(make_recipe("Cake"))
    monkeypatch.undo()
    assert fired
    assert titles(RecipeLibrary(library_path).recipes()) == {"Soup", "Bread", "Cake"}


def test_what_only_we_had_is_backed_up_before_taking_their_file(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    library.add(make_recipe("Only here"))
    older = read_json(library_path)
    older["recipes"] = {}
    older["meta"]["1"]["revision"] = "e" * 32
    replace_like_a_sync_tool(library_path, older)
    assert library.reload_if_changed() is True
    assert len(library) == 0
    (backup,) = list_backups(library_path)
    assert backup.reason == "reload" and backup.recipe_count == 1
    library.restore_backup(backup)
    assert titles(library.recipes()) == {"Only here"}


def test_a_broken_replacement_keeps_memory_and_is_set_aside_at_the_next_save(
    library_path: Path,
) -> None:
    library = RecipeLibrary(library_path)
    library.add(make_recipe("Soup"))
    library_path.write_bytes(b'{"meta": {"1": {"sch')
    with pytest.raises(LibraryReadError, match="not valid JSON"):
        library.reload_if_changed()
    assert titles(library.recipes()) == {"Soup"}
    library.add(make_recipe("Cake"))
    assert titles(RecipeLibrary(library_path).recipes()) == {"Soup", "Cake"}
    (aside,) = library.moved_aside
    assert aside.read_bytes() == b'{"meta": {"1": {"sch'


def test_a_library_file_deleted_mid_session_is_written_back(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    library.add(make_recipe("Soup"))
    library_path.unlink()
    assert library.reload_if_changed() is False
    library.add(make_recipe("Cake"))
    assert titles(RecipeLibrary(library_path).recipes()) == {"Soup", "Cake"}


def test_conflict_copies_of_every_sync_tool_are_found(library_path: Path) -> None:
    RecipeLibrary(library_path)
    folder = library_path.parent
    names = [
        "recipes.sync-conflict-20250301-140200-ABCDEFG.json",
        "recipes (conflicted copy 2025-03-01 140200).json",
        "recipes (Sam's conflicted copy 2025-03-01).json",
    ]
    for name in names:
        (folder / name).write_text("{}")
    (folder / "desserts.sync-conflict-20250301-140200-ABCDEFG.json").write_text("{}")
    (folder / "recipes.json.corrupt-20250301T140200Z").write_text("{}")
    assert sorted(p.name for p in find_conflict_copies(library_path)) == sorted(names)


def test_a_conflict_copy_is_merged_recipe_by_recipe(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    library.add_many([make_recipe("Soup"), make_recipe("Stew"), make_recipe("Cake")])
    theirs = read_json(library_path)
    recipes = theirs["recipes"]
    by_title(recipes, "Soup").update(notes=["theirs, newer"], updated="2999-01-01T00:00:00+00:00")
    by_title(recipes, "Stew").update(notes=["theirs, older"], updated="2000-01-01T00:00:00+00:00")
    del recipes[next(key for key, doc in recipes.items() if doc["title"] == "Cake")]
    recipes["99"] = make_recipe("Bread", id="bread", updated="2001-01-01T00:00:00+00:00").to_dict()
    recipes["100"] = {"id": "broken", "title": "Broken", "servings": "lots"}
    copy = library_path.with_name("recipes.sync-conflict-20250301-140200-ABCDEFG.json")
    copy.write_text(json.dumps(theirs))
    library.add(make_recipe("Pie"))

    report = library.merge_conflict_copy(copy)

    assert report.added == ["Bread"]
    assert report.updated == ["Soup"]
    assert report.kept_ours == 1  # Stew: ours is newer; Cake, missing there, stays here
    assert len(report.unreadable) == 1 and "Broken" in report.unreadable[0]
    reopened = RecipeLibrary(library_path)
    assert titles(reopened.recipes()) == {"Soup", "Stew", "Cake", "Pie", "Bread"}
    notes = {recipe.title: recipe.notes for recipe in reopened.recipes()}
    assert notes["Soup"] == ["theirs, newer"] and notes["Stew"] == []
    assert not copy.exists()
    assert report.moved_to is not None and json.loads(report.moved_to.read_text()) == theirs
    assert find_conflict_copies(library_path) == []
    assert list_backups(library_path)[0].reason == "merge"


def test_merging_the_same_copy_twice_changes_nothing(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    library.add(make_recipe("Soup"))
    theirs = read_json(library_path)
    theirs["recipes"]["5"] = make_recipe("Bread", id="bread").to_dict()
    for name in ("recipes (conflicted copy 1).json", "recipes (conflicted copy 2).json"):
        library_path.with_name(name).write_text(json.dumps(theirs))
    first, second = (library.merge_conflict_copy(p) for p in find_conflict_copies(library_path))
    assert first.added == ["Bread"] and second.added == [] and second.kept_ours == 2
    assert len(library) == 2
