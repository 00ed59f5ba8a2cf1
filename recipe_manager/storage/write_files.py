"""Whole files the library writes (backups, media, set-aside bytes), each replaced in one
step by `atomic_file`, with failures raised as `LibraryWriteError` naming the file."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..atomic_file import replace_file
from .errors import LibraryWriteError


def write_atomically(
    path: Path, payload: bytes, before_replace: Callable[[], None] | None = None
) -> os.stat_result:
    """Write beside the target, flush and fsync, then replace it in one step.

    Returns the written file's status. On any failure the temporary file is removed and the
    target is as it was."""
    return write_chunks_atomically(path, (payload,), before_replace)


def write_chunks_atomically(
    path: Path, chunks: Iterable[bytes], before_replace: Callable[[], None] | None = None
) -> os.stat_result:
    """`write_atomically` for a file given in chunks, each written in its own call (so that
    no single step holds the GIL for long)."""
    try:
        return replace_file(path, chunks, before_replace)
    except OSError as error:
        raise LibraryWriteError(f"{path} could not be saved: {error.strerror or error}") from error


#: About how much one write call takes: big enough to be few, small enough that no call
#: holds the GIL for a frame.
CHUNK_BYTES = 1 << 20


def in_chunks(pieces: Iterable[bytes], size: int = CHUNK_BYTES) -> Iterator[bytes]:
    """`pieces` joined into chunks of about `size` bytes, for `replace_file` to write."""
    pending: list[bytes] = []
    total = 0
    for piece in pieces:
        pending.append(piece)
        total += len(piece)
        if total >= size:
            yield b"".join(pending)
            pending, total = [], 0
    if pending:
        yield b"".join(pending)
