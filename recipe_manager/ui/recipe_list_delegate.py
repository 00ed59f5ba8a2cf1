"""The recipe list's rows: the title, with a favourite's heart and the cook's rating beside it.

Painted by a delegate rather than put in the display text, so that the display text stays
the title (what search, tests and screen readers read) and the rows keep one height.

The delegate runs in Python for every visible row of every frame, so it does as little as
it can: one `MARKS_ROLE` question per row; a row with no marks is painted by Qt's own
delegate; a marked row's stars are a pixmap made once per (marks, font, colour, scale).

A recipe with a photo shows a small square thumbnail before its title, from the thumbnail
cache (made off the UI thread; the square stays empty until it is ready, then the list
repaints). `photo` turns a stored photo path into the pixmap, or None while it is made.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from .recipe_list_model import MARKS_ROLE

STAR_COLOUR = QColor("#d99a00")
MAX_STARS = 5
_MARGIN = 6  # between the marks and the row's right edge
_GAP = 2  # between the title and the marks
_PHOTO_GAP = 4  # between the thumbnail and the title


def rating_text(rating: int | None) -> str:
    """★★★☆☆ for three stars; empty when not rated."""
    if not rating:
        return ""
    return "★" * rating + "☆" * (MAX_STARS - rating)


def marks_text(favourite: bool, rating: int | None) -> str:
    return " ".join(part for part in (rating_text(rating), "♥" if favourite else "") if part)


class RecipeRowDelegate(QStyledItemDelegate):
    """Draws the row as usual, leaving room on the right for the stars and the heart."""

    def __init__(
        self, parent: Any = None, photo: Callable[[str, QSize], QPixmap | None] | None = None
    ) -> None:
        super().__init__(parent)
        self._pixmaps: dict[tuple[Any, ...], QPixmap] = {}
        self._photo = photo

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        marks = index.data(MARKS_ROLE)
        if marks is None:
            super().paint(painter, option, index)
            return
        widget: Any = option.widget
        style = widget.style() if widget is not None else None
        rating, favourite, photo = marks
        width = height = 0.0
        pixmap = None
        if rating or favourite:
            pixmap = self._marks_pixmap((rating, favourite), option, widget)
            ratio = pixmap.devicePixelRatio() or 1.0
            width, height = pixmap.width() / ratio, pixmap.height() / ratio
        side = option.rect.height() - 2 if photo and self._photo is not None else 0
        # The background and selection across the whole row, then the title in what is left.
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        title = QStyleOptionViewItem(background)
        background.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, widget)
            right = -int(width) - _MARGIN - _GAP if pixmap is not None else 0
            left = side + _PHOTO_GAP if side else 0
            title.rect = QRect(option.rect.adjusted(left, 0, right, 0))
            title.backgroundBrush = Qt.GlobalColor.transparent
            title.state &= ~QStyle.StateFlag.State_Selected
            title.state &= ~QStyle.StateFlag.State_HasFocus
            if option.state & QStyle.StateFlag.State_Selected:
                title.palette.setColor(
                    title.palette.ColorRole.Text,
                    option.palette.color(option.palette.ColorRole.HighlightedText),
                )
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, title, painter, widget)
        rect = option.rect
        if pixmap is not None:
            x = rect.right() - _MARGIN - int(width) + 1
            y = rect.top() + int((rect.height() - height) / 2)
            painter.drawPixmap(x, y, pixmap)
        if side and self._photo is not None:
            ratio = widget.devicePixelRatioF() if widget is not None else 1.0
            thumbnail = self._photo(photo, QSize(round(side * ratio), round(side * ratio)))
            if thumbnail is not None and not thumbnail.isNull():
                box = QRect(rect.left() + 2, rect.top() + 1, side, side)
                shown = thumbnail.size() / (thumbnail.devicePixelRatio() or 1.0) / ratio
                target = QRect(0, 0, shown.width(), shown.height())
                target.moveCenter(box.center())
                painter.drawPixmap(target, thumbnail)

    def _marks_pixmap(self, marks: tuple[int, bool], option: Any, widget: Any) -> QPixmap:
        """The stars and heart drawn once in the row's font, then reused for every row."""
        ratio = widget.devicePixelRatioF() if widget is not None else 1.0
        key = (marks, option.font.key(), ratio)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            rating, favourite = marks
            text = marks_text(favourite, rating)
            metrics = QFontMetrics(option.font)
            width, height = metrics.horizontalAdvance(text) + 2, metrics.height()
            pixmap = QPixmap(max(1, round(width * ratio)), max(1, round(height * ratio)))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setPen(STAR_COLOUR)
            painter.setFont(option.font)
            painter.drawText(
                QRect(0, 0, width, height),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                text,
            )
            painter.end()
            self._pixmaps[key] = pixmap
        return pixmap
