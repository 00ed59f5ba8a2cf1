"""The recipe library on disk. TinyDB lives here only; errors are raised, never shown."""

from .backups import BackupInfo, list_backups, newest_good_backup
from .errors import (
    LibraryCorruptError,
    LibraryError,
    LibraryReadError,
    LibraryReadOnlyError,
    LibraryTooNewError,
    LibraryWriteError,
    RecipeNotFoundError,
)
from .library import RecipeLibrary, RecipeSummary
from .opening import OpenResult, open_library_safely
from .seeding import open_library, read_seed_recipes
from .sync import MergeReport, find_conflict_copies

__all__ = [
    "BackupInfo",
    "LibraryCorruptError",
    "LibraryError",
    "LibraryReadError",
    "LibraryReadOnlyError",
    "LibraryTooNewError",
    "LibraryWriteError",
    "MergeReport",
    "OpenResult",
    "RecipeLibrary",
    "RecipeNotFoundError",
    "RecipeSummary",
    "find_conflict_copies",
    "list_backups",
    "newest_good_backup",
    "open_library",
    "open_library_safely",
    "read_seed_recipes",
]
