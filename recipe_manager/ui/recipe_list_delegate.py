"""The recipe list's rows: the title, with a favourite's star and the cook's rating beside it.

Painted by a delegate rather than put in the display text, so that the display text stays
the title (what search, tests and screen readers read) and the rows keep one height.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from .recipe_list_model import FAVOURITE_ROLE, RATING_ROLE

STAR_COLOUR = QColor("#d99a00")
MAX_STARS = 5


def rating_text(rating: int | None) -> str:
    """★★★☆☆ for three stars; empty when not rated."""
    if not rating:
        return ""
    return "★" * rating + "☆" * (MAX_STARS - rating)


def marks_text(favourite: bool, rating: int | None) -> str:
    return " ".join(part for part in (rating_text(rating), "♥" if favourite else "") if part)


class RecipeRowDelegate(QStyledItemDelegate):
    """Draws the row as usual, leaving room on the right for the stars and the heart."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        marks = marks_text(bool(index.data(FAVOURITE_ROLE)), index.data(RATING_ROLE))
        if not marks:
            super().paint(painter, option, index)
            return
        width = option.fontMetrics.horizontalAdvance(marks) + 8
        shrunk = QStyleOptionViewItem(option)
        self.initStyleOption(shrunk, index)
        shrunk.rect = QRect(option.rect.adjusted(0, 0, -width, 0))
        # The background and selection across the whole row, then the title in what is left.
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        widget: Any = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, widget)
            shrunk.backgroundBrush = Qt.GlobalColor.transparent
            shrunk.state &= ~QStyle.StateFlag.State_Selected
            shrunk.state &= ~QStyle.StateFlag.State_HasFocus
            if option.state & QStyle.StateFlag.State_Selected:
                shrunk.palette.setColor(
                    shrunk.palette.ColorRole.Text,
                    option.palette.color(option.palette.ColorRole.HighlightedText),
                )
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, shrunk, painter, widget)
        painter.save()
        painter.setPen(STAR_COLOUR)
        painter.setFont(option.font)
        painter.drawText(
            option.rect.adjusted(0, 0, -6, 0),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            marks,
        )
        painter.restore()
