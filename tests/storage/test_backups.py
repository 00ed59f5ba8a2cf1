"""Backups: before a session's first save, daily, the last N kept, restorable and undoable."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from storage_helpers import make_recipe, titles

from recipe_manager.storage import RecipeLibrary, list_backups


def test_the_first_save_of_a_session_backs_up_what_was_there(library_path: Path) -> None:
    RecipeLibrary(library_path).add_many([make_recipe("One"), make_recipe("Two")])
    session = RecipeLibrary(library_path)
    session.add(make_recipe("Three"))
    session.add(make_recipe("Four"))
    backups = list_backups(library_path)
    assert [(b.reason, b.recipe_count) for b in backups] == [("session", 2)]
    assert titles(RecipeLibrary(backups[0].path, read_only=True).recipes()) == {"One", "Two"}


def test_an_empty_library_is_not_backed_up(library_path: Path) -> None:
    RecipeLibrary(library_path).add(make_recipe("First ever"))
    assert list_backups(library_path) == []


def test_a_session_open_for_days_is_backed_up_daily(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    library.add(make_recipe("One"))
    library.add(make_recipe("Two"))  # session backup, holding One
    library.add(make_recipe("Three"))
    assert len(list_backups(library_path)) == 1
    library._last_backup_at -= timedelta(days=1, minutes=1)
    library.add(make_recipe("Four"))
    assert [(b.reason, b.recipe_count) for b in list_backups(library_path)] == [
        ("daily", 3),
        ("session", 1),
    ]


def test_only_the_last_n_are_kept(library_path: Path) -> None:
    RecipeLibrary(library_path).add(make_recipe("Zero"))
    for number in range(6):
        RecipeLibrary(library_path, backups=3).add(make_recipe(f"Recipe {number}"))
    backups = list_backups(library_path)
    assert [b.recipe_count for b in backups] == [6, 5, 4]
    assert backups == sorted(backups, key=lambda b: b.taken_at, reverse=True)


def test_backups_can_be_switched_off(library_path: Path) -> None:
    RecipeLibrary(library_path).add(make_recipe("One"))
    RecipeLibrary(library_path, backups=0).add(make_recipe("Two"))
    assert list_backups(library_path) == []


def test_restoring_keeps_a_backup_of_what_it_replaces(library_path: Path) -> None:
    RecipeLibrary(library_path).add(make_recipe("Old"))
    library = RecipeLibrary(library_path)
    library.add(make_recipe("New"))
    (session,) = library.list_backups()
    assert library.restore_backup(session) == 1
    assert titles(library.recipes()) == {"Old"}
    before_restore = library.list_backups()[0]
    assert before_restore.reason == "restore" and before_restore.recipe_count == 2
    library.restore_backup(before_restore)
    assert titles(RecipeLibrary(library_path).recipes()) == {"Old", "New"}


def test_other_libraries_backups_are_not_listed(library_path: Path) -> None:
    RecipeLibrary(library_path).add(make_recipe("One"))
    RecipeLibrary(library_path).add(make_recipe("Two"))
    other = library_path.with_name("desserts.json")
    RecipeLibrary(other).add(make_recipe("Cake"))
    RecipeLibrary(other).add(make_recipe("Tart"))
    assert [b.recipe_count for b in list_backups(library_path)] == [1]
    assert [b.recipe_count for b in list_backups(other)] == [1]
    assert list_backups(library_path)[0].path.name.startswith("recipes-")
