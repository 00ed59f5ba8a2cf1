"""Two (or three) computers on one synced library folder, each writing only its own file.

Each `RecipeLibrary` here is a computer: its own identity, the same folder. Syncing is
instant (one folder); `reload_if_changed` is what the window does when the folder changes.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from storage_helpers import make_recipe, titles

from recipe_manager.paths import seed_library_path
from recipe_manager.storage import Computer, RecipeLibrary, open_library, read_seed_recipes
from recipe_manager.storage.library import SEED_DEVICE

KITCHEN = Computer("a" * 32, "kitchen-laptop")
DESK = Computer("b" * 32, "desk")
GRAN = Computer("c" * 32, "gran")


def on(computer: Computer, folder: Path) -> RecipeLibrary:
    return RecipeLibrary(folder, computer=computer, backups=0)


def same_library(*libraries: RecipeLibrary) -> dict[str, dict]:
    for library in libraries:
        library.reload_if_changed()
    views = [{s.id: dict(s.document) for s in library.summaries()} for library in libraries]
    for view in views[1:]:
        assert view == views[0]
    return views[0]


def test_each_computer_writes_only_its_own_file(library_path: Path) -> None:
    kitchen, desk = on(KITCHEN, library_path), on(DESK, library_path)
    kitchen.add(make_recipe("Soup"))
    desk.add(make_recipe("Cake"))
    names = sorted(p.name for p in (library_path / "devices").iterdir())
    assert names == sorted([f"{KITCHEN.id}.journal.jsonl", f"{DESK.id}.journal.jsonl"])
    assert titles(r for r in [*kitchen.recipes()]) == {"Soup"}
    same_library(kitchen, desk)
    assert titles(kitchen.recipes()) == titles(desk.recipes()) == {"Soup", "Cake"}


def test_a_deleted_recipe_never_comes_back(library_path: Path) -> None:
    kitchen, desk = on(KITCHEN, library_path), on(DESK, library_path)
    soup = kitchen.add(make_recipe("Soup"))
    desk.reload_if_changed()
    desk.update(desk.get(soup).copy(title="Soup, edited"))
    kitchen.reload_if_changed()
    kitchen.delete(soup)
    assert same_library(kitchen, desk) == {}
    # Reopening, or the desk's older version arriving again, changes nothing.
    assert len(on(DESK, library_path)) == 0


def test_two_edits_of_one_recipe_are_both_kept_and_shown(library_path: Path) -> None:
    kitchen, desk = on(KITCHEN, library_path), on(DESK, library_path)
    soup = kitchen.add(make_recipe("Soup"))
    desk.reload_if_changed()
    kitchen.update(kitchen.get(soup).copy(title="Soup with leeks"))
    desk.update(desk.get(soup).copy(title="Soup with kale"))  # has not seen the kitchen's
    view = same_library(kitchen, desk)
    assert sorted(d["title"] for d in view.values()) == [
        "Soup with kale",
        "Soup with leeks (edited on kitchen-laptop)",
    ]
    copy = next(i for i in view if i != soup)
    assert desk.conflict_of(copy) == soup
    # Keeping one: delete the copy; it is gone on both and stays gone.
    desk.delete(copy)
    assert [d["title"] for d in same_library(kitchen, desk).values()] == ["Soup with kale"]


def test_editing_on_after_a_conflict_loses_neither_edit(library_path: Path) -> None:
    kitchen, desk = on(KITCHEN, library_path), on(DESK, library_path)
    soup = kitchen.add(make_recipe("Soup"))
    desk.reload_if_changed()
    kitchen.update(kitchen.get(soup).copy(title="Leeks"))
    desk.update(desk.get(soup).copy(title="Kale"))
    kitchen.reload_if_changed()
    # The kitchen's own edit lost on time; it edits the winner. Its first edit stays.
    kitchen.update(kitchen.get(soup).copy(title="Kale and more"))
    view = same_library(kitchen, desk)
    assert sorted(d["title"] for d in view.values()) == [
        "Kale and more",
        "Leeks (edited on kitchen-laptop)",
    ]


def test_an_editor_saving_against_its_version_never_overwrites_what_arrived(
    library_path: Path,
) -> None:
    kitchen, desk = on(KITCHEN, library_path), on(DESK, library_path)
    soup = kitchen.add(make_recipe("Soup"))
    desk.reload_if_changed()
    opened_at = desk.version_of(soup)  # the desk's editor opens
    kitchen.update(kitchen.get(soup).copy(title="Kitchen's soup"))
    desk.reload_if_changed()
    assert desk.version_of(soup) != opened_at  # the editor is told
    desk.update(desk.get(soup).copy(title="Desk's soup"), base=opened_at)
    view = same_library(kitchen, desk)
    assert sorted(d["title"] for d in view.values()) == [
        "Desk's soup",
        "Kitchen's soup (edited on kitchen-laptop)",
    ]


def test_an_edit_concurrent_with_a_delete_is_kept(library_path: Path) -> None:
    kitchen, desk = on(KITCHEN, library_path), on(DESK, library_path)
    soup = kitchen.add(make_recipe("Soup"))
    desk.reload_if_changed()
    desk.update(desk.get(soup).copy(title="Soup, improved"))
    kitchen.delete(soup)
    # The deletion is newer, so it wins; the edit the kitchen never saw is kept beside it.
    assert [d["title"] for d in same_library(kitchen, desk).values()] == [
        "Soup, improved (edited on desk)"
    ]


def test_three_computers_agree_whatever_the_order(library_path: Path) -> None:
    libraries = [on(c, library_path) for c in (KITCHEN, DESK, GRAN)]
    ids = [library.add(make_recipe(f"From {n}")) for n, library in enumerate(libraries)]
    same_library(*libraries)
    for n, library in enumerate(libraries):
        library.update(library.get(ids[0]).copy(title=f"Edited by {n}"))
    libraries[2].delete(ids[1])
    view = same_library(*libraries)
    assert sorted(d["title"] for d in view.values()) == [
        "Edited by 0 (edited on kitchen-laptop)",
        "Edited by 1 (edited on desk)",
        "Edited by 2",
        "From 2",
    ]
    assert ids[0] in view and ids[1] not in view


def test_two_computers_seeding_one_folder_agree(library_path: Path) -> None:
    seeds = read_seed_recipes(seed_library_path())
    kitchen = open_library_on(KITCHEN, library_path)
    desk = open_library_on(DESK, library_path)
    assert len(same_library(kitchen, desk)) == len(seeds)
    # A seed deleted on one computer stays deleted, whoever seeds again.
    kitchen.delete(kitchen.recipes()[0].id)
    shutil.rmtree(library_path / "devices" / "x", ignore_errors=True)
    desk.add_seeds(seeds)
    assert len(same_library(kitchen, desk)) == len(seeds) - 1
    versions = [json.loads(line) for line in desk.own_file.read_text().splitlines()[1:]]
    assert {v["device"] for v in versions} == {SEED_DEVICE}


def open_library_on(computer: Computer, folder: Path) -> RecipeLibrary:
    from recipe_manager.storage import seeding

    library = seeding.RecipeLibrary(folder, computer=computer, backups=0)
    if library.is_empty_of_records():
        library.add_seeds(read_seed_recipes(seed_library_path()))
    return library


def test_sync_tools_files_never_confuse_it(library_path: Path) -> None:
    kitchen, desk = on(KITCHEN, library_path), on(DESK, library_path)
    soup = kitchen.add(make_recipe("Soup"))
    devices = library_path / "devices"
    own = kitchen.own_file.read_bytes()
    (devices / f".syncthing.{DESK.id}.jsonl.tmp").write_bytes(b'{"half a file')
    (devices / f"~syncthing~{DESK.id}.jsonl.tmp").write_bytes(b"garbage")
    (library_path / ".dropbox").write_text("{}")
    (library_path / ".stfolder").mkdir()
    (devices / ".dropbox.cache").mkdir()
    # A conflict copy of a computer's file is merged like any other computer's file.
    conflict = devices / f"{KITCHEN.id}.sync-conflict-20250301-140200-ABCDEFG.jsonl"
    conflict.write_bytes(own)
    extra = make_recipe("Only in the conflict copy")
    line = {
        "kind": "recipe",
        "id": "c0ffee",
        "time": 5,
        "device": KITCHEN.id,
        "seen": {},
        "doc": {**extra.to_dict(), "id": "c0ffee"},
    }
    with conflict.open("a") as handle:
        handle.write(json.dumps(line) + "\n")
    view = same_library(kitchen, desk)
    assert sorted(d["title"] for d in view.values()) == ["Only in the conflict copy", "Soup"]
    assert soup in view
    assert not kitchen.problems and not desk.problems


def test_an_unfinished_last_line_of_another_computer_waits(library_path: Path) -> None:
    """A sync tool still copying: the half line is read once it is whole."""
    kitchen, desk = on(KITCHEN, library_path), on(DESK, library_path)
    kitchen.add(make_recipe("Soup"))
    whole = kitchen.own_file.read_bytes()
    kitchen.add(make_recipe("Cake"))
    grown = kitchen.own_file.read_bytes()
    kitchen.own_file.write_bytes(grown[: len(whole) + 40])
    desk.reload_if_changed()
    assert titles(desk.recipes()) == {"Soup"} and not desk.problems
    kitchen.own_file.write_bytes(grown)
    desk.reload_if_changed()
    assert titles(desk.recipes()) == {"Soup", "Cake"}


def test_one_writing_window_per_folder_whatever_path_reaches_it(tmp_path: Path) -> None:
    folder = tmp_path / "Sync" / "recipes"
    folder.mkdir(parents=True)
    link = tmp_path / "recipes-link"
    link.symlink_to(folder)
    first = RecipeLibrary(folder, exclusive=True)
    second = RecipeLibrary(link, exclusive=True)
    third = RecipeLibrary(tmp_path / "Sync" / ".." / "Sync" / "recipes", exclusive=True)
    assert not first.read_only and second.read_only and third.read_only
    first.close()
    assert second.try_become_writable()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_among_the_computers_files_does_not_hang(library_path: Path) -> None:
    kitchen = on(KITCHEN, library_path)
    kitchen.add(make_recipe("Soup"))
    os.mkfifo(library_path / "devices" / f"{'f' * 32}.jsonl")
    desk = on(DESK, library_path)
    assert titles(desk.recipes()) == {"Soup"}
    assert any("not a regular file" in p for p in desk.problems)


def test_open_library_seeds_only_a_new_folder(library_path: Path) -> None:
    library = open_library(library_path, seed_library_path())
    count = len(library)
    assert count > 0
    for recipe in library.recipes():
        library.delete(recipe.id)
    library.close()
    assert len(open_library(library_path, seed_library_path())) == 0
