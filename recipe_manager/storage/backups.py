"""Backups of the merged library in `backups/`, kept by age, not by count.

Each computer writes only its own backups (its id is in the name, so a synced folder never
has two writers of one file) and prunes only its own: the last few, then the newest of each
day for two weeks and of each week for two months. A burst of sessions never pushes out
yesterday's library. The name carries when, how many recipes and why
(`backup-2025-03-01T140200.123456Z-1234-session-<computer>.json`), so the restore menu lists
them without reading them; `describe` reads one to show what it holds.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ..atomic_file import TEMP_SUFFIX
from .errors import LibraryCorruptError, LibraryReadError, LibraryWriteError
from .write_files import in_chunks, write_chunks_atomically

BACKUP_FOLDER = "backups"
BACKUP_FORMAT = "recipe-manager-backup"
#: Kept whatever their age.
KEEP_LAST = 5
#: One a day for this long, then one a week for `KEEP_WEEKLY`.
KEEP_DAILY = timedelta(days=14)
KEEP_WEEKLY = timedelta(weeks=8)
DEFAULT_KEEP = KEEP_LAST
_STAMP = "%Y-%m-%dT%H%M%S.%fZ"
_NAME = re.compile(
    r"^backup-(?P<stamp>\d{4}-\d{2}-\d{2}T\d{6}\.\d{6}Z)-(?P<count>\d+)"
    r"-(?P<reason>[a-z]+)-(?P<device>[0-9a-f]{32})\.json$"
)


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup: what the restore menu shows before the user picks it."""

    path: Path
    taken_at: datetime
    recipe_count: int
    reason: str
    device: str = ""

    def load(self) -> dict[str, list[dict[str, Any]]]:
        """The backup's records by kind ('recipe', 'plan'); raises LibraryReadError if unusable."""
        try:
            data = json.loads(self.path.read_bytes())
        except OSError as error:
            raise LibraryReadError(self.path, f"it could not be read ({error.strerror})") from error
        except (ValueError, RecursionError) as error:
            raise LibraryCorruptError(self.path, f"it is not a backup ({error})") from error
        if not isinstance(data, dict) or data.get("format") != BACKUP_FORMAT:
            raise LibraryCorruptError(self.path, "it is not a backup of this app")
        found = {}
        for kind, key in (("recipe", "recipes"), ("plan", "plan")):
            items = data.get(key, [])
            if not isinstance(items, list):
                raise LibraryCorruptError(self.path, f"its {key} are not a list")
            found[kind] = [
                item for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)
            ]
        return found

    def describe(self, titles: int = 8) -> str:
        """What it holds, for the restore dialog: the count and the first titles."""
        try:
            recipes = self.load()["recipe"]
        except LibraryReadError as error:
            return f"This backup cannot be used: {error.reason}."
        names = sorted((str(item.get("title", "")) for item in recipes), key=str.casefold)
        shown = ", ".join(names[:titles])
        more = f" and {len(names) - titles} more" if len(names) > titles else ""
        return f"{len(recipes)} recipes: {shown}{more}" if names else "No recipes."


def backup_folder(library_folder: Path) -> Path:
    return library_folder / BACKUP_FOLDER


def list_backups(library_folder: Path) -> list[BackupInfo]:
    """Every computer's backups of this library, newest first."""
    try:
        entries = list(backup_folder(library_folder).iterdir())
    except OSError:
        return []
    found = []
    for entry in entries:
        match = _NAME.match(entry.name)
        if match is None:
            continue
        taken_at = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
        found.append(
            BackupInfo(entry, taken_at, int(match["count"]), match["reason"], match["device"])
        )
    return sorted(found, key=lambda info: info.taken_at, reverse=True)


def newest_good_backup(library_folder: Path) -> BackupInfo | None:
    """The newest backup that really opens."""
    for info in list_backups(library_folder):
        with contextlib.suppress(LibraryReadError):
            info.load()
            return info
    return None


def backup_chunks(records: dict[str, list[dict[str, Any]]]) -> Iterable[bytes]:
    """A backup's bytes, a record at a time (a save worker never holds the GIL long)."""
    yield b'{"format":"' + BACKUP_FORMAT.encode() + b'","recipes":['
    for index, document in enumerate(records.get("recipe", [])):
        yield (b"," if index else b"") + _encode(document)
    yield b'],"plan":['
    for index, document in enumerate(records.get("plan", [])):
        yield (b"," if index else b"") + _encode(document)
    yield b"]}"


def take_backup(
    library_folder: Path,
    device: str,
    records: dict[str, list[dict[str, Any]]],
    reason: str,
    now: datetime | None = None,
) -> BackupInfo:
    """Write a backup atomically, then prune this computer's backups by age."""
    folder = backup_folder(library_folder)
    taken_at = now or datetime.now(UTC)
    count = len(records.get("recipe", []))
    name = f"backup-{taken_at.strftime(_STAMP)}-{count}-{reason}-{device}.json"
    try:
        # Not `parents`: a library folder that vanished must not come back for a backup.
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise LibraryWriteError(
            f"the backup folder {folder} could not be created: {error.strerror or error}"
        ) from error
    write_chunks_atomically(folder / name, in_chunks(backup_chunks(records)))
    info = BackupInfo(folder / name, taken_at, count, reason, device)
    prune_backups(library_folder, device, taken_at)
    return info


def backups_to_keep(backups: list[BackupInfo], now: datetime) -> set[Path]:
    """The last few, the newest of each day for two weeks, of each week for two months."""
    ordered = sorted(backups, key=lambda info: info.taken_at, reverse=True)
    keep = {info.path for info in ordered[:KEEP_LAST]}
    days: set[object] = set()
    weeks: set[object] = set()
    for info in ordered:
        age = now - info.taken_at
        if age <= KEEP_DAILY:
            day = info.taken_at.date()
            if day not in days:
                days.add(day)
                keep.add(info.path)
        if age <= KEEP_WEEKLY:
            week = info.taken_at.isocalendar()[:2]
            if week not in weeks:
                weeks.add(week)
                keep.add(info.path)
    return keep


def prune_backups(library_folder: Path, device: str, now: datetime | None = None) -> None:
    """Remove this computer's backups no longer kept; never another computer's."""
    own = [info for info in list_backups(library_folder) if info.device == device]
    keep = backups_to_keep(own, now or datetime.now(UTC))
    for info in own:
        if info.path not in keep:
            with contextlib.suppress(OSError):
                info.path.unlink()


def clean_backup_temp_files(library_folder: Path) -> None:
    """Remove half-written backups a killed save left (ours are `.backup-…tmp`)."""
    try:
        entries = list(backup_folder(library_folder).iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".backup-") and entry.name.endswith(TEMP_SUFFIX):
            with contextlib.suppress(OSError):
                entry.unlink()


def _encode(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
