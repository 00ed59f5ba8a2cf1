"""Saves that fail: a full disk, a refused folder, a vanished folder, a value JSON can't hold.

Every time: the error is raised (the UI shows it), the library in memory is as before, the
recipe the caller holds is unchanged, and the file on disk is byte for byte as it was.
"""

from __future__ import annotations

import errno
import json
import math
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from storage_helpers import make_recipe, titles

from recipe_manager import atomic_file
from recipe_manager.domain import Recipe
from recipe_manager.storage import LibraryWriteError, RecipeLibrary


def temp_files(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.name.endswith(".tmp")]


@pytest.fixture
def library(library_path: Path) -> RecipeLibrary:
    library = RecipeLibrary(library_path)
    library.add(make_recipe("Kept"))
    return library


def check_nothing_changed(library: RecipeLibrary, before: bytes, attempted: Recipe) -> None:
    assert library.path.read_bytes() == before
    assert titles(library.recipes()) == {"Kept"}
    assert attempted.title == "Lost" and attempted.id == ""
    assert not temp_files(library.path.parent)
    assert titles(RecipeLibrary(library.path).recipes()) == {"Kept"}


def test_a_full_disk_half_way_through_the_file(
    library: RecipeLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = library.path.read_bytes()
    real_write = os.write

    def write_some_then_fill_up(descriptor: int, data: bytes) -> int:
        if len(data) > 10:
            real_write(descriptor, bytes(data[:10]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", write_some_then_fill_up)
    attempted = make_recipe("Lost")
    with pytest.raises(LibraryWriteError, match="No space left"):
        library.add(attempted)
    monkeypatch.undo()
    check_nothing_changed(library, before, attempted)
    library.add(make_recipe("After the disk was cleared"))
    assert titles(RecipeLibrary(library.path).recipes()) == {"Kept", "After the disk was cleared"}


def test_a_folder_that_refuses_new_files(
    library: RecipeLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = library.path.read_bytes()

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    attempted = make_recipe("Lost")
    with pytest.raises(LibraryWriteError, match="Permission denied"):
        library.add(attempted)
    monkeypatch.undo()
    check_nothing_changed(library, before, attempted)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_a_read_only_folder_for_real(library: RecipeLibrary) -> None:
    before = library.path.read_bytes()
    library.path.parent.chmod(0o500)
    try:
        attempted = make_recipe("Lost")
        with pytest.raises(LibraryWriteError, match="Permission denied"):
            library.add(attempted)
    finally:
        library.path.parent.chmod(0o700)
    check_nothing_changed(library, before, attempted)


def test_a_refused_rename_on_linux_fails_at_once(
    library: RecipeLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = library.path.read_bytes()

    def refuse(source: str, target: str) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(os, "replace", refuse)
    attempted = make_recipe("Lost")
    with pytest.raises(LibraryWriteError, match="Permission denied"):
        library.add(attempted)
    monkeypatch.undo()
    check_nothing_changed(library, before, attempted)


def test_a_file_held_for_a_moment_is_replaced_on_a_retry(
    library: RecipeLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows: a virus scanner or the indexer holds the file for a moment after a save."""
    monkeypatch.setattr(atomic_file, "REPLACE_RETRY_SECONDS", 2.0)
    real_replace = os.replace
    refusals = []

    def held_twice(source: str, target: str) -> None:
        if len(refusals) < 2:
            refusals.append(target)
            raise PermissionError(errno.EACCES, "The process cannot access the file")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", held_twice)
    library.add(make_recipe("Saved"))
    monkeypatch.undo()
    assert len(refusals) == 2
    assert titles(RecipeLibrary(library.path).recipes()) == {"Kept", "Saved"}


def test_the_library_folder_vanishing(library: RecipeLibrary) -> None:
    """A USB stick pulled, a network share gone: say so and keep everything in memory."""
    shutil.rmtree(library.path.parent)
    attempted = make_recipe("Lost")
    with pytest.raises(LibraryWriteError, match="No such file"):
        library.add(attempted)
    assert titles(library.recipes()) == {"Kept"}
    assert not library.path.parent.exists()
    assert attempted.id == ""
    kept = library.recipes()[0]
    library.path.parent.mkdir()
    library.update(kept)
    assert titles(RecipeLibrary(library.path).recipes()) == {"Kept"}


@pytest.mark.parametrize(
    "bad",
    [
        make_recipe("Lost", notes=["\ud800 a lone surrogate from a broken paste"]),
        make_recipe("Lost").copy(servings=10**10000),
        make_recipe("Lost").copy(prep_minutes=math.nan),
    ],
    ids=["lone surrogate", "huge number", "not a number"],
)
def test_a_value_that_cannot_be_stored_changes_nothing(
    library: RecipeLibrary, bad: Recipe, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = library.path.read_bytes()
    opened = []
    monkeypatch.setattr(
        tempfile, "mkstemp", lambda *a, **k: opened.append(a) or pytest.fail("disk touched")
    )
    with pytest.raises(LibraryWriteError, match="could not be stored"):
        library.add(bad)
    assert not opened
    assert library.path.read_bytes() == before
    assert titles(library.recipes()) == {"Kept"}


def test_a_failed_update_and_delete_keep_memory_as_it_was(
    library: RecipeLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    recipe = library.recipes()[0]
    edited = recipe.copy(title="Edited")

    def fail(descriptor: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(LibraryWriteError, match="Input/output error"):
        library.update(edited)
    with pytest.raises(LibraryWriteError):
        library.delete(recipe.id)
    monkeypatch.undo()
    assert library.get(recipe.id).title == "Kept"
    assert edited.title == "Edited"
    assert RecipeLibrary(library.path).get(recipe.id).title == "Kept"


def test_leftover_temporary_files_are_cleaned_at_open(library_path: Path) -> None:
    RecipeLibrary(library_path).add(make_recipe("Kept"))
    folder = library_path.parent
    leftover = folder / f".{library_path.name}.abc123.tmp"
    leftover.write_bytes(b'{"meta": {"1": {"schem')
    someone_elses = folder / ".other.json.abc123.tmp"
    someone_elses.write_bytes(b"")
    RecipeLibrary(library_path)
    assert not leftover.exists()
    assert someone_elses.exists()


def test_the_file_is_compact_json_with_the_revision_first(library: RecipeLibrary) -> None:
    raw = library.path.read_bytes()
    assert raw.startswith(b'{"meta":{"1":{"revision":"')
    data = json.loads(raw)
    assert data["meta"]["1"]["schema"] == 1
    assert [doc["title"] for doc in data["recipes"].values()] == ["Kept"]
