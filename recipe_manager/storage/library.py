"""The recipe library on disk: the one place that knows the library is a TinyDB file."""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB

from ..domain import SCHEMA_VERSION, Recipe, RecipeFormatError
from .atomic_storage import (
    AtomicJSONStorage,
    ChangedOnDiskError,
    clean_temp_files,
    identity_of,
    write_atomically,
)
from .backups import (
    DEFAULT_KEEP,
    BackupInfo,
    clean_backup_temp_files,
    list_backups,
    take_backup,
)
from .errors import (
    LibraryCorruptError,
    LibraryReadError,
    LibraryReadOnlyError,
    LibraryTooNewError,
    LibraryWriteError,
    RecipeNotFoundError,
)
from .locking import ANOTHER_INSTANCE, FileLock, holding, try_session_lock, write_lock
from .schema import RECIPES_TABLE, LoadedFile, empty_library, load_library_file
from .sync import MergeReport, find_conflict_copies, is_newer, move_aside, set_conflict_aside

MEDIA_FOLDER = "media"
MEDIA_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")
SEARCHED_FIELDS = ("title", "tags", "category", "cuisine", "method")
BACKUP_INTERVAL = timedelta(days=1)
# A save that finds the file replaced under it starts again from the new file; a sync
# tool replacing it this many times in a row means something is wrong: say so.
_SAVE_ATTEMPTS = 3

logger = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RecipeSummary:
    """What the recipe list needs of a recipe, without reading its ingredients.

    The searchable text is gathered only when asked for: at 10,000 recipes, gathering it for
    all of them would cost the list's first paint about 50 ms.
    """

    id: str
    title: str
    document: Mapping[str, Any] = field(repr=False, compare=False)

    @property
    def search_text(self) -> str:
        """Title, tags, category, cuisine, method and ingredient lines, one per line."""
        document = self.document
        parts: list[str] = []
        for key in SEARCHED_FIELDS:
            value = document.get(key)
            if isinstance(value, str):
                parts.append(value)
            elif isinstance(value, list):
                parts.extend(item for item in value if isinstance(item, str))
        for component in document.get("components") or []:
            if isinstance(component, dict):
                lines = component.get("ingredients") or []
                parts.extend(line for line in lines if isinstance(line, str))
        return "\n".join(parts)


class RecipeLibrary:
    """A library of recipes in one JSON file, read once into memory and saved atomically.

    Reading methods never wait for a save: they see the last committed state. Changing
    methods are synchronous, thread-safe and one at a time, so the UI may run them on a
    worker thread; each starts from the newest file on disk, so another program's save is
    never written over, and returns only once the change is durably on disk.

    `exclusive` takes the session lock: a second exclusive library on the same file (another
    window, another process) opens read-only, and `read_only_reason` says why.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        backups: int = DEFAULT_KEEP,
        exclusive: bool = False,
        read_only: bool = False,
    ) -> None:
        self.path = Path(path)
        self.keep_backups = backups
        self.read_only_reason: str | None = "opened read-only" if read_only else None
        self.migrated_from: int | None = None
        self.moved_aside: list[Path] = []
        self.reloads = 0
        self._lock = threading.RLock()
        self._doc_ids: dict[str, int] = {}
        self._next_doc_id = 1
        self._session_lock: FileLock | None = None
        self._backup_due = True
        self._last_backup_at: datetime | None = None
        if exclusive and not read_only:
            self._session_lock = try_session_lock(self.path)
            if self._session_lock is None:
                self.read_only_reason = ANOTHER_INSTANCE
        try:
            self._write_lock = None if self.read_only else write_lock(self.path)
            self._storage, doc_ids = self._open()
        except BaseException:
            self._release_session()
            raise
        self._set_index(doc_ids)
        self._db = TinyDB(storage=lambda: self._storage)
        self._table = self._db.table(RECIPES_TABLE, cache_size=0)

    # Reading ------------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def __len__(self) -> int:
        return len(self._doc_ids)

    def __contains__(self, recipe_id: object) -> bool:
        return recipe_id in self._doc_ids

    def __enter__(self) -> RecipeLibrary:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def recipes(self) -> list[Recipe]:
        """Every recipe, as independent objects the caller may change."""
        return [self._to_recipe(document) for document in self._table.all()]

    def summaries(self) -> list[RecipeSummary]:
        """Titles and searchable text of every recipe, cheap enough for 10,000 at start-up."""
        # The raw documents, not TinyDB's per-document copies: 10,000 of those cost ~15 ms.
        documents = self._storage.read().get(RECIPES_TABLE, {}).values()
        return [_summary(document) for document in documents]

    def summary(self, recipe_id: str) -> RecipeSummary:
        return _summary(self._document(recipe_id))

    def categories(self) -> list[str]:
        """The categories in use, for the editor to offer."""
        found = {document.get("category") for document in self._table.all()}
        return sorted((c for c in found if isinstance(c, str) and c), key=str.casefold)

    def get(self, recipe_id: str) -> Recipe:
        return self._to_recipe(self._document(recipe_id))

    def list_backups(self) -> list[BackupInfo]:
        """This library's backups, newest first, for the restore menu."""
        return list_backups(self.path)

    def find_conflict_copies(self) -> list[Path]:
        """Copies a sync tool left beside the library when two computers changed it at once."""
        return find_conflict_copies(self.path)

    # Changing -----------------------------------------------------------------------------

    def add(self, recipe: Recipe) -> str:
        """Store a new recipe durably; returns its id (fresh if it had none or a taken one)."""
        return self.add_many([recipe])[0]

    def add_many(self, recipes: Iterable[Recipe]) -> list[str]:
        """Store several recipes in one write: all of them, or none if the write fails."""
        recipes = list(recipes)

        def build(draft: _Draft) -> list[str]:
            stamp = _now()
            ids = []
            for recipe in recipes:
                taken = recipe.id in draft.doc_ids or recipe.id in ids
                recipe_id = recipe.id if recipe.id and not taken else uuid.uuid4().hex
                ids.append(recipe_id)
                stored = _checked_copy(
                    recipe, id=recipe_id, created=recipe.created or stamp, updated=stamp
                )
                draft.put(stored.to_dict())
            return ids

        return self._commit(build)

    def update(self, recipe: Recipe) -> Recipe:
        """Store this version of a recipe; returns it as stored (new timestamp).

        A recipe removed meanwhile (by another window or computer) is stored again: an
        editor's save is never lost.
        """
        if not recipe.id:
            raise RecipeNotFoundError(recipe.id)
        stored = _checked_copy(recipe, updated=_now())
        document = stored.to_dict()

        def build(draft: _Draft) -> Recipe:
            draft.put(document)
            return stored

        return self._commit(build)

    def delete(self, recipe_id: str) -> Recipe:
        """Remove a recipe and return it whole, so that the caller can offer undo."""

        def build(draft: _Draft) -> Recipe:
            return self._to_recipe(draft.remove(recipe_id))

        return self._commit(build)

    def restore_backup(self, info: BackupInfo) -> int:
        """Make the library what the backup holds, after backing up what it holds now.

        Returns the number of recipes restored; raises LibraryReadError if the backup is
        unusable, and then nothing changes.
        """
        loaded = info.load()

        def build(draft: _Draft) -> int:
            draft.replace_all(loaded)
            return len(loaded.doc_ids)

        return self._commit(build, backup_reason="restore")

    def merge_conflict_copy(self, copy_path: Path) -> MergeReport:
        """Merge a sync tool's conflict copy recipe by recipe, then move the copy aside.

        A recipe only in the copy is added; one in both keeps the newer `updated`, ours on a
        tie; nothing is removed. A record the app can't read stays in the moved copy and
        is listed in the report.
        """
        loaded = load_library_file(copy_path)
        theirs = [loaded.data[RECIPES_TABLE][str(doc_id)] for doc_id in loaded.doc_ids.values()]

        def build(draft: _Draft) -> MergeReport:
            report = MergeReport(copy_path)
            for document in theirs:
                try:
                    recipe = Recipe.from_dict(document)
                except RecipeFormatError as error:
                    report.unreadable.append(f"{document.get('title', '?')}: {error}")
                    continue
                mine = draft.document(recipe.id)
                if mine is None:
                    report.added.append(recipe.title)
                elif is_newer(document, mine):
                    report.updated.append(recipe.title)
                else:
                    report.kept_ours += 1
                    continue
                draft.put(recipe.to_dict())
            return report

        report = self._commit(build, backup_reason="merge")
        return set_conflict_aside(self.path, report)

    def reload_if_changed(self) -> bool:
        """Take the file from disk if another program replaced it; True if it did.

        Our own saves never count. Returns False at once while a save is running: that save
        takes in the change itself (watch `reloads` to refresh afterwards). Raises
        LibraryReadError if the new file is unreadable; the recipes in memory stay.
        """
        if not self._lock.acquire(blocking=False):
            return False
        try:
            if not self._storage.changed_on_disk():
                return False
            try:
                loaded = load_library_file(self.path)
            except FileNotFoundError:
                return False
            self._take(loaded)
            return True
        finally:
            self._lock.release()

    def try_become_writable(self) -> bool:
        """Take the session lock if the window that held it has closed; True if writable now."""
        with self._lock:
            if self.read_only_reason != ANOTHER_INSTANCE:
                return not self.read_only
            lock = try_session_lock(self.path)
            if lock is None:
                return False
            self._session_lock = lock
            self._write_lock = write_lock(self.path)
            self.read_only_reason = None
            return True

    # Media --------------------------------------------------------------------------------

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

    def close(self) -> None:
        with self._lock:
            self._db.close()
            self._release_session()

    # Inside -------------------------------------------------------------------------------

    def _open(self) -> tuple[AtomicJSONStorage, dict[str, int]]:
        if self._write_lock is None:
            try:
                loaded = load_library_file(self.path)
            except FileNotFoundError:
                return AtomicJSONStorage(self.path, empty_library()), {}
            return _storage_for(self.path, loaded), loaded.doc_ids
        with holding(self._write_lock):
            clean_temp_files(self.path)
            clean_backup_temp_files(self.path)
            try:
                loaded = load_library_file(self.path)
            except FileNotFoundError:
                return _create_empty_library(self.path), {}
            storage = _storage_for(self.path, loaded)
            if loaded.version < SCHEMA_VERSION:
                self._upgrade(storage, loaded)
            return storage, loaded.doc_ids

    def _upgrade(self, storage: AtomicJSONStorage, loaded: LoadedFile) -> None:
        """Write the upgraded library, only once the file as it was is safe in a backup."""
        try:
            original = self.path.read_bytes()
        except OSError as error:
            raise LibraryReadError(self.path, f"it could not be read ({error.strerror})") from error
        take_backup(
            self.path, (original,), len(loaded.doc_ids), "migration", max(self.keep_backups, 1)
        )
        storage.write(loaded.data)
        self.migrated_from = loaded.version
        logger.info("Upgraded %s from schema %d", self.path, loaded.version)

    def _commit(self, build: Callable[[_Draft], T], backup_reason: str | None = None) -> T:
        """Apply a change to the newest library and save it, all under both locks."""
        with self._lock:
            if self._write_lock is None:
                raise LibraryReadOnlyError(
                    f"{self.path} is open read-only, nothing was saved: {self.read_only_reason}"
                )
            with holding(self._write_lock):
                for _attempt in range(_SAVE_ATTEMPTS):
                    self._absorb_disk_changes()
                    draft = _Draft(self._storage.read(), self._doc_ids, self._next_doc_id)
                    result = build(draft)
                    save = self._storage.prepare(draft.data())
                    if backup_reason is not None:
                        self._take_backup(backup_reason)
                    else:
                        self._backup_if_due()
                    try:
                        self._storage.write_prepared(save)
                    except ChangedOnDiskError:
                        continue
                    self._doc_ids, self._next_doc_id = draft.doc_ids, draft.next_doc_id
                    return result
        raise LibraryWriteError(
            f"{self.path} kept being replaced by another program while saving; "
            "nothing was saved, try again"
        )

    def _absorb_disk_changes(self) -> None:
        """Before a save: take in another program's save, or set aside a file it broke."""
        if not self._storage.changed_on_disk():
            return
        try:
            loaded = load_library_file(self.path)
        except FileNotFoundError:
            return
        except LibraryTooNewError as error:
            raise LibraryWriteError(
                f"{error} Nothing was saved, so that file stays as the newer app left it."
            ) from error
        except LibraryCorruptError as error:
            moved = move_aside(self.path)
            self.moved_aside.append(moved)
            logger.warning("%s The broken file was moved to %s.", error, moved)
            return
        except LibraryReadError as error:
            raise LibraryWriteError(f"{error} Nothing was saved.") from error
        self._take(loaded)

    def _take(self, loaded: LoadedFile) -> None:
        """Make another program's save ours, keeping a backup if ours held anything it lacks."""
        if not self.read_only and self._would_lose(loaded):
            try:
                self._take_backup("reload")
            except LibraryWriteError as error:
                logger.warning("No backup before taking the new file: %s", error)
        self._storage.replace_committed(loaded.data, identity_of(loaded.stat), loaded.revision)
        self._set_index(loaded.doc_ids)
        self.reloads += 1

    def _would_lose(self, loaded: LoadedFile) -> bool:
        theirs = loaded.data[RECIPES_TABLE]
        for recipe_id in self._doc_ids:
            their_key = loaded.doc_ids.get(recipe_id)
            if their_key is None:
                return True
            if is_newer(self._document(recipe_id), theirs[str(their_key)]):
                return True
        return False

    def _backup_if_due(self) -> None:
        """Before the first save of a session, and once a day: failing one never stops a save."""
        if not self._backup_due and self._last_backup_at is not None:
            self._backup_due = datetime.now(UTC) - self._last_backup_at >= BACKUP_INTERVAL
        if not self._backup_due:
            return
        try:
            self._take_backup("session" if self._last_backup_at is None else "daily")
        except LibraryWriteError as error:
            logger.warning("No backup before saving: %s", error)

    def _take_backup(self, reason: str) -> None:
        if self.keep_backups <= 0 or not self._doc_ids:
            return
        chunks = self._storage.committed_chunks()
        info = take_backup(self.path, chunks, len(self._doc_ids), reason, self.keep_backups)
        self._backup_due = False
        self._last_backup_at = info.taken_at

    def _set_index(self, doc_ids: dict[str, int]) -> None:
        self._doc_ids = doc_ids
        keys = self._storage.read().get(RECIPES_TABLE, {})
        self._next_doc_id = max((int(key) for key in keys), default=0) + 1

    def _document(self, recipe_id: str) -> dict[str, Any]:
        doc_id = self._doc_ids.get(recipe_id)
        document = None if doc_id is None else self._table.get(doc_id=doc_id)
        if document is None:
            raise RecipeNotFoundError(recipe_id)
        return document

    def _to_recipe(self, document: dict[str, Any]) -> Recipe:
        try:
            return Recipe.from_dict(document)
        except RecipeFormatError as error:
            number = getattr(document, "doc_id", document.get("id"))
            raise LibraryReadError(self.path, f"record {number}: {error}") from error

    def _release_session(self) -> None:
        if self._session_lock is not None:
            self._session_lock.release()
            self._session_lock = None


class _Draft:
    """The next state of the recipes table, built from copies: the committed one stays."""

    def __init__(self, data: dict[str, Any], doc_ids: dict[str, int], next_doc_id: int) -> None:
        self._data = data
        self.table: dict[str, Any] = dict(data.get(RECIPES_TABLE, {}))
        self.doc_ids = dict(doc_ids)
        self.next_doc_id = next_doc_id

    def document(self, recipe_id: str) -> dict[str, Any] | None:
        doc_id = self.doc_ids.get(recipe_id)
        return None if doc_id is None else self.table.get(str(doc_id))

    def put(self, document: dict[str, Any]) -> None:
        """Store a new document object under its recipe id, replacing any there."""
        doc_id = self.doc_ids.get(document["id"])
        if doc_id is None:
            doc_id = self.next_doc_id
            self.next_doc_id += 1
            self.doc_ids[document["id"]] = doc_id
        self.table[str(doc_id)] = document

    def remove(self, recipe_id: str) -> dict[str, Any]:
        doc_id = self.doc_ids.pop(recipe_id, None)
        if doc_id is None:
            raise RecipeNotFoundError(recipe_id)
        return self.table.pop(str(doc_id))

    def replace_all(self, loaded: LoadedFile) -> None:
        self.table = dict(loaded.data[RECIPES_TABLE])
        self.doc_ids = dict(loaded.doc_ids)
        self.next_doc_id = max((int(key) for key in self.table), default=0) + 1

    def data(self) -> dict[str, Any]:
        return {**self._data, RECIPES_TABLE: self.table}


def _storage_for(path: Path, loaded: LoadedFile) -> AtomicJSONStorage:
    return AtomicJSONStorage(path, loaded.data, identity_of(loaded.stat), loaded.revision)


def _create_empty_library(path: Path) -> AtomicJSONStorage:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LibraryWriteError(
            f"the folder {path.parent} could not be created: {error.strerror or error}"
        ) from error
    storage = AtomicJSONStorage(path, {})
    storage.write(empty_library())
    return storage


def _checked_copy(recipe: Recipe, **changes: Any) -> Recipe:
    """The recipe as it will be stored; one that breaks the model is a failed save."""
    try:
        return recipe.copy(**changes)
    except RecipeFormatError as error:
        raise LibraryWriteError(f"the recipe could not be stored: {error}") from error


def _summary(document: Mapping[str, Any]) -> RecipeSummary:
    title = document.get("title")
    return RecipeSummary(
        id=str(document.get("id", "")),
        title=title if isinstance(title, str) else "",
        document=document,
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
