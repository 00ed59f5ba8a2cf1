"""The recipe library: a folder every computer shares, each writing only its own file.

`RecipeLibrary(folder)` reads every computer's file in `devices/`, merges them recipe by
recipe (`merge.py`: newest wins by edit time then computer id, deletions are tombstones,
concurrent edits are both kept) and writes this computer's changes by appending to its own
file. Nothing in the folder has two writers, so a sync tool never has two versions of one
file to choose between, and there is nothing to ask anybody.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import logging
import os
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ..atomic_file import fsync_folder, replace_file, write_all
from ..domain import Recipe, RecipeFormatError
from ..domain.limits import LimitError, check_document, check_recipe
from .backups import (
    DEFAULT_KEEP,
    BackupInfo,
    clean_backup_temp_files,
    list_backups,
    take_backup,
)
from .device_files import (
    DEVICES_FOLDER,
    device_file_name,
    device_files,
    header_line,
    is_table_file,
    lines_of,
    old_device_file_name,
    read_device_file,
)
from .device_tables import read_table_file, table_file_name, write_table_file
from .errors import (
    LibraryMissingError,
    LibraryReadError,
    LibraryReadOnlyError,
    LibraryWriteError,
    RecipeNotFoundError,
)
from .identity import Computer, remember_library, this_computer
from .locking import ANOTHER_INSTANCE, FileLock, holding, try_session_lock, write_lock
from .merge import (
    PLAN,
    RECIPE,
    Entry,
    Resolved,
    Version,
    copy_id,
    entries_of,
    newest_per_device,
    resolve,
    seen_after,
)
from .write_files import write_atomically

MEDIA_FOLDER = "media"
SET_ASIDE_FOLDER = "set-aside"
MEDIA_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")
SEARCHED_FIELDS = ("title", "tags", "category", "cuisine", "method")
SEED_DEVICE = "seed"
#: The starter recipes' edit time: fixed, so every computer seeding a folder writes the same.
SEED_TIME = 1_735_689_600_000_000  # 2025-01-01T00:00:00Z
#: A session backup is taken at open unless this computer took one this recently.
SESSION_BACKUP_GAP = timedelta(minutes=10)
# Fold this computer's journal into its table file once the journal holds this many lines
# more than half the records: each save then costs about two records' writing in all.
_COMPACT_SLACK = 200

logger = logging.getLogger(__name__)
Key = tuple[str, str]


class RecipeSummary:
    """What the recipe list needs of a recipe, without reading its ingredients.

    `document` is the stored record; for a library opened with `defer_checks` it is decoded
    on first use (the list paints titles; marks, search text and browse rows ask for it), and
    reads as empty for a record found bad then (the library leaves it out at once).
    """

    __slots__ = ("_document", "_version", "id", "title")

    def __init__(
        self,
        id: str,
        title: str,
        document: Mapping[str, Any] | None = None,
        *,
        version: Version | None = None,
    ) -> None:
        self.id = id
        self.title = title
        self._document = document
        self._version = version

    @property
    def document(self) -> Mapping[str, Any]:
        if self._document is None:
            version = self._version
            self._document = (version.document if version is not None else None) or {}
        return self._document

    def __repr__(self) -> str:
        return f"RecipeSummary(id={self.id!r}, title={self.title!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RecipeSummary):
            return NotImplemented
        return (self.id, self.title) == (other.id, other.title)

    def __hash__(self) -> int:
        return hash((self.id, self.title))

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


@dataclass(slots=True)
class _FileState:
    """How far a device file has been read, to read only what was added since."""

    identity: tuple[int, int, int] = (0, 0, 0)  # inode, size, mtime
    end: int = 0
    tail: bytes = b""  # the bytes just before `end`, to tell an appended file from a new one


@dataclass(frozen=True, slots=True)
class Change:
    """What a reload or save changed: ids shown, changed or gone."""

    ids: frozenset[str] = frozenset()


class RecipeLibrary:
    """A library folder, merged from every computer's file; this computer writes its own.

    Reading methods never wait for a save: they see the last merged state. Changing
    methods are synchronous, thread-safe and one at a time, so the UI runs them on a worker
    thread; each returns once its change is durably in this computer's file (appended and
    fsynced).

    `path` names the folder (a symlink stays a link: it is followed, never replaced). A path
    to an existing 0.1 library file opens the folder beside it, moving its recipes in when the
    folder is new (the file itself is kept). A missing folder is created unless `create` is
    False (the app asks first: see `open_library_safely`); a dangling symlink never is.

    `exclusive` takes the session lock: a second exclusive library on the same folder (another
    window, another process, whatever path reaches it) opens read-only.

    `defer_checks` (the window's open): a recipe line laid out as this app writes it is taken
    on its outline (kind, id, time, computer, `seen`, title), its document decoded and checked
    in full on first use, and every one of them by `finish_reading`, which the caller runs
    on a worker once the list is shown. Until then a record that proves bad is shown under
    its title; `finish_reading` leaves it out as opening without `defer_checks` would have.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        backups: int = DEFAULT_KEEP,
        exclusive: bool = False,
        read_only: bool = False,
        create: bool = True,
        computer: Computer | None = None,
        defer_checks: bool = False,
    ) -> None:
        given = Path(path)
        self.legacy_file: Path | None = None
        if given.is_file():
            from .legacy import legacy_folder_for

            self.legacy_file = given
            given = legacy_folder_for(given)
        self.path = given
        self.keep_backups = backups
        self.computer = computer or this_computer()
        self.read_only_reason: str | None = "opened read-only" if read_only else None
        self.migrated_from: int | None = None
        self.moved_aside: list[Path] = []
        self.problems: list[str] = []
        self.created = False
        self.reloads = 0
        self.last_change = Change()
        self._lock = threading.RLock()
        self._doc_ids: dict[str, int] = {}
        self._next_doc_id = 1
        self._session_lock: FileLock | None = None
        self._write_lock: FileLock | None = None
        self._closed = threading.Event()
        self._threads: list[threading.Thread] = []
        # Every computer's newest version of every record, and the merge of each.
        self._candidates: dict[Key, dict[str, Version]] = {}
        self._resolved: dict[Key, Resolved] = {}
        self._shown: dict[str, dict[str, Entry]] = {RECIPE: {}, PLAN: {}}
        self._documents: dict[str, dict[str, Any]] = {}  # conflict copies as shown
        # Recipes per category, counted on first use, then kept as recipes change.
        self._categories: Counter[str] | None = None
        # Recipe ids by title (case and spacing ignored), built on first use, then kept.
        self._titles: dict[str, set[str]] | None = None
        self._names: dict[str, str] = {self.computer.id: self.computer.name}
        self._files: dict[str, _FileState] = {}
        self._last_time = 0
        # This computer's file: its newest version per record, and its line count.
        self._own_versions: dict[tuple[str, str, str], Version] = {}
        self._own_lines = 0  # versions (and bad lines) in this computer's journal
        self._own_bad: set[str] = set()  # own files holding records that were set aside
        self._compaction = threading.Lock()
        # Versions taken at open on their outline alone (`defer_checks`), to check in full:
        # (file shown as devices/<name>, byte offset, version).
        self._pending: list[tuple[str, int, Version]] = []
        self._checking = threading.Lock()
        self._late_changes: set[str] = set()
        self._defer_checks = defer_checks
        self._freeze_checked = False
        self._own_paths: tuple[tuple[Path, str], Path, Path] | None = None  # built once
        self._prepare_folder(create)
        if exclusive and not read_only:
            self._session_lock = try_session_lock(self.path)
            if self._session_lock is None:
                self.read_only_reason = ANOTHER_INSTANCE
        try:
            if not self.read_only:
                self._write_lock = write_lock(self.path)
            self._open()
        except BaseException:
            self._release_session()
            raise
        with contextlib.suppress(OSError):
            remember_library(self.path.resolve())
        # With records still to check, the backup and compaction wait for the checks: they
        # hold only records that passed (`finish_reading`).
        self._checks_done = not self._pending
        self._start_after_checks = not self.read_only and not self._checks_done
        if not self.read_only and self._checks_done:
            self._start(self._open_backup, "backup")
            self._maybe_compact()

    # Reading ------------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def own_file(self) -> Path:
        """This computer's journal: every save is appended here."""
        if self._own_paths is None or self._own_paths[0] != (self.path, self.computer.id):
            devices = self.path / DEVICES_FOLDER
            name = self.computer.id
            self._own_paths = (
                (self.path, name),
                devices / device_file_name(name),
                devices / table_file_name(name),
            )
        return self._own_paths[1]

    @property
    def own_table(self) -> Path:
        """This computer's TinyDB file, which compaction folds the journal into."""
        self.own_file  # noqa: B018 - makes both paths
        assert self._own_paths is not None
        return self._own_paths[2]

    def __len__(self) -> int:
        return len(self._shown[RECIPE])

    def __contains__(self, recipe_id: object) -> bool:
        return recipe_id in self._shown[RECIPE]

    def __enter__(self) -> RecipeLibrary:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def recipes(self) -> list[Recipe]:
        """Every recipe (conflict copies included, each its own recipe), as new objects."""
        self._finish_checks()
        return [self._to_recipe(self._checked(entry)) for entry in self._entries(RECIPE)]

    def recipes_titled(self, titles: Iterable[str]) -> list[Recipe]:
        """The recipes whose title is one of these, ignoring case and spacing (an import's
        duplicate check needs only those): no copy of the library."""
        self._finish_checks()
        with self._lock:
            self.prepare_titles()
            assert self._titles is not None
            found = {i for t in titles for i in self._titles.get(_title_key(t), ())}
            entries = [self._shown[RECIPE][i] for i in sorted(found) if i in self._shown[RECIPE]]
        return [self._to_recipe(self._checked(entry)) for entry in entries]

    def prepare_titles(self) -> None:
        """Build the title index now (on a worker, before an import needs it)."""
        self._finish_checks()
        with self._lock:
            if self._titles is None:
                self._titles = {}
                for entry in self._entries(RECIPE):
                    self._index_title(entry.id, self._document(entry), 1)

    def _index_title(self, recipe_id: str, document: Mapping[str, Any], step: int) -> None:
        if self._titles is None:
            return
        title = document.get("title")
        key = _title_key(title if isinstance(title, str) else "")
        ids = self._titles.setdefault(key, set())
        if step > 0:
            ids.add(recipe_id)
        else:
            ids.discard(recipe_id)

    def summaries(self) -> list[RecipeSummary]:
        """Titles and searchable text of every recipe, cheap enough for 100,000 at start-up
        (a document not yet decoded is decoded when its summary's `document` is first asked)."""
        return [self._summary(entry) for entry in self._entries(RECIPE)]

    def summary(self, recipe_id: str) -> RecipeSummary:
        return self._summary(self._entry(RECIPE, recipe_id))

    def categories(self) -> list[str]:
        """The categories in use, for the editor to offer (counted once, then kept as recipes
        change)."""
        with self._lock:
            if self._categories is None:
                counted: Counter[str] = Counter()
                for entry in self._entries(RECIPE):
                    counted[_category(entry.version.document)] += 1
                self._categories = counted
            found = [name for name, count in self._categories.items() if count > 0 and name]
        return sorted(found, key=str.casefold)

    def get(self, recipe_id: str) -> Recipe:
        """The recipe shown under this id; LibraryReadError if its record proves unreadable
        (a library opened with `defer_checks`, before `finish_reading`)."""
        return self._to_recipe(self._checked(self._entry(RECIPE, recipe_id)))

    def is_empty_of_records(self) -> bool:
        """No computer ever wrote a record here (a deleted recipe still counts as one)."""
        return not self._candidates

    def version_of(self, recipe_id: str) -> str | None:
        """The version of a recipe now shown, as a token an editor keeps to save against."""
        entry = self._shown[RECIPE].get(recipe_id)
        return None if entry is None else entry.version.token

    def conflict_of(self, recipe_id: str) -> str | None:
        """For a conflict copy, the id of the recipe it is a concurrent edit of."""
        entry = self._shown[RECIPE].get(recipe_id)
        return None if entry is None else entry.conflict_of

    def computer_name(self, device: str) -> str:
        return self._names.get(device, "another computer")

    def edited_on(self, recipe_id: str) -> str:
        """The computer whose edit is shown under this id."""
        return self.computer_name(self._entry(RECIPE, recipe_id).version.device)

    def back_up(self) -> BackupInfo | None:
        """Take a backup of the library as it is now (None when backups are turned off)."""
        return self._take_backup("manual")

    def list_backups(self) -> list[BackupInfo]:
        """This library's backups (every computer's), newest first, for the restore menu."""
        return list_backups(self.path)

    def plan_entries(self) -> list[dict[str, Any]]:
        """Every meal-plan entry (plain dicts with an 'id'), merged like recipes: newest wins."""
        return [dict(entry.version.document or {}) for entry in self._entries(PLAN)]

    # Changing -----------------------------------------------------------------------------

    def add(self, recipe: Recipe) -> str:
        """Store a new recipe durably; returns its id (fresh if it had none or a taken one).

        An id whose recipe was deleted is taken again: that is how undo brings one back.
        """
        return self.add_many([recipe])[0]

    def add_many(self, recipes: Iterable[Recipe]) -> list[str]:
        """Store several recipes in one write: all of them, or none if the write fails."""
        recipes = list(recipes)
        for recipe in recipes:
            _check(recipe)

        def build() -> tuple[list[str], list[Version]]:
            ids: list[str] = []
            versions: list[Version] = []
            stamp = _iso(self._next_time())
            for recipe in recipes:
                taken = (
                    not recipe.id
                    or recipe.id in self._shown[RECIPE]
                    or recipe.id in ids
                    or len(recipe.id) > 100
                )
                recipe_id = uuid.uuid4().hex if taken else recipe.id
                ids.append(recipe_id)
                document = recipe.to_dict()
                document.update(id=recipe_id, created=recipe.created or stamp)
                versions.extend(self._new_versions(RECIPE, recipe_id, document))
            return ids, versions

        return self._commit(build)

    def update(self, recipe: Recipe, *, base: str | None = None) -> Recipe:
        """Store this version of a recipe; returns it as stored.

        `base` is the version the editor started from (`version_of` when it opened): an
        edit that arrived from another computer since then is kept beside this one as a
        conflict copy, never overwritten. Without `base` this version follows the one shown
        (undo uses that to put an earlier version back). A recipe removed meanwhile is
        stored again: a save is never lost.
        """
        if not recipe.id:
            raise RecipeNotFoundError(recipe.id)
        _check(recipe)

        def build() -> tuple[Recipe, list[Version]]:
            document = recipe.to_dict()
            versions = self._new_versions(RECIPE, recipe.id, document, base=base)
            stored = versions[-1].document or {}
            # The caller's recipe with the stored stamp: reading every line again would
            # cost more than the save itself.
            return dataclasses.replace(recipe, updated=stored.get("updated", "")), versions

        return self._commit(build)

    def delete(self, recipe_id: str) -> Recipe:
        """Remove a recipe (a tombstone: it never comes back) and return it for undo."""

        def build() -> tuple[Recipe, list[Version]]:
            entry = self._entry(RECIPE, recipe_id)
            removed = self._to_recipe(self._checked(entry))
            return removed, self._new_versions(RECIPE, recipe_id, None)

        return self._commit(build)

    def put_plan_entry(self, entry: dict[str, Any]) -> str:
        """Add or change a meal-plan entry (any plain data with an 'id'); returns its id."""
        entry_id = entry.get("id")
        entry_id = entry_id if isinstance(entry_id, str) and entry_id else uuid.uuid4().hex
        document = {**entry, "id": entry_id}
        try:
            check_document(document, f"plan entry {entry_id!r}")
        except LimitError as error:
            raise LibraryWriteError(f"the plan entry could not be stored: {error}") from error

        def build() -> tuple[str, list[Version]]:
            return entry_id, self._new_versions(PLAN, entry_id, document)

        return self._commit(build)

    def remove_plan_entry(self, entry_id: str) -> None:
        """Remove a meal-plan entry (a tombstone, like a recipe's)."""

        def build() -> tuple[None, list[Version]]:
            self._entry(PLAN, entry_id)
            return None, self._new_versions(PLAN, entry_id, None)

        self._commit(build)

    def restore_backup(self, info: BackupInfo) -> int:
        """Make the library what the backup holds, after backing up what it holds now.

        Written as ordinary versions (changed recipes, tombstones for ones the backup lacks),
        so every computer takes the restore in. Returns the number of recipes restored.
        """
        loaded = info.load()
        self._finish_checks()
        self._take_backup("restore")

        def build() -> tuple[int, list[Version]]:
            versions: list[Version] = []
            for kind in (RECIPE, PLAN):
                wanted = {doc["id"]: doc for doc in loaded.get(kind, [])}
                for entry in self._entries(kind):
                    if entry.id not in wanted:
                        versions.extend(self._new_versions(kind, entry.id, None))
                for key, document in wanted.items():
                    shown = self._shown[kind].get(key)
                    if shown is None or self._document(shown) != document:
                        versions.extend(self._new_versions(kind, key, dict(document)))
            return len(loaded.get(RECIPE, [])), versions

        return self._commit(build)

    def add_seeds(self, recipes: Iterable[Recipe]) -> list[str]:
        """The starter recipes, written exactly as every computer writes them (fixed ids,
        time and author), so that two computers seeding one folder agree."""

        def build() -> tuple[list[str], list[Version]]:
            versions = []
            for recipe in recipes:
                recipe_id = recipe.id or uuid.uuid5(uuid.NAMESPACE_URL, recipe.title).hex
                document = recipe.to_dict()
                document.update(id=recipe_id, created=_iso(SEED_TIME), updated=_iso(SEED_TIME))
                versions.append(Version(RECIPE, recipe_id, SEED_TIME, SEED_DEVICE, document, {}))
            return [v.key for v in versions], versions

        return self._commit(build)

    def reload_if_changed(self) -> bool:
        """Take in what other computers (or other programs here) wrote; True if anything did.

        Reads only files whose size, time or inode changed, and of an appended file only the
        new lines. `last_change` names the ids whose shown version changed. Never raises for
        what a file holds: bad records are named in `problems`. Returns False at once while a
        save is running: that save's caller refreshes, and the next reload takes the rest.
        """
        if not self._lock.acquire(blocking=False):
            return False
        try:
            changed = self._read_files()
            if not changed:
                return False
            self.last_change = Change(frozenset(changed))
            self.reloads += 1
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
            try:
                with holding(self._write_lock):
                    self._open_own_file()
            except LibraryWriteError as error:
                self.read_only_reason = str(error)
                return False
            return True

    def finish_reading(self, *, freeze: bool = False) -> bool:
        """Check in full every record a `defer_checks` open took on its outline alone; True
        if what is shown changed (`last_change` names the ids). Run it on a worker once the
        list is shown: it decodes every document, as opening does without `defer_checks`.

        A record found bad now is what opening would have left out: it is named in
        `problems` the same way, and the version it hid (that computer's previous one, or
        none) is shown instead. The open's backup and compaction start after this, so they
        hold only checked records. Waits for a check already running on another thread.

        `freeze` (the app, which keeps its library open as long as it runs): the decoded
        documents are moved out of the garbage collector's sight (`gc.freeze`), as the app
        does with what it loaded before the list showed, so that no collection on any thread
        ever walks them (one would hold the UI thread for tens of ms)."""
        self._freeze_checked = self._freeze_checked or freeze
        self._finish_checks()
        with self._lock:
            if not self._late_changes:
                return False
            self.last_change = Change(frozenset(self._late_changes))
            self._late_changes = set()
            return True

    def _finish_checks(self) -> None:
        if self._checks_done:
            return
        with self._checking:
            if self._checks_done:
                return
            pending, self._pending = self._pending, []
            bad: list[Version] = []
            named: Counter[str] = Counter()
            with without_cyclic_gc(freeze=self._freeze_checked):
                for name, offset, version in pending:
                    problem = version.problem  # decodes and checks the whole line
                    if problem is None:
                        continue
                    bad.append(version)
                    named[name] += 1
                    if named[name] <= _MAX_LATE_NAMED:
                        self._name_problem(
                            f"{name}, byte {offset}: a record was set aside ({problem})"
                        )
                    if name.endswith(
                        (f"/{device_file_name(self.computer.id)}", f"/{self.own_table.name}")
                    ):
                        self._own_bad.add(name.rpartition("/")[2])
            for name, count in named.items():
                if count > _MAX_LATE_NAMED:
                    self._name_problem(
                        f"{name}: {count - _MAX_LATE_NAMED} more records were set aside"
                    )
            if bad:
                self._leave_out(bad)
            self._checks_done = True
        if self._start_after_checks:
            self._start_after_checks = False
            self._start(self._open_backup, "backup")
            self._maybe_compact()

    def _name_problem(self, problem: str) -> None:
        if problem not in self.problems:
            self.problems.append(problem)

    def _leave_out(self, bad: list[Version]) -> None:
        """Take versions found bad after opening out of the merge, as if never read: each
        record they touched is merged again from every version of it that is good (the
        files are read again, in full, for those records)."""
        bad_ids = {id(version) for version in bad}
        keys = {(version.kind, version.key) for version in bad}
        with self._lock:
            affected = {
                key
                for key in keys
                if any(id(v) in bad_ids for v in self._candidates.get(key, {}).values())
            }
            own_affected = {k for k, v in self._own_versions.items() if id(v) in bad_ids}
        if not affected and not own_affected:
            return  # each was superseded when read: nothing shown came from one
        wanted = keys
        again: dict[Key, list[Version]] = {}
        for path in device_files(self.path):
            found = read_table_file(path) if is_table_file(path) else read_device_file(path)
            for version in found.versions:
                if (version.kind, version.key) in wanted:
                    again.setdefault((version.kind, version.key), []).append(version)
        with self._lock:
            for own_key in own_affected:
                if id(self._own_versions.get(own_key)) in bad_ids:
                    del self._own_versions[own_key]
                    own_kind, own_id, device = own_key
                    for version in again.get((own_kind, own_id), []):
                        if version.device == device:
                            self._keep_own(version)
            remerge: set[Key] = set()
            for key in affected:
                current = self._candidates.get(key, {})
                good = [v for v in current.values() if id(v) not in bad_ids]
                newest = newest_per_device(good + again.get(key, []))
                old = self._resolved.get(key)
                if newest:
                    self._candidates[key] = newest
                    remerge.add(key)
                    continue
                # No good version of the record at all: it was never here.
                self._candidates.pop(key, None)
                self._resolved.pop(key, None)
                for entry in entries_of(old) if old is not None else []:
                    shown = self._shown[key[0]].get(entry.id)
                    if shown is not None and shown.version is entry.version:
                        self._unshow(key[0], entry.id)
                        self._late_changes.add(entry.id)
            self._late_changes |= self._apply(remerge)

    def compact(self) -> None:
        """Fold this computer's journal into its TinyDB file (normally in the background,
        once the journal has grown past half the records); waits for one already running."""
        if self.read_only:
            return
        with self._compaction:
            self._compact()

    def _compact_in_background(self) -> None:
        if self._compaction.acquire(blocking=False):
            try:
                self._compact()
            finally:
                self._compaction.release()

    # Media --------------------------------------------------------------------------------

    @property
    def media_folder(self) -> Path:
        """Photos live in the library folder, so they sync and move with it."""
        return self.path / MEDIA_FOLDER

    def add_media(self, source: Path) -> str:
        """Copy a photo into the media folder; returns its path relative to the library."""
        suffix = source.suffix.lower() if source.suffix.lower() in MEDIA_SUFFIXES else ""
        if not suffix:
            raise LibraryWriteError(f"{source.name} is not a photo this app can show")
        target = self.media_folder / f"{uuid.uuid4().hex}{suffix}"
        try:
            self.media_folder.mkdir(exist_ok=True)
            write_atomically(target, source.read_bytes())
        except OSError as error:
            raise LibraryWriteError(f"{source} could not be copied: {error.strerror}") from error
        return f"{MEDIA_FOLDER}/{target.name}"

    def media_path(self, stored: str) -> Path | None:
        """The file a stored photo path names, or None if it points outside the media folder."""
        if not stored:
            return None
        folder = self.media_folder.resolve()
        candidate = (self.path / stored).resolve()
        return candidate if candidate.parent == folder and candidate.is_file() else None

    def close(self) -> None:
        self._closed.set()
        for thread in list(self._threads):
            thread.join(timeout=30)
        with self._lock:
            self._release_session()

    # Opening ------------------------------------------------------------------------------

    def _prepare_folder(self, create: bool) -> None:
        folder = self.path
        if folder.is_symlink() and not folder.exists():
            raise LibraryMissingError(
                folder, f"it is a link to {os.readlink(folder)}, which is not there"
            )
        if not folder.exists():
            if not create:
                raise LibraryMissingError(folder, "the folder is not there")
            try:
                folder.mkdir(parents=True)
            except FileExistsError:
                pass
            except OSError as error:
                raise LibraryWriteError(
                    f"the folder {folder} could not be created: {error.strerror or error}"
                ) from error
            self.created = True
        if not folder.is_dir():
            raise LibraryReadError(folder, "it is not a folder")

    def _open(self) -> None:
        if self._write_lock is None:
            self._read_files(lazy=self._defer_checks)
            return
        with holding(self._write_lock):
            clean_backup_temp_files(self.path)
            self._clean_own_temp_files()
            self._open_own_file()
            self._adopt_old_own_file()
            self._read_files(lazy=self._defer_checks)
            if self.legacy_file is not None and not self.read_only:
                self._move_legacy_in()

    def _open_own_file(self) -> None:
        """Make sure this computer's file exists and can be appended to: a folder we cannot
        write is found out now, not at the first save. A save cut short is cut off."""
        devices = self.path / DEVICES_FOLDER
        path = self.own_file
        try:
            devices.mkdir(exist_ok=True)
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        except OSError as error:
            self.read_only_reason = (
                f"The library folder {self.path} cannot be written "
                f"({error.strerror or error}); it is shown read-only."
            )
            self._write_lock = None
            return
        try:
            info = os.fstat(descriptor)
            if info.st_size == 0:
                write_all(descriptor, header_line(self.computer.id, self.computer.name))
                os.fsync(descriptor)
                fsync_folder(devices)
            else:
                os.lseek(descriptor, -1, os.SEEK_END)
                if os.read(descriptor, 1) != b"\n":
                    self._cut_unfinished_line(descriptor, info.st_size)
        except OSError as error:
            self.read_only_reason = (
                f"The library folder {self.path} cannot be written "
                f"({error.strerror or error}); it is shown read-only."
            )
            self._write_lock = None
        finally:
            os.close(descriptor)

    def _adopt_old_own_file(self) -> None:
        """This computer's `<id>.jsonl` from before table files: its lines move to the end
        of the journal (fsynced), then it goes. Killed between the two, the lines are read
        twice: the same versions, which the merge takes once."""
        old = self.path / DEVICES_FOLDER / old_device_file_name(self.computer.id)
        if self._write_lock is None or not old.is_file():
            return
        try:
            data = old.read_bytes()
            lines = data[: data.rfind(b"\n") + 1]
            if lines.startswith(b'{"meta"'):
                lines = lines[lines.index(b"\n") + 1 :]
            if lines:
                descriptor = os.open(self.own_file, os.O_WRONLY | os.O_APPEND)
                try:
                    write_all(descriptor, lines)
                    os.fsync(descriptor)
                finally:
                    os.close(descriptor)
            old.unlink()
            fsync_folder(old.parent)
            logger.info("Moved %s into %s", old.name, self.own_file.name)
        except OSError as error:
            logger.warning("Could not move %s into the journal: %s", old, error)

    def _clean_own_temp_files(self) -> None:
        """Remove what a compaction killed midway left (only this computer's own)."""
        prefixes = tuple(
            f".{name}."
            for name in (device_file_name(self.computer.id), table_file_name(self.computer.id))
        )
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.path / DEVICES_FOLDER):
                if entry.name.startswith(prefixes) and entry.name.endswith(".tmp"):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)

    def _cut_unfinished_line(self, descriptor: int, size: int) -> None:
        """A save killed mid-write left part of a line: it was never acknowledged (a save
        returns only after its whole line is fsynced), so it is cut off."""
        os.lseek(descriptor, 0, os.SEEK_SET)
        data = os.read(descriptor, size)
        keep = data.rfind(b"\n") + 1
        logger.info("Cut an unfinished save of %d bytes from %s", size - keep, self.own_file)
        os.ftruncate(descriptor, keep)
        os.fsync(descriptor)

    def _move_legacy_in(self) -> None:
        from .legacy import read_legacy_file

        if any(c for c in self._candidates.values()) and not self.created:
            return  # moved in before (or the folder already holds a library): nothing to do
        assert self.legacy_file is not None
        found = read_legacy_file(self.legacy_file)
        self.problems.extend(found.problems)
        if found.version is not None:
            self.migrated_from = found.version
        self._copy_legacy_media()
        if found.versions:
            self._append(found.versions)
            logger.info("Moved %d recipes in from %s", len(found.versions), self.legacy_file)

    def _copy_legacy_media(self) -> None:
        assert self.legacy_file is not None
        source = self.legacy_file.parent / MEDIA_FOLDER
        if not source.is_dir():
            return
        with contextlib.suppress(OSError):
            self.media_folder.mkdir(exist_ok=True)
            for item in source.iterdir():
                target = self.media_folder / item.name
                if item.is_file() and not target.exists():
                    write_atomically(target, item.read_bytes())

    # Reading files ------------------------------------------------------------------------

    def _read_files(self, paths: Iterable[Path] | None = None, *, lazy: bool = False) -> set[str]:
        """Read what changed in every device file (or in `paths`); returns the ids whose view
        changed. A journal that grew is read from where the last read stopped; a table file
        that changed is read whole (through TinyDB). `lazy`: recipes laid out as this app
        writes them are taken on their outline, and checked in full by `finish_reading`."""
        with without_cyclic_gc():
            return self._read_files_now(paths, lazy)

    def _read_files_now(self, paths: Iterable[Path] | None, lazy: bool = False) -> set[str]:
        touched: set[Key] = set()
        own_journal = device_file_name(self.computer.id)
        own_table = table_file_name(self.computer.id)
        for path in device_files(self.path) if paths is None else paths:
            try:
                info = os.stat(path)
            except OSError:
                continue
            state = self._files.setdefault(path.name, _FileState())
            identity = (info.st_ino, info.st_size, info.st_mtime_ns)
            if identity == state.identity:
                continue
            if is_table_file(path):
                start = 0
                found = read_table_file(path, lazy=lazy)
                state.identity = identity
            else:
                start = state.end if self._appended(path, state, info.st_ino) else 0
                found = read_device_file(path, start, lazy=lazy)
                state.identity = identity
                state.end = found.end
                state.tail = _tail(path, found.end)
            if found.header is not None:
                device, name = found.header.get("device"), found.header.get("name")
                if isinstance(device, str) and isinstance(name, str) and name:
                    self._names.setdefault(device, name[:60])
            if found.problems:
                self.problems.extend(p for p in found.problems if p not in self.problems)
            if found.pending:
                shown_as = f"{path.parent.name}/{path.name}"
                self._pending.extend((shown_as, at, version) for at, version in found.pending)
            if path.name in (own_journal, own_table):
                self._note_own(
                    path.name,
                    found.versions,
                    found.bad_lines,
                    journal_from=start if path.name == own_journal else None,
                )
            touched |= self._join(found.versions)
        return self._apply(touched)

    def _appended(self, path: Path, state: _FileState, inode: int) -> bool:
        """Whether the file is the one read before with lines added (read only those)."""
        if state.end == 0 or inode != state.identity[0]:
            # Sync tools replace files: the same start means lines were added after it.
            return state.end > 0 and _tail(path, state.end) == state.tail
        return _tail(path, state.end) == state.tail

    def _note_own(
        self, name: str, versions: list[Version], bad: int, *, journal_from: int | None
    ) -> None:
        """Keep this computer's newest versions (compaction writes them) and count the
        journal's lines (compaction is due when they outgrow the records)."""
        if bad:
            self._own_bad.add(name)
        if journal_from is not None:
            if journal_from == 0:
                self._own_lines = 0
            self._own_lines += len(versions) + bad
        for version in versions:
            self._keep_own(version)

    def _keep_own(self, version: Version) -> None:
        key = (version.kind, version.key, version.device)
        current = self._own_versions.get(key)
        if current is None or current.time <= version.time:
            self._own_versions[key] = version
        if version.device == self.computer.id:
            self._last_time = max(self._last_time, version.time)

    def _join(self, versions: Iterable[Version]) -> set[Key]:
        """Take versions into the candidates; returns the records whose candidates changed."""
        touched: set[Key] = set()
        all_candidates = self._candidates
        for version in versions:
            key = (version.kind, version.key)
            candidates = all_candidates.get(key)
            if candidates is None:
                # A record seen for the first time (every record, opening): nothing to compare.
                all_candidates[key] = {version.device: version}
                touched.add(key)
                continue
            current = candidates.get(version.device)
            if current is not None:
                newest = newest_per_device((current, version))[version.device]
                if newest is current:
                    continue
            candidates[version.device] = version
            touched.add(key)
        return touched

    def _apply(self, touched: set[Key]) -> set[str]:
        """Merge the touched records again and update what is shown; returns changed ids."""
        changed: set[str] = set()
        all_resolved = self._resolved
        all_candidates = self._candidates
        # No category counts or title index kept yet (opening): showing is one dict entry.
        plain = self._categories is None and self._titles is None
        for key in touched:
            kind = key[0]
            shown = self._shown[kind]
            old = all_resolved.get(key)
            candidates = all_candidates[key]
            if old is None and len(candidates) == 1 and key[1] not in shown:
                # One computer's version of a record new here (every record, opening): it
                # wins alone, with no copies, and nothing shown under its id goes.
                (version,) = candidates.values()
                all_resolved[key] = Resolved(version)
                if not version.deleted:
                    if plain:
                        self._documents.pop(key[1], None)
                        shown[key[1]] = Entry(key[1], version)
                    else:
                        self._show(kind, Entry(key[1], version))
                    changed.add(key[1])
                continue
            if old is not None:
                for entry in entries_of(old):
                    if shown.get(entry.id) is not None and shown[entry.id].version is entry.version:
                        self._unshow(kind, entry.id)
                        changed.add(entry.id)
            if key[1] in shown and shown[key[1]].conflict_of is not None:
                # A version was written under a conflict copy's id: that record speaks now.
                self._unshow(kind, key[1])
                changed.add(key[1])
            resolved = resolve(self._candidates[key])
            self._resolved[key] = resolved
            for entry in entries_of(resolved):
                if entry.conflict_of is not None and (kind, entry.id) in self._candidates:
                    continue
                self._show(kind, entry)
                changed.add(entry.id)
        return changed

    def _show(self, kind: str, entry: Entry) -> None:
        self._unshow(kind, entry.id)
        self._shown[kind][entry.id] = entry
        if kind == RECIPE:
            if self._categories is not None:
                self._categories[_category(entry.version.document)] += 1
            if self._titles is not None:
                self._index_title(entry.id, self._document(entry), 1)

    def _unshow(self, kind: str, entry_id: str) -> None:
        entry = self._shown[kind].pop(entry_id, None)
        if entry is not None and kind == RECIPE:
            if self._categories is not None:
                self._categories[_category(entry.version.document)] -= 1
            if self._titles is not None:
                self._index_title(entry_id, self._document(entry), -1)
        self._documents.pop(entry_id, None)

    # Writing ------------------------------------------------------------------------------

    def _new_versions(
        self, kind: str, key: str, document: dict[str, Any] | None, *, base: str | None = None
    ) -> list[Version]:
        """The versions one change writes: the change itself, after (when this computer's own
        previous version of the record is shown as a conflict copy) that copy made a record
        of its own, so that the new version never hides it."""
        me = self.computer.id
        candidates = self._candidates.get((kind, key), {})
        resolved = self._resolved.get((kind, key))
        winner = resolved.winner if resolved is not None else None
        start = _find(candidates, base) if base else winner
        own = candidates.get(me)
        versions: list[Version] = []
        time_now = self._next_time(max((v.time for v in candidates.values()), default=0))
        if resolved is not None and own is not None and own in resolved.copies:
            copied = self._copy_document(Entry(copy_id(own), own, key))
            if (kind, copied["id"]) not in self._candidates:
                versions.append(Version(kind, copied["id"], time_now, me, copied, {}))
                time_now = self._next_time()
        if document is not None and kind == RECIPE:
            document = {**document, "id": key, "updated": _iso(time_now)}
        seen = seen_after(start, me, own.time if own is not None else None)
        versions.append(Version(kind, key, time_now, me, document, seen))
        return versions

    def _next_time(self, after: int = 0) -> int:
        """An edit time later than this computer's last and than `after`: a new version
        always follows what its author saw, whatever the clocks say."""
        now = time.time_ns() // 1000
        self._last_time = max(now, self._last_time + 1, after + 1)
        return self._last_time

    def _commit(self, build):
        with self._lock:
            if self._write_lock is None:
                raise LibraryReadOnlyError(
                    f"{self.path} is open read-only, nothing was saved: {self.read_only_reason}"
                )
            with holding(self._write_lock):
                self._read_own_changes()
                result, versions = build()
                if versions:
                    self._append(versions)
        self._maybe_compact()
        return result

    def _append(self, versions: list[Version]) -> None:
        """Append versions to this computer's file and fsync; then show them."""
        try:
            data = lines_of(versions)
        except (TypeError, ValueError) as error:
            why = _why(versions, error)
            raise LibraryWriteError(f"the recipe could not be stored: {why}") from error
        path = self.own_file
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        except OSError as error:
            raise LibraryWriteError(f"{path} could not be saved: {error.strerror}") from error
        try:
            before = os.fstat(descriptor).st_size
            try:
                if before == 0:
                    data = header_line(self.computer.id, self.computer.name) + data
                write_all(descriptor, data)
                os.fsync(descriptor)
            except OSError as error:
                # Nothing half-written stays: the next reader would see a broken line.
                with contextlib.suppress(OSError):
                    os.ftruncate(descriptor, before)
                raise LibraryWriteError(
                    f"{path} could not be saved: {error.strerror or error}"
                ) from error
            info = os.fstat(descriptor)
        finally:
            os.close(descriptor)
        state = self._files.setdefault(path.name, _FileState())
        if state.end == before:
            state.end = info.st_size
            state.identity = (info.st_ino, info.st_size, info.st_mtime_ns)
            # The bytes before `before` were the tail: no need to read the file again.
            state.tail = (state.tail + data)[-_TAIL:]
        self._own_lines += len(versions)
        for version in versions:
            self._keep_own(version)
        changed = self._apply(self._join(versions))
        self.last_change = Change(frozenset(changed))

    def _read_own_changes(self) -> None:
        """Another program of this computer (a script) may have saved or compacted: read its
        table file and journal again where they changed (two stats when nothing did: the
        usual case, on every save)."""
        paths = [self.own_table, self.own_file]
        files = self._files
        for path in paths:
            state = files.get(path.name)
            if _identity(path) != (state.identity if state is not None else (0, 0, 0)):
                self._read_files(paths)
                return

    # Compaction ---------------------------------------------------------------------------

    def _maybe_compact(self) -> None:
        if self.read_only or self._compaction.locked():
            return
        if self._own_lines > len(self._own_versions) // 2 + _COMPACT_SLACK:
            self._start(self._compact_in_background, "compact")

    def _compact(self) -> None:
        """Write this computer's newest versions as its TinyDB table file, then cut the
        journal back to its header (keeping what was appended meanwhile).

        The table is written outside the lock (saves go on); the replace and the cut happen
        under it, and only if neither file changed meanwhile (another program compacting).
        Killed between the replace and the cut, the journal holds versions the table holds
        too: the same versions, which the merge takes once."""
        journal, table = self.own_file, self.own_table
        self._finish_checks()  # only checked records are written
        with self._lock:
            state = self._files.get(journal.name)
            write_lock = self._write_lock
            if state is None or write_lock is None:
                return
            versions = sorted(self._own_versions.values(), key=lambda v: (v.time, v.device))
            end, inode = state.end, state.identity[0]
            table_identity = self._files.get(table.name, _FileState()).identity
            bad = sorted(self._own_bad)
        for name in bad:
            with contextlib.suppress(OSError):
                self._set_aside((journal.parent / name).read_bytes(), "before-compaction")

        @contextlib.contextmanager
        def guard():
            with self._lock, holding(write_lock):
                if self._closed.is_set() or _identity(table) != table_identity:
                    raise InterruptedError
                info = os.stat(journal)
                if info.st_ino != inode or not self._appended(journal, state, inode):
                    raise InterruptedError
                yield

        def cut_journal(written: os.stat_result) -> None:
            with open(journal, "rb") as handle:
                handle.seek(end)
                added = handle.read()
            added = added[: added.rfind(b"\n") + 1]
            replace_file(journal, (header_line(self.computer.id, self.computer.name), added))
            table_state = self._files.setdefault(table.name, _FileState())
            table_state.identity = _identity(table)
            new = os.stat(journal)
            state.identity = (new.st_ino, new.st_size, new.st_mtime_ns)
            state.end = new.st_size
            state.tail = _tail(journal, new.st_size)
            self._own_lines = added.count(b"\n")
            self._own_bad.clear()

        try:
            write_table_file(
                table,
                self.computer.id,
                self.computer.name,
                versions,
                guard=guard,
                on_replaced=cut_journal,
            )
        except (OSError, InterruptedError, LibraryWriteError) as error:
            logger.info("Compaction of %s skipped: %r", journal, error)

    def _set_aside(self, data: bytes, label: str) -> None:
        """Keep bytes this app will not read again, untouched, in `set-aside/`."""
        if not data:
            return
        folder = self.path / SET_ASIDE_FOLDER
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = folder / f"{self.computer.id}-{label}-{stamp}.bin"
        with contextlib.suppress(OSError, LibraryWriteError):
            folder.mkdir(exist_ok=True)
            write_atomically(target, data)
            self.moved_aside.append(target)

    # Backups ------------------------------------------------------------------------------

    def _open_backup(self) -> None:
        """A backup of the library as opened, in the background, unless one is very recent."""
        if self.keep_backups <= 0 or not len(self):
            return
        mine = [b for b in list_backups(self.path) if b.device == self.computer.id]
        if mine and datetime.now(UTC) - mine[0].taken_at < SESSION_BACKUP_GAP:
            return
        try:
            self._take_backup("session")
        except LibraryWriteError as error:
            logger.warning("No backup at open: %s", error)

    def _take_backup(self, reason: str) -> BackupInfo | None:
        if self.keep_backups <= 0:
            return None
        self._finish_checks()
        records = {
            RECIPE: [self._document(entry) for entry in self._entries(RECIPE)],
            PLAN: [dict(entry.version.document or {}) for entry in self._entries(PLAN)],
        }
        return take_backup(self.path, self.computer.id, records, reason)

    # Inside -------------------------------------------------------------------------------

    def _start(self, work, name: str) -> None:
        self._threads = [t for t in self._threads if t.is_alive()]
        thread = threading.Thread(target=work, name=f"library-{name}", daemon=True)
        self._threads.append(thread)
        thread.start()

    def _entries(self, kind: str) -> list[Entry]:
        # list() of a dict's values is one step the GIL never splits: a save on another
        # thread can't change the dict under this.
        return list(self._shown[kind].values())

    def _entry(self, kind: str, entry_id: str) -> Entry:
        entry = self._shown[kind].get(entry_id)
        if entry is None:
            raise RecipeNotFoundError(entry_id)
        return entry

    def _summary(self, entry: Entry) -> RecipeSummary:
        version = entry.version
        if entry.conflict_of is None and version.title_hint is not None and version.is_pending:
            # The title was read from the line's outline: the document waits for first use.
            return RecipeSummary(entry.id, version.title_hint, version=version)
        return _summary(entry.id, self._document(entry))

    def _checked(self, entry: Entry) -> dict[str, Any]:
        """The document shown under an entry, for a recipe to be made of it: one that proved
        unreadable raises LibraryReadError (it is left out at `finish_reading`)."""
        problem = entry.version.problem
        if problem is not None:
            title = entry.version.title_hint or entry.id
            raise LibraryReadError(
                self.path, f"recipe {title[:60]!r} was set aside ({problem}); it is left out"
            )
        return self._document(entry)

    def _document(self, entry: Entry) -> dict[str, Any]:
        document = entry.version.document or {}
        if entry.conflict_of is not None:
            return self._copy_document(entry)
        if document.get("id") != entry.id:
            return {**document, "id": entry.id}
        return document

    def _copy_document(self, entry: Entry) -> dict[str, Any]:
        cached = self._documents.get(entry.id)
        if cached is not None:
            return cached
        document = dict(entry.version.document or {})
        title = document.get("title") if isinstance(document.get("title"), str) else ""
        name = self.computer_name(entry.version.device)
        document.update(id=entry.id, title=f"{title} (edited on {name})")
        self._documents[entry.id] = document
        return document

    def _to_recipe(self, document: dict[str, Any]) -> Recipe:
        try:
            return Recipe.from_dict(document)
        except RecipeFormatError as error:
            raise LibraryReadError(
                self.path, f"recipe {str(document.get('title', '?'))[:60]!r}: {error}"
            ) from error

    def _release_session(self) -> None:
        if self._session_lock is not None:
            self._session_lock.release()
            self._session_lock = None


_TAIL = 4096
_MAX_LATE_NAMED = 20


@contextlib.contextmanager
def without_cyclic_gc(*, freeze: bool = False) -> Iterator[None]:
    """No cyclic garbage collection while many records are decoded: they are plain acyclic
    data, yet each thousand new containers would start a collection that walks them all
    (a quarter of the time of opening 10,000 recipes). Turned back on after, if it was on.

    `freeze`: what was made meanwhile lives as long as the library, so it is moved out of
    the collector's sight (`gc.freeze`) before collection resumes; otherwise the first
    collection after would walk all of it at once, holding every thread for tens of ms."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_on:
            gc.enable()


def _identity(path: Path) -> tuple[int, int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (0, 0, 0)
    return (info.st_ino, info.st_size, info.st_mtime_ns)


def _tail(path: Path, end: int) -> bytes:
    if end <= 0:
        return b""
    try:
        with open(path, "rb") as handle:
            handle.seek(max(0, end - _TAIL))
            return handle.read(min(end, _TAIL))
    except OSError:
        return b""


def _find(candidates: Mapping[str, Version], token: str | None) -> Version | None:
    for version in candidates.values():
        if version.token == token:
            return version
    # The base is older than each computer's newest: start from what it had seen at least.
    if token:
        time_text, _, device = token.partition(":")
        with contextlib.suppress(ValueError):
            return Version(RECIPE, "", int(time_text), device, None, {})
    return None


def _check(recipe: Recipe) -> None:
    """The limits, before anything is written. Whether the recipe can be written as JSON
    (no NaN, no lone surrogate) is found by encoding it, once, in `_append`."""
    try:
        check_recipe(recipe, check_json=False)
    except LimitError as error:
        raise LibraryWriteError(f"the recipe could not be stored: {error}") from error


def _why(versions: list[Version], error: Exception) -> str:
    """Why versions could not be encoded, naming the record (as `check_document` does)."""
    for version in versions:
        document = version.document
        title = document.get("title") if document else None
        where = f"{version.kind} {title[:60]!r}" if isinstance(title, str) else version.kind
        try:
            check_document(document, where)
        except LimitError as found:
            return str(found)
    return str(error)


def _title_key(title: str) -> str:
    """A title as the duplicate check compares it: spacing collapsed, case folded."""
    return " ".join(title.split()).casefold()


def _category(document: dict[str, Any] | None) -> str:
    value = (document or {}).get("category")
    return value if isinstance(value, str) else ""


def _summary(recipe_id: str, document: Mapping[str, Any]) -> RecipeSummary:
    title = document.get("title")
    return RecipeSummary(
        id=recipe_id, title=title if isinstance(title, str) else "", document=document
    )


def _iso(micros: int) -> str:
    return datetime.fromtimestamp(micros / 1_000_000, UTC).isoformat(timespec="seconds")
