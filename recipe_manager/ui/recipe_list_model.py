"""The recipe list: a flat item model in natural title order, and a filter proxy for search.

With 10,000 recipes, letting Qt call back into Python once per row on every keystroke (as
QSortFilterProxyModel.filterAcceptsRow does) costs more than a frame. So the proxy works
out the visible rows in Python, narrowing the previous result as the cook types, and tells
the view in one layout change that keeps the selection.
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
from ..domain.search import fold, matches, natural_sort_key, query_words
from .plain import plain_tooltip

RECIPE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
RECIPE_MIME = "application/x-recipe-manager-recipe-ids"  # what the meal plan takes
FAVOURITE_ROLE = Qt.ItemDataRole.UserRole + 2
RATING_ROLE = Qt.ItemDataRole.UserRole + 3
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


class RecipeListModel(QAbstractListModel):
    """One row per recipe, kept in natural title order as recipes are added and removed.

    Rows hold (id, title, search text) summaries; the folded search index is built on the
    first search, not on the way to the first paint.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._keys: list[str] = []
        self._search_texts: list[str] | None = None
        self._folded: list[str] = []

    def rowCount(self, parent: AnyIndex = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            # Shown on one line, elided, with no bidi controls to disguise it.
            return display_line(summary.title)
        if role == Qt.ItemDataRole.ToolTipRole:
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
        base = super().flags(index)
        # A recipe can be dragged onto a day of the meal plan.
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

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

    def rows_where(self, accept: Callable[[Any], bool]) -> set[int]:
        return {row for row, summary in enumerate(self._rows) if accept(summary)}

    def sort_key(self, mode: str) -> Callable[[int], Any]:
        """A key ordering source rows by `mode`, ties kept in title order."""
        rows = self._rows
        if mode == SORT_RATING:
            return lambda row: (-(_rating(rows[row]) or 0), row)
        if mode == SORT_FAVOURITES:
            return lambda row: (not _favourite(rows[row]), row)
        return lambda row: row

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
        if self._search_texts is not None:
            self._search_texts.insert(row, fold(summary.search_text))
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
        if self._search_texts is not None:
            del self._search_texts[row]
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
        self.prepare_search_texts(len(self._rows))
        assert self._search_texts is not None
        return self._search_texts

    def prepare_search_texts(self, budget: int) -> bool:
        """Fold up to `budget` more rows, so the index can be built in idle moments after the
        list is shown; True once every row is ready."""
        if self._search_texts is None:
            start = len(self._folded)
            self._folded.extend(fold(s.search_text) for s in self._rows[start : start + budget])
            if len(self._folded) == len(self._rows):
                self._search_texts, self._folded = self._folded, []
        return self._search_texts is not None

    def _forget_search_texts(self) -> None:
        self._search_texts = None
        self._folded = []


class RecipeFilterProxy(QAbstractProxyModel):
    """The recipes whose title, ingredients, tags, category, cuisine or method hold every word."""

    def __init__(self, source: RecipeListModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self._words: list[str] = []
        self._visible: list[int] = []
        self._proxy_rows: dict[int, int] = {}
        self._remembered: OrderedDict[tuple[Any, ...], list[int]] = OrderedDict()
        # The browse panel's choice (a predicate on a summary, None for every recipe) and
        # the order; `_shown_as` is what the visible rows were filtered and sorted by.
        self._browse: Any = None
        self._browse_accepts: Callable[[Any], bool] | None = None
        self._sort = "title"
        self._shown_as: tuple[Any, str] = (None, "title")
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

    def index(self, row: int, column: int = 0, parent: AnyIndex = _NO_PARENT) -> QModelIndex:
        if parent.isValid() or column != 0 or not 0 <= row < len(self._visible):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: AnyIndex = _NO_PARENT) -> QModelIndex:  # type: ignore[override]
        return QModelIndex()

    def mapToSource(self, proxy_index: AnyIndex) -> QModelIndex:  # noqa: N802
        if not proxy_index.isValid():
            return QModelIndex()
        return self._source.index(self._visible[proxy_index.row()], 0)

    def mapFromSource(self, source_index: AnyIndex) -> QModelIndex:  # noqa: N802
        row = self._proxy_rows.get(source_index.row()) if source_index.isValid() else None
        return QModelIndex() if row is None else self.createIndex(row, 0)

    # Searching -------------------------------------------------------------------------------

    def set_query(self, text: str) -> None:
        words = query_words(text)
        if words == self._words:
            return
        rows = self._matching_rows(words)
        self._change_layout(lambda: self._show(words, rows))

    def set_browse(self, key: Any, accepts: Callable[[Any], bool] | None) -> None:
        """Show only the recipes whose summary `accepts` (None: every recipe), combined with
        the search words; `key` names the choice, for remembering results."""
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
        if not words and shown_as == (None, "title"):
            return list(range(self._source.rowCount()))
        key = (tuple(words), *shown_as)
        remembered = self._remembered.get(key)
        if remembered is not None:
            self._remembered.move_to_end(key)
            return remembered
        # Typing more only narrows: the rows that matched before are the only candidates
        # (already browsed and sorted when they were shown the same way).
        narrows = (
            bool(self._words)
            and bool(words)
            and self._shown_as == shown_as
            and all(any(old in new for new in words) for old in self._words)
        )
        if narrows:
            texts = self._source.search_texts()
            rows = [row for row in self._visible if matches(words, texts[row])]
        else:
            if words:
                texts = self._source.search_texts()
                rows = [row for row in range(len(texts)) if matches(words, texts[row])]
            else:
                rows = list(range(self._source.rowCount()))
            if self._browse_accepts is not None:
                allowed = self._source.rows_where(self._browse_accepts)
                rows = [row for row in rows if row in allowed]
            if self._sort != "title":
                rows.sort(key=self._source.sort_key(self._sort))
        self._remembered[key] = rows
        if len(self._remembered) > _REMEMBERED_QUERIES:
            self._remembered.popitem(last=False)
        return rows

    def _show(self, words: list[str], rows: list[int]) -> None:
        self._shown_as = (self._browse, self._sort)
        self._words = words
        self._visible = rows
        self._proxy_rows = {source_row: row for row, source_row in enumerate(rows)}

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


def _rating(summary: Any) -> int | None:
    rating = _document(summary).get("rating")
    return rating if isinstance(rating, int) and not isinstance(rating, bool) and rating else None
