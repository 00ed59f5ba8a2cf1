"""A 0.1 library file moves into the folder layout; backups are kept by age; a missing
library folder is never created again without asking."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from storage_helpers import make_recipe, titles

from recipe_manager.storage import (
    Computer,
    LibraryMissingError,
    RecipeLibrary,
    check_not_missing,
    open_library_safely,
)
from recipe_manager.storage.backups import BackupInfo, backups_to_keep, list_backups


def old_library(path: Path, recipes: list[dict]) -> str:
    data = {
        "meta": {"1": {"revision": "0" * 32, "schema": 1, "app": "recipe-manager"}},
        "recipes": {str(n): recipe for n, recipe in enumerate(recipes, start=1)},
    }
    text = json.dumps(data)
    path.write_text(text)
    return text


def test_an_old_library_file_moves_in_and_is_kept(tmp_path: Path) -> None:
    old = tmp_path / "recipes.json"
    recipes = [make_recipe(f"Old {n}").to_dict() | {"id": f"id{n}"} for n in range(3)]
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "photo.jpg").write_bytes(b"jpeg")
    text = old_library(old, recipes)
    library = RecipeLibrary(old)
    assert library.path == tmp_path / "recipes" and library.path.is_dir()
    assert {r.id for r in library.recipes()} == {"id0", "id1", "id2"}
    assert library.migrated_from == 1
    assert (library.path / "media" / "photo.jpg").read_bytes() == b"jpeg"
    assert old.read_text() == text
    library.close()
    # Opening the old path again opens the folder; nothing moves in twice.
    again = RecipeLibrary(old)
    assert len(again) == 3
    assert again.own_file.read_bytes().count(b"\n") == 4


def test_a_version_0_file_moves_in(tmp_path: Path) -> None:
    old = tmp_path / "recipes.json"
    old.write_text(json.dumps({"_default": {"1": {"title": "Toast", "ingredients": ["bread"]}}}))
    library = RecipeLibrary(old)
    assert titles(library.recipes()) == {"Toast"}
    assert library.recipes()[0].components[0].ingredients[0].text == "bread"
    assert library.migrated_from == 0


def test_two_computers_moving_the_same_file_in_agree(tmp_path: Path) -> None:
    old = tmp_path / "recipes.json"
    old_library(old, [make_recipe("Shared").to_dict() | {"id": "s"}])
    kitchen = RecipeLibrary(old, computer=Computer("a" * 32, "kitchen"))
    desk_folder = tmp_path / "recipes"
    desk = RecipeLibrary(desk_folder, computer=Computer("b" * 32, "desk"))
    desk.reload_if_changed()
    kitchen.reload_if_changed()
    assert [r.title for r in desk.recipes()] == ["Shared"] == [r.title for r in kitchen.recipes()]


def test_backups_are_kept_by_age() -> None:
    now = datetime(2025, 6, 30, 12, tzinfo=UTC)
    backups = [
        BackupInfo(Path(f"{n}"), now - timedelta(hours=n * 6), 1, "session")
        for n in range(0, 4 * 120)  # four a day for 120 days
    ]
    kept = backups_to_keep(backups, now)
    kept_ages = sorted((now - b.taken_at) for b in backups if b.path in kept)
    assert {Path(str(n)) for n in range(5)} <= kept  # the last few
    days = {(now - age).date() for age in kept_ages if age <= timedelta(days=14)}
    assert len(days) >= 14  # one a day for two weeks
    assert max(kept_ages) <= timedelta(weeks=8, days=1)
    assert len(kept) < 5 + 15 + 9


def test_a_burst_of_sessions_never_pushes_out_yesterdays_backup(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    library.add(make_recipe("Soup"))
    device = library.computer.id
    from recipe_manager.storage.backups import take_backup

    yesterday = datetime.now(UTC) - timedelta(days=1)
    take_backup(
        library_path, device, {"recipe": [{"id": "x", "title": "Old"}]}, "session", yesterday
    )
    for _ in range(12):
        library._take_backup("session")
    infos = list_backups(library_path)
    assert any(info.taken_at == yesterday for info in infos)
    assert "1 recipes: Old" in next(i for i in infos if i.taken_at == yesterday).describe()


def test_restore_shows_what_a_backup_holds_and_brings_it_back(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    keep = library.add(make_recipe("Keep"))
    info = library._take_backup("session")
    assert info is not None and "Keep" in info.describe()
    library.delete(keep)
    library.add(make_recipe("Later"))
    assert library.restore_backup(info) == 1
    assert titles(library.recipes()) == {"Keep"}
    assert titles(RecipeLibrary(library_path).recipes()) == {"Keep"}


def test_a_missing_folder_opened_before_is_never_created_again(library_path: Path) -> None:
    open_library_safely(library_path).library.close()
    import shutil

    shutil.rmtree(library_path)  # an unmounted drive
    with pytest.raises(LibraryMissingError, match="opened on this computer before"):
        open_library_safely(library_path)
    assert not library_path.exists()
    result = open_library_safely(library_path, create_missing=True)
    assert library_path.is_dir() and not result.read_only


def test_a_dangling_link_or_missing_parent_is_asked_about(tmp_path: Path) -> None:
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "unmounted" / "recipes")
    with pytest.raises(LibraryMissingError, match="link"):
        check_not_missing(link)
    with pytest.raises(LibraryMissingError, match="holding it is not there"):
        check_not_missing(tmp_path / "no" / "such" / "recipes")
    check_not_missing(tmp_path / "new-library")  # never opened, parent there: just new
    with pytest.raises(LibraryMissingError):
        RecipeLibrary(link)
