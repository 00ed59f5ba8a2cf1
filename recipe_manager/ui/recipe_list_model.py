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

    Rows hold (id, title, document) summaries. A recipe's row is found by bisecting its
    title key (kept by id), never by a scan: a change costs O(log n) in Python whatever the
    library's size. The per-recipe index (folded search text, browse keys, sort keys), kept
    by id, is built in slices after the first paint (`prepare_search_texts`), or all at once
    when something needs it sooner, and follows every insert and removal.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._keys: list[str] = []
        self._key_of: dict[str, str] = {}
        self._index = _RowIndex()
        self._built = 0  # rows [0, _built) of the title order are in the index

    def rowCount(self, parent: AnyIndex = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.summary_data(self._rows[index.row()], role)

    def row_data(self, row: int, role: int) -> Any:
        """What `data` answers for a row."""
        return self.summary_data(self._rows[row], role)

    def summary_data(self, summary: Any, role: int) -> Any:
        """What `data` answers for a recipe's row: the proxy asks here directly."""
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

    def summary_at(self, row: int) -> Any:
        return self._rows[row]

    def rows_where(self, accept: Callable[[Any], bool]) -> list[int]:
        """The rows whose summary `accept`s, in title order."""
        return [row for row, summary in enumerate(self._rows) if accept(summary)]

    def summaries_where(self, accept: Callable[[Any], bool]) -> list[Any]:
        """The summaries `accept`ed, in title order."""
        return [summary for summary in self._rows if accept(summary)]

    def rows_in(self, key: Any) -> list[int]:
        """The rows belonging to a browse row (a key of `browse.document_keys`), in title order."""
        keys = self._ready().browse_keys
        return [row for row, summary in enumerate(self._rows) if key in keys[summary.id]]

    def summaries_in(self, key: Any) -> list[Any]:
        """The summaries belonging to a browse row, in title order."""
        keys = self._ready().browse_keys
        return [summary for summary in self._rows if key in keys[summary.id]]

    def sort_key(self, mode: str) -> Callable[[Any], Any] | None:
        """A key ordering summaries by `mode` (None for title order, the rows' own); a
        stable sort keeps ties in title order."""
        index = self._ready()
        if mode == SORT_RATING:
            ratings = index.rating_keys
            return lambda summary: ratings[summary.id]
        if mode == SORT_FAVOURITES:
            favourites = index.favourite_keys
            return lambda summary: favourites[summary.id]
        return None

    def title_key(self, summary: Any) -> str:
        """Where a listed recipe sits in title order."""
        return self._key_of[summary.id]

    def set_recipes(self, summaries: list[Any]) -> None:
        keyed = sorted(((natural_sort_key(s.title), s) for s in summaries), key=_first)
        self.beginResetModel()
        self._keys = [key for key, _ in keyed]
        self._rows = [summary for _, summary in keyed]
        self._key_of = {summary.id: key for key, summary in keyed}
        self._forget_search_texts()
        self.endResetModel()

    def add_recipe(self, summary: Any) -> int:
        """Insert at its place in title order; returns the row."""
        key = natural_sort_key(summary.title)
        row = bisect.bisect_right(self._keys, key)
        self.beginInsertRows(_NO_PARENT, row, row)
        self._rows.insert(row, summary)
        self._keys.insert(row, key)
        self._key_of[summary.id] = key
        # Indexed now (the filter asks at once); the slices still to come skip past it.
        self._index.put(summary)
        if row < self._built:
            self._built += 1
        self.endInsertRows()
        return row

    def remove_recipe(self, recipe_id: str) -> None:
        row = self.row_of(recipe_id)
        if row is None:
            return
        self.beginRemoveRows(_NO_PARENT, row, row)
        del self._rows[row], self._keys[row]
        del self._key_of[recipe_id]
        self._index.drop(recipe_id)
        if row < self._built:
            self._built -= 1
        self.endRemoveRows()

    def replace_recipe(self, summary: Any) -> int:
        """A changed title may move the recipe; its row afterwards is returned."""
        self.remove_recipe(summary.id)
        return self.add_recipe(summary)

    def apply_changes(self, removed: list[str], put: list[Any]) -> None:
        """Take recipes out and put new versions in: each change its own row signal, each
        row found by bisection, so a change costs the same at 100 and at 100,000 recipes."""
        for recipe_id in removed:
            self.remove_recipe(recipe_id)
        for summary in put:
            self.replace_recipe(summary)

    def row_of(self, recipe_id: str) -> int | None:
        key = self._key_of.get(recipe_id)
        if key is None:
            return None
        keys, rows = self._keys, self._rows
        row = bisect.bisect_left(keys, key)
        while row < len(rows) and keys[row] == key:
            if rows[row].id == recipe_id:
                return row
            row += 1
        return None

    def search_texts(self) -> dict[str, str]:
        """Every recipe's searchable text by id, folded (lowercase, no accents), built once."""
        return self._ready().texts

    def prepare_search_texts(self, budget: int) -> bool:
        """Index up to `budget` more rows, so the index can be built in idle moments after the
        list is shown; True once every row is ready."""
        if self._built < len(self._rows):
            start = self._built
            for summary in self._rows[start : start + budget]:
                self._index.put(summary)
            self._built = min(len(self._rows), start + budget)
        return self._built >= len(self._rows)

    def _ready(self) -> _RowIndex:
        self.prepare_search_texts(len(self._rows))
        return self._index

    def _forget_search_texts(self) -> None:
        self._index = _RowIndex()
        self._built = 0


class _RowIndex:
    """Per recipe id: what filtering and sorting read instead of the summaries."""

    __slots__ = ("browse_keys", "favourite_keys", "rating_keys", "texts")

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        self.browse_keys: dict[str, frozenset[Any]] = {}
        self.rating_keys: dict[str, int] = {}  # minus the stars: the best first
        self.favourite_keys: dict[str, int] = {}  # 0 for a favourite: favourites first

    def put(self, summary: Any) -> None:
        recipe_id = summary.id
        self.texts[recipe_id] = fold(summary.search_text)
        self.browse_keys[recipe_id] = frozenset(document_keys(_document(summary)))
        self.rating_keys[recipe_id] = -(_rating(summary) or 0)
        self.favourite_keys[recipe_id] = 0 if _favourite(summary) else 1

    def drop(self, recipe_id: str) -> None:
        for table in (self.texts, self.browse_keys, self.rating_keys, self.favourite_keys):
            table.pop(recipe_id, None)


class RecipeFilterProxy(QAbstractProxyModel):
    """The recipes whose title, ingredients, tags, category, cuisine or method hold every word.

    It holds the shown summaries themselves, in shown order: a recipe added to or removed
    from the list is one bisection here and one row signal, and no other row moves.
    """

    def __init__(self, source: RecipeListModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self._words: list[str] = []
        self._visible: list[Any] = []
        self._remembered: OrderedDict[tuple[Any, ...], list[Any]] = OrderedDict()
        # The browse panel's choice (a key of `browse.document_keys`, None for every recipe)
        # and the order; `_shown_as` is what the visible rows were filtered and sorted by.
        self._browse: Any = None
        self._browse_accepts: Callable[[Any], bool] | None = None
        self._sort = SORT_TITLE
        self._shown_as: tuple[Any, str] = (None, SORT_TITLE)
        self.setSourceModel(source)
        source.modelAboutToBeReset.connect(self.beginResetModel)
        source.modelReset.connect(self._source_reset)
        source.rowsAboutToBeRemoved.connect(self._source_rows_removing)
        source.rowsInserted.connect(self._source_rows_inserted)
        self._show([], list(source.summaries()))

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
        # Straight to the summary: painting asks for several roles of every visible row.
        row = index.row()
        if not 0 <= row < len(self._visible):
            return None
        return self._source.summary_data(self._visible[row], role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def mapToSource(self, proxy_index: AnyIndex) -> QModelIndex:  # noqa: N802
        if not proxy_index.isValid() or not 0 <= proxy_index.row() < len(self._visible):
            return QModelIndex()
        row = self._source.row_of(self._visible[proxy_index.row()].id)
        return QModelIndex() if row is None else self._source.index(row, 0)

    def mapFromSource(self, source_index: AnyIndex) -> QModelIndex:  # noqa: N802
        row = self.proxy_row(source_index.row()) if source_index.isValid() else None
        return QModelIndex() if row is None else self.createIndex(row, 0)

    def proxy_row(self, source_row: int) -> int | None:
        """Where a source row is shown, None when it is filtered out."""
        if not 0 <= source_row < self._source.rowCount():
            return None
        return self._position_of(self._source.summary_at(source_row))

    def _order_key(self) -> Callable[[Any], Any]:
        """The key the shown summaries are ordered by (title order within a tie)."""
        title_key = self._source.title_key
        by = self._source.sort_key(self._sort) if self._sort != SORT_TITLE else None
        if by is None:
            return title_key
        return lambda summary: (by(summary), title_key(summary))

    def _position_of(self, summary: Any) -> int | None:
        """Where a listed recipe is shown: a bisection, then the few with the same key."""
        order = self._order_key()
        wanted = order(summary)
        visible = self._visible
        row = bisect.bisect_left(visible, wanted, key=order)
        while row < len(visible) and order(visible[row]) == wanted:
            if visible[row].id == summary.id:
                return row
            row += 1
        return None

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

    def _matching_rows(self, words: list[str]) -> list[Any]:
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
                rows = [summary for summary in rows if word in texts[summary.id]]
        self._remembered[key] = rows
        if len(self._remembered) > _REMEMBERED_QUERIES:
            self._remembered.popitem(last=False)
        return rows

    def _browsed_rows(self) -> list[Any]:
        """The browse row's recipes (every recipe for none) in the chosen order."""
        if self._browse is None:
            rows = self._source.summaries()
        elif self._browse_accepts is not None:
            rows = self._source.summaries_where(self._browse_accepts)
        else:
            rows = self._source.summaries_in(self._browse)
        by = self._source.sort_key(self._sort) if self._sort != SORT_TITLE else None
        if by is not None:
            rows.sort(key=by)
        return rows

    def _accepts(self, summary: Any) -> bool:
        """Whether a recipe is shown under the current words and browse row."""
        if self._words:
            text = self._source.search_texts()[summary.id]
            if not all(word in text for word in self._words):
                return False
        if self._browse is None:
            return True
        if self._browse_accepts is not None:
            return self._browse_accepts(summary)
        return self._browse in self._source._ready().browse_keys[summary.id]

    def _show(self, words: list[str], rows: list[Any]) -> None:
        self._shown_as = (self._browse, self._sort)
        self._words = words
        self._visible = list(rows)

    def _change_layout(self, change) -> None:
        """Apply a change of visible rows as one layout change, keeping selection and current."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        shown = [self._visible[index.row()] for index in before]
        change()
        after = []
        for summary in shown:
            row = self._position_of(summary)
            after.append(QModelIndex() if row is None else self.createIndex(row, 0))
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # Following the source --------------------------------------------------------------------

    def _refilter(self) -> None:
        """Match the current words again from scratch: the source's rows have all changed."""
        self._remembered.clear()
        words, self._words = self._words, []
        self._show(words, self._matching_rows(words))

    def _source_reset(self) -> None:
        self._refilter()
        self.endResetModel()

    def _source_rows_removing(self, _parent: QModelIndex, first: int, last: int) -> None:
        """The source is about to drop these rows: take them out here first, row by row."""
        self._remembered.clear()
        for source_row in range(first, last + 1):
            row = self._position_of(self._source.summary_at(source_row))
            if row is not None:
                self.beginRemoveRows(_NO_PARENT, row, row)
                del self._visible[row]
                self.endRemoveRows()

    def _source_rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        """New source rows: each one shown goes in at its place in the shown order."""
        self._remembered.clear()
        order = self._order_key()
        for source_row in range(first, last + 1):
            summary = self._source.summary_at(source_row)
            if not self._accepts(summary):
                continue
            row = bisect.bisect_right(self._visible, order(summary), key=order)
            self.beginInsertRows(_NO_PARENT, row, row)
            self._visible.insert(row, summary)
            self.endInsertRows()


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
