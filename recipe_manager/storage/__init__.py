"""The recipe library on disk. TinyDB lives here only; errors are raised, never shown."""

from .errors import LibraryError, LibraryReadError, LibraryWriteError, RecipeNotFoundError
from .library import RecipeLibrary, RecipeSummary
from .seeding import open_library, read_seed_recipes

__all__ = [
    "LibraryError",
    "LibraryReadError",
    "LibraryWriteError",
    "RecipeLibrary",
    "RecipeNotFoundError",
    "RecipeSummary",
    "open_library",
    "read_seed_recipes",
]
