"""Recipe text made safe to show on one line: no invisible reordering, no endless titles.

A recipe's text is shown as written, but a few characters only ever disguise it when a
title stands alone in a list row, a window title or a tooltip: bidirectional controls
(a right-to-left override makes "gpj.exe" read as "exe.jpg") and line breaks. And a title
may be up to `MAX_FIELD_CHARS` long, which no list row or window title can lay out in a
frame, so single-line display is elided. Nothing here changes what is stored.
"""

from __future__ import annotations

import re

#: The longest title shown whole in a list row, a window title or a status message.
MAX_DISPLAY_TITLE = 200
#: The longest text shown in a tooltip.
MAX_DISPLAY_TOOLTIP = 1_000
ELLIPSIS = "…"

# Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the marks that can
# flip neutral characters (U+200E, U+200F, U+061C), and the invisible "function
# application" style characters are dropped from single-line display.
_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_DROP = str.maketrans(dict.fromkeys(_BIDI_CONTROLS))
# Line and paragraph breaks and other control characters become one space on one line.
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def strip_bidi_controls(text: str) -> str:
    """`text` without the bidirectional control characters that can disguise it."""
    return text.translate(_DROP)


def display_line(text: str, limit: int = MAX_DISPLAY_TITLE) -> str:
    """`text` for one line of display: no bidi controls or breaks, at most `limit` characters.

    Linear in the length of `text`; a longer text ends in "…".
    """
    # Cut early so a megabyte of text costs no more than a few times the limit.
    head = text[: limit * 4 + 16] if len(text) > limit * 4 + 16 else text
    shown = _BREAKS.sub(" ", strip_bidi_controls(head)).strip()
    if len(shown) > limit or len(head) < len(text):
        return shown[: limit - 1].rstrip() + ELLIPSIS
    return shown


def recipes_counted(count: int) -> str:
    """ "1 recipe", "10,000 recipes": a number of recipes as a message or label says it."""
    return f"{count} recipe" if count == 1 else f"{count:,} recipes"
