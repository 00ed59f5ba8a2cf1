"""A TinyDB storage that never leaves a half-written library on disk.

TinyDB's own JSONStorage rewrites the file in place (a crash mid-write leaves it corrupt)
and re-parses it on every query. This one keeps the parsed data in memory, serialises a
whole library before touching the disk, and replaces the file atomically: a temporary
file in the same folder, flushed and fsynced, then `os.replace`, then the folder fsynced.

Every save stamps a fresh random revision at the very start of the file, so that a later
look at its first bytes tells our own last save from anybody else's file, whatever the
file system does with timestamps and inode numbers.

Saves run on a worker thread while the UI thread waits for the GIL, so no step of a save
is one long C call: the file is encoded, read and written in chunks of about a megabyte
(a single 15 MB join or copy holds the GIL for several milliseconds), and each chunk's
write or read releases the GIL while the disk works.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from ..atomic_file import TEMP_SUFFIX, replace_file, temp_prefix
from .errors import LibraryCorruptError, LibraryReadError, LibraryWriteError

META_TABLE = "meta"
META_DOC = "1"
_REVISION_AT_START = re.compile(rb'\A\{"meta":\{"1":\{"revision":"([0-9a-f]{32})"')
_HEAD_BYTES = 128
# Big enough that a 15 MB library is a few dozen writes, small enough that joining or
# reading one chunk holds the GIL for a fraction of a millisecond.
CHUNK_BYTES = 1 << 20

_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))

Identity = tuple[int, int, int]


class ChangedOnDiskError(LibraryWriteError):
    """Another program replaced the file while a save was being written; try again."""


@dataclass(frozen=True, slots=True)
class PreparedSave:
    """A save encoded and ready to write."""

    data: dict[str, Any]
    chunks: list[bytes]
    revision: str


class AtomicJSONStorage(Storage):
    """The committed library in memory; every write replaces the file in one step.

    TinyDB's tables build a new table dict for each change, and the library never changes
    a stored document in place, so the committed data stays as it was when a write fails
    and readers on other threads never see half a change. Encoded documents are kept, by
    identity, so that saving one recipe encodes one recipe, not ten thousand.
    """

    def __init__(
        self,
        path: Path,
        data: dict[str, Any],
        identity: Identity | None = None,
        revision: str | None = None,
    ) -> None:
        self.path = path
        self.identity = identity
        self.revision = revision
        self._data = data
        # Per table: the documents last encoded and their entries (`,"key":{...}`), both by
        # key and changed together; plain dicts, not a tuple per document, so that a save
        # makes no new objects for the garbage collector to walk.
        self._documents: dict[str, dict[str, Any]] = {}
        self._entries: dict[str, dict[str, bytes]] = {}

    def read(self) -> dict[str, Any]:
        # A fresh outer dict: TinyDB assigns its changed table into what read() returned.
        return dict(self._data)

    def write(self, data: dict[str, Any]) -> None:
        self.write_prepared(self.prepare(data))

    def prepare(self, data: dict[str, Any]) -> PreparedSave:
        """Stamp and encode a save: all that can fail without touching the disk."""
        revision = uuid.uuid4().hex
        stamped = _with_revision(data, revision)
        return PreparedSave(stamped, self.encode(stamped), revision)

    def write_prepared(self, save: PreparedSave) -> None:
        written = write_chunks_atomically(
            self.path, save.chunks, before_replace=self._refuse_if_changed
        )
        self._data = save.data
        self.identity = identity_of(written)
        self.revision = save.revision

    def replace_committed(
        self, data: dict[str, Any], identity: Identity | None, revision: str | None
    ) -> None:
        """Take data read from disk (another program's save) as the committed state."""
        self._data = data
        self.identity = identity
        self.revision = revision

    def encode(self, data: dict[str, Any]) -> list[bytes]:
        """The file's bytes in chunks; raises LibraryWriteError, before any disk access, if
        unstorable."""
        return _chunked(self._pieces(data))

    def committed_chunks(self) -> list[bytes]:
        """The committed library's bytes, for a backup.

        Read back from the file when it still is our last save or read (its reads release
        the GIL and no chunk needs encoding); encoded when the file holds something else.
        """
        copied = read_if_unchanged(self.path, self.identity, self.revision)
        return self.encode(self._data) if copied is None else copied

    def _pieces(self, data: dict[str, Any]) -> Iterator[bytes]:
        """The file in pieces, encoding only documents not encoded as they are now."""
        for name in self._documents.keys() - data.keys():
            del self._documents[name], self._entries[name]
        yield b"{"
        separator = b""
        for name, table in data.items():
            documents = self._documents.setdefault(name, {})
            entries = self._entries.setdefault(name, {})
            yield separator + encode_json(name) + b":{"
            separator = b","
            first = True
            for key, document in table.items():
                if documents.get(key) is not document:
                    entries[key] = b"," + encode_json(key) + b":" + encode_json(document)
                    documents[key] = document
                # Entries start with their comma; the first of a table drops it.
                yield entries[key][1:] if first else entries[key]
                first = False
            if len(documents) > len(table):
                for key in documents.keys() - table.keys():
                    del documents[key], entries[key]
            yield b"}"
        yield b"}"

    def changed_on_disk(self) -> bool:
        """Whether the file now holds something other than our last read or save.

        A missing file is not a change: the next save writes the library back.
        """
        try:
            stat = os.stat(self.path)
        except OSError:
            return False
        current = identity_of(stat)
        if current == self.identity:
            return False
        known_size = self.identity[1] if self.identity else -1
        if stat.st_size == known_size and read_revision(self.path) == self.revision:
            # Same bytes under a new inode or timestamp (copied back, touched): ours still.
            self.identity = current
            return False
        return True

    def _refuse_if_changed(self) -> None:
        if self.changed_on_disk():
            raise ChangedOnDiskError(f"{self.path} was replaced by another program while saving")


def _with_revision(data: dict[str, Any], revision: str) -> dict[str, Any]:
    """The meta table first, the revision first in it: a look at the head finds it."""
    meta = dict(data.get(META_TABLE, {}))
    info = {key: value for key, value in meta.get(META_DOC, {}).items() if key != "revision"}
    meta[META_DOC] = {"revision": revision, **info}
    return {META_TABLE: meta, **{name: t for name, t in data.items() if name != META_TABLE}}


def encode_json(value: Any) -> bytes:
    """Compact UTF-8 JSON, refusing NaN and lone surrogates that no reader would accept."""
    try:
        return _ENCODER.encode(value).encode("utf-8")
    except (TypeError, ValueError, RecursionError) as error:
        raise LibraryWriteError(f"the recipe could not be stored: {error}") from error


def identity_of(stat: os.stat_result) -> Identity:
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def read_revision(path: Path) -> str | None:
    """The revision our save stamped at the start of the file, or None (not ours, unreadable)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return None
    found = _REVISION_AT_START.match(head)
    return found.group(1).decode() if found else None


def read_if_unchanged(
    path: Path, identity: Identity | None, revision: str | None
) -> list[bytes] | None:
    """The file's bytes in chunks if it is the one `identity` (and `revision`) describe.

    None when it is not, or is unreadable: the file's status is checked on the open file
    before and after reading, so the chunks are that file's whole content as it was.
    """
    if identity is None:
        return None
    try:
        with open(path, "rb", buffering=0) as handle:
            if identity_of(os.fstat(handle.fileno())) != identity:
                return None
            chunks = list(iter(lambda: handle.read(CHUNK_BYTES), b""))
            if identity_of(os.fstat(handle.fileno())) != identity:
                return None
    except OSError:
        return None
    if revision is not None:
        found = _REVISION_AT_START.match(chunks[0] if chunks else b"")
        if found is None or found.group(1).decode() != revision:
            return None
    return chunks


def read_library_file(path: Path) -> tuple[dict[str, Any], os.stat_result]:
    """Parse the library file, refusing anything that is not a TinyDB-shaped document.

    FileNotFoundError passes through; any other failure to read is a LibraryReadError, and
    content that can never be a library is a LibraryCorruptError.
    """
    try:
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            raw = handle.read()
    except FileNotFoundError:
        raise
    except NotADirectoryError as error:
        raise FileNotFoundError(error.errno, error.strerror, str(path)) from error
    except OSError as error:
        raise LibraryReadError(path, f"it could not be read ({error.strerror})") from error
    if not raw.strip():
        raise LibraryCorruptError(path, "the file is empty")
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise LibraryCorruptError(
            path, f"it is not a recipe library (not valid JSON: {error})"
        ) from error
    if not isinstance(data, dict) or not all(isinstance(table, dict) for table in data.values()):
        raise LibraryCorruptError(path, "it is not a recipe library (unexpected layout)")
    return data, stat


def write_atomically(
    path: Path, payload: bytes, before_replace: Callable[[], None] | None = None
) -> os.stat_result:
    """Write beside the target, flush and fsync, then replace it in one step.

    Returns the written file's status (its inode survives the rename). On any failure the
    temporary file is removed and the target is as it was.
    """
    return write_chunks_atomically(path, (payload,), before_replace)


def write_chunks_atomically(
    path: Path, chunks: Iterable[bytes], before_replace: Callable[[], None] | None = None
) -> os.stat_result:
    """`write_atomically` for a file given in chunks, each written in its own call."""
    try:
        return replace_file(path, chunks, before_replace)
    except OSError as error:
        raise LibraryWriteError(f"{path} could not be saved: {error.strerror or error}") from error


def clean_temp_files(path: Path) -> list[Path]:
    """Remove what a killed save left beside `path`; call only while holding the write lock."""
    prefix = temp_prefix(path)
    removed: list[Path] = []
    try:
        entries = list(path.parent.iterdir())
    except OSError:
        return removed
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX):
            with contextlib.suppress(OSError):
                entry.unlink()
                removed.append(entry)
    return removed


def _chunked(pieces: Iterable[bytes]) -> list[bytes]:
    """Pieces joined into chunks of about CHUNK_BYTES: many short joins, few writes."""
    chunks: list[bytes] = []
    pending: list[bytes] = []
    size = 0
    for piece in pieces:
        pending.append(piece)
        size += len(piece)
        if size >= CHUNK_BYTES:
            chunks.append(b"".join(pending))
            pending.clear()
            size = 0
    chunks.append(b"".join(pending))
    return chunks
