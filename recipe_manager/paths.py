"""Where the library and the bundled files live, from a checkout or an installed wheel."""

from __future__ import annotations

import os
from pathlib import Path

APP_ID = "recipe-manager"
LIBRARY_FOLDER_NAME = "recipes"
#: Where 0.1 kept the whole library; opened (and moved into the folder) when found.
LIBRARY_FILE_NAME = "recipes.json"
LIBRARY_ENV_VAR = "RECIPE_MANAGER_LIBRARY"
_PACKAGE_DIR = Path(__file__).resolve().parent


def default_library_path() -> Path:
    """The environment variable if set, else the `recipes` folder in the user's data folder.

    Where that folder does not exist yet but a 0.1 `recipes.json` does, the file: opening it
    moves its recipes into the `recipes` folder beside it (the file is kept).
    """
    override = os.environ.get(LIBRARY_ENV_VAR)
    if override:
        return Path(override).expanduser()
    # platformdirs costs an import; only the default path needs it.
    from platformdirs import user_data_path

    data = user_data_path(APP_ID, appauthor=False)
    folder = data / LIBRARY_FOLDER_NAME
    old = data / LIBRARY_FILE_NAME
    if not folder.exists() and old.is_file():
        return old
    return folder


def bundled_path(name: str) -> Path:
    """A shipped folder or file: inside the installed package, else at the checkout's root."""
    for base in (_PACKAGE_DIR, _PACKAGE_DIR.parent):
        candidate = base / name
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"{name} is missing from this installation ({_PACKAGE_DIR})")


def seed_library_path() -> Path:
    return bundled_path("data") / "seed-recipes.json"


def icon_path() -> Path:
    return bundled_path("resources") / f"{APP_ID}.svg"
