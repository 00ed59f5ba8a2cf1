"""Opening the library for the app: it always opens, and the window is told what happened."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .backups import DEFAULT_KEEP, BackupInfo
from .errors import LibraryMissingError
from .identity import known_libraries
from .library import RecipeLibrary
from .seeding import open_or_seed


@dataclass(frozen=True, slots=True)
class OpenResult:
    """The library as opened, and what the window should tell the user about it."""

    library: RecipeLibrary
    moved_aside: Path | None = None
    problem: str | None = None
    newest_backup: BackupInfo | None = None

    @property
    def read_only(self) -> bool:
        return self.library.read_only

    @property
    def read_only_reason(self) -> str | None:
        return self.library.read_only_reason

    @property
    def migrated_from(self) -> int | None:
        return self.library.migrated_from


def check_not_missing(path: Path) -> None:
    """Raise LibraryMissingError for a library folder that should be there and is not.

    A folder this computer opened before that is gone (an unmounted drive), a dangling
    link, or a folder whose parent does not exist is never created silently: the window
    asks. A folder never opened here whose parent exists is simply new.
    """
    path = Path(path)
    if path.exists():
        return
    if path.is_symlink():
        raise LibraryMissingError(path, "it is a link to a folder that is not there")
    if not path.parent.is_dir():
        raise LibraryMissingError(path, f"the folder {path.parent} holding it is not there")
    resolved = path.parent.resolve() / path.name
    if str(resolved) in known_libraries():
        raise LibraryMissingError(
            path, "it was opened on this computer before and is not there now"
        )


def open_library_safely(
    path: Path,
    seed_file: Path | None = None,
    *,
    backups: int = DEFAULT_KEEP,
    create_missing: bool = False,
    defer_checks: bool = False,
) -> OpenResult:
    """Open (or create and seed) the library, holding the session lock if it is free.

    Raises LibraryMissingError (touching nothing) for a folder that has gone missing, unless
    `create_missing` (the cook chose "Create it"). Files it cannot read are left as they are
    and named in `problem`; the library opens in every other case. `defer_checks`: see
    `RecipeLibrary` (the caller then runs `RecipeLibrary.finish_reading` on a worker).
    """
    if not create_missing:
        check_not_missing(path)
    library = open_or_seed(
        path, seed_file, backups=backups, exclusive=True, defer_checks=defer_checks
    )
    problem = None
    if library.problems:
        problem = "Some of the library could not be read and was left out:\n" + "\n".join(
            library.problems[:12]
        )
    moved = library.moved_aside[0] if library.moved_aside else None
    return OpenResult(library, moved, problem)
