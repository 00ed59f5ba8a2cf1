"""The shopping list's own files: its saved state beside the library, and exports.

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


def shopping_state_path(library_path: Path) -> Path:
    """Where a library's shopping list is kept: beside it, named after it."""
    return library_path.with_name(f"{library_path.stem}.shopping.json")


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
        return None
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
