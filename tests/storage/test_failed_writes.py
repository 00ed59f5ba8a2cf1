"""Saves that fail: a full disk, a refused folder, a vanished folder, a value JSON can't hold.

Every time: the error is raised (the UI shows it), the library in memory is as before, the
recipe the caller holds is unchanged, and this computer's file is byte for byte as it was.
"""

from __future__ import annotations

import errno
import math
import os
import shutil
from pathlib import Path

import pytest
from storage_helpers import make_recipe, titles

from recipe_manager.domain import Recipe
from recipe_manager.storage import LibraryWriteError, RecipeLibrary


@pytest.fixture
def library(library_path: Path) -> RecipeLibrary:
    library = RecipeLibrary(library_path)
    library.add(make_recipe("Kept"))
    return library


def check_nothing_changed(library: RecipeLibrary, before: bytes, attempted: Recipe) -> None:
    assert library.own_file.read_bytes() == before
    assert titles(library.recipes()) == {"Kept"}
    assert attempted.title == "Lost" and attempted.id == ""
    assert titles(RecipeLibrary(library.path).recipes()) == {"Kept"}


def test_a_full_disk_half_way_through_the_line(
    library: RecipeLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = library.own_file.read_bytes()
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


def test_a_failed_fsync_is_a_failed_save(
    library: RecipeLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = library.own_file.read_bytes()

    def refuse(descriptor: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", refuse)
    attempted = make_recipe("Lost")
    with pytest.raises(LibraryWriteError, match="Input/output error"):
        library.add(attempted)
    monkeypatch.undo()
    check_nothing_changed(library, before, attempted)


def test_a_read_only_folder_is_found_out_at_open(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    RecipeLibrary(library_path).add(make_recipe("Kept"))
    real_open = os.open

    def read_only_file_system(path: object, flags: int, *args: object) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR) and str(path).startswith(str(library_path)):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", read_only_file_system)
    library = RecipeLibrary(library_path)
    assert library.read_only
    assert "Read-only file system" in (library.read_only_reason or "")
    assert titles(library.recipes()) == {"Kept"}
    with pytest.raises(LibraryWriteError, match="read-only"):
        library.add(make_recipe("Lost"))


def test_the_library_folder_vanishing(library: RecipeLibrary) -> None:
    """An unplugged drive: the save fails, and the folder is never created again."""
    shutil.rmtree(library.path)
    with pytest.raises(LibraryWriteError):
        library.add(make_recipe("Lost"))
    assert not library.path.exists()
    assert titles(library.recipes()) == {"Kept"}


@pytest.mark.parametrize(
    "value",
    [pytest.param("\ud800", id="lone surrogate"), pytest.param(math.nan, id="not a number")],
)
def test_a_value_that_cannot_be_stored_changes_nothing(
    library: RecipeLibrary, value: object
) -> None:
    before = library.own_file.read_bytes()
    attempted = make_recipe("Lost")
    attempted.notes = [value]  # type: ignore[list-item]
    with pytest.raises(LibraryWriteError, match="could not be stored"):
        library.add(attempted)
    check_nothing_changed(library, before, attempted)


def test_a_huge_number_changes_nothing(library: RecipeLibrary) -> None:
    before = library.own_file.read_bytes()
    attempted = make_recipe("Lost", servings=10**5000)
    with pytest.raises(LibraryWriteError, match="could not be stored"):
        library.add(attempted)
    check_nothing_changed(library, before, attempted)


def test_a_failed_update_and_delete_keep_memory_as_it_was(
    library: RecipeLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = library.recipes()[0]
    changed = kept.copy(title="Changed")

    def refuse(descriptor: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", refuse)
    with pytest.raises(LibraryWriteError):
        library.update(changed)
    with pytest.raises(LibraryWriteError):
        library.delete(kept.id)
    monkeypatch.undo()
    assert titles(library.recipes()) == {"Kept"}
    assert titles(RecipeLibrary(library.path).recipes()) == {"Kept"}


def test_an_import_that_cannot_be_stored_names_the_recipe_and_stores_none(
    library: RecipeLibrary,
) -> None:
    """The save encodes each recipe once: one that JSON cannot hold fails the whole batch,
    and the message says which recipe, as the limits check would."""
    before = library.own_file.read_bytes()
    broken = make_recipe("The Broken One")
    broken.notes = ["\ud800"]
    with pytest.raises(LibraryWriteError, match="could not be stored: recipe 'The Broken One'"):
        library.add_many([make_recipe("Fine"), broken])
    assert library.own_file.read_bytes() == before
    assert "Fine" not in {s.title for s in library.summaries()}
