"""The shopping list as text a person reads elsewhere: plain text for a phone, a Markdown
task list, and HTML for printing. Grouped by aisle in the shop's walking order; recipe text
is escaped in HTML and never read as markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from .aisles import AISLE_LABELS, AISLES, OTHER
from .shopping import ShoppingItem


def by_aisle(items: Iterable[ShoppingItem]) -> list[tuple[str, list[ShoppingItem]]]:
    """(aisle, items) in the shop's order, each aisle's items in the list's order."""
    groups: dict[str, list[ShoppingItem]] = {}
    for item in items:
        groups.setdefault(item.aisle if item.aisle in AISLES else OTHER, []).append(item)
    return [(aisle, groups[aisle]) for aisle in AISLES if aisle in groups]


def _box(item: ShoppingItem, checked: set[str] | frozenset[str], done: str, todo: str) -> str:
    return done if item.key in checked else todo


def as_text(items: Sequence[ShoppingItem], checked: set[str] | frozenset[str] = frozenset()) -> str:
    """Plain text: an aisle heading, then ☐ to buy and ☑ already got."""
    lines: list[str] = []
    for aisle, group in by_aisle(items):
        if lines:
            lines.append("")
        lines.append(f"{AISLE_LABELS[aisle]}:")
        lines += [f"{_box(item, checked, '☑', '☐')} {item.text}" for item in group]
    return "\n".join(lines) + ("\n" if lines else "")


def _markdown_text(text: str) -> str:
    """A line read as words, never as Markdown: the characters that would start markup are
    escaped."""
    for character in "\\`*_[]<>#|":
        text = text.replace(character, "\\" + character)
    return text


def as_markdown(
    items: Sequence[ShoppingItem],
    checked: set[str] | frozenset[str] = frozenset(),
    recipes: Sequence[str] = (),
) -> str:
    """A Markdown task list under aisle headings, after the recipes it is for."""
    lines = ["# Shopping list", ""]
    lines += [f"- {_markdown_text(recipe)}" for recipe in recipes]
    for aisle, group in by_aisle(items):
        lines += ["", f"## {AISLE_LABELS[aisle]}", ""]
        lines += [
            f"- [{_box(item, checked, 'x', ' ')}] {_markdown_text(item.text)}" for item in group
        ]
    return "\n".join(lines) + "\n"


def as_html(
    items: Sequence[ShoppingItem],
    checked: set[str] | frozenset[str] = frozenset(),
    recipes: Sequence[str] = (),
    note: str = "",
) -> str:
    """A printable page: every piece of recipe text escaped."""
    parts = ["<h1>Shopping list</h1>"]
    if recipes:
        parts.append(f"<p><i>For {escape(', '.join(recipes))}</i></p>")
    for aisle, group in by_aisle(items):
        rows = "".join(
            f"<li>{_box(item, checked, '☑', '☐')} {escape(item.text)}</li>" for item in group
        )
        parts.append(
            f"<h3>{escape(AISLE_LABELS[aisle])}</h3>"
            f"<ul style='list-style:none;font-size:14pt'>{rows}</ul>"
        )
    if note:
        parts.append(f"<p><small>{escape(note)}</small></p>")
    return "".join(parts)
