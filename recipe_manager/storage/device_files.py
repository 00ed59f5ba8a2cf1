"""Each computer's journal in the library folder: `devices/<computer id>.journal.jsonl`.

One line per version (JSON Lines), after a header line naming the computer. A save appends
its lines and fsyncs: it costs the size of the change, not of the library. Now and then the
journal is folded into the computer's TinyDB table file (`device_tables`) and cut back to
its header. Only the computer named in a file writes it; every computer reads all of them.

Reading is defensive: a file that is not a regular file, a line that is not JSON, nests too
deep, holds a number JSON cannot save back, a lone surrogate, a duplicate key or a recipe
beyond the limits is skipped and named; the rest of the file still counts. An unfinished
last line (a save cut short, or a sync tool still copying) is left for the next read.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.limits import MAX_JSON_DEPTH, MAX_RECIPE_CHARS, LimitError, check_document
from .merge import KINDS, Version

DEVICES_FOLDER = "devices"
#: Journals end so (today's `<id>.journal.jsonl`, and `<id>.jsonl` from before the
#: computers' TinyDB files); table files end in ".json" (`device_tables`).
SUFFIX = ".jsonl"
JOURNAL_SUFFIX = ".journal.jsonl"
TABLE_SUFFIX = ".json"
LAYOUT = 2
APP_NAME = "recipe-manager"
#: A line longer than this is not a record this app wrote (a recipe is at most ~1 M chars).
MAX_LINE_BYTES = 4 * MAX_RECIPE_CHARS + 4096
_ID_TEXT = 200
# A line this long may hold a field beyond the limits: walk it.
_CHECKED_LINE_BYTES = 16 * 1024
_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))
# Sync tools' own files: Syncthing's temporary and deleted-file names, Dropbox's markers,
# editors' swap files. Conflict copies of a device file end in .jsonl and are read.
_IGNORED = re.compile(r"^(\.|~)|\.tmp$|\.part$|\.swp$", re.IGNORECASE)
# Only worth a full limits walk when a line could break one: an escaped surrogate (which
# JSON could not save back) or enough brackets to nest deep. Numbers JSON cannot hold are
# refused while parsing.
_SURROGATE = re.compile(rb"\\u[dD][89abcdefABCDEF]")
# A line's outline as `version_line` writes it: short texts without escapes or control
# characters, an edit time without leading zeros, a flat `seen`, then the document.
_PLAIN_TEXT = rb'"([^"\\\x00-\x1f]{1,200})"'
OUTLINE_FIELDS = (
    rb'"id":'
    + _PLAIN_TEXT
    + rb',"time":(0|[1-9][0-9]{0,18}),"device":'
    + _PLAIN_TEXT
    + rb',"seen":(\{[^{}\\]*\}),"doc":(?=\{)'
)
_OUTLINE = re.compile(rb'\{"kind":"(recipe)",' + OUTLINE_FIELDS)
# The title where `Recipe.to_dict` puts it: after the schema and the id, before the rest.
TITLE_AT_START = (
    rb'\{(?:"schema":[0-9]{1,9},)?(?:"id":"[^"\\\x00-\x1f]{0,200}",)?'
    rb'"title":"([^"\\\x00-\x1f]{0,2000})"[,}]'
)
_TITLE = re.compile(TITLE_AT_START)


class BadRecordError(ValueError):
    """A line that is not a version this app can take in; the message says why."""


@dataclass(slots=True)
class FileRead:
    """What reading (part of) a device file found."""

    versions: list[Version] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    bad_lines: int = 0
    end: int = 0  # the offset just past the last whole line
    header: dict[str, Any] | None = None
    too_new: bool = False
    #: (byte offset, version) of each version taken on its outline alone (`lazy` reads),
    #: whose document is checked in full later.
    pending: list[tuple[int, Version]] = field(default_factory=list)


def device_file_name(device: str) -> str:
    """A computer's journal: its saves since its table file was last written."""
    return f"{device}{JOURNAL_SUFFIX}"


def old_device_file_name(device: str) -> str:
    """A computer's one file before table files came in: read as a journal, and moved to
    the journal's name by its own computer."""
    return f"{device}{SUFFIX}"


def is_table_file(path: Path) -> bool:
    return path.name.endswith(TABLE_SUFFIX)


def header_line(device: str, name: str) -> bytes:
    meta = {"app": APP_NAME, "layout": LAYOUT, "device": device, "name": name}
    return encode({"meta": meta}) + b"\n"


def encode(value: Any) -> bytes:
    """Compact UTF-8 JSON; raises ValueError/TypeError for what no reader would accept."""
    return _ENCODER.encode(value).encode("utf-8")


def version_line(version: Version) -> bytes:
    record = {
        "kind": version.kind,
        "id": version.key,
        "time": version.time,
        "device": version.device,
        "seen": dict(version.seen),
        "doc": version.document,
    }
    return encode(record) + b"\n"


def device_files(folder: Path) -> list[Path]:
    """Every computer's table file and journal in `devices/`, sync tools' own files left out,
    sorted by name."""
    try:
        entries = list(os.scandir(folder / DEVICES_FOLDER))
    except OSError:
        return []
    return sorted(
        Path(entry.path)
        for entry in entries
        if entry.name.endswith((SUFFIX, TABLE_SUFFIX)) and not _IGNORED.search(entry.name)
    )


class UnreadableFileError(Exception):
    """A file left as it is; the message says which and why, ready for `problems`."""


def read_regular_file(path: Path, name: str, start: int = 0, limit: int | None = None) -> bytes:
    """The bytes of `path` from `start`, read without ever blocking: a FIFO or a device put
    where a library file belongs must not hang the start, and is not read. Raises
    FileNotFoundError for a missing file, and UnreadableFileError (naming the file as
    `name`) for one that is not a regular file, larger than `limit` bytes, or unreadable."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise
    except OSError as error:
        raise UnreadableFileError(_left(name, f"could not be read ({error.strerror})")) from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFileError(_left(name, "is not a regular file"))
        if limit is not None and info.st_size > limit:
            raise UnreadableFileError(
                _left(name, f"is {info.st_size:,} bytes, more than the {limit:,} this app reads")
            )
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            handle.seek(start)
            return handle.read()
    except OSError as error:
        raise UnreadableFileError(_left(name, f"could not be read ({error.strerror})")) from None
    finally:
        os.close(descriptor)


def _left(name: str, why: str) -> str:
    return f"{name} {why}; it was left as it is"


def read_device_file(path: Path, start: int = 0, *, lazy: bool = False) -> FileRead:
    """Read whole lines from `start`; never raises for what the file holds.

    `lazy`: a recipe line laid out as this app writes it is taken on its outline alone
    (`outline_version`), its document decoded and checked on first use; the others are
    checked in full now."""
    found = FileRead(end=start)
    name = f"{path.parent.name}/{path.name}"
    try:
        raw = read_regular_file(path, name, start)
    except FileNotFoundError as error:
        found.problems.append(_left(name, f"could not be read ({error.strerror})"))
        return found
    except UnreadableFileError as problem:
        found.problems.append(str(problem))
        return found
    last = raw.rfind(b"\n")
    if last < 0:
        return found
    found.end = start + last + 1
    offset = start
    for line in raw[: last + 1].split(b"\n")[:-1]:
        line_start, offset = offset, offset + len(line) + 1
        if not line.strip():
            continue
        if line_start == 0 and line.startswith(b'{"meta"'):
            found.header = _header(line)
            if found.header is not None and too_new(found.header):
                found.too_new = True
                found.problems.append(
                    f"{name} was written by a newer version of the app; it is left out "
                    "until this one is updated"
                )
                found.versions.clear()
                return found
            continue
        if lazy:
            version = outline_version(line)
            if version is not None:
                found.versions.append(version)
                found.pending.append((line_start, version))
                continue
        try:
            found.versions.append(parse_line(line))
        except BadRecordError as error:
            found.bad_lines += 1
            if found.bad_lines <= 20:
                found.problems.append(
                    f"{name}, byte {line_start}: a record was set aside ({error})"
                )
    if found.bad_lines > 20:
        found.problems.append(f"{name}: {found.bad_lines - 20} more records were set aside")
    return found


def parse_line(line: bytes) -> Version:
    """One version from one journal line; raises BadRecordError naming what is wrong."""
    if len(line) > MAX_LINE_BYTES:
        raise BadRecordError(f"{len(line):,} bytes, more than a record can hold")
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadRecordError(f"not JSON: {str(error)[:120]}") from None
    record = fast_record(line, text)
    if record is not None:
        return version_from_record(record, record.get("kind"), walk=False)
    record = decode_record(text)
    if not isinstance(record, dict):
        raise BadRecordError("not a record")
    return version_from_record(record, record.get("kind"), walk=needs_walk(line))


def outline_version(line: bytes) -> Version | None:
    """A recipe version from a journal line as this app writes it, read from its outline
    alone: kind, id, time, computer, `seen` and the title checked now, the document decoded
    and checked in full (`parse_line`, the very check a line gets when read at once) on
    first use. None for any other line: it takes the careful path now.

    Only text with no escapes is taken so (an id, a computer, the title); a deletion, a
    meal-plan entry, a long line or anything unusual is read at once."""
    if len(line) > MAX_LINE_BYTES:
        return None
    match = _OUTLINE.match(line)
    if match is None or not line.endswith(b"}}"):
        return None
    outline = outline_fields(match.group(3), match.group(5))
    if outline is None:
        return None
    time, seen = outline
    start = match.end()
    title = _TITLE.match(line, start)
    if title is None:
        return None
    try:
        key, device = match.group(2).decode("utf-8"), match.group(4).decode("utf-8")
        title_text = title.group(1).decode("utf-8")
    except UnicodeDecodeError:
        return None
    version = Version.pending(
        "recipe", key, time, device, seen, line, (start, len(line) - 1), _document_of_line
    )
    version.title_hint = title_text
    return version


def outline_fields(time_text: bytes, seen_text: bytes) -> tuple[int, dict[str, int]] | None:
    """The edit time and `seen` of an outline, checked as `version_from_record` checks them."""
    time = int(time_text)
    if time >= 2**62:
        return None
    if seen_text == b"{}":
        return time, {}
    try:
        seen = _DECODER.decode(seen_text.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(seen, dict) or not all(
        isinstance(t, int) and not isinstance(t, bool) and 0 <= t < 2**62 for t in seen.values()
    ):
        return None
    return time, seen


def _document_of_line(line: bytes) -> dict[str, Any]:
    """A pending version's document: the whole line checked as if read at once."""
    document = parse_line(line).document
    if document is None:
        raise BadRecordError("the document is not an object")
    return document


def fast_record(line: bytes, text: str | None = None) -> dict[str, Any] | None:
    """A record decoded by the C decoder without a hook per object, when a cheap scan of the
    raw bytes shows the careful path (`decode_record`, the limits walk) could find nothing;
    None otherwise, and the careful path decides and names what is wrong.

    What the scan rules out: a long line or deep brackets (the limits walk), any `\\u`
    escape (a lone surrogate), and a repeated key: every key in the line is `"` then `:`
    (a quote inside a string is escaped, so `":` there only adds to the count), so when the
    count of `":` equals the keys of the record's objects as decoded, no key came twice and
    no object is nested anywhere else. NaN, infinities and numbers JSON cannot hold are
    refused while decoding, as on the careful path. `text` is `line` decoded, if it was.
    """
    # Single bytes first: they are found by memchr, a pair of bytes is not.
    if (
        len(line) > _CHECKED_LINE_BYTES
        or (b"\\" in line and b"\\u" in line)
        or b"\t" in line
        or b"\r" in line
    ):
        return None
    keys = line.count(b'":')
    # A key spaced from its colon would not be counted: only when some colon has no quote
    # before it is it worth looking for one.
    if line.count(b":") != keys and b" :" in line:
        return None
    if line.count(b"[") + line.count(b"{") > MAX_JSON_DEPTH:
        return None
    try:
        record = _FAST_DECODER.decode(line.decode("utf-8") if text is None else text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(record, dict):
        return None
    if keys != _keys_of(record):
        return None
    return record


def _keys_of(record: dict[str, Any]) -> int:
    """Keys of a record's objects where a version has them: the record, `seen`, the
    document and its parts; any other object makes the count fall short (careful path)."""
    keys = len(record)
    seen = record.get("seen")
    if isinstance(seen, dict):
        keys += len(seen)
    document = record.get("doc")
    if isinstance(document, dict):
        keys += len(document)
        components = document.get("components")
        if isinstance(components, list):
            for component in components:
                if isinstance(component, dict):
                    keys += len(component)
    return keys


def needs_walk(line: bytes) -> bool:
    """Whether an encoded record could break a limit the decoder does not see: a long one,
    deep brackets, or an escaped surrogate (which JSON could not save back)."""
    return (
        len(line) > _CHECKED_LINE_BYTES
        or line.count(b"[") + line.count(b"{") > MAX_JSON_DEPTH
        or (b"\\u" in line and _SURROGATE.search(line) is not None)
    )


def decode_record(text: str, limit: int = MAX_LINE_BYTES) -> Any:
    """JSON that this app could save back: no NaN or infinities, no number JSON can't hold,
    no duplicate keys, nesting within the limit; raises BadRecordError naming what is wrong."""
    if len(text) > limit:
        raise BadRecordError(f"{len(text):,} characters, more than a record can hold")
    try:
        return _DECODER.decode(text)
    except RecursionError:
        raise BadRecordError(f"nested more than {MAX_JSON_DEPTH} deep") from None
    except BadRecordError:
        raise
    except ValueError as error:
        raise BadRecordError(f"not JSON: {str(error)[:120]}") from None


def version_from_record(record: dict[str, Any], kind: Any, *, walk: bool = True) -> Version:
    """A decoded record checked field by field and within the limits, as a version."""
    key, time, device = (record.get(k) for k in ("id", "time", "device"))
    if kind not in KINDS:
        raise BadRecordError(f"unknown kind {str(kind)[:40]!r}")
    if not isinstance(key, str) or not isinstance(device, str):
        raise BadRecordError("no id or computer")
    if not _short_text(key) or not _short_text(device):
        raise BadRecordError("no id or computer")
    if not isinstance(time, int) or isinstance(time, bool) or not 0 <= time < 2**62:
        raise BadRecordError("no edit time")
    seen = record.get("seen", {})
    if not isinstance(seen, dict) or not all(
        isinstance(t, int) and not isinstance(t, bool) and 0 <= t < 2**62 for t in seen.values()
    ):
        raise BadRecordError("a broken 'seen' list")
    document = record.get("doc")
    if document is not None:
        if not isinstance(document, dict):
            raise BadRecordError("the document is not an object")
        title = document.get("title")
        where = f"{kind} {str(title)[:60]!r}" if isinstance(title, str) else f"{kind} {key!r}"
        if walk:
            try:
                check_document(document, where)
            except LimitError as error:
                raise BadRecordError(str(error)) from None
    return Version(kind, key, time, device, document, seen)


def lines_of(versions: Iterable[Version]) -> bytes:
    return b"".join(version_line(version) for version in versions)


def _header(line: bytes) -> dict[str, Any] | None:
    try:
        data = json.loads(line)
    except (ValueError, RecursionError):
        return None
    meta = data.get("meta") if isinstance(data, dict) else None
    return meta if isinstance(meta, dict) else None


def too_new(header: dict[str, Any]) -> bool:
    layout = header.get("layout")
    return isinstance(layout, int) and layout > LAYOUT


def _short_text(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= _ID_TEXT


def _refuse_constant(name: str) -> float:
    raise BadRecordError(f"holds {name}, which JSON cannot save back")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise BadRecordError(f"holds the number {text[:40]}, which JSON cannot save back")
    return value


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise BadRecordError(f"the key {key[:40]!r} appears twice")
            seen.add(key)
    return result


# Without a hook per object: what `fast_record` uses once the raw bytes were scanned.
_FAST_DECODER = json.JSONDecoder(parse_constant=_refuse_constant, parse_float=_finite_float)
# One decoder, built once: json.loads with hooks builds a new one per call.
_DECODER = json.JSONDecoder(
    parse_constant=_refuse_constant, parse_float=_finite_float, object_pairs_hook=_unique_keys
)
