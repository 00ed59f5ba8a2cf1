"""Libraries from 0.1: one `recipes.json` file, moved into the folder layout, nothing lost.

The old file is only read, never changed or removed: the cook deletes it when they like.
Its recipes become versions written by a pseudo-computer named after the file's content
(`import-<hash>`), with their own edit times, so two computers moving the same synced file
in write the same versions and the merge counts them once.

Reading never crashes: a file that is not a regular file, too big, not JSON, nested too deep
or holding a number no JSON reader takes is left as it is and named; a record that breaks a
limit or could not be saved back (NaN, 1e999, a lone surrogate, a repeated key) is left
out and named, and stays in the old file.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..domain.limits import MAX_FILE_BYTES, LimitError, check_document
from .device_files import UnreadableFileError, read_regular_file
from .errors import LibraryCorruptError
from .merge import RECIPE, Version
from .schema import LEGACY_TABLE, RECIPES_TABLE, migrate

_V0_ID_NAMESPACE = uuid.UUID("5b7d4b52-6a4e-4c55-9f0e-7d0f9a0c1e21")


@dataclass(slots=True)
class LegacyRead:
    """What a 0.1 file held: its recipes as versions, and what was left out and why."""

    versions: list[Version] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    version: int | None = None


class _Repeated(dict):
    """An object whose keys repeat: every (key, value) pair is kept, so no recipe is lost."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        self.pairs = pairs


def _pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    return result if len(result) == len(pairs) else _Repeated(pairs)


_DECODER = json.JSONDecoder(object_pairs_hook=_pairs_hook, parse_constant=float)


def legacy_folder_for(path: Path) -> Path:
    """The folder a 0.1 file moves into: beside it, named after it (`recipes.json` ->
    `recipes/`), or `recipes.library/` if a folder of that name already holds other things."""
    plain = path.with_suffix("") if path.suffix else path.with_name(path.name + ".library")
    if not plain.exists() or (plain / "devices").is_dir():
        return plain
    return path.with_name(path.stem + ".library")


def read_legacy_file(path: Path) -> LegacyRead:
    found = LegacyRead()
    where = path.name
    try:
        raw = read_regular_file(path, str(path), limit=MAX_FILE_BYTES)
    except FileNotFoundError as error:
        found.problems.append(f"{path} could not be read ({error.strerror}); it was left as it is")
        return found
    except UnreadableFileError as problem:
        found.problems.append(str(problem))
        return found
    try:
        data = _DECODER.decode(raw.decode("utf-8"))
    except RecursionError:
        found.problems.append(f"{path} is nested too deep to be a library; it was left as it is")
        return found
    except (ValueError, UnicodeDecodeError) as error:
        found.problems.append(
            f"{path} is not a recipe library ({str(error)[:160]}); it was left as it is"
        )
        return found
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        found.problems.append(f"{path} is not a recipe library; it was left as it is")
        return found
    tables = {name: _pairs_of(table) for name, table in _pairs_of(data)}
    plain = {name: dict(pairs) for name, pairs in tables.items()}
    try:
        # The upgrade from schema 0 works table by table; run it on a table of unique keys
        # standing for each pair, so a repeated key keeps both records.
        indexed = {
            name: {str(index + 1): value for index, (_key, value) in enumerate(pairs)}
            for name, pairs in tables.items()
            if name in (RECIPES_TABLE, LEGACY_TABLE)
        }
        upgraded, found.version = migrate({**plain, **indexed}, path)
    except LibraryCorruptError as error:
        found.problems.append(f"{error} It was left as it is.")
        return found
    device = "import-" + hashlib.sha256(raw).hexdigest()[:25]
    taken: set[str] = set()
    for index, document in upgraded.get(RECIPES_TABLE, {}).items():
        title = document.get("title") if isinstance(document, dict) else None
        label = f"{where}, record {index}" + (f" ({str(title)[:60]!r})" if title else "")
        if not isinstance(document, dict):
            found.problems.append(f"{label} is not a recipe; it stays in {where}")
            continue
        if isinstance(document, _Repeated):
            found.problems.append(f"{label} names a field twice; it stays in {where}")
            continue
        try:
            check_document(document, label)
        except LimitError as error:
            found.problems.append(f"{error}; it stays in {where}")
            continue
        recipe_id = document.get("id")
        if not isinstance(recipe_id, str) or not recipe_id or recipe_id in taken:
            seed = f"{recipe_id}\n{index}\n{title}"
            recipe_id = uuid.uuid5(_V0_ID_NAMESPACE, seed).hex
        taken.add(recipe_id)
        found.versions.append(
            Version(
                RECIPE,
                recipe_id,
                _micros(document.get("updated")),
                device,
                {**document, "id": recipe_id},
                {},
            )
        )
    return found


def _pairs_of(table: dict[str, Any]) -> list[tuple[str, Any]]:
    return list(table.pairs) if isinstance(table, _Repeated) else list(table.items())


def _micros(value: Any) -> int:
    if not isinstance(value, str) or not value:
        return 0
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        return 0
    stamp = stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)
    return max(0, int(stamp.timestamp() * 1_000_000))


__all__ = ["LEGACY_TABLE", "LegacyRead", "legacy_folder_for", "read_legacy_file"]
