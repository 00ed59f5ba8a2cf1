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
from typing import Any

TEMP_SUFFIX = ".tmp"
# Windows and its virus scanners hold a file open for a moment after anyone touches it;
# elsewhere a refused rename is final.
REPLACE_RETRY_SECONDS = 2.0 if sys.platform == "win32" else 0.0


def temp_prefix(path: Path) -> str:
    """Temporary files are named after their target, so a clean-up touches only its own."""
    return f".{path.name}."


def replace_file(
    path: Path,
    chunks: Iterable[bytes],
    before_replace: Callable[[], None] | None = None,
    *,
    guard: Callable[[], contextlib.AbstractContextManager[Any]] | None = None,
    after_replace: Callable[[os.stat_result], None] | None = None,
) -> os.stat_result:
    """Write `chunks` (each in its own call, releasing the GIL) beside `path`, fsync, then
    replace `path` in one step; `before_replace` may still refuse by raising.

    `guard` (a context manager factory) is held around the replace, the folder's fsync and
    `after_replace(status)`: it may refuse by raising, and what `after_replace` does (the
    library cutting its journal) happens before anyone holding the guard sees the file.
    Returns the written file's status (its inode survives the rename). Raises OSError on
    failure; the temporary file is then removed and `path` is as it was.
    """
    descriptor, temp_name = tempfile.mkstemp(
        prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=path.parent
    )
    try:
        try:
            for chunk in chunks:
                write_all(descriptor, chunk)
            os.fsync(descriptor)
            written = os.fstat(descriptor)
        finally:
            os.close(descriptor)
        if before_replace is not None:
            before_replace()
        with (guard or contextlib.nullcontext)():
            _replace(temp_name, path)
            fsync_folder(path.parent)
            if after_replace is not None:
                after_replace(written)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    return written


def write_all(descriptor: int, payload: bytes) -> None:
    """All of `payload`, however many calls the operating system takes for it."""
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


def fsync_folder(folder: Path) -> None:
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
