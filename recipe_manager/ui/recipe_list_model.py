"""The recipe list: a flat item model in natural title order and a filter proxy for search."""

from __future__ import annotations

import bisect
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ..domain.search import fold, matches, natural_sort_key, query_words
from ..storage import RecipeSummary

RECIPE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


class RecipeListModel(QAbstractListModel):
    """One row per recipe, kept in natural title order as recipes are added and removed.

    Sorting here rather than in the proxy keeps Qt from calling back into Python
    n·log n times for every change: with 10,000 recipes that is most of a second.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RecipeSummary] = []
        self._keys: list[tuple] = []
        self._search_texts: list[str] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return summary.title
        if role == RECIPE_ID_ROLE:
            return summary.id
        return None

    def set_recipes(self, summaries: list[RecipeSummary]) -> None:
        self.beginResetModel()
        ordered = sorted(summaries, key=lambda summary: natural_sort_key(summary.title))
        self._rows = ordered
        self._keys = [natural_sort_key(summary.title) for summary in ordered]
        self._search_texts = [fold(summary.search_text) for summary in ordered]
        self.endResetModel()

    def add_recipe(self, summary: RecipeSummary) -> int:
        """Insert at its place in title order; returns the row."""
        key = natural_sort_key(summary.title)
        row = bisect.bisect_right(self._keys, key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, summary)
        self._keys.insert(row, key)
        self._search_texts.insert(row, fold(summary.search_text))
        self.endInsertRows()
        return row

    def remove_recipe(self, recipe_id: str) -> None:
        row = self.row_of(recipe_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row], self._keys[row], self._search_texts[row]
        self.endRemoveRows()

    def replace_recipe(self, summary: RecipeSummary) -> int:
        """A changed title may move the recipe; its row afterwards is returned."""
        self.remove_recipe(summary.id)
        return self.add_recipe(summary)

    def row_of(self, recipe_id: str) -> int | None:
        for row, summary in enumerate(self._rows):
            if summary.id == recipe_id:
                return row
        return None

    def search_text(self, row: int) -> str:
        return self._search_texts[row]


class RecipeFilterProxy(QSortFilterProxyModel):
    """Shows recipes whose title, ingredients, tags, category, cuisine or method hold every word."""

    def __init__(self, source: RecipeListModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self._words: list[str] = []
        self.setSourceModel(source)

    def set_query(self, text: str) -> None:
        words = query_words(text)
        if words == self._words:
            return
        self.beginFilterChange()
        self._words = words
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        return not self._words or matches(self._words, self._source.search_text(source_row))
