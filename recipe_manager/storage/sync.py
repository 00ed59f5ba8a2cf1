"""Living in a synced folder: conflict copies, and files set aside rather than lost.

When two computers change the library before the sync tool has passed either change on,
the tool keeps one version under the library's name and the other as a conflict copy
beside it: Syncthing `recipes.sync-conflict-20250301-140200-ABCDEFG.json`, Nextcloud and
ownCloud `recipes (conflicted copy 2025-03-01 140200).json`, Dropbox
`recipes (Sam's conflicted copy 2025-03-01).json`. The app merges such a copy recipe by
recipe, the newer edit of each winning, and moves the copy into `backups/conflicts/`.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .backups import backup_folder
from .errors import LibraryWriteError

CONFLICTS_FOLDER = "conflicts"
# "sync-conflict" (Syncthing), "conflicted copy" (Nextcloud, ownCloud, Dropbox), "Conflict"
# (Resilio and others): all of them say "conflict".
_CONFLICT_MARKER = "conflict"
_OLDEST = datetime.min.replace(tzinfo=UTC)

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class MergeReport:
    """What merging a conflict copy changed: titles added and updated, and what it kept."""

    copy_path: Path
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept_ours: int = 0
    unreadable: list[str] = field(default_factory=list)
    moved_to: Path | None = None


def find_conflict_copies(library_path: Path) -> list[Path]:
    """Conflict copies of this library beside it, oldest first."""
    stem, suffix = library_path.stem, library_path.suffix
    try:
        entries = list(library_path.parent.iterdir())
    except OSError:
        return []
    found = [
        entry
        for entry in entries
        if entry.name != library_path.name
        and entry.name.startswith(stem)
        and entry.name.endswith(suffix)
        and _CONFLICT_MARKER in entry.name.lower()
        and entry.is_file()
    ]
    return sorted(found, key=lambda entry: (_mtime(entry), entry.name))


def is_newer(document: dict[str, Any], than: dict[str, Any]) -> bool:
    """Whether `document` was edited after `than`, by their `updated` stamps."""
    return _updated(document) > _updated(than)


def move_aside(path: Path, label: str = "corrupt") -> Path:
    """Rename a file to `<name>.<label>-<time>` beside it, never over another file."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.{label}-{stamp}-{counter}")
    try:
        os.rename(path, target)
    except OSError as error:
        raise LibraryWriteError(
            f"{path} could not be moved aside to {target.name}: {error.strerror or error}"
        ) from error
    return target


def set_conflict_aside(library_path: Path, report: MergeReport) -> MergeReport:
    """Move a merged copy into backups/conflicts/, so it is offered once and kept."""
    folder = backup_folder(library_path) / CONFLICTS_FOLDER
    target = folder / report.copy_path.name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if target.exists():
            stamp = f"{datetime.now(UTC):%Y%m%dT%H%M%S%fZ}"
            target = folder / f"{report.copy_path.stem}-{stamp}{report.copy_path.suffix}"
        os.replace(report.copy_path, target)
    except OSError as error:
        # Merged already; merging the same copy again changes nothing.
        logger.warning("Merged %s but could not move it aside: %s", report.copy_path, error)
        return report
    report.moved_to = target
    return report


def _updated(document: dict[str, Any]) -> datetime:
    value = document.get("updated")
    if not isinstance(value, str) or not value:
        return _OLDEST
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        return _OLDEST
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
