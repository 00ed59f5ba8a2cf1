"""Each computer's compacted records: a TinyDB database, `devices/<computer id>.json`.

Saves never touch this file: they append to the computer's journal
(`devices/<id>.journal.jsonl`, see `device_files`). Now and then, in the background, the
journal is folded in: the computer's newest version of every record is written here as
TinyDB documents (table `recipes`, table `plan`, one document per record) and the journal
is cut back to its header. A kill between the two loses nothing and shows nothing twice:
a version read from both files is the same version, and the merge takes it once.

The file is ordinary TinyDB JSON, written one document per line by `DeviceTableStorage`,
a TinyDB `Storage` of ours:

- `write()` replaces the file in one step (temporary file, fsync, `os.replace`, folder
  fsync), in ~1 MB chunks so that no step holds the GIL for a frame; a guard given by the
  library refuses the replace if the journal changed under it.
- `read()` decodes every document with the same defensive decoder as the journal (no NaN,
  no huge numbers, no duplicate keys, nesting and size limits, lone surrogates refused),
  and never blocks on a FIFO. A document that fails is left out and named; the rest of the
  file counts. A file cut short (a sync tool still copying it) gives what it holds whole,
  and is read again when it changes. A file in any other JSON layout (written by TinyDB's
  own JSONStorage, say) is decoded whole with the same checks.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.middlewares import CachingMiddleware
from tinydb.storages import Storage

from ..atomic_file import replace_file
from ..domain.limits import MAX_RECIPE_CHARS
from .device_files import (
    APP_NAME,
    LAYOUT,
    OUTLINE_FIELDS,
    TITLE_AT_START,
    BadRecordError,
    FileRead,
    UnreadableFileError,
    decode_record,
    encode,
    fast_record,
    needs_walk,
    outline_fields,
    read_regular_file,
    too_new,
    version_from_record,
)
from .errors import LibraryWriteError
from .merge import PLAN, RECIPE, Version
from .write_files import in_chunks

TABLE_SUFFIX = ".json"
META_TABLE = "_meta"
#: TinyDB table name for each kind of record.
TABLES = {RECIPE: "recipes", PLAN: "plan"}
KIND_OF_TABLE = {table: kind for kind, table in TABLES.items()}
#: A table file bigger than this is not one this app wrote (100,000 recipes are ~200 MB).
MAX_TABLE_BYTES = 4 * 1024 * 1024 * 1024
_MAX_BAD_NAMED = 20
_TABLE_START = re.compile(r'^"([A-Za-z_][A-Za-z0-9_]{0,40})":\{$')
_ONE_LINE_TABLE = re.compile(r'^"([A-Za-z_][A-Za-z0-9_]{0,40})":(\{.*\}),?$')
_DOCUMENT = re.compile(r'^"([0-9]{1,12})":')
_DOCUMENT_BYTES = re.compile(rb'^"([0-9]{1,12})":')
_RECIPES = TABLES[RECIPE]
_MAX_LINE = 4 * MAX_RECIPE_CHARS + 4096
# A recipe document's outline as `write_table_file` writes it (see `device_files`).
_OUTLINE = re.compile(rb"\{" + OUTLINE_FIELDS)
_TITLE = re.compile(TITLE_AT_START)


class PendingDocument:
    """A table document taken on its outline alone (`DeviceTableStorage(lazy=True)`): the
    line it came from, where in it the document is, and its title; `read_table_file` makes
    it a pending `Version`, checked in full (`_document_of_line`) on first use."""

    __slots__ = ("line", "span", "title")

    def __init__(self, line: bytes, span: tuple[int, int], title: str) -> None:
        self.line, self.span, self.title = line, span, title


def table_file_name(device: str) -> str:
    return f"{device}{TABLE_SUFFIX}"


class DeviceTableStorage(Storage):
    """TinyDB storage for one computer's table file: safe reads, atomic one-step writes.

    `guard` (for writes) is a context manager factory held around the `os.replace`: it may
    refuse by raising, and whatever it does after the replace (cutting the journal) runs
    before anyone else can write. Reads never raise for what the file holds: what was left
    out is in `problems`, the file's header in `header`.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        header: dict[str, Any] | None = None,
        guard: Callable[[], contextlib.AbstractContextManager[Any]] | None = None,
        on_replaced: Callable[[os.stat_result], None] | None = None,
        lazy: bool = False,
    ) -> None:
        self.path = Path(path)
        self.lazy = lazy
        #: Byte offset of each document taken on its outline (`lazy`), by its line.
        self.pending_at: dict[int, int] = {}
        self.header = header
        self.guard = guard or contextlib.nullcontext
        self.on_replaced = on_replaced
        self.problems: list[str] = []
        self.bad_records = 0
        self.too_new = False
        self.complete = True
        self._data: dict[str, dict[str, Any]] | None = None

    # Reading ------------------------------------------------------------------------------

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self._data is None:
            raw = self._read_bytes()
            self._data = None if raw is None else self._decode(raw)
        return self._data

    def _name(self) -> str:
        return f"{self.path.parent.name}/{self.path.name}"

    def _read_bytes(self) -> bytes | None:
        try:
            return read_regular_file(self.path, self._name(), limit=MAX_TABLE_BYTES)
        except FileNotFoundError:
            return None
        except UnreadableFileError as problem:
            self.problems.append(str(problem))
            return None

    def _decode(self, raw: bytes) -> dict[str, dict[str, Any]]:
        if not raw or raw.isspace():  # (strip() would copy a file of 100 MB to find out)
            return {}
        tables = self._decode_lines(raw)
        if tables is None:
            tables = self._decode_whole(raw)
        meta = tables.pop(META_TABLE, {}).get("1")
        self.header = meta if isinstance(meta, dict) else None
        if self.header is not None and too_new(self.header):
            self.too_new = True
            self.problems.append(
                f"{self._name()} was written by a newer version of the app; it is left out "
                "until this one is updated"
            )
            return {}
        return tables

    def _decode_lines(self, raw: bytes) -> dict[str, dict[str, Any]] | None:
        """Our own layout, one document per line; None if the file is laid out otherwise."""
        lines = raw.split(b"\n")
        if not lines or lines[0].strip() != b"{":
            return None
        tables: dict[str, dict[str, Any]] = {}
        table: dict[str, Any] | None = None
        table_name = ""
        offset = len(lines[0]) + 1
        self.complete = False
        # The part after the last newline is unfinished (a sync tool still copying): wait.
        lazy = self.lazy
        for raw_line in lines[1:-1]:
            line_start, offset = offset, offset + len(raw_line) + 1
            if len(raw_line) > _MAX_LINE:
                self._bad(line_start, f"{len(raw_line):,} bytes, more than a record can hold")
                continue
            if lazy and table is not None and table_name == _RECIPES:
                # Taken on its outline before anything else: the whole line (its UTF-8
                # too) is checked on first use.
                number = _DOCUMENT_BYTES.match(raw_line)
                outline = None if number is None else _outline_record(raw_line, number.end())
                if number is not None and outline is not None:
                    table[number.group(1).decode("ascii")] = outline
                    self.pending_at[id(outline["doc"])] = line_start
                    continue
            try:
                line = raw_line.decode("utf-8").rstrip("\r")
            except UnicodeDecodeError:
                self._bad(line_start, "not UTF-8")
                continue
            if not line.strip():
                continue
            if table is not None:
                if line in ("}", "},"):
                    table = None
                    continue
                match = _DOCUMENT.match(line)
                if match is None:
                    return None
                try:
                    record = checked_record(raw_line, match.end(), table_name)
                except BadRecordError as error:
                    self._bad(line_start, str(error))
                    continue
                table[match.group(1)] = record
                continue
            if line == "}":
                self.complete = True
                break
            start = _TABLE_START.match(line)
            if start is not None:
                table_name = start.group(1)
                table = tables.setdefault(table_name, {})
                continue
            whole = _ONE_LINE_TABLE.match(line)
            if whole is None:
                return None
            try:
                value = decode_record(whole.group(2))
            except BadRecordError as error:
                self._bad(line_start, str(error))
                continue
            tables[whole.group(1)] = self._checked_table(whole.group(1), value, line_start)
        return tables

    def _decode_whole(self, raw: bytes) -> dict[str, dict[str, Any]]:
        """Any other JSON layout: decoded whole, with the same checks, each document checked."""
        self.complete = True
        try:
            data = decode_record(raw.decode("utf-8"), limit=len(raw))
        except (BadRecordError, UnicodeDecodeError) as error:
            self.problems.append(
                f"{self._name()} could not be read ({str(error)[:120]}); it was left as it is"
            )
            return {}
        return {name: self._checked_table(name, value, 0) for name, value in data.items()}

    def _checked_table(self, name: str, value: Any, where: int) -> dict[str, Any]:
        if not isinstance(value, dict):
            self._bad(where, f"table {name[:40]!r} is not a table")
            return {}
        kept: dict[str, Any] = {}
        for doc_id, record in value.items():
            try:
                if not isinstance(record, dict):
                    raise BadRecordError("not a record")
                if name != META_TABLE:
                    version_from_record(record, KIND_OF_TABLE.get(name, ""))
            except BadRecordError as error:
                self._bad(where, f"document {doc_id[:20]}: {error}")
                continue
            kept[doc_id] = record
        return kept

    def _bad(self, where: int, why: str) -> None:
        self.bad_records += 1
        if self.bad_records <= _MAX_BAD_NAMED:
            self.problems.append(f"{self._name()}, byte {where}: a record was set aside ({why})")

    # Writing ------------------------------------------------------------------------------

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Replace the file with `data` in one step; LibraryWriteError if it could not be."""
        header = {"1": self.header or {"app": APP_NAME, "layout": LAYOUT}}
        tables = {META_TABLE: header, **{k: v for k, v in data.items() if k != META_TABLE}}
        try:
            replace_file(
                self.path,
                in_chunks(_lines(tables)),
                guard=self.guard,
                after_replace=self.on_replaced,
            )
        except OSError as error:
            raise LibraryWriteError(
                f"{self.path} could not be written: {error.strerror or error}"
            ) from error
        self._data = data

    def close(self) -> None:
        self._data = None


def checked_record(raw_line: bytes, start: int, table_name: str) -> dict[str, Any]:
    """The document of a table line (from `start`, after its number) decoded and checked in
    full; raises BadRecordError naming what is wrong."""
    body = raw_line[start:].rstrip(b"\r")
    body = body[:-1] if body.endswith(b",") else body
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRecordError("not UTF-8") from None
    record = fast_record(body, text)
    walk = False
    if record is None:
        record = decode_record(text)
        walk = needs_walk(raw_line)
    if not isinstance(record, dict):
        raise BadRecordError("not a record")
    if table_name != META_TABLE:
        version_from_record(record, KIND_OF_TABLE.get(table_name, ""), walk=walk)
    return record


def _outline_record(raw_line: bytes, start: int) -> dict[str, Any] | None:
    """A recipe table line's outline as a record whose "doc" is a `PendingDocument`; None
    for a line not laid out as this app writes it (it is checked in full now)."""
    match = _OUTLINE.match(raw_line, start)
    if match is None:
        return None
    end = len(raw_line) - (2 if raw_line.endswith(b"},") else 1)
    if not raw_line.endswith((b"}}", b"}},")):
        return None
    outline = outline_fields(match.group(2), match.group(4))
    title = _TITLE.match(raw_line, match.end())
    if outline is None or title is None:
        return None
    try:
        key, device = match.group(1).decode("utf-8"), match.group(3).decode("utf-8")
        title_text = title.group(1).decode("utf-8")
    except UnicodeDecodeError:
        return None
    pending = PendingDocument(raw_line, (match.end(), end), title_text)
    return {"id": key, "time": outline[0], "device": device, "seen": outline[1], "doc": pending}


def _document_of_line(raw_line: bytes) -> dict[str, Any]:
    """A pending table version's document: its line checked as if read at once."""
    match = _DOCUMENT_BYTES.match(raw_line)
    if match is None:
        raise BadRecordError("not a record")
    document = checked_record(raw_line, match.end(), TABLES[RECIPE]).get("doc")
    if not isinstance(document, dict):
        raise BadRecordError("the document is not an object")
    return document


def _lines(tables: dict[str, dict[str, Any]]) -> Iterator[bytes]:
    """One document per line, so that a reader can set one bad document aside, not the file."""
    yield b"{\n"
    names = list(tables)
    for number, name in enumerate(names):
        end = b"\n" if number == len(names) - 1 else b",\n"
        documents = tables[name]
        key = encode(name)
        if not documents or name == META_TABLE:
            yield key + b":" + encode(documents) + end
            continue
        yield key + b":{\n"
        count = len(documents)
        for index, (doc_id, document) in enumerate(documents.items()):
            yield (
                encode(str(doc_id))
                + b":"
                + encode(document)
                + (b",\n" if index < count - 1 else b"\n")
            )
        yield b"}" + end
    yield b"}\n"


def read_table_file(path: Path, *, lazy: bool = False) -> FileRead:
    """Every version in a computer's table file, through TinyDB; never raises for content.

    `lazy`: a recipe laid out as this app writes it is taken on its outline alone, its
    document decoded and checked on first use (listed in `pending`)."""
    database = TinyDB(path, storage=DeviceTableStorage, lazy=lazy)
    storage: DeviceTableStorage = database.storage  # type: ignore[assignment]
    found = FileRead()
    try:
        for kind, table_name in TABLES.items():
            for document in database.table(table_name, cache_size=0):
                version = _version(kind, document)
                found.versions.append(version)
                pending = document.get("doc")
                if isinstance(pending, PendingDocument):
                    found.pending.append((storage.pending_at.get(id(pending), 0), version))
    finally:
        database.close()
    found.problems = storage.problems
    found.bad_lines = storage.bad_records
    found.header = storage.header
    found.too_new = storage.too_new
    return found


def write_table_file(
    path: Path,
    device: str,
    name: str,
    versions: Iterable[Version],
    *,
    guard: Callable[[], contextlib.AbstractContextManager[Any]] | None = None,
    on_replaced: Callable[[os.stat_result], None] | None = None,
) -> None:
    """Write a computer's newest versions as its table file, in one atomic replace.

    Built with TinyDB's tables on a caching middleware, so the file is written once."""
    header = {"app": APP_NAME, "layout": LAYOUT, "device": device, "name": name}
    by_kind: dict[str, list[dict[str, Any]]] = {kind: [] for kind in TABLES}
    for version in versions:
        by_kind[version.kind].append(
            {
                "id": version.key,
                "time": version.time,
                "device": version.device,
                "seen": dict(version.seen),
                "doc": version.document,
            }
        )
    middleware = CachingMiddleware(DeviceTableStorage)
    database = TinyDB(path, storage=middleware, header=header, guard=guard, on_replaced=on_replaced)
    database.drop_tables()
    for kind, table_name in TABLES.items():
        if by_kind[kind]:
            database.table(table_name, cache_size=0).insert_multiple(by_kind[kind])
    try:
        middleware.flush()
    except (TypeError, ValueError) as error:
        raise LibraryWriteError(f"{path} could not be written: {error}") from error
    finally:
        middleware._cache_modified_count = 0  # a failed write is not tried again on close
        middleware.cache = None
        database.close()


def _version(kind: str, record: dict[str, Any]) -> Version:
    """A checked document (the storage checked it while reading) as a version."""
    document = record.get("doc")
    if isinstance(document, PendingDocument):
        return Version.pending(
            kind,
            record["id"],
            record["time"],
            record["device"],
            record["seen"],
            document.line,
            document.span,
            _document_of_line,
            document.title,
        )
    return Version(
        kind,
        record["id"],
        record["time"],
        record["device"],
        record.get("doc"),
        record.get("seen", {}),
    )
