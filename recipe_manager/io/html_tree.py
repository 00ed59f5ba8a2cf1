"""A small, forgiving element tree from the stdlib HTML parser (no scripts run, nothing fetched).

Only what the importers need is kept: tags, attributes, text and the raw text of
JSON-LD scripts. Other scripts and styles are dropped while parsing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip
_SKIPPED = {"script", "style", "noscript", "template", "svg", "iframe", "object"}
_AUTO_CLOSE = {
    "li": {"li"},
    "p": {"p"},
    "option": {"option"},
    "dt": {"dt", "dd"},
    "dd": {"dt", "dd"},
}
BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
}  # fmt: skip
MAX_DEPTH = 400


@dataclass(slots=True)
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = None
    _text: str | None = field(default=None, repr=False, compare=False)

    def get(self, name: str) -> str:
        return self.attrs.get(name) or ""

    @property
    def classes(self) -> str:
        return f"{self.get('class')} {self.get('id')}".lower()

    def iter(self) -> list[Element]:
        """This element and every element inside it, in document order (no recursion)."""
        found: list[Element] = []
        pending: list[Element] = [self]
        while pending:
            element = pending.pop()
            found.append(element)
            pending.extend(
                child for child in reversed(element.children) if isinstance(child, Element)
            )
        return found

    def text(self) -> str:
        """The visible text, with block elements and <br> as line breaks.

        Cached per element (the tree is not changed once parsed) and built from the
        children's cached texts, so asking every element of a page for its text visits
        each element once instead of once per ancestor.
        """
        if self._text is not None:
            return self._text
        # Post-order without recursion: children's texts first, then this one's.
        pending: list[tuple[Element, bool]] = [(self, False)]
        while pending:
            element, ready = pending.pop()
            if element._text is not None:
                continue
            if not ready:
                pending.append((element, True))
                pending.extend(
                    (child, False)
                    for child in element.children
                    if isinstance(child, Element) and child._text is None
                )
                continue
            inner = "".join(
                child if isinstance(child, str) else (child._text or "")
                for child in element.children
            )
            element._text = f"\n{inner}\n" if element.tag in BLOCKS else inner
        return self._text or ""


@dataclass(slots=True)
class Page:
    root: Element
    json_ld: list[str]


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack: list[Element] = [self.root]
        self.json_ld: list[str] = []
        self._skipping: str | None = None
        self._script_is_json_ld = False
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skipping:
            return
        values = {name.lower(): value or "" for name, value in attrs}
        if tag in _SKIPPED:
            self._skipping = tag
            self._script_is_json_ld = (
                tag == "script" and "ld+json" in values.get("type", "").lower()
            )
            self._script_text = []
            return
        closes = _AUTO_CLOSE.get(tag)
        if closes and self.stack[-1].tag in closes:
            self.stack.pop()
        element = Element(tag, values, parent=self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in _VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skipping or tag in _SKIPPED:
            return
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            if tag == self._skipping:
                if self._script_is_json_ld:
                    self.json_ld.append("".join(self._script_text))
                self._skipping = None
            return
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if self._skipping:
            if self._script_is_json_ld:
                self._script_text.append(data)
            return
        self.stack[-1].children.append(data)


# A "<" that opens no tag, or one that never closes before the next "<", is text: the stdlib
# parser rescans the rest of the page from each such "<" (quadratic on "<a<a<a...").
_UNCLOSED_TAG = re.compile(r"<(?:(?![A-Za-z/!?])|(?=[^<>]*(?:<|\Z)))")
# Old pages close a conditional comment with "<!--<![endif]-->": read as one comment, as
# browsers do (the "<" after "<!--" would otherwise make the rest of the page text).
_CONDITIONAL_END = re.compile(r"<!--<!\[", re.IGNORECASE)


def parse_html(text: str) -> Page:
    builder = _TreeBuilder()
    builder.feed(_UNCLOSED_TAG.sub("&lt;", _CONDITIONAL_END.sub("<!--[", text)))
    builder.close()
    if builder._skipping and builder._script_is_json_ld:
        builder.json_ld.append("".join(builder._script_text))
    return Page(builder.root, builder.json_ld)
