"""A TinyDB storage that never leaves a half-written library on disk.

TinyDB's own JSONStorage rewrites the file in place, so a crash mid-write loses the
library, and it re-reads and re-parses the file on every query. This one keeps the
parsed data in memory and replaces the file atomically on every write.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from .errors import LibraryReadError, LibraryWriteError

TEMP_PREFIX = ".recipes-"
TEMP_SUFFIX = ".tmp"


class AtomicJSONStorage(Storage):
    """Reads the file once; every write goes to a temporary file that replaces the original."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._data: dict[str, Any] | None = None

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            self._data = read_library_file(self.path)
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        # TinyDB hands back the very dict read() returned, already changed: if the write
        # fails, forget it so the next read sees what is really on disk.
        try:
            write_atomically(self.path, serialise(data))
        except BaseException:
            self._data = None
            raise
        self._data = data


def serialise(data: dict[str, Any]) -> bytes:
    """Serialise before touching the disk: a value that can't be stored changes nothing."""
    try:
        return json.dumps(data, ensure_ascii=False).encode("utf-8")
    except (TypeError, ValueError) as error:
        raise LibraryWriteError(f"the recipe could not be stored: {error}") from error


def read_library_file(path: Path) -> dict[str, Any]:
    """Parse the library file, refusing anything that is not a TinyDB library."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise LibraryReadError(path, f"it could not be read ({error.strerror})") from error
    if not raw.strip():
        raise LibraryReadError(path, "the file is empty")
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise LibraryReadError(
            path, f"it is not a recipe library (not valid JSON: {error})"
        ) from error
    if not isinstance(data, dict) or not all(isinstance(table, dict) for table in data.values()):
        raise LibraryReadError(path, "it is not a recipe library (unexpected layout)")
    return data


def write_atomically(path: Path, payload: bytes) -> None:
    """Write beside the target, flush and fsync, then replace it in one step."""
    descriptor, temp_name = _create_temp_file(path)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise LibraryWriteError(f"{path} could not be saved: {error.strerror or error}") from error
    _fsync_folder(path.parent)


def _create_temp_file(path: Path) -> tuple[int, str]:
    try:
        return tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=path.parent)
    except OSError as error:
        raise LibraryWriteError(f"{path} could not be saved: {error.strerror or error}") from error


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform lets a folder be opened."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
