"""One computer of the Syncthing test: adds, edits and deletes on a library folder, and
reports every acknowledged change as a JSON line (printed once the save returned).

    python sync_app_process.py FOLDER SEED SECONDS [MARKER_WAIT]

Run with its own HOME and XDG_CONFIG_HOME: that makes it its own computer. After SECONDS
of work it prints {"done": true}, then on each line read from stdin reloads and prints the
library ({"state": {id: title}, "problems": [...]}); "quit" ends it.
"""

from __future__ import annotations

import json
import random
import sys
import threading
import time
from pathlib import Path

from recipe_manager.domain import Component, Recipe, parse_ingredient
from recipe_manager.storage import LibraryError, RecipeLibrary


def say(**what: object) -> None:
    print(json.dumps(what), flush=True)


def main() -> None:
    folder, seed, seconds = Path(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
    rng = random.Random(seed)
    # Opened as the window opens it: records on their outline, checked in full on a worker
    # while this process goes on working.
    library = RecipeLibrary(folder, exclusive=True, defer_checks=True)
    threading.Thread(target=library.finish_reading, daemon=True).start()
    say(opened=library.computer.id)
    mine: list[str] = []
    end = time.monotonic() + seconds
    errors = 0
    while time.monotonic() < end:
        library.reload_if_changed()
        action = rng.random()
        try:
            if action < 0.45 or not mine:
                recipe = Recipe(
                    title=f"From {seed} #{len(mine)}",
                    components=[Component(ingredients=[parse_ingredient("1 cup rice")])],
                )
                recipe_id = library.add(recipe)
                mine.append(recipe_id)
                say(op="add", id=recipe_id)
            elif action < 0.8:
                shown = [s.id for s in library.summaries()]
                target = rng.choice(shown)
                stored = library.get(target)
                library.update(stored.copy(notes=[f"edited by {seed} at {time.time()}"]))
                say(op="edit", id=target)
            else:
                target = mine.pop(rng.randrange(len(mine)))
                if target in library:
                    library.delete(target)
                    say(op="delete", id=target)
        except LibraryError as error:
            errors += 1
            say(op="error", message=str(error))
        time.sleep(rng.uniform(0.01, 0.15))
    say(done=True, errors=errors)
    for line in sys.stdin:
        if line.strip() == "quit":
            break
        if line.startswith("add "):
            say(op="add", id=library.add(Recipe(title=line[4:].strip())))
            continue
        if line.startswith("has "):
            wanted = line[4:].strip()
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                library.reload_if_changed()
                if any(s.title == wanted for s in library.summaries()):
                    break
                time.sleep(0.05)
            say(seen=wanted)
            continue
        library.reload_if_changed()
        say(state={s.id: s.title for s in library.summaries()}, problems=library.problems)
    library.close()


if __name__ == "__main__":
    main()
