"""Paprika's export (.paprikarecipes): a zip holding one gzipped JSON file per recipe.

Sizes are capped while decompressing, never trusted from the zip's own directory, so a
zip bomb stops at the cap with a clear message.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import uuid
import zipfile
import zlib
from datetime import datetime
from pathlib import Path
from typing import Any

from ..domain import Recipe
from ..domain.limits import MAX_LINES_PER_RECIPE, LimitError
from ..domain.recipe_text import components_from_text, ingredients_text, steps_text
from .errors import RecipeImportError
from .jsonld import parse_duration, read_yield, within_limit
from .safe_read import decode_text, load_json

MAX_ENTRY_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 20_000
# What Paprika writes; zipfile refuses Deflate64 and others with NotImplementedError, and
# its bzip2 and LZMA readers raise errors of their own on a damaged entry.
_READABLE_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}


def recipes_from_paprika(data: bytes, source: str | Path) -> list[Recipe]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = [info for info in archive.infolist() if not info.is_dir()]
        if len(entries) > MAX_ENTRIES:
            raise RecipeImportError(source, f"the archive holds over {MAX_ENTRIES} files")
        recipes = []
        total = 0
        for info in entries:
            raw = _read_entry(archive, info, source)
            total += len(raw)
            if total > MAX_TOTAL_BYTES:
                raise RecipeImportError(source, "the archive unpacks to more than 200 MB")
            record = load_json(decode_text(raw, f"{source} › {info.filename}"), source)
            if not isinstance(record, dict):
                raise RecipeImportError(source, f"{info.filename} is not a Paprika recipe")
            recipes.append(recipe_from_paprika(record))
    except (zipfile.BadZipFile, EOFError, zlib.error, gzip.BadGzipFile, ValueError) as error:
        if isinstance(error, RecipeImportError):
            raise
        if isinstance(error, LimitError):
            raise RecipeImportError(source, str(error)) from None
        raise RecipeImportError(
            source, f"not a readable Paprika export (broken or truncated archive: {error})"
        ) from None
    return recipes


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str | Path) -> bytes:
    if info.flag_bits & 0x1:
        raise RecipeImportError(
            source, f"{info.filename} is encrypted; export it again without a password"
        )
    if info.compress_type not in _READABLE_METHODS:
        raise RecipeImportError(
            source,
            f"{info.filename} uses compression method {info.compress_type}, which can't be read",
        )
    with archive.open(info) as packed:
        head = packed.read(2)
        packed_rest = packed
        if head == b"\x1f\x8b":
            stream: Any = gzip.GzipFile(fileobj=_Prefixed(head, packed_rest))
        else:
            stream = _Prefixed(head, packed_rest)
        raw = stream.read(MAX_ENTRY_BYTES + 1)
    if len(raw) > MAX_ENTRY_BYTES:
        raise RecipeImportError(
            source, f"{info.filename} unpacks to more than {MAX_ENTRY_BYTES // 2**20} MB"
        )
    return raw


class _Prefixed(io.RawIOBase):
    """A stream with a few bytes already read put back in front (for the gzip sniff)."""

    def __init__(self, head: bytes, rest: Any) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        chunk = self._rest.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def recipe_from_paprika(record: dict[str, Any]) -> Recipe:
    # Limits before any line is read: a tiny file can hold a million lines or one line of
    # megabytes, and reading either line by line would freeze the import.
    for key in ("name", "description", "notes", "ingredients", "directions"):
        text = _text(record.get(key))
        if text.count("\n") > MAX_LINES_PER_RECIPE:
            raise LimitError(
                f"{key} holds over {MAX_LINES_PER_RECIPE:,} lines; a recipe holds at most that"
            )
        for line in text.splitlines():
            within_limit(line)
    written = _text(record.get("servings")).strip()
    both = re.match(r"^(\d{1,6}) \((.+)\)$", written)  # "6 (30 dumplings)", as we export both
    servings, yield_text = (int(both[1]), both[2]) if both else read_yield(written)
    categories = record.get("categories")
    categories = (
        [c for c in categories if isinstance(c, str)] if isinstance(categories, list) else []
    )
    notes = [part.strip() for part in re.split(r"\n\s*\n", _text(record.get("notes")))]
    return Recipe(
        title=_text(record.get("name")).strip(),
        summary=_text(record.get("description")).strip(),
        servings=servings,
        yield_text=yield_text,
        components=components_from_text(
            _text(record.get("ingredients")), _text(record.get("directions"))
        ),
        notes=[note for note in notes if note],
        category=categories[0] if categories else "",
        tags=categories[1:],
        source=_text(record.get("source_url")) or _text(record.get("source")),
        prep_minutes=parse_duration(_text(record.get("prep_time"))),
        cook_minutes=parse_duration(_text(record.get("cook_time"))),
        total_minutes=parse_duration(_text(record.get("total_time"))),
        image=_http(_text(record.get("image_url"))),
        created=_created(_text(record.get("created"))),
    )


def _http(value: str) -> str:
    value = value.strip()
    return value if value.startswith(("http://", "https://")) else ""


def _created(value: str) -> str:
    """Paprika's "YYYY-MM-DD HH:MM:SS" as our ISO form; anything else is left out."""
    match = re.match(r"^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})", value.strip())
    return f"{match[1]}T{match[2]}" if match else ""


def _text(value: Any) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def paprika_record(recipe: Recipe) -> dict[str, Any]:
    servings = recipe.yield_text or (str(recipe.servings) if recipe.servings else "")
    if recipe.servings and recipe.yield_text and str(recipe.servings) not in recipe.yield_text:
        servings = f"{recipe.servings} ({recipe.yield_text})"
    record: dict[str, Any] = {
        "uid": paprika_uid(recipe.id),
        "name": recipe.title,
        "description": recipe.summary,
        "ingredients": ingredients_text(recipe.components),
        "directions": steps_text(recipe.components),
        "notes": "\n\n".join(recipe.notes),
        "servings": servings,
        "categories": [c for c in (recipe.category, *recipe.tags) if c],
        "source": "",
        "source_url": recipe.source,
        "prep_time": _minutes(recipe.prep_minutes),
        "cook_time": _minutes(recipe.cook_minutes),
        "total_time": _minutes(recipe.total_minutes),
        "rating": 0,
        "difficulty": "",
        "nutritional_info": "",
        "created": _paprika_time(recipe.created),
        "image_url": recipe.image if recipe.image.startswith(("http://", "https://")) else "",
        "photo": "",
        "photo_hash": "",
        "photo_data": None,
    }
    record["hash"] = hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()
    return record


def paprika_uid(recipe_id: str) -> str:
    """A uid as Paprika writes it: an upper-case UUID with its dashes.

    Our id is used when it is a UUID (with or without dashes); any other id gives a UUID
    derived from it, so exporting the same recipe twice gives the same uid.
    """
    try:
        value = uuid.UUID(recipe_id)
    except ValueError:
        value = (
            uuid.uuid5(uuid.NAMESPACE_URL, f"recipe-manager:{recipe_id}")
            if recipe_id
            else uuid.uuid4()
        )
    return str(value).upper()


def _paprika_time(created: str) -> str:
    """ "YYYY-MM-DD HH:MM:SS" as Paprika writes it; an undated recipe gets the export's time."""
    if re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}", created):
        return created[:19].replace("T", " ")
    if re.match(r"^\d{4}-\d{2}-\d{2}$", created):
        return f"{created} 00:00:00"
    return datetime.now().strftime("%Y-%m-%d %H:%M:%S")


def _minutes(minutes: int | None) -> str:
    return "" if minutes is None else f"{minutes} mins"


def paprika_bytes(recipes: list[Recipe]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        used: set[str] = set()
        for recipe in recipes:
            name = _file_name(recipe.title, used)
            payload = json.dumps(paprika_record(recipe), ensure_ascii=False).encode("utf-8")
            archive.writestr(name, gzip.compress(payload, mtime=0))
    return buffer.getvalue()


def _file_name(title: str, used: set[str]) -> str:
    base = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title).strip()[:80] or "Recipe"
    name, number = f"{base}.paprikarecipe", 2
    while name.casefold() in used:
        name, number = f"{base} {number}.paprikarecipe", number + 1
    used.add(name.casefold())
    return name
