"""Windows that fit the screen they are on: sized to it at first start, brought back onto it
when a remembered position no longer fits (a laptop unplugged from its big monitor).

A window's frame (title bar, borders) is not known before it is shown, so sizes leave room
for a typical one; once shown, `keep_on_screen` measures the real frame and corrects.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: Room for a window manager's title bar and borders before the real frame is known.
FRAME_ALLOWANCE = QSize(12, 40)


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The usable area (without panels and docks) of the screen `widget` is on, or of the
    screen under its parent, or of the primary screen."""
    screen = None
    for candidate in (widget, widget.parentWidget() if widget is not None else None):
        if candidate is not None and candidate.screen() is not None:
            screen = candidate.screen()
            break
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 600)


def fitted_size(preferred: QSize, available: QRect) -> QSize:
    """`preferred`, made smaller where the available area (less a frame) is smaller."""
    return QSize(
        max(1, min(preferred.width(), available.width() - FRAME_ALLOWANCE.width())),
        max(1, min(preferred.height(), available.height() - FRAME_ALLOWANCE.height())),
    )


def fitted_rect(rect: QRect, available: QRect) -> QRect:
    """`rect` (a window's frame) made no larger than `available` and moved inside it."""
    width = min(rect.width(), available.width())
    height = min(rect.height(), available.height())
    left = min(max(rect.left(), available.left()), available.right() - width + 1)
    top = min(max(rect.top(), available.top()), available.bottom() - height + 1)
    return QRect(left, top, width, height)


def fit_to_screen(widget: QWidget, preferred: QSize, centre: bool = True) -> None:
    """Size a window before it is shown: `preferred`, or the screen's usable area if less;
    centred on its parent (or the screen). Corrects itself once shown."""
    available = available_geometry(widget)
    size = fitted_size(preferred, available)
    widget.resize(size.expandedTo(widget.minimumSize()))
    if centre:
        parent = widget.parentWidget()
        middle = parent.window().frameGeometry().center() if parent else available.center()
        frame = QRect(QPoint(0, 0), size + FRAME_ALLOWANCE)
        frame.moveCenter(middle)
        widget.move(fitted_rect(frame, available).topLeft())
    QTimer.singleShot(0, lambda: keep_on_screen(widget))


def keep_on_screen(widget: QWidget) -> None:
    """If the window's frame is larger than its screen's usable area or hangs off it, shrink
    it and move it back inside (restored geometry from a bigger screen, a tall dialog)."""
    try:
        frame = widget.frameGeometry()
        inner = widget.geometry()
    except RuntimeError:  # deleted meanwhile
        return
    available = available_geometry(widget)
    if available.contains(frame):
        return
    border = QSize(frame.width() - inner.width(), frame.height() - inner.height())
    target = fitted_rect(frame, available)
    widget.resize(
        max(1, target.width() - border.width()), max(1, target.height() - border.height())
    )
    widget.move(target.topLeft())
