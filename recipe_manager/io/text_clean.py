"""Cleaning text taken from web pages: markup and entities out, spacing made ordinary."""

from __future__ import annotations

import html
import re
import unicodedata

from ..domain import Recipe

# Linear: no two runs of the same class meet across an optional piece, and comments are
# cut by str.find, not a lazy pattern that rescans the rest of the text from each "<!--".
_TAG = re.compile(r"<\s*(?:/\s*)?(?P<name>[a-zA-Z][a-zA-Z0-9]*)[^<>]*>")
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
_BREAK_TAG = re.compile(r"<\s*(?:br|/\s*(?:p|li|div|h\d))\s*(?:/\s*)?>", re.IGNORECASE)
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
        text = _without_comments(text)
        text = _BREAK_TAG.sub("\n", text)
        text = _TAG.sub(_tag_space, text)
        if "&" not in text and "<" not in text:
            break
        text = html.unescape(text)
    # A no-break space saved as UTF-8 and read back as Latin-1 ("cup\u00c2\u00a0 sugar").
    text = text.replace("\u00c2\u00a0", " ")
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    if keep_lines:
        return "\n".join(line for line in lines if line)
    return " ".join(line for line in lines if line)


def _without_comments(text: str) -> str:
    """HTML comments out; an unclosed one runs to the end, as browsers read it."""
    if "<!--" not in text:
        return text
    parts: list[str] = []
    position = 0
    while (start := text.find("<!--", position)) >= 0:
        parts.append(text[position:start])
        end = text.find("-->", start + 4)
        if end < 0:
            return "".join(parts)
        parts.append(" ")
        position = end + 3
    parts.append(text[position:])
    return "".join(parts)


def strip_markup(recipe: Recipe) -> Recipe:
    """The recipe with tags and entities taken out of every text field, as web import does.

    For readers whose source is not HTML (Paprika, Cooklang, plain text, our JSON): a title
    like "<img src=/etc/passwd>" must never reach a widget that might read it as markup.
    Addresses, ids and dates are left as they are.
    """
    data = recipe.to_dict()
    for key, value in data.items():
        if key not in _AS_IS and isinstance(value, str):
            data[key] = _plain(value, keep_lines=key in _MULTILINE)
    data["notes"] = [_plain(note, keep_lines=True) for note in data["notes"]]
    data["tags"] = [_plain(tag) for tag in data["tags"]]
    for component in data["components"]:
        component["title"] = _plain(component["title"])
        component["ingredients"] = [_plain(line) for line in component["ingredients"]]
        component["steps"] = [_plain(step) for step in component["steps"]]
    return Recipe.from_dict(data)


def _plain(text: str, *, keep_lines: bool = False) -> str:
    """Text holding a tag, a closed comment or an entity cleaned; any other text (a lone
    "<!--" typed in a field) exactly as it was."""
    if _TAG.search(text) or ("<!--" in text and "-->" in text) or _ENTITY.search(text):
        return clean_text(text, keep_lines=keep_lines)
    return text


_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_AS_IS = {"id", "source", "image", "created", "updated"}
_MULTILINE = {"summary"}


def _tag_space(match: re.Match[str]) -> str:
    """Inline tags vanish ("<b>ketchup</b>," stays "ketchup,"); others part words."""
    name = (match["name"] or "").lower()
    return "" if name in _INLINE else " "
