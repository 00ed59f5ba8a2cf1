"""Showing recipe text in Qt as the characters it is, never as markup.

Qt guesses whether a string is rich text (`Qt.mightBeRichText`) for tooltips, "What's
This?", message boxes and labels left on their default format: a title such as
`<img src="/etc/passwd">` would be read as HTML, loading files and images. Widgets that
show recipe text use these helpers, or set `Qt.TextFormat.PlainText` themselves.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from ..domain.display import MAX_DISPLAY_TOOLTIP, display_line


def rich_text_of(text: str) -> str:
    """`text` as rich text that shows exactly its characters, line breaks kept.

    The `<p>` makes every rich-text guesser take it as HTML, so the escapes are undone on
    display rather than shown.
    """
    return "<p style='white-space:pre-wrap'>" + escape(text, quote=False) + "</p>"


def plain_tooltip(text: str, limit: int = MAX_DISPLAY_TOOLTIP) -> str:
    """A tooltip showing `text` literally on one line, elided past `limit` characters."""
    return rich_text_of(display_line(text, limit))


def plain_label(text: str = "", parent: QWidget | None = None, **kwargs) -> QLabel:
    """A QLabel that never interprets what it is given."""
    label = QLabel(parent, **kwargs)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
) -> QMessageBox:
    """A message box whose text, window title and details are shown as plain characters."""
    box = QMessageBox(icon, display_line(title), text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box
