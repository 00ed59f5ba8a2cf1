"""The library's errors: raised to the caller, which decides how to tell the user."""

from __future__ import annotations

from pathlib import Path


class LibraryError(Exception):
    """Anything that went wrong with the library on disk."""


class LibraryReadError(LibraryError):
    """The library exists but can't be read as a library; it is left untouched."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"The recipe library {path} could not be opened: {reason}.")
        self.path = path
        self.reason = reason


class LibraryCorruptError(LibraryReadError):
    """The file was read but is not a library this app can use (bad JSON, empty, wrong shape).

    Unlike a plain read error (a permission, a disk), this one won't go away by trying
    again.
    """


class LibraryTooNewError(LibraryCorruptError):
    """A newer version of the app wrote this library; this one must never write over it."""


class LibraryMissingError(LibraryReadError):
    """The library folder is not there (an unmounted drive, a dangling link, a parent that
    does not exist): it is never silently created again; the app asks."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(path, reason)
        self.folder = path


class LibraryWriteError(LibraryError):
    """A save failed; the files on disk still hold the last successful save."""


class LibraryReadOnlyError(LibraryWriteError):
    """This window opened the library read-only (another one has it); nothing was saved."""


class RecipeNotFoundError(LibraryError, KeyError):
    """No recipe has that id (deleted meanwhile, or never stored)."""

    def __str__(self) -> str:
        return f"no recipe with id {self.args[0]!r}"
