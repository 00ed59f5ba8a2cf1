"""The recipe library on disk: the one place that knows the library is a TinyDB file."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document

from ..domain import SCHEMA_VERSION, Recipe, RecipeFormatError
from .atomic_storage import AtomicJSONStorage, write_atomically
from .errors import LibraryReadError, LibraryWriteError, RecipeNotFoundError

RECIPES_TABLE = "recipes"
META_TABLE = "meta"
MEDIA_FOLDER = "media"
MEDIA_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")
SEARCHED_FIELDS = ("title", "tags", "category", "cuisine", "method")


@dataclass(frozen=True, slots=True)
class RecipeSummary:
    """What the recipe list needs of a recipe, without reading its ingredients."""

    id: str
    title: str
    search_text: str


class RecipeLibrary:
    """A library of recipes in one JSON file, read once into memory and saved atomically."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.exists():
            _create_empty_library(self.path)
        self._storage = AtomicJSONStorage(self.path)
        data = self._storage.read()
        self._check_schema(data)
        self._db = TinyDB(storage=lambda: self._storage)
        self._table = self._db.table(RECIPES_TABLE, cache_size=0)
        self._doc_ids: dict[str, int] = {}
        for doc_id, document in data.get(RECIPES_TABLE, {}).items():
            recipe_id = document.get("id") if isinstance(document, dict) else None
            if not isinstance(recipe_id, str) or not recipe_id:
                raise LibraryReadError(self.path, f"record {doc_id} has no recipe id")
            self._doc_ids[recipe_id] = int(doc_id)

    def __len__(self) -> int:
        return len(self._doc_ids)

    def __contains__(self, recipe_id: object) -> bool:
        return recipe_id in self._doc_ids

    def recipes(self) -> list[Recipe]:
        """Every recipe, as independent objects the caller may change."""
        return [self._to_recipe(document) for document in self._table.all()]

    def summaries(self) -> list[RecipeSummary]:
        """Titles and searchable text of every recipe, cheap enough for 10,000 at start-up."""
        return [_summary(document) for document in self._table.all()]

    def summary(self, recipe_id: str) -> RecipeSummary:
        return _summary(self._table.get(doc_id=self._doc_id(recipe_id)))

    def categories(self) -> list[str]:
        """The categories in use, for the editor to offer."""
        found = {document.get("category") for document in self._table.all()}
        return sorted((c for c in found if isinstance(c, str) and c), key=str.casefold)

    def get(self, recipe_id: str) -> Recipe:
        document = self._table.get(doc_id=self._doc_id(recipe_id))
        return self._to_recipe(document)

    def add(self, recipe: Recipe) -> str:
        """Store a new recipe durably; returns its id (fresh if it had none or a taken one)."""
        return self.add_many([recipe])[0]

    def add_many(self, recipes: Iterable[Recipe]) -> list[str]:
        """Store several recipes in one write: all of them, or none if the write fails."""
        stamp = _now()
        documents = []
        taken = set(self._doc_ids)
        for recipe in recipes:
            recipe_id = recipe.id if recipe.id and recipe.id not in taken else uuid.uuid4().hex
            taken.add(recipe_id)
            documents.append(
                recipe.copy(id=recipe_id, created=recipe.created or stamp, updated=stamp).to_dict()
            )
        doc_ids = self._table.insert_multiple(documents)
        for document, doc_id in zip(documents, doc_ids, strict=True):
            self._doc_ids[document["id"]] = doc_id
        return [document["id"] for document in documents]

    def update(self, recipe: Recipe) -> Recipe:
        """Replace the stored recipe with the same id; returns it as stored (new timestamp)."""
        doc_id = self._doc_id(recipe.id)
        stored = recipe.copy(updated=_now())
        replacement = stored.to_dict()

        def replace_document(document: dict[str, Any]) -> None:
            document.clear()
            document.update(replacement)

        self._table.update(replace_document, doc_ids=[doc_id])
        return stored

    @property
    def media_folder(self) -> Path:
        """Photos live beside the library, so the library and its media move together."""
        return self.path.parent / MEDIA_FOLDER

    def add_media(self, source: Path) -> str:
        """Copy a photo into the media folder; returns its path relative to the library."""
        suffix = source.suffix.lower() if source.suffix.lower() in MEDIA_SUFFIXES else ""
        if not suffix:
            raise LibraryWriteError(f"{source.name} is not a photo this app can show")
        target = self.media_folder / f"{uuid.uuid4().hex}{suffix}"
        try:
            self.media_folder.mkdir(parents=True, exist_ok=True)
            write_atomically(target, source.read_bytes())
        except OSError as error:
            raise LibraryWriteError(f"{source} could not be copied: {error.strerror}") from error
        return f"{MEDIA_FOLDER}/{target.name}"

    def media_path(self, stored: str) -> Path | None:
        """The file a stored photo path names, or None if it points outside the media folder."""
        if not stored:
            return None
        folder = self.media_folder.resolve()
        candidate = (self.path.parent / stored).resolve()
        return candidate if candidate.parent == folder and candidate.is_file() else None

    def delete(self, recipe_id: str) -> Recipe:
        """Remove a recipe and return it whole, so that the caller can offer undo."""
        doc_id = self._doc_id(recipe_id)
        removed = self.get(recipe_id)
        self._table.remove(doc_ids=[doc_id])
        del self._doc_ids[recipe_id]
        return removed

    def close(self) -> None:
        self._db.close()

    def _doc_id(self, recipe_id: str) -> int:
        try:
            return self._doc_ids[recipe_id]
        except KeyError:
            raise RecipeNotFoundError(recipe_id) from None

    def _to_recipe(self, document: Document | None) -> Recipe:
        if document is None:
            raise LibraryReadError(self.path, "a record vanished while reading")
        try:
            return Recipe.from_dict(document)
        except RecipeFormatError as error:
            raise LibraryReadError(self.path, f"record {document.doc_id}: {error}") from error

    def _check_schema(self, data: dict[str, Any]) -> None:
        meta = data.get(META_TABLE, {}).get("1", {})
        schema = meta.get("schema") if isinstance(meta, dict) else None
        if not isinstance(schema, int):
            raise LibraryReadError(self.path, "it is not a recipe library (no schema version)")
        if schema > SCHEMA_VERSION:
            raise LibraryReadError(
                self.path,
                f"it was written by a newer version of the app (schema {schema}, "
                f"this one reads up to {SCHEMA_VERSION})",
            )


def _create_empty_library(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LibraryWriteError(
            f"the folder {path.parent} could not be created: {error.strerror or error}"
        ) from error
    write_atomically(path, _empty_library_bytes())


def _empty_library_bytes() -> bytes:
    meta = {"1": {"schema": SCHEMA_VERSION, "app": "recipe-manager"}}
    return json.dumps({META_TABLE: meta, RECIPES_TABLE: {}}).encode()


def _summary(document: dict[str, Any]) -> RecipeSummary:
    parts: list[str] = []
    for key in SEARCHED_FIELDS:
        value = document.get(key)
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, list):
            parts.extend(item for item in value if isinstance(item, str))
    for component in document.get("components") or []:
        if isinstance(component, dict):
            parts.extend(
                line for line in component.get("ingredients") or [] if isinstance(line, str)
            )
    title = document.get("title")
    return RecipeSummary(
        id=str(document.get("id", "")),
        title=title if isinstance(title, str) else "",
        search_text="\n".join(parts),
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
