"""Opening the user's library, filling a brand-new one with the shipped recipes."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from ..domain import Recipe
from .backups import DEFAULT_KEEP
from .errors import LibraryError
from .library import RecipeLibrary


def read_seed_recipes(seed_file: Path) -> list[Recipe]:
    """The recipes of a seed file: {"recipes": [recipe dicts]}."""
    data = json.loads(seed_file.read_text(encoding="utf-8"))
    return [Recipe.from_dict(item) for item in data["recipes"]]


def open_library(path: Path, seed_file: Path | None = None) -> RecipeLibrary:
    """Open the library at `path`; when there is none yet, create it holding the seeds.

    An existing file is never touched here, whatever it holds: errors propagate. The app
    itself uses `open_library_safely`, which also locks, sets bad files aside and reports.
    """
    return open_or_seed(path, seed_file)


def open_or_seed(
    path: Path,
    seed_file: Path | None,
    *,
    backups: int = DEFAULT_KEEP,
    exclusive: bool = False,
) -> RecipeLibrary:
    seeds = read_seed_recipes(seed_file) if seed_file is not None and not path.exists() else None
    library = RecipeLibrary(path, backups=backups, exclusive=exclusive)
    if seeds is None or library.read_only or len(library):
        return library
    try:
        library.add_many(seeds)
    except LibraryError:
        # We created this file a moment ago: remove it so the next start seeds again.
        library.close()
        with contextlib.suppress(OSError):
            path.unlink()
        raise
    return library
