"""Reading untrusted files within limits: size before reading, strict text, bounded JSON.

Every importer goes through here, so that a 2 GB file, invalid UTF-8 or JSON nested ten
thousand deep gives one clear RecipeImportError instead of a MemoryError or a crash.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..domain.limits import MAX_FILE_BYTES, MAX_JSON_DEPTH
from .errors import RecipeImportError

# An escape pair, a quote or a bracket: one pass visits each once, so the depth check is
# linear (the string-stripping pattern it replaces rescanned the text from every quote).
_JSON_MARK = re.compile(r'\\.|["\[\]{}]', re.DOTALL)


def read_limited(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, refusing before reading anything when it is larger than `limit`."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise RecipeImportError(
                path, f"the file is {_megabytes(size)}, over the {_megabytes(limit)} limit"
            )
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except RecipeImportError:
        raise
    except IsADirectoryError:
        raise RecipeImportError(path, "this is a folder, not a file") from None
    except FileNotFoundError:
        raise RecipeImportError(path, "the file does not exist") from None
    except OSError as error:
        raise RecipeImportError(
            path, f"the file can't be read ({error.strerror or error})"
        ) from None
    if len(data) > limit:
        raise RecipeImportError(path, f"the file is over the {_megabytes(limit)} limit")
    return data


def decode_text(data: bytes, source: str | Path, *, allow_cp1252: bool = False) -> str:
    """Strict UTF-8 (a BOM is dropped); plain text alone may fall back to Windows-1252.

    Windows-1252 is the fallback because text saved by Notepad on older Windows is the
    common non-UTF-8 case, and it decodes almost every byte, so a real mistake in a
    structured format would be hidden by it: those formats stay strict.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if allow_cp1252:
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                pass
        raise RecipeImportError(
            source, f"the text is not valid UTF-8 (bad byte at position {error.start})"
        ) from None


def load_json(text: str, source: str | Path) -> Any:
    """json.loads with a nesting limit checked first, so deep input can't exhaust the stack."""
    depth = _max_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise RecipeImportError(
            source,
            f"the JSON is nested {depth} levels deep, more than the {MAX_JSON_DEPTH} allowed",
        )
    try:
        return json.loads(text, strict=False)
    except json.JSONDecodeError as error:
        raise RecipeImportError(
            source, f"the JSON is broken at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise RecipeImportError(source, "the JSON is nested too deeply") from None


def _max_depth(text: str) -> int:
    """The deepest bracket nesting outside strings, in one linear pass without recursion."""
    depth = deepest = 0
    in_string = False
    for match in _JSON_MARK.finditer(text):
        mark = match.group()
        if mark == '"':
            in_string = not in_string
        elif in_string or len(mark) == 2:
            continue
        elif mark in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"
