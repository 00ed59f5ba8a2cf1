"""A separate process that saves recipes, for the crash and two-process tests.

    python writer_process.py add-loop LIBRARY [COUNT]   add recipes, printing each id once saved
    python writer_process.py hold LIBRARY               open it for a session, say rw or ro, wait

Every line is flushed the moment the save it reports has returned: a printed id is an
acknowledged save. With CRASH_AT=<function>:<n> in the environment, the process kills
itself with SIGKILL at the n-th call of os.<function> (write: after half of the bytes).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from pathlib import Path

from recipe_manager.domain import Component, Recipe, parse_ingredient
from recipe_manager.storage import RecipeLibrary, open_library_safely


def arm_crash(spec: str) -> None:
    name, _, count = spec.partition(":")
    real = getattr(os, name)
    calls = [0]

    def crashing(*args: object) -> object:
        calls[0] += 1
        if calls[0] >= int(count):
            if name == "write":
                descriptor, data = args
                real(descriptor, bytes(data[: len(data) // 2]))
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args)

    setattr(os, name, crashing)


def recipe(number: int) -> Recipe:
    return Recipe(
        title=f"Recipe {number} from {os.getpid()}",
        servings=number % 12 + 1,
        components=[
            Component(
                ingredients=[parse_ingredient(f"{number} g flour"), parse_ingredient("salt")],
                steps=[f"Step {step} of recipe {number}." for step in range(5)],
            )
        ],
        notes=["x" * (number % 400)],
    )


def add_loop(path: Path, count: int) -> None:
    # Opened as the window opens it: records on their outline, checked in full (then the
    # backup and compaction) on a worker while the saves go on.
    library = RecipeLibrary(path, defer_checks=True)
    threading.Thread(target=library.finish_reading, daemon=True).start()
    print("opened", flush=True)
    for number in range(count):
        recipe_id = library.add(recipe(number))
        print(recipe_id, flush=True)


def hold(path: Path) -> None:
    result = open_library_safely(path)
    print("ro" if result.read_only else "rw", flush=True)
    if not result.read_only:
        result.library.add(recipe(0))
    print("saved" if not result.read_only else "refused", flush=True)
    sys.stdin.readline()


def main() -> None:
    if "CRASH_AT" in os.environ:
        arm_crash(os.environ["CRASH_AT"])
    command, path = sys.argv[1], Path(sys.argv[2])
    if command == "add-loop":
        add_loop(path, int(sys.argv[3]) if len(sys.argv) > 3 else 10**9)
    elif command == "hold":
        hold(path)


if __name__ == "__main__":
    main()
