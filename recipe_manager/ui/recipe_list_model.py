"""The recipe list: a flat item model in natural title order, and a filter proxy for search.

With 10,000 recipes, letting Qt call back into Python once per row on every keystroke (as
QSortFilterProxyModel.filterAcceptsRow does) costs more than a frame. So the proxy works
out the visible rows in Python, narrowing the previous result as the cook types, and tells
the view in one layout change that keeps the selection.

Everything a keystroke, a browse choice or a change of order needs is worked out once per
row, in idle slices after the list is shown: the folded search text, the browse rows the
recipe belongs to, and its rating and favourite as sort keys. A keystroke is then one
substring test per candidate row, a browse choice one set lookup per row, and a sort a
C-level `list.__getitem__` key. The proxy answers `data` and `flags` itself, so painting a
row is one call into Python per role rather than four (map, index, rowCount, data).
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractProxyModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ..domain.display import display_line
from ..domain.search import fold, natural_sort_key, query_words
from .browse import document_keys
from .plain import plain_tooltip

RECIPE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
RECIPE_MIME = "application/x-recipe-manager-recipe-ids"  # what the meal plan takes
FAVOURITE_ROLE = Qt.ItemDataRole.UserRole + 2
RATING_ROLE = Qt.ItemDataRole.UserRole + 3
#: (stars, favourite, stored photo path) for a recipe with any of them, None for one with
#: none: what the row delegate paints beside the title, asked for in one call.
MARKS_ROLE = Qt.ItemDataRole.UserRole + 4
#: How the list can be ordered: (setting value, label).
SORT_TITLE, SORT_RATING, SORT_FAVOURITES = "title", "rating", "favourites"
SORT_ORDERS = (
    (SORT_TITLE, "Title"),
    (SORT_RATING, "Rating"),
    (SORT_FAVOURITES, "Favourites first"),
)
AnyIndex = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()
_REMEMBERED_QUERIES = 64
# Plain ints: comparing one with an enum member goes through Python's enum machinery.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemNeverHasChildren
    | Qt.ItemFlag.ItemIsDragEnabled  # a recipe can be dragged onto a day of the meal plan
)


class RecipeListModel(QAbstractListModel):
    """One row per recipe, kept in natural title order as recipes are added and removed.

    Rows hold (id, title, document) summaries. The per-row index (folded search text, browse
    keys, sort keys) is built in slices after the first paint (`prepare_search_texts`), or
    all at once when something needs it sooner, and follows every insert and removal.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._keys: list[str] = []
        self._index: _RowIndex | None = None
        self._building = _RowIndex()

    def rowCount(self, parent: AnyIndex = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.row_data(index.row(), role)

    def row_data(self, row: int, role: int) -> Any:
        """What `data` answers for a row: the proxy asks here directly."""
        summary = self._rows[row]
        if role == _DISPLAY:
            # Shown on one line, elided, with no bidi controls to disguise it.
            return display_line(summary.title)
        if role == MARKS_ROLE:
            return _marks(summary)
        if role == _TOOLTIP:
            # Qt guesses rich text for tooltips: the title is escaped so it is shown, not read.
            return plain_tooltip(summary.title)
        if role == RECIPE_ID_ROLE:
            return summary.id
        if role == FAVOURITE_ROLE:
            return _favourite(summary)
        if role == RATING_ROLE:
            return _rating(summary)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else super().flags(index)

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [RECIPE_MIME, "text/plain"]

    def mimeData(self, indexes: Any) -> QMimeData:  # noqa: N802
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data = QMimeData()
        data.setData(RECIPE_MIME, QByteArray("\n".join(self._rows[r].id for r in rows).encode()))
        data.setText("\n".join(self._rows[r].title for r in rows))
        return data

    def summaries(self) -> list[Any]:
        """The rows' summaries, in list order (the browse panel counts from them)."""
        return list(self._rows)

    def rows_where(self, accept: Callable[[Any], bool]) -> list[int]:
        """The rows whose summary `accept`s, in title order."""
        return [row for row, summary in enumerate(self._rows) if accept(summary)]

    def rows_in(self, key: Any) -> list[int]:
        """The rows belonging to a browse row (a key of `browse.document_keys`), in title order."""
        keys = self._ready().browse_keys
        return [row for row in range(len(keys)) if key in keys[row]]

    def sort_key(self, mode: str) -> Callable[[int], Any]:
        """A key ordering source rows by `mode`; a stable sort keeps ties in title order."""
        index = self._ready()
        if mode == SORT_RATING:
            return index.rating_keys.__getitem__
        if mode == SORT_FAVOURITES:
            return index.favourite_keys.__getitem__
        return int

    def set_recipes(self, summaries: list[Any]) -> None:
        keyed = sorted(((natural_sort_key(s.title), s) for s in summaries), key=_first)
        self.beginResetModel()
        self._keys = [key for key, _ in keyed]
        self._rows = [summary for _, summary in keyed]
        self._forget_search_texts()
        self.endResetModel()

    def add_recipe(self, summary: Any) -> int:
        """Insert at its place in title order; returns the row."""
        key = natural_sort_key(summary.title)
        row = bisect.bisect_right(self._keys, key)
        self.beginInsertRows(_NO_PARENT, row, row)
        self._rows.insert(row, summary)
        self._keys.insert(row, key)
        if self._index is not None:
            self._index.insert(row, summary)
        else:
            self._forget_search_texts()
        self.endInsertRows()
        return row

    def remove_recipe(self, recipe_id: str) -> None:
        row = self.row_of(recipe_id)
        if row is None:
            return
        self.beginRemoveRows(_NO_PARENT, row, row)
        del self._rows[row], self._keys[row]
        if self._index is not None:
            self._index.remove(row)
        else:
            self._forget_search_texts()
        self.endRemoveRows()

    def replace_recipe(self, summary: Any) -> int:
        """A changed title may move the recipe; its row afterwards is returned."""
        self.remove_recipe(summary.id)
        return self.add_recipe(summary)

    def row_of(self, recipe_id: str) -> int | None:
        for row, summary in enumerate(self._rows):
            if summary.id == recipe_id:
                return row
        return None

    def search_texts(self) -> list[str]:
        """Every row's searchable text, folded (lowercase, no accents), built once."""
        return self._ready().texts

    def prepare_search_texts(self, budget: int) -> bool:
        """Index up to `budget` more rows, so the index can be built in idle moments after the
        list is shown; True once every row is ready."""
        if self._index is None:
            building = self._building
            start = len(building.texts)
            building.extend(self._rows[start : start + budget])
            if len(building.texts) == len(self._rows):
                self._index, self._building = building, _RowIndex()
        return self._index is not None

    def _ready(self) -> _RowIndex:
        self.prepare_search_texts(len(self._rows))
        assert self._index is not None
        return self._index

    def _forget_search_texts(self) -> None:
        self._index = None
        self._building = _RowIndex()


class _RowIndex:
    """Per row, in list order: what filtering and sorting read instead of the summaries."""

    __slots__ = ("browse_keys", "favourite_keys", "rating_keys", "texts")

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.browse_keys: list[frozenset[Any]] = []
        self.rating_keys: list[int] = []  # minus the stars: the best first
        self.favourite_keys: list[int] = []  # 0 for a favourite: favourites first

    def extend(self, summaries: list[Any]) -> None:
        for summary in summaries:
            self.insert(len(self.texts), summary)

    def insert(self, row: int, summary: Any) -> None:
        document = _document(summary)
        self.texts.insert(row, fold(summary.search_text))
        self.browse_keys.insert(row, frozenset(document_keys(document)))
        self.rating_keys.insert(row, -(_rating(summary) or 0))
        self.favourite_keys.insert(row, 0 if _favourite(summary) else 1)

    def remove(self, row: int) -> None:
        del self.texts[row], self.browse_keys[row]
        del self.rating_keys[row], self.favourite_keys[row]


class RecipeFilterProxy(QAbstractProxyModel):
    """The recipes whose title, ingredients, tags, category, cuisine or method hold every word."""

    def __init__(self, source: RecipeListModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self._words: list[str] = []
        self._visible: list[int] = []
        self._proxy_rows: dict[int, int] | None = None  # built when first asked for
        self._remembered: OrderedDict[tuple[Any, ...], list[int]] = OrderedDict()
        # The browse panel's choice (a key of `browse.document_keys`, None for every recipe)
        # and the order; `_shown_as` is what the visible rows were filtered and sorted by.
        self._browse: Any = None
        self._browse_accepts: Callable[[Any], bool] | None = None
        self._sort = SORT_TITLE
        self._shown_as: tuple[Any, str] = (None, SORT_TITLE)
        self._pending_ids: list[str] = []
        self._pending_indexes: list[QModelIndex] = []
        self.setSourceModel(source)
        source.modelAboutToBeReset.connect(self.beginResetModel)
        source.modelReset.connect(self._source_reset)
        for about_to, done in (
            (source.rowsAboutToBeInserted, source.rowsInserted),
            (source.rowsAboutToBeRemoved, source.rowsRemoved),
        ):
            about_to.connect(self._source_rows_changing)
            done.connect(self._source_rows_changed)
        self._show([], list(range(source.rowCount())))

    # The proxy's shape: a flat list of some of the source's rows ------------------------------

    def rowCount(self, parent: AnyIndex = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: AnyIndex = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else 1

    def hasChildren(self, parent: AnyIndex = _NO_PARENT) -> bool:  # noqa: N802
        return not parent.isValid() and bool(self._visible)

    def index(self, row: int, column: int = 0, parent: AnyIndex = _NO_PARENT) -> QModelIndex:
        if parent.isValid() or column != 0 or not 0 <= row < len(self._visible):
            return QModelIndex()
        return self.createIndex(row, column)

    def sibling(self, row: int, column: int, index: AnyIndex) -> QModelIndex:
        return self.index(row, column)

    def parent(self, index: AnyIndex = _NO_PARENT) -> QModelIndex:  # type: ignore[override]
        return QModelIndex()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Straight to the source's row: painting asks for several roles of every visible row.
        row = index.row()
        if not 0 <= row < len(self._visible):
            return None
        return self._source.row_data(self._visible[row], role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def mapToSource(self, proxy_index: AnyIndex) -> QModelIndex:  # noqa: N802
        if not proxy_index.isValid():
            return QModelIndex()
        return self._source.index(self._visible[proxy_index.row()], 0)

    def mapFromSource(self, source_index: AnyIndex) -> QModelIndex:  # noqa: N802
        row = self.proxy_row(source_index.row()) if source_index.isValid() else None
        return QModelIndex() if row is None else self.createIndex(row, 0)

    def proxy_row(self, source_row: int) -> int | None:
        """Where a source row is shown, None when it is filtered out."""
        if self._proxy_rows is None:
            self._proxy_rows = {row: shown for shown, row in enumerate(self._visible)}
        return self._proxy_rows.get(source_row)

    # Searching -------------------------------------------------------------------------------

    def set_query(self, text: str) -> None:
        words = query_words(text)
        if words == self._words:
            return
        rows = self._matching_rows(words)
        self._change_layout(lambda: self._show(words, rows))

    def set_browse(self, key: Any, accepts: Callable[[Any], bool] | None = None) -> None:
        """Show only the recipes in a browse row (`key`, one of `browse.document_keys`; None
        for every recipe), combined with the search words. `accepts`, a test on a summary,
        decides instead where `key` is something else."""
        if key == self._browse:
            return
        self._browse, self._browse_accepts = key, accepts
        rows = self._matching_rows(self._words)
        self._change_layout(lambda: self._show(self._words, rows))

    def set_sort(self, mode: str) -> None:
        """Order the list by title, rating or favourites first."""
        if mode == self._sort:
            return
        self._sort = mode
        rows = self._matching_rows(self._words)
        self._change_layout(lambda: self._show(self._words, rows))

    @property
    def sort_mode(self) -> str:
        return self._sort

    def _matching_rows(self, words: list[str]) -> list[int]:
        shown_as = (self._browse, self._sort)
        key = (tuple(words), *shown_as)
        remembered = self._remembered.get(key)
        if remembered is not None:
            self._remembered.move_to_end(key)
            return remembered
        if not words:
            rows = self._browsed_rows()
        else:
            # Typing more only narrows: the rows that matched before are the only candidates
            # (already browsed and sorted when they were shown the same way). Otherwise the
            # candidates are the browse row's recipes in the chosen order, without words.
            narrows = (
                bool(self._words)
                and self._shown_as == shown_as
                and all(any(old in new for new in words) for old in self._words)
            )
            rows = self._visible if narrows else self._matching_rows([])
            texts = self._source.search_texts()
            for word in sorted(words, key=len, reverse=True):  # the longest rules out most
                rows = [row for row in rows if word in texts[row]]
        self._remembered[key] = rows
        if len(self._remembered) > _REMEMBERED_QUERIES:
            self._remembered.popitem(last=False)
        return rows

    def _browsed_rows(self) -> list[int]:
        """The browse row's recipes (every recipe for none) in the chosen order."""
        if self._browse is None:
            rows = list(range(self._source.rowCount()))
        elif self._browse_accepts is not None:
            rows = self._source.rows_where(self._browse_accepts)
        else:
            rows = self._source.rows_in(self._browse)
        if self._sort != SORT_TITLE:
            rows.sort(key=self._source.sort_key(self._sort))
        return rows

    def _show(self, words: list[str], rows: list[int]) -> None:
        self._shown_as = (self._browse, self._sort)
        self._words = words
        self._visible = rows
        self._proxy_rows = None

    def _change_layout(self, change) -> None:
        """Apply a change of visible rows as one layout change, keeping selection and current."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        source_rows = [self._visible[index.row()] for index in before]
        change()
        after = [self.mapFromSource(self._source.index(row, 0)) for row in source_rows]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # Following the source --------------------------------------------------------------------

    def _refilter(self) -> None:
        """Match the current words again from scratch: the source's rows have moved."""
        self._remembered.clear()
        words, self._words = self._words, []
        self._show(words, self._matching_rows(words))

    def _source_reset(self) -> None:
        self._refilter()
        self.endResetModel()

    def _source_rows_changing(self) -> None:
        # Rows are about to move: remember the persistent indexes by recipe id.
        self.layoutAboutToBeChanged.emit()
        self._pending_indexes = self.persistentIndexList()
        self._pending_ids = [
            self._source.data(self.mapToSource(index), RECIPE_ID_ROLE)
            for index in self._pending_indexes
        ]

    def _source_rows_changed(self) -> None:
        self._refilter()
        after = []
        for recipe_id in self._pending_ids:
            row = self._source.row_of(recipe_id)
            source_index = self._source.index(row, 0) if row is not None else QModelIndex()
            after.append(self.mapFromSource(source_index))
        self.changePersistentIndexList(self._pending_indexes, after)
        self._pending_ids, self._pending_indexes = [], []
        self.layoutChanged.emit()


def _first(pair: tuple) -> Any:
    return pair[0]


def _document(summary: Any) -> Any:
    return getattr(summary, "document", None) or {}


def _favourite(summary: Any) -> bool:
    return _document(summary).get("favourite") is True


def _marks(summary: Any) -> tuple[int, bool, str] | None:
    rating, favourite = _rating(summary) or 0, _favourite(summary)
    image = _document(summary).get("image")
    photo = image if isinstance(image, str) else ""
    return (rating, favourite, photo) if rating or favourite or photo else None


def _rating(summary: Any) -> int | None:
    rating = _document(summary).get("rating")
    return rating if isinstance(rating, int) and not isinstance(rating, bool) and rating else None
