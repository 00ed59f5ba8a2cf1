"""The detail pane's view: never reads a file, and shows a long recipe a screenful at a time.

`QTextBrowser.setHtml` of a whole 10,000-line recipe takes seconds (parsing and laying out
the lot at once), and so did every servings step. A long recipe is instead shown as
`Block`s: the first screenful at once, the rest appended in slices of a few milliseconds
while the window stays free. A servings step or a unit toggle on the same recipe changes
the blocks in place, those on screen first, and only the ones whose text changed: nothing
moves, the scroll position is kept, and the cook sees the new amounts at once.

Images come only from `set_image`: a recipe's `<img>` could never name a file (its text is
escaped), and this view would not load one anyway.
"""

from __future__ import annotations

import time
from collections.abc import Hashable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import (
    QPixmap,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

if TYPE_CHECKING:
    # Only a type here: the HTML module and the domain's formatting load after first paint.
    from .recipe_html import Block

#: Milliseconds of work per slice while the window waits for nothing.
SLICE_MS = 8
#: The most the first screenful may take before the rest waits for the next slice.
FIRST_SCREEN_MS = 150
ITEM_SPACING = 6  # pixels under each ingredient, as the whole-page HTML has
ITEM_INDENT, BULLET_WIDTH = 30, 14  # a hanging bullet, as a list's
BULLET = "•\u2002"


class RecipeView(QTextBrowser):
    """A QTextBrowser for recipes: whole HTML for a short one, blocks for a long one."""

    def __init__(self, parent: QWidget | None = None, **kwargs) -> None:
        super().__init__(parent, **kwargs)
        self._images: dict[str, QPixmap] = {}
        self._key: Hashable = None
        self._blocks: list[Block] = []
        self._shown: list[QTextBlock] = []  # the document's block for each block appended
        self._texts: list[str] = []  # what each appended block shows now
        self._todo: list[int] = []  # blocks to replace in place, most urgent last
        self.document().setUndoRedoEnabled(False)  # a view: no history of 10,000 edits
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._work)

    # Images ------------------------------------------------------------------------------------

    def set_image(self, name: str, pixmap: QPixmap) -> None:
        """Make `name` (as used in an `<img src>`) show `pixmap`."""
        self._images[name] = pixmap

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802
        """Only the images given to `set_image`; never a file, whatever a document names."""
        if kind == QTextDocument.ResourceType.ImageResource.value or kind == (
            QTextDocument.ResourceType.ImageResource
        ):
            return self._images.get(url.toString())
        return None

    # Showing ------------------------------------------------------------------------------------

    def show_html(self, html: str) -> None:
        """A short recipe (or a message) whole, at once."""
        self._stop()
        self._key = None
        self.setHtml(html)

    def show_blocks(self, key: Hashable, blocks: list[Block]) -> None:
        """A long recipe, block by block. With the same `key` (the same recipe, so the same
        blocks) the blocks already shown are changed in place, those on screen first."""
        if key != self._key or len(blocks) != len(self._blocks):
            self._stop()
            self._key = key
            self.clear()
            self._shown, self._texts = [], []
        else:
            self._todo = self._by_distance_from_screen(len(self._shown))
        self._blocks = blocks
        self._work(at_least=self._blocks_on_screen())  # the first screenful now, in this event

    def is_complete(self) -> bool:
        """Every block shown and up to date (for tests and benchmarks)."""
        return self._key is None or (not self._todo and len(self._shown) == len(self._blocks))

    def _stop(self) -> None:
        self._timer.stop()
        self._todo = []

    def _by_distance_from_screen(self, count: int) -> list[int]:
        """Indices of the shown blocks, the one at the top of the screen last (popped first)."""
        top = self.cursorForPosition(self.viewport().rect().topLeft()).blockNumber()
        first = 0
        for index, block in enumerate(self._shown):
            if block.blockNumber() >= top:
                first = index
                break
        order = list(range(first, count)) + list(range(first - 1, -1, -1))
        order.reverse()
        return order

    def _blocks_on_screen(self) -> int:
        """About how many blocks fill the view (one line each, with their spacing)."""
        line = self.fontMetrics().lineSpacing() + ITEM_SPACING
        return self.viewport().height() // max(1, line) + 4

    def _work(self, at_least: int = 0) -> None:
        """Replace, then append, blocks until a slice's time is used (but at least
        `at_least` of them, the screenful the cook is looking at); then yield to events."""
        start = time.perf_counter()
        deadline = start + SLICE_MS / 1000
        cap = start + FIRST_SCREEN_MS / 1000
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        done = 0
        try:
            while (now := time.perf_counter()) < deadline or (done < at_least and now < cap):
                done += 1
                if self._todo:
                    self._replace(cursor, self._todo.pop())
                elif len(self._shown) < len(self._blocks):
                    self._append(cursor, len(self._shown))
                else:
                    break
        finally:
            cursor.endEditBlock()
        if self._todo or len(self._shown) < len(self._blocks):
            self._timer.start()

    def _append(self, cursor: QTextCursor, index: int) -> None:
        block = self._blocks[index]
        text = block.render()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        first = not self._shown
        if block.kind == "item":
            # A bulleted paragraph, not a QTextList: adding to a list renumbers and lays
            # out all of it again, which is quadratic over 10,000 lines.
            if first:
                cursor.setBlockFormat(_item_format())
            else:
                cursor.insertBlock(_item_format(), QTextCharFormat())
            cursor.insertText(BULLET + text, QTextCharFormat())
        elif block.kind == "gap":
            self._shown.append(self._shown[-1] if self._shown else cursor.block())
            self._texts.append(text)
            return
        else:
            if not first:
                cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            cursor.insertHtml(text)
            if block.above or block.below or block.hanging:
                spacing = QTextBlockFormat()
                spacing.setTopMargin(block.above)
                spacing.setBottomMargin(block.below)
                spacing.setLeftMargin(block.hanging)
                spacing.setTextIndent(-block.hanging)
                cursor.mergeBlockFormat(spacing)
        self._shown.append(cursor.block())
        self._texts.append(text)

    def _replace(self, cursor: QTextCursor, index: int) -> None:
        block = self._blocks[index]
        if block.kind == "gap":
            return
        text = block.render()
        if text == self._texts[index]:
            return  # unchanged: nothing to lay out again
        shown = self._shown[index]
        cursor.setPosition(shown.position())
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        if block.kind == "item":
            cursor.insertText(BULLET + text)
        else:
            cursor.insertHtml(text)
        self._texts[index] = text


def _item_format() -> QTextBlockFormat:
    style = QTextBlockFormat()
    style.setBottomMargin(ITEM_SPACING)
    style.setLeftMargin(ITEM_INDENT)
    style.setTextIndent(-BULLET_WIDTH)
    return style
