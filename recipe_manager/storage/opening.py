"""Opening the library for the app: it always opens, and the window is told what happened."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .backups import DEFAULT_KEEP, BackupInfo, newest_good_backup
from .errors import LibraryCorruptError, LibraryTooNewError
from .library import RecipeLibrary
from .locking import try_session_lock
from .seeding import open_or_seed
from .sync import move_aside


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


def open_library_safely(
    path: Path, seed_file: Path | None = None, *, backups: int = DEFAULT_KEEP
) -> OpenResult:
    """Open (or create and seed) the library, holding the session lock if it is free.

    A file that can never be a library (not JSON, truncated, empty, wrong shape) is moved
    aside, unchanged, and a new empty library is opened in its place; `problem` names both
    files and `newest_backup` is the backup to offer. Raises LibraryError, touching nothing,
    when the file can't be read at all (permissions, a failing disk), is unreadable while
    another window holds it, or was written by a newer version of the app: that library is
    fine, and an empty one in its place would sync over it to the computer that wrote it.
    """
    try:
        return OpenResult(open_or_seed(path, seed_file, backups=backups, exclusive=True))
    except LibraryTooNewError:
        raise
    except LibraryCorruptError as error:
        # The window holding the library has it in memory and will set the file aside
        # itself at its next save: moving it from under that window would help nobody.
        session = try_session_lock(path)
        if session is None:
            raise
        try:
            moved = move_aside(path)
        finally:
            session.release()
        library = RecipeLibrary(path, backups=backups, exclusive=True)
        backup = newest_good_backup(path)
        return OpenResult(library, moved, _problem(error, moved, backup), backup)


def _problem(error: LibraryCorruptError, moved: Path, backup: BackupInfo | None) -> str:
    text = (
        f"The recipe library {error.path} could not be opened: {error.reason}. "
        f"It was moved aside, unchanged, to {moved}, and a new, empty library was started "
        f"at {error.path}."
    )
    if backup is None:
        return text + " There is no backup of it to restore."
    taken = backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return text + (
        f" The newest good backup, from {taken}, holds {backup.recipe_count} recipes: "
        f"{backup.path}."
    )
