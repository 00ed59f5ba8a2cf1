"""The library as the merge of every computer's versions: a pure function, no files, no clock.

Each computer writes versions of records (recipes, meal-plan entries) to its own file. A
version carries its record's kind and id, the edit time (microseconds since 1970) and the
computer that made it, the document (None for a deletion, a *tombstone*) and `seen`: for each
computer, the newest time of that computer's version of this record the author had in front
of them when editing.

Of one record's versions:

- each computer's newest counts (a computer's later version always follows its earlier one);
- the *winner* is the newest by the total order (time, computer id), the same on every
  computer whatever order the files arrived in; a tombstone that wins hides the record, so
  a deleted recipe never comes back from an older version;
- a deletion the newest edit's author had not seen still deletes: the record stays deleted
  under its id and that edit is kept as a copy (below);
- a version the winner's author had not seen, and that no other version supersedes, is a
  *concurrent* edit: for recipes it stays visible as its own recipe, a conflict copy whose
  id is derived from the version (the same on every computer), until a cook deletes it or
  edits it into a recipe of its own. Nothing anyone typed is dropped.

Merging only reads: it never writes, asks nothing and cannot loop.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

RECIPE = "recipe"
PLAN = "plan"
KINDS = (RECIPE, PLAN)
#: Kinds whose concurrent edits are kept as copies; for the others the newest simply wins.
KINDS_WITH_COPIES = frozenset({RECIPE})


class Version:
    """One version of one record, as one computer wrote it.

    A version read while opening a library may hold its document as the raw line it came
    from (`pending`, made by `Version.pending`): its kind, id, time, computer and `seen` were
    read and checked from the line's outline, and the document is decoded and checked in full
    on first use of `document`. One that fails then reads as an empty document and names
    why in `problem`; the library leaves it out (`RecipeLibrary.finish_reading`). Versions
    are compared by identity.
    """

    __slots__ = (
        "_deleted",
        "_document",
        "_load",
        "_problem",
        "_raw",
        "device",
        "key",
        "kind",
        "seen",
        "time",
        "title_hint",
    )

    def __init__(
        self,
        kind: str,
        key: str,
        time: int,
        device: str,
        document: dict[str, Any] | None,
        seen: Mapping[str, int] | None = None,
    ) -> None:
        self.kind = kind
        self.key = key
        self.time = time
        self.device = device
        self.seen: Mapping[str, int] = {} if seen is None else seen
        self._document = document
        self._deleted = document is None
        self._raw: tuple[bytes, int, int] | None = None
        self._load: Callable[[bytes], dict[str, Any]] | None = None
        self._problem: str | None = None
        #: The title read from the raw line of a pending recipe (None when not read so).
        self.title_hint: str | None = None

    @classmethod
    def pending(
        cls,
        kind: str,
        key: str,
        time: int,
        device: str,
        seen: Mapping[str, int],
        line: bytes,
        document_span: tuple[int, int],
        load: Callable[[bytes], dict[str, Any]],
        title: str | None = None,
    ) -> Version:
        """A version whose document is `line[start:end]` (a JSON object), decoded and checked
        by `load(line)` on first use; `load` raises ValueError naming what is wrong."""
        version = cls(kind, key, time, device, None, seen)
        version._deleted = False
        version._raw = (line, *document_span)
        version._load = load
        version.title_hint = title
        return version

    @property
    def document(self) -> dict[str, Any] | None:
        """The record (None for a tombstone); decoded and checked now if still pending."""
        raw = self._raw
        if raw is None:
            return self._document
        load = self._load
        if load is None:
            return self._document
        try:
            self._document = load(raw[0])
        except ValueError as error:
            # Another thread may decode the same version at once: both find the same.
            self._problem = str(error) or "it could not be read"
            self._document = {}
        self._load = None
        self._raw = None
        return self._document

    @property
    def problem(self) -> str | None:
        """Why the document was set aside (decoding it if still pending); None if it is fine."""
        self.document  # noqa: B018 - decodes a pending document
        return self._problem

    @property
    def is_pending(self) -> bool:
        """The document is still the raw line, not yet decoded and checked."""
        return self._load is not None

    @property
    def raw_document(self) -> bytes | None:
        """The document's raw JSON text while pending (None once decoded, or never raw)."""
        raw = self._raw
        return None if raw is None else raw[0][raw[1] : raw[2]]

    @property
    def order(self) -> tuple[int, str]:
        """The total order every computer computes the same way."""
        return (self.time, self.device)

    @property
    def token(self) -> str:
        """A short name for this version: what an editor remembers it started from."""
        return f"{self.time}:{self.device}"

    @property
    def deleted(self) -> bool:
        return self._deleted

    def __repr__(self) -> str:
        return f"Version({self.kind!r}, {self.key!r}, {self.time}, {self.device!r})"


@dataclass(frozen=True, slots=True)
class Resolved:
    """One record's versions merged: the winner, and concurrent versions kept beside it."""

    winner: Version
    copies: tuple[Version, ...] = ()


@dataclass(frozen=True, slots=True)
class Entry:
    """What the library shows under one id: a record's winner, or a conflict copy."""

    id: str
    version: Version
    conflict_of: str | None = None


def copy_id(version: Version) -> str:
    """The id a concurrent version is shown under: derived, so every computer agrees."""
    seed = f"{version.kind}\n{version.key}\n{version.device}\n{version.time}"
    return hashlib.sha256(seed.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def newest_per_device(versions: Iterable[Version]) -> dict[str, Version]:
    """Each computer's newest version (the same version arriving twice counts once)."""
    found: dict[str, Version] = {}
    for version in versions:
        current = found.get(version.device)
        if current is None or _later(version, current):
            found[version.device] = version
    return found


def resolve(candidates: Mapping[str, Version]) -> Resolved:
    """Merge one record's versions, given as each computer's newest (`newest_per_device`)."""
    winner = max(candidates.values(), key=_sort_key)
    if winner.kind not in KINDS_WITH_COPIES or len(candidates) == 1:
        return Resolved(winner)
    unseen = [
        version
        for version in candidates.values()
        if version is not winner
        and not any(
            other.seen.get(version.device, -1) >= version.time
            for other in candidates.values()
            if other is not version
        )
    ]
    copies = [version for version in unseen if not version.deleted]
    deletions = [version for version in unseen if version.deleted]
    if deletions and not winner.deleted:
        # A deletion the newest edit never saw: the recipe stays deleted under its id (a
        # deleted recipe never comes back), and that edit is kept beside it as a copy.
        copies.append(winner)
        winner = max(deletions, key=_sort_key)
    copies.sort(key=_sort_key)
    return Resolved(winner, tuple(copies))


def entries_of(resolved: Resolved) -> list[Entry]:
    """What one resolved record shows: its winner unless deleted, and each copy."""
    winner = resolved.winner
    shown = [] if winner.deleted else [Entry(winner.key, winner)]
    shown.extend(Entry(copy_id(v), v, conflict_of=winner.key) for v in resolved.copies)
    return shown


def merge_versions(versions: Iterable[Version]) -> dict[str, dict[str, Entry]]:
    """The whole library from every version, by kind then id; the order of arrival is moot.

    A conflict copy is shown under its derived id only while no version was ever written
    under that id: once a cook edits or deletes the copy, that record speaks for it.
    """
    grouped: dict[tuple[str, str], list[Version]] = {}
    for version in versions:
        grouped.setdefault((version.kind, version.key), []).append(version)
    shown: dict[str, dict[str, Entry]] = {}
    copies: list[Entry] = []
    for (kind, _key), group in grouped.items():
        for entry in entries_of(resolve(newest_per_device(group))):
            if entry.conflict_of is None:
                shown.setdefault(kind, {})[entry.id] = entry
            else:
                copies.append(entry)
    for entry in sorted(copies, key=lambda e: _sort_key(e.version)):
        kind = entry.version.kind
        if (kind, entry.id) not in grouped:
            shown.setdefault(kind, {})[entry.id] = entry
    return shown


def seen_after(base: Version | None, own_device: str, own_previous: int | None) -> dict[str, int]:
    """What a new version has seen: the version it was made from, all that one had seen, and
    this computer's own previous version of the record."""
    seen = dict(base.seen) if base is not None else {}
    if base is not None:
        seen[base.device] = max(seen.get(base.device, -1), base.time)
    if own_previous is not None:
        seen[own_device] = max(seen.get(own_device, -1), own_previous)
    return seen


def _later(version: Version, than: Version) -> bool:
    if version.order != than.order:
        return version.order > than.order
    # Two different versions with one time and one computer only come from a copied
    # identity (or are one version read from two files): their content decides, the same on
    # every computer. The same raw text is the same content, with no need to decode it.
    raw = version.raw_document
    if raw is not None and raw == than.raw_document:
        return False
    return _fingerprint(version) > _fingerprint(than)


class _SortKey:
    """(time, computer), then content only on a tie: comparing documents is never the rule."""

    __slots__ = ("version",)

    def __init__(self, version: Version) -> None:
        self.version = version

    def __lt__(self, other: _SortKey) -> bool:
        return _later(other.version, self.version)


_sort_key = _SortKey


def _fingerprint(version: Version) -> str:
    if version.document is None:
        return ""
    return repr(sorted(version.document.items(), key=lambda item: item[0]))
