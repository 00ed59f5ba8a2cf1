"""Browse: a side panel of Favourites, categories, cuisines, methods and tags with counts.

Counts come from the list's cheap summary documents (never a parsed recipe), gathered in
idle slices after the list is shown, as the search index is: at 10,000 recipes no single
step holds the UI thread for more than a few milliseconds. Choosing a row narrows the recipe
list (`RecipeFilterProxy.set_browse`), combined with the search box.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.search import fold, natural_sort_key
from .plain import plain_tooltip

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()
COUNT_SLICE = 1000  # summary documents counted per idle moment (2-4 ms: it may share a
# frame with a batch of the list's layout, and the two must stay within one frame)
FILTER_ROLE = Qt.ItemDataRole.UserRole + 10

ALL, FAVOURITES, CATEGORY, CUISINE, METHOD, TAG = (
    "all",
    "favourite",
    "category",
    "cuisine",
    "method",
    "tag",
)
SECTIONS = ((CATEGORY, "Categories"), (CUISINE, "Cuisines"), (METHOD, "Methods"), (TAG, "Tags"))
#: What a browse row selects: (kind, folded value); ALL selects every recipe.
BrowseKey = tuple[str, str]


_LIST_SEPARATORS = re.compile(r"[,;]")


def document_keys(document: Mapping[str, Any]) -> set[BrowseKey]:
    """Every browse row a recipe's stored document belongs to (values folded, so "Dessert"
    and "dessert " are one row)."""
    keys: set[BrowseKey] = set()
    if document.get("favourite") is True:
        keys.add((FAVOURITES, ""))
    for kind in (CATEGORY, CUISINE, METHOD):
        keys.update((kind, fold(value)) for value in _values(document.get(kind)))
    tags = document.get("tags")
    if isinstance(tags, list):
        keys.update(
            (TAG, fold(tag.strip())) for tag in tags if isinstance(tag, str) and tag.strip()
        )
    return keys


class BrowseCounts:
    """Counts per browse row, gathered a slice at a time from the list's summaries."""

    def __init__(self) -> None:
        self.counts: Counter[BrowseKey] = Counter()
        self.labels: dict[BrowseKey, str] = {}
        self.total = 0
        self._pending: list[Any] = []
        self._next = 0  # where in `_pending` the next slice starts
        # id → (the summary's document, its keys): kept across recounts while unchanged.
        self._keys: dict[str, tuple[Any, frozenset[BrowseKey]]] = {}

    def keys_for(self, summary: Any) -> frozenset[BrowseKey]:
        """The browse rows one recipe belongs to, remembered while its document is the same."""
        document = getattr(summary, "document", None) or {}
        cached = self._keys.get(summary.id)
        if cached is not None and cached[0] is document:
            return cached[1]
        keys = frozenset(document_keys(document))
        self._keys[summary.id] = (document, keys)
        return keys

    def restart(self, summaries: list[Any]) -> None:
        self.counts = Counter()
        self.labels = {}
        self.total = len(summaries)
        self._pending = list(summaries)
        self._next = 0

    @property
    def done(self) -> bool:
        return self._next >= len(self._pending)

    def count_some(self, budget: int) -> bool:
        """Count up to `budget` more recipes; True once every one is counted. A slice costs
        its own recipes only (no copy of those still to count, which at 100,000 is a frame)."""
        start = self._next
        batch = self._pending[start : start + budget]
        self._next = start + len(batch)
        if self.done:
            self._pending = []
            self._next = 0
        for summary in batch:
            document = getattr(summary, "document", None) or {}
            for key in self.keys_for(summary):
                self.counts[key] += 1
                if key not in self.labels:
                    self.labels[key] = _label(document, key)
        return self.done


def _label(document: Mapping[str, Any], key: BrowseKey) -> str:
    kind, folded = key
    if kind == FAVOURITES:
        return "Favourites"
    if kind == TAG:
        for tag in document.get("tags") or []:
            if isinstance(tag, str) and fold(tag.strip()) == folded:
                return tag.strip()
    for value in _values(document.get(kind)):
        if fold(value) == folded:
            return value
    return folded


def _values(value: Any) -> list[str]:
    """A category, cuisine or method as the rows it belongs under: "Main Course, Salad" (a
    site's list of categories, as imported) is under "Main Course" and under "Salad"."""
    if not isinstance(value, str):
        return []
    return [part.strip() for part in _LIST_SEPARATORS.split(value) if part.strip()]


class BrowseModel(QAbstractListModel):
    """All recipes, Favourites, then a heading and the rows of each section, with counts."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        # (display text, key or None for a heading)
        self._rows: list[tuple[str, BrowseKey | None]] = []

    def rowCount(self, parent: AnyIndex = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        text, key = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role == FILTER_ROLE:
            return key
        if role == Qt.ItemDataRole.ToolTipRole and key is not None:
            return plain_tooltip(text)  # the whole row where the panel elides it
        if role == Qt.ItemDataRole.FontRole and key is None:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        _, key = self._rows[index.row()]
        if key is None:
            return Qt.ItemFlag.ItemIsEnabled  # a heading: seen, never chosen
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def set_counts(self, counts: BrowseCounts) -> None:
        rows: list[tuple[str, BrowseKey | None]] = [
            (f"All recipes ({counts.total})", (ALL, "")),
            (f"★ Favourites ({counts.counts.get((FAVOURITES, ''), 0)})", (FAVOURITES, "")),
        ]
        for kind, heading in SECTIONS:
            keys = [key for key in counts.counts if key[0] == kind]
            if not keys:
                continue
            rows.append((heading, None))
            keys.sort(key=lambda key: natural_sort_key(counts.labels[key]))
            rows += [(f"{counts.labels[key]} ({counts.counts[key]})", key) for key in keys]
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_of(self, key: BrowseKey) -> int | None:
        for row, (_, row_key) in enumerate(self._rows):
            if row_key == key:
                return row
        return None


class BrowsePanel(QWidget):
    """The side panel: a heading with a collapse button, and the `categoryList` view.

    `chosen` carries the row's key (ALL for every recipe). Counts are refreshed in idle
    slices whenever the recipe list changes.
    """

    chosen = Signal(object)

    def __init__(self, list_model: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("browsePanel")
        self._list_model = list_model
        self.counts = BrowseCounts()
        self.model = BrowseModel(self)
        self._key: BrowseKey = (ALL, "")
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._stale = False  # rows changed since the counts were restarted
        self._held = False  # counting waits (see `hold`)
        self._timer.timeout.connect(self._count_slice)

        self.title = QLabel("<b>Browse</b>")
        self.collapse_button = QToolButton(objectName="browseCollapse", text="«")
        self.collapse_button.setToolTip("Hide the browse panel (F9)")
        self.collapse_button.setAccessibleName("Hide the browse panel")
        self.collapse_button.setAutoRaise(True)
        self.collapse_button.clicked.connect(self.hide)
        self.view = QListView(objectName="categoryList")
        self.view.setModel(self.model)
        self.view.setAccessibleName("Browse by category, cuisine, method or tag")
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(True)
        # A long tag ("no bake blueberry cheesecake (1)") is shortened in its middle, so its
        # count stays in sight, rather than widening the panel behind a sideways scroll bar.
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.activated.connect(self._current_changed)
        self.title.setBuddy(self.view)
        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.title, 1)
        top_layout.addWidget(self.collapse_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 8)
        layout.addWidget(top)
        layout.addWidget(self.view, 1)
        for signal in (list_model.modelReset, list_model.rowsInserted, list_model.rowsRemoved):
            signal.connect(self.recount)
        self.model.set_counts(self.counts)

    @property
    def key(self) -> BrowseKey:
        return self._key

    def recount(self, *_args: Any) -> None:
        """Count again from the list's summaries, a slice per idle moment. Called on every row
        signal: an import of 50 recipes is 50 of them in one go, so this only notes that the
        counts are stale; the copy of the list is taken once, in the next idle slice."""
        self._stale = True
        if not self._held:
            self._timer.start()

    def hold(self, held: bool) -> None:
        """Hold counting while the library's documents are still being checked on a worker
        (`LibraryGuard.finish_reading`): counting reads every document, and one not yet
        checked would be decoded here, on the UI thread, a thousand per slice. Released,
        counting picks up where it was."""
        self._held = held
        if not held and (self._stale or not self.counts.done):
            self._timer.start()

    def _count_slice(self) -> None:
        if self._held:
            return
        if self._stale:
            self._stale = False
            self.counts.restart(self._list_model.summaries())
        if self.counts.count_some(COUNT_SLICE):
            self._show_counts()
        else:
            self._timer.start()

    def _show_counts(self) -> None:
        self.model.set_counts(self.counts)
        row = self.model.row_of(self._key)
        if row is None and self._key != (ALL, ""):
            # The chosen row is gone (its last recipe changed): show every recipe again.
            self.choose((ALL, ""))
            return
        if row is not None:
            index = self.model.index(row, 0)
            self.view.selectionModel().blockSignals(True)
            self.view.setCurrentIndex(index)
            self.view.selectionModel().blockSignals(False)

    def is_counting(self) -> bool:
        return self._stale or not self.counts.done or self._timer.isActive()

    def choose(self, key: BrowseKey) -> None:
        """Narrow the list to a row's recipes (ALL for every recipe)."""
        row = self.model.row_of(key)
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row, 0))
        if key != self._key:
            self._key = key
            self.chosen.emit(key)

    def _current_changed(self, current: QModelIndex, *_args: Any) -> None:
        key = current.data(FILTER_ROLE) if current.isValid() else None
        if key is not None and key != self._key:
            self._key = key
            self.chosen.emit(key)
