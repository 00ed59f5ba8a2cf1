"""Plan entries in a JSON file beside the library: the stand-in for a library that does not
keep them itself yet (`RecipeLibrary.plan_entries` arrives with the library folder).

The same three methods as the library's, so the window uses either the same way; writes
are atomic replaces and failures raise `LibraryWriteError`.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from ..atomic_file import replace_file
from .errors import LibraryWriteError


def plan_file_path(library_path: Path) -> Path:
    return library_path.with_name(f"{library_path.stem}.plan.json")


class PlanFile:
    """Entries (dicts with an "id") kept in one JSON file; unreadable files start empty and
    are only replaced by the next change."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._entries: dict[str, dict[str, Any]] = {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = []
        if isinstance(data, list):
            for entry in data:
                if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                    self._entries[entry["id"]] = entry

    def plan_entries(self) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(entry) for entry in self._entries.values()]

    def put_plan_entry(self, entry: dict[str, Any]) -> str:
        entry_id = entry.get("id")
        if not isinstance(entry_id, str) or not entry_id:
            raise ValueError("a plan entry needs a text 'id'")
        with self._lock:
            before = self._entries.get(entry_id)
            self._entries[entry_id] = dict(entry)
            try:
                self._write()
            except LibraryWriteError:
                if before is None:
                    del self._entries[entry_id]
                else:
                    self._entries[entry_id] = before
                raise
        return entry_id

    def remove_plan_entry(self, entry_id: str) -> None:
        with self._lock:
            before = self._entries.pop(entry_id, None)
            if before is None:
                return
            try:
                self._write()
            except LibraryWriteError:
                self._entries[entry_id] = before
                raise

    def _write(self) -> None:
        data = json.dumps(list(self._entries.values()), indent=1).encode()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            replace_file(self.path, (data,))
        except OSError as error:
            raise LibraryWriteError(f"The meal plan could not be saved: {error}") from error


def plan_store(library: Any) -> Any:
    """The library itself when it keeps plan entries, else a PlanFile beside it."""
    if hasattr(library, "plan_entries"):
        return library
    return PlanFile(plan_file_path(Path(library.path)))
