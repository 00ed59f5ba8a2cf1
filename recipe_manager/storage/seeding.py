"""Opening the user's library, filling a brand-new one with the shipped recipes."""

from __future__ import annotations

import json
from pathlib import Path

from ..domain import Recipe
from .backups import DEFAULT_KEEP
from .library import RecipeLibrary


def read_seed_recipes(seed_file: Path) -> list[Recipe]:
    """The recipes of a seed file: {"recipes": [recipe dicts]}."""
    data = json.loads(seed_file.read_text(encoding="utf-8"))
    return [Recipe.from_dict(item) for item in data["recipes"]]


def open_library(path: Path, seed_file: Path | None = None) -> RecipeLibrary:
    """Open the library at `path`; when it is new, fill it with the seeds.

    The app itself uses `open_library_safely`, which also locks, asks about missing folders
    and reports.
    """
    return open_or_seed(path, seed_file)


def open_or_seed(
    path: Path,
    seed_file: Path | None,
    *,
    backups: int = DEFAULT_KEEP,
    exclusive: bool = False,
    create: bool = True,
    defer_checks: bool = False,
) -> RecipeLibrary:
    """Open, and seed a library that has never held anything (no computer wrote a record).

    The seeds have fixed ids, times and author, so two computers seeding one synced folder
    write the same versions and the merge shows each once; a seed a cook deleted stays
    deleted (its tombstone is newer).
    """
    library = RecipeLibrary(
        path, backups=backups, exclusive=exclusive, create=create, defer_checks=defer_checks
    )
    if (
        seed_file is None
        or library.read_only
        or library.legacy_file is not None
        or not library.is_empty_of_records()
    ):
        return library
    library.add_seeds(read_seed_recipes(seed_file))
    return library
