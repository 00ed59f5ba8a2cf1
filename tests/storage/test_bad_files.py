"""A bad library at start: never overwritten, moved aside, named, a backup offered, app opens."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from storage_helpers import make_recipe, titles

from recipe_manager.storage import (
    LibraryReadError,
    LibraryTooNewError,
    RecipeLibrary,
    list_backups,
    open_library_safely,
)

GOOD_HEAD = b'{"meta":{"1":{"schema":1}},"recipes":{"1":{"id":"a","title":"Soup"}'

BAD_FILES = {
    "empty": (b"", "the file is empty"),
    "blank": (b"  \n\t", "the file is empty"),
    "not JSON": (b"<html>Moved</html>", "not valid JSON"),
    "truncated": (GOOD_HEAD, "not valid JSON"),
    "binary": (b"\x00\x00\x00\x00\xff\xfe", "not valid JSON"),
    "a list": (b"[]", "unexpected layout"),
    "a table that is not a table": (b'{"meta": [], "recipes": {}}', "unexpected layout"),
    "no schema": (b'{"recipes": {}}', "no schema version"),
    "schema as text": (b'{"meta": {"1": {"schema": "1"}}, "recipes": {}}', "no schema version"),
    "recipe without id": (
        b'{"meta": {"1": {"schema": 1}}, "recipes": {"1": {"title": "x"}}}',
        "no recipe id",
    ),
    "record number not ASCII": (
        '{"meta": {"1": {"schema": 1}}, "recipes": {"²": {"id": "x"}}}'.encode(),
        "is not numbered",
    ),
}


@pytest.mark.parametrize(("content", "reason"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_is_moved_aside_and_a_new_library_opens(
    library_path: Path, content: bytes, reason: str
) -> None:
    library_path.parent.mkdir(parents=True)
    library_path.write_bytes(content)

    result = open_library_safely(library_path)

    assert result.moved_aside is not None
    assert result.moved_aside.read_bytes() == content
    assert result.moved_aside.parent == library_path.parent
    assert result.moved_aside.name.startswith("recipes.json.corrupt-")
    assert result.problem is not None
    assert reason in result.problem
    assert str(library_path) in result.problem and str(result.moved_aside) in result.problem
    assert result.newest_backup is None and "no backup" in result.problem
    assert not result.read_only
    assert len(result.library) == 0
    result.library.add(make_recipe("Life goes on"))
    assert titles(RecipeLibrary(library_path).recipes()) == {"Life goes on"}
    assert result.moved_aside.read_bytes() == content


def test_a_library_from_a_newer_app_is_left_where_it_is(library_path: Path) -> None:
    """Set aside and replaced, it would sync back empty to the computer that wrote it."""
    content = b'{"meta": {"1": {"schema": 7}}, "recipes": {}}'
    library_path.parent.mkdir(parents=True)
    library_path.write_bytes(content)
    with pytest.raises(LibraryTooNewError, match="newer version"):
        open_library_safely(library_path)
    assert library_path.read_bytes() == content
    assert list(library_path.parent.iterdir()) == [library_path]


def test_the_newest_good_backup_is_offered_and_restores(library_path: Path) -> None:
    library = RecipeLibrary(library_path, backups=5)
    library.add_many([make_recipe("One"), make_recipe("Two")])
    library.add(make_recipe("Three"))  # the session's backup holds One and Two
    library.close()
    (newest,) = list_backups(library_path)
    # A newer backup that is itself broken is skipped.
    broken = newest.path.with_name("recipes-2999-01-01T000000.000000Z-9-daily.json")
    broken.write_bytes(b"{")
    library_path.write_bytes(b"")

    result = open_library_safely(library_path, backups=5)

    assert result.newest_backup == newest
    assert result.newest_backup.recipe_count == 2
    assert "holds 2 recipes" in result.problem
    assert result.library.restore_backup(result.newest_backup) == 2
    assert titles(result.library.recipes()) == {"One", "Two"}
    assert titles(RecipeLibrary(library_path).recipes()) == {"One", "Two"}


def test_seeding_happens_only_for_a_missing_file(library_path: Path, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds.json"
    seeds.write_text(json.dumps({"recipes": [make_recipe("Seed").to_dict()]}))
    library_path.parent.mkdir(parents=True)
    library_path.write_bytes(b"")
    result = open_library_safely(library_path, seeds)
    assert len(result.library) == 0  # a bad file is not a first start: no starter recipes
    result.library.close()
    other = tmp_path / "fresh" / "recipes.json"
    assert titles(open_library_safely(other, seeds).library.recipes()) == {"Seed"}


def test_a_file_that_cannot_be_read_is_not_moved(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A permission problem or a failing disk is not a bad file: touch nothing, say why."""
    RecipeLibrary(library_path).add(make_recipe())
    before = library_path.read_bytes()
    real_open = open

    def refuse(file: object, *args: object, **kwargs: object) -> object:
        if Path(str(file)) == library_path:
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refuse)
    with pytest.raises(LibraryReadError, match="Permission denied"):
        open_library_safely(library_path)
    monkeypatch.undo()
    assert library_path.read_bytes() == before
    assert not [name for name in os.listdir(library_path.parent) if "corrupt" in name]


def test_a_bad_file_held_by_another_window_is_left_to_it(library_path: Path) -> None:
    first = open_library_safely(library_path).library
    first.add(make_recipe("In memory"))
    library_path.write_bytes(b"{broken by some other program")
    with pytest.raises(LibraryReadError, match="not valid JSON"):
        open_library_safely(library_path)
    assert library_path.read_bytes() == b"{broken by some other program"
    # The window that has the library sets the bad file aside at its next save.
    first.add(make_recipe("Next save"))
    assert titles(RecipeLibrary(library_path).recipes()) == {"In memory", "Next save"}
    (aside,) = first.moved_aside
    assert aside.read_bytes() == b"{broken by some other program"
