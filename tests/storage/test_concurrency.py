"""Two windows, two processes, many threads: never two writers, never a lost save."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from storage_helpers import make_recipe, titles

from recipe_manager.storage import (
    LibraryReadOnlyError,
    RecipeLibrary,
    open_library,
    open_library_safely,
)

WRITER = Path(__file__).with_name("writer_process.py")


def hold(path: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(WRITER), "hold", str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_a_second_window_in_the_same_process_is_read_only(library_path: Path) -> None:
    first = open_library_safely(library_path)
    second = open_library_safely(library_path)
    assert not first.read_only
    assert second.read_only and "read-only" in second.read_only_reason
    first.library.add(make_recipe("From the first"))
    with pytest.raises(LibraryReadOnlyError, match="read-only"):
        second.library.add(make_recipe("From the second"))
    assert second.library.reload_if_changed() is True
    assert titles(second.library.recipes()) == {"From the first"}
    assert second.library.try_become_writable() is False
    first.library.close()
    assert second.library.try_become_writable() is True
    second.library.add(make_recipe("From the second"))
    assert titles(RecipeLibrary(library_path).recipes()) == {"From the first", "From the second"}


def test_two_processes_opening_at_once_never_both_write(library_path: Path) -> None:
    open_library(library_path).close()
    first, second = hold(library_path), hold(library_path)
    answers = []
    for process in (first, second):
        assert process.stdout is not None
        answers.append((process.stdout.readline().strip(), process.stdout.readline().strip()))
    assert sorted(answers) == [("ro", "refused"), ("rw", "saved")]
    for process in (first, second):
        process.communicate("\n", timeout=30)
    assert len(RecipeLibrary(library_path)) == 1
    third = open_library_safely(library_path)
    assert not third.read_only


def test_processes_saving_at_the_same_time_lose_nothing(library_path: Path) -> None:
    """Scripts without a session still take turns, each save starting from the newest file."""
    open_library(library_path).close()
    writers = [
        subprocess.Popen(
            [sys.executable, str(WRITER), "add-loop", str(library_path), "40"],
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    saved = set()
    for writer in writers:
        output, _ = writer.communicate(timeout=60)
        assert writer.returncode == 0
        saved.update(line for line in output.split() if line != "opened")
    assert len(saved) == 120
    assert {recipe.id for recipe in RecipeLibrary(library_path).recipes()} == saved


def test_threads_saving_at_once_lose_nothing(library_path: Path) -> None:
    library = RecipeLibrary(library_path)
    errors: list[BaseException] = []
    ids: list[str] = []

    def save(worker: int) -> None:
        try:
            for number in range(20):
                ids.append(library.add(make_recipe(f"{worker}-{number}")))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=save, args=(worker,)) for worker in range(4)]
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        assert len(library.summaries()) <= 80
    for thread in threads:
        thread.join()
    assert not errors
    assert set(ids) == {recipe.id for recipe in RecipeLibrary(library_path).recipes()}
    assert len(ids) == 80


def test_reading_never_waits_for_a_save_on_disk(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The UI thread reads while a worker's save is stuck in fsync (a slow USB stick)."""
    library = RecipeLibrary(library_path)
    kept = library.add(make_recipe("Kept"))
    in_fsync, release = threading.Event(), threading.Event()
    real_fsync = os.fsync

    def slow_fsync(descriptor: int) -> None:
        in_fsync.set()
        assert release.wait(10)
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", slow_fsync)
    worker = threading.Thread(target=library.add, args=(make_recipe("Slow"),))
    worker.start()
    assert in_fsync.wait(10)
    assert titles(library.recipes()) == {"Kept"}
    assert [s.title for s in library.summaries()] == ["Kept"]
    assert library.get(kept).title == "Kept"
    assert library.reload_if_changed() is False
    release.set()
    worker.join(10)
    assert titles(library.recipes()) == {"Kept", "Slow"}
