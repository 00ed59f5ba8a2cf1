"""Cleaning text taken from web pages: markup and entities out, spacing made ordinary."""

from __future__ import annotations

import html
import re
import unicodedata

_TAG = re.compile(r"<\s*/?\s*(?P<name>[a-zA-Z][a-zA-Z0-9]*)[^<>]*>|<!--.*?-->", re.DOTALL)
_INLINE = {
    "a",
    "abbr",
    "b",
    "em",
    "font",
    "i",
    "mark",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "u",
}
_BREAK_TAG = re.compile(r"<\s*(?:br|/p|/li|/div|/h\d)\s*/?\s*>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200c\u200d\u2060\ufeff\u00ad"))


def clean_text(value: object, *, keep_lines: bool = False) -> str:
    """Text without tags or entities, spaces collapsed; line breaks kept only if asked.

    Entities are decoded twice because pages often encode them twice ("&amp;#39;"), and
    tags are removed again after decoding for markup that was itself escaped.
    """
    if value is None:
        return ""
    text = str(value)
    for _ in range(2):
        text = _BREAK_TAG.sub("\n", text)
        text = _TAG.sub(_tag_space, text)
        if "&" not in text and "<" not in text:
            break
        text = html.unescape(text)
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    if keep_lines:
        return "\n".join(line for line in lines if line)
    return " ".join(line for line in lines if line)


def _tag_space(match: re.Match[str]) -> str:
    """Inline tags vanish ("<b>ketchup</b>," stays "ketchup,"); others part words."""
    name = (match["name"] or "").lower()
    return "" if name in _INLINE else " "
