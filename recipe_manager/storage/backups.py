"""Copies of the library in `backups/` beside it, named so a listing needs no parsing.

A backup's name carries when it was taken, how many recipes it holds and why it was
taken (`recipes-2025-03-01T140200.123456Z-1234-session.json`), so the restore menu lists
them instantly even at ten thousand recipes a copy; the content is checked only when a
backup is about to be used.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..atomic_file import TEMP_SUFFIX
from .atomic_storage import write_chunks_atomically
from .errors import LibraryReadError, LibraryWriteError
from .schema import LoadedFile, load_library_file

BACKUP_FOLDER = "backups"
DEFAULT_KEEP = 10
_STAMP = "%Y-%m-%dT%H%M%S.%fZ"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{4}-\d{2}-\d{2}T\d{6}\.\d{6}Z)"
    r"-(?P<count>\d+)-(?P<reason>[a-z]+)\.json$"
)


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup: what the restore menu shows before the user picks it."""

    path: Path
    taken_at: datetime
    recipe_count: int
    reason: str

    def load(self) -> LoadedFile:
        """The backup's content, upgraded and checked; raises LibraryReadError if unusable."""
        return load_library_file(self.path)


def backup_folder(library_path: Path) -> Path:
    return library_path.parent / BACKUP_FOLDER


def list_backups(library_path: Path) -> list[BackupInfo]:
    """This library's backups, newest first."""
    try:
        entries = list(backup_folder(library_path).iterdir())
    except OSError:
        return []
    found = []
    for entry in entries:
        match = _NAME.match(entry.name)
        if match is None or match["stem"] != library_path.stem:
            continue
        taken_at = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
        found.append(BackupInfo(entry, taken_at, int(match["count"]), match["reason"]))
    return sorted(found, key=lambda info: info.taken_at, reverse=True)


def newest_good_backup(library_path: Path) -> BackupInfo | None:
    """The newest backup that really opens, for a library that no longer does."""
    for info in list_backups(library_path):
        with contextlib.suppress(LibraryReadError, FileNotFoundError):
            info.load()
            return info
    return None


def take_backup(
    library_path: Path, chunks: Iterable[bytes], recipe_count: int, reason: str, keep: int
) -> BackupInfo:
    """Write a backup atomically, then drop the oldest beyond `keep`."""
    folder = backup_folder(library_path)
    taken_at = datetime.now(UTC)
    name = f"{library_path.stem}-{taken_at.strftime(_STAMP)}-{recipe_count}-{reason}.json"
    try:
        # Not `parents`: a library folder that vanished must not come back for a backup.
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise LibraryWriteError(
            f"the backup folder {folder} could not be created: {error.strerror or error}"
        ) from error
    write_chunks_atomically(folder / name, chunks)
    info = BackupInfo(folder / name, taken_at, recipe_count, reason)
    prune_backups(library_path, keep)
    return info


def clean_backup_temp_files(library_path: Path) -> None:
    """Remove half-written backups a killed save left; call only while holding the write lock."""
    prefix = f".{library_path.stem}-"
    try:
        entries = list(backup_folder(library_path).iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX):
            with contextlib.suppress(OSError):
                entry.unlink()


def prune_backups(library_path: Path, keep: int) -> None:
    for info in list_backups(library_path)[max(keep, 1) :]:
        with contextlib.suppress(OSError):
            info.path.unlink()
