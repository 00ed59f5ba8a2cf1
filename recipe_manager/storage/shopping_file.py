"""The shopping list's own files: its saved state in the library folder, and exports.

The list being made and ticked off is this computer's (`shopping/<computer id>.json` in
the library folder): it lives in the library because it names that library's recipes (a
second library has its own list, and the list moves and is backed up with the folder), and
it is one file per computer because no file in the library may have two writers. The
lasting choices behind it (aisles, pantry marks) and the meal plan are plan entries in the
library itself and are merged across computers.

Kept in storage so that the dialog never writes a file itself: every write here is an
atomic replace (`atomic_file`), and a failure raises `LibraryWriteError` with the path and
the reason, for the dialog to show.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..atomic_file import replace_file
from .errors import LibraryError, LibraryWriteError

STATE_VERSION = 1


class ShoppingListReadError(LibraryError):
    """The saved shopping list can't be read; it is left as it is until the list is saved."""


SHOPPING_FOLDER = "shopping"


def shopping_state_path(library_path: Path, computer_id: str | None = None) -> Path:
    """Where this computer keeps its shopping list for a library (a folder)."""
    if computer_id is None:
        from .identity import this_computer

        computer_id = this_computer().id
    return library_path / SHOPPING_FOLDER / f"{computer_id}.json"


def _older_state_path(path: Path) -> Path | None:
    """Where the list was kept before (beside the library folder, named after it)."""
    if path.parent.name != SHOPPING_FOLDER:
        return None
    library = path.parent.parent
    return library.with_name(f"{library.name}.shopping.json")


def save_shopping_state(path: Path, state: dict[str, Any]) -> None:
    """Write the list's state atomically; LibraryWriteError says why it could not be."""
    data = {"version": STATE_VERSION, **state}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_file(path, (json.dumps(data, indent=1).encode(),))
    except OSError as error:
        raise LibraryWriteError(
            f"The shopping list could not be saved to {path}: {error}"
        ) from error


def load_shopping_state(path: Path) -> dict[str, Any] | None:
    """The saved state, None when there is none; ShoppingListReadError when it can't be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        older = _older_state_path(path)
        if older is None or not older.is_file():
            return None
        return load_shopping_state(older)
    except OSError as error:
        raise ShoppingListReadError(
            f"The shopping list {path} could not be read: {error}"
        ) from error
    try:
        state = json.loads(text)
    except ValueError as error:
        raise ShoppingListReadError(f"The shopping list {path} is damaged: {error}") from error
    if not isinstance(state, dict):
        raise ShoppingListReadError(f"The shopping list {path} is not a list this app wrote")
    return state


def write_text_file(path: str | Path, text: str) -> None:
    """Export a list as text (Markdown), atomically; LibraryWriteError on failure."""
    target = Path(path)
    try:
        replace_file(target, (text.encode("utf-8"),))
    except OSError as error:
        raise LibraryWriteError(f"Could not save {target}: {error.strerror or error}") from error
