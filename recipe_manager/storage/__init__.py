"""The recipe library on disk. Errors are raised, never shown.

Names are loaded on first use (PEP 562): the window can name the library's errors without
paying for the library code before its first paint.
"""

from __future__ import annotations

from ..lazy_exports import lazy_exports

_EXPORTS = {
    "BackupInfo": "backups",
    "list_backups": "backups",
    "newest_good_backup": "backups",
    "LibraryCorruptError": "errors",
    "LibraryError": "errors",
    "LibraryMissingError": "errors",
    "LibraryReadError": "errors",
    "LibraryReadOnlyError": "errors",
    "LibraryTooNewError": "errors",
    "LibraryWriteError": "errors",
    "RecipeNotFoundError": "errors",
    "Computer": "identity",
    "this_computer": "identity",
    "RecipeLibrary": "library",
    "RecipeSummary": "library",
    "without_cyclic_gc": "library",
    "merge_versions": "merge",
    "Version": "merge",
    "OpenResult": "opening",
    "check_not_missing": "opening",
    "open_library_safely": "opening",
    "open_library": "seeding",
    "read_seed_recipes": "seeding",
}
__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, globals(), _EXPORTS)
