"""Replacing a file in one step, so that a crash or a full disk never leaves half of it.

Write a temporary file in the same folder, fsync it, `os.replace` it over the target, then
fsync the folder. The library, exports and the shopping list all save this way. Standard
library only: the storage, io and ui layers can all use it.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

TEMP_SUFFIX = ".tmp"
# Windows and its virus scanners hold a file open for a moment after anyone touches it;
# elsewhere a refused rename is final.
REPLACE_RETRY_SECONDS = 2.0 if sys.platform == "win32" else 0.0


def temp_prefix(path: Path) -> str:
    """Temporary files are named after their target, so a clean-up touches only its own."""
    return f".{path.name}."


def replace_file(
    path: Path, chunks: Iterable[bytes], before_replace: Callable[[], None] | None = None
) -> os.stat_result:
    """Write `chunks` (each in its own call, releasing the GIL) beside `path`, fsync, then
    replace `path` in one step; `before_replace` may still refuse by raising.

    Returns the written file's status (its inode survives the rename). Raises OSError on
    failure; the temporary file is then removed and `path` is as it was.
    """
    descriptor, temp_name = tempfile.mkstemp(
        prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=path.parent
    )
    try:
        try:
            for chunk in chunks:
                _write_all(descriptor, chunk)
            os.fsync(descriptor)
            written = os.fstat(descriptor)
        finally:
            os.close(descriptor)
        if before_replace is not None:
            before_replace()
        _replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_folder(path.parent)
    return written


def _write_all(descriptor: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def _replace(source: str, target: Path) -> None:
    deadline = time.monotonic() + REPLACE_RETRY_SECONDS
    delay = 0.01
    while True:
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.2)


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
