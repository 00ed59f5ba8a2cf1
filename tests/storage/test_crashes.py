"""Kill a saving process with SIGKILL, hundreds of times: every acknowledged save survives.

The writer prints each recipe id only after `add()` returned; whatever the moment of the
kill (mid-write, before the fsync, between rename and folder fsync, during the session's
backup), the library must open as a good file holding every printed id.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from recipe_manager.domain import Recipe
from recipe_manager.storage import RecipeLibrary, open_library_safely

WRITER = Path(__file__).with_name("writer_process.py")

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")


def start_writer(path: Path, *args: str, crash_at: str | None = None) -> subprocess.Popen:
    env = dict(os.environ)
    if crash_at is not None:
        env["CRASH_AT"] = crash_at
    return subprocess.Popen(
        [sys.executable, str(WRITER), "add-loop", str(path), *args],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )


def acknowledged(output: str) -> list[str]:
    """Complete lines only: a line cut by the kill was never acknowledged."""
    return [line for line in output.split("\n")[:-1] if line and line != "opened"]


def check_library(path: Path, saved: set[str]) -> None:
    result = open_library_safely(path)
    assert result.moved_aside is None, result.problem
    stored = {recipe.id for recipe in result.library.recipes()}
    assert saved <= stored, f"lost {len(saved - stored)} acknowledged recipes"
    result.library.close()  # waits for its background backup and compaction
    assert not [p for p in path.parent.rglob("*") if p.name.endswith(".tmp")]


def kill_at_random_moments(path: Path, runs: int, seed: int) -> set[str]:
    """Each run waits for a random number of acknowledged saves (counting work, not time,
    so a busy machine only makes it slower), then kills at a random moment of the next."""
    rng = random.Random(seed)
    saved: set[str] = set()
    waited_for = 0
    for _ in range(runs):
        writer = start_writer(path)
        assert writer.stdout is not None
        assert writer.stdout.readline() == "opened\n"
        before = rng.randint(2, 6)
        for _ in range(before):
            line = writer.stdout.readline()
            assert line.endswith("\n"), line
            saved.add(line.strip())
        waited_for += before
        # Somewhere within the next save or two (or the background compaction).
        try:
            writer.wait(timeout=rng.uniform(0, 0.01))
        except subprocess.TimeoutExpired:
            writer.send_signal(signal.SIGKILL)
        output, _ = writer.communicate()
        assert writer.returncode == -signal.SIGKILL
        saved.update(acknowledged(output))
        check_library(path, saved)
    assert len(saved) >= waited_for
    return saved


@pytest.mark.timeout(600)  # 120 processes started and killed: slow on a busy machine
def test_killed_at_random_moments(library_path: Path) -> None:
    saved = kill_at_random_moments(library_path, runs=120, seed=1)
    # The kills landed among saves, and the journal outgrew its records (past 400 saves)
    # so that it was folded into the TinyDB file while the kills went on.
    assert len(saved) > 400
    assert list((library_path / "devices").glob("*.json"))


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_killed_at_random_moments_many_more_times(library_path: Path) -> None:
    kill_at_random_moments(library_path, runs=600, seed=2)


@pytest.mark.parametrize("function", ["write", "fsync", "replace", "open", "ftruncate"])
@pytest.mark.parametrize("call", [1, 2, 3, 4, 6, 9])
def test_killed_at_each_step_of_a_save(library_path: Path, function: str, call: int) -> None:
    """Deterministic kills: at the n-th write, fsync, rename, open or truncation of a session."""
    seeded = start_writer(library_path, "3")
    output, _ = seeded.communicate()
    saved = set(acknowledged(output))
    assert len(saved) == 3
    writer = start_writer(library_path, "10", crash_at=f"{function}:{call}")
    output, _ = writer.communicate(timeout=30)
    saved.update(acknowledged(output))
    check_library(library_path, saved)


def test_a_killed_writer_leaves_no_lock_behind(library_path: Path) -> None:
    writer = start_writer(library_path, crash_at="fsync:2")  # killed holding the write lock
    writer.communicate(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    RecipeLibrary(library_path).add(Recipe(title="After the crash"))
    holder = subprocess.Popen(
        [sys.executable, str(WRITER), "hold", str(library_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "rw\n"
    holder.kill()
    holder.communicate()
    library = RecipeLibrary(library_path, exclusive=True)
    assert not library.read_only
    library.close()
