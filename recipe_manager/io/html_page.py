"""Recipes from a saved web page: JSON-LD first, then microdata/RDFa, then the page's lists.

The page is only parsed, never run: scripts are dropped except JSON-LD, which is read as
data, and no address in the page is ever fetched.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from ..domain import Recipe
from .errors import RecipeImportError
from .html_tree import Element, Page, parse_html
from .jsonld import (
    build_components,
    find_recipe_nodes,
    ingredient_groups,
    recipe_from_schema,
)
from .safe_read import load_json
from .text_clean import clean_text

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_INGREDIENTS_WORD = re.compile(
    r"(?i)^\s*(ingredients?|zutaten|ingrédients|ingredientes|ingrediënten)\b"
)
_STEPS_WORD = re.compile(
    r"(?i)^\s*(instructions?|directions?|method|preparation|steps|how to make( it)?|"
    r"zubereitung|préparation|modo de preparo|bereiding)\b"
)
_GROUP_CLASS = re.compile(r"group-name|group-title|section-title|heading|subheader|-header\b")
_EQUIPMENT = re.compile(r"(?i)^\s*(equipment|tools|utensils|you will need|kitchen tools)\b")
_STEP_CLASS = re.compile(r"instruction|direction|method|preparation|steps")


def recipes_from_html(text: str, source: str | Path) -> list[Recipe]:
    """Every recipe the page holds; raises RecipeImportError when it holds none."""
    page = parse_html(text)
    url = _canonical_url(page.root)
    nodes = _json_ld_nodes(page, source) or _microdata_nodes(page.root)
    fallback = _fallback(page.root)
    recipes: list[Recipe] = []
    for node in nodes:
        recipe = recipe_from_schema(node, url)
        recipes.append(_completed(recipe, fallback))
    if not recipes and fallback.looks_like_recipe():
        groups = fallback.groups or [("", None, [])]
        recipes.append(
            Recipe(
                title=fallback.title,
                components=build_components(groups, [("", fallback.steps)]),
                source=url,
            )
        )
    unique = {repr(recipe.to_dict()): recipe for recipe in recipes if _has_content(recipe)}
    if not unique:
        raise RecipeImportError(source, "no recipe found in this page")
    return list(unique.values())


def _has_content(recipe: Recipe) -> bool:
    return bool(recipe.title) and any(c.ingredients or c.steps for c in recipe.components)


class _Fallback:
    """What a reader sees on the page itself: the title, ingredient groups and steps."""

    def __init__(
        self, title: str, groups: list[tuple[str, int | None, list[str]]], steps: list[str]
    ):
        self.title = title
        self.groups = groups
        self.steps = steps

    def looks_like_recipe(self) -> bool:
        return bool(self.title) and any(lines for _, _, lines in self.groups) and bool(self.steps)

    def line_count(self) -> int:
        return sum(len(lines) for _, _, lines in self.groups)


def _completed(recipe: Recipe, fallback: _Fallback) -> Recipe:
    """Fill what the structured data lacks from the page itself.

    The structured lines are kept as written, but only those the page also shows (some
    plugins add the equipment to the data), split into the page's ingredient groups when
    the page's lines match them one for one.
    """
    lines = [i.text for c in recipe.components for i in c.ingredients]
    sections = [(c.title, list(c.steps)) for c in recipe.components if c.steps]
    titled = any(c.title for c in recipe.components if c.ingredients)
    page_lines = [line for _, _, group in fallback.groups for line in group]
    if not recipe.title:
        recipe.title = fallback.title
    if not lines and page_lines:
        recipe.components = build_components(fallback.groups, sections)
    elif page_lines and not titled and _covers(lines, page_lines):
        shown = Counter(_loose(line) for line in page_lines)
        kept = []
        for line in lines:
            if shown[_loose(line)] > 0:
                shown[_loose(line)] -= 1
                kept.append(line)
        groups, start = [], 0
        for title, servings, group_lines in fallback.groups:
            groups.append((title, servings, kept[start : start + len(group_lines)]))
            start += len(group_lines)
        recipe.components = build_components(groups, sections)
    if not any(c.steps for c in recipe.components) and fallback.steps:
        recipe.components[0].steps.extend(fallback.steps)
    return recipe


def _covers(structured: list[str], shown: list[str]) -> bool:
    """Whether each line shown on the page is one of the structured lines (or none are)."""
    if not structured:
        return True
    keys = Counter(_loose(line) for line in structured)
    return not Counter(_loose(line) for line in shown) - keys


def _loose(line: str) -> str:
    text = unicodedata.normalize("NFKC", line).replace("\u2044", "/").casefold()
    return "".join(char for char in text if char.isalnum() or char == "/")


def _json_ld_nodes(page: Page, source: str | Path) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = []
    for script in page.json_ld:
        try:
            data = load_json(script.strip().rstrip(";"), source)
        except RecipeImportError:
            continue
        nodes.extend(find_recipe_nodes(data))
    return nodes


def _microdata_nodes(root: Element) -> list[dict[str, Any]]:
    """schema.org Recipe items written as microdata (itemscope) or RDFa (typeof)."""
    return [
        _item(element)
        for element in root.iter()
        if _is_scope(element) and _item_type(element).rsplit("/", 1)[-1].endswith("Recipe")
    ]


def _is_scope(element: Element) -> bool:
    return "itemscope" in element.attrs or "typeof" in element.attrs


def _item_type(element: Element) -> str:
    kind = element.get("itemtype") or element.get("typeof")
    return kind.split()[0].split(":")[-1] if kind else ""


def _item(scope: Element, depth: int = 0) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": _item_type(scope).rsplit("/", 1)[-1]}
    pending = [child for child in reversed(scope.children) if isinstance(child, Element)]
    while pending:
        element = pending.pop()
        names = (element.get("itemprop") or element.get("property")).split()
        nested = _is_scope(element)
        if names:
            value = _item(element, depth + 1) if nested and depth < 20 else _value(element)
            for name in names:
                item.setdefault(name.rsplit(":", 1)[-1].rsplit("/", 1)[-1], []).append(value)
        if not nested:
            pending.extend(c for c in reversed(element.children) if isinstance(c, Element))
    return item


def _value(element: Element) -> str:
    for attribute in ("content", "datetime", "value"):
        if attribute in element.attrs:
            return element.get(attribute)
    if element.tag in {"a", "link"}:
        return element.get("href")
    if element.tag in {"img", "audio", "video", "source"}:
        return element.get("src")
    return clean_text(element.text(), keep_lines=True)


def _canonical_url(root: Element) -> str:
    for element in root.iter():
        rel = element.get("rel").lower()
        if element.tag == "link" and "canonical" in rel.split():
            return _http(element.get("href"))
        if element.tag == "meta" and element.get("property").lower() == "og:url":
            return _http(element.get("content"))
    return ""


def _http(value: str) -> str:
    value = value.strip()
    return value if value.startswith(("http://", "https://")) else ""


def _fallback(root: Element) -> _Fallback:
    elements = root.iter()
    return _Fallback(_page_title(elements), _ingredient_groups(elements), _page_steps(elements))


def _page_title(elements: list[Element]) -> str:
    for element in elements:
        if element.tag == "h1":
            title = clean_text(element.text())
            if title:
                return title
    for element in elements:
        if element.tag == "meta" and element.get("property").lower() == "og:title":
            return clean_text(element.get("content"))
    for element in elements:
        if element.tag == "title":
            return clean_text(element.text())
    return ""


def _container(
    elements: list[Element], word: re.Pattern[str], heading: re.Pattern[str]
) -> Element | None:
    """The element holding a list: by class or id, or else the list after a heading."""
    best: tuple[int, Element] | None = None
    for element in elements:
        if element.tag in {"body", "html", "main", "article"} or not word.search(element.classes):
            continue
        items = sum(1 for e in element.iter() if e.tag == "li")
        if items and (best is None or items > best[0]):
            best = (items, element)
    if best is not None:
        return best[1]
    for index, element in enumerate(elements):
        if element.tag in _HEADINGS | {"strong", "b"} and heading.match(clean_text(element.text())):
            for later in elements[index + 1 : index + 400]:
                if later.tag in {"ul", "ol"}:
                    return later
    return None


def _ingredient_groups(elements: list[Element]) -> list[tuple[str, int | None, list[str]]]:
    container = _container(elements, re.compile("ingredient"), _INGREDIENTS_WORD)
    if container is None:
        return []
    lines: list[str] = []
    for element in container.iter():
        if element.tag == "li" and not _inside(element, "li", container):
            lines.append(clean_text(element.text()))
        elif _is_group_heading(element, container):
            title = clean_text(element.text()).rstrip(":")
            if title and not _INGREDIENTS_WORD.match(title):
                lines.append(f"{title}:")
    groups = ingredient_groups([line for line in lines if line])
    return [group for group in groups if not _EQUIPMENT.match(group[0])]


def _is_group_heading(element: Element, container: Element) -> bool:
    if _inside(element, "li", container):
        return False
    if element.tag in _HEADINGS:
        return True
    return (
        element.tag in {"div", "p", "span", "strong"}
        and bool(_GROUP_CLASS.search(element.get("class").lower()))
        and not any(child.tag == "li" for child in element.iter())
    )


def _inside(element: Element, tag: str, container: Element) -> bool:
    parent = element.parent
    while parent is not None and parent is not container:
        if parent.tag == tag:
            return True
        parent = parent.parent
    return False


def _page_steps(elements: list[Element]) -> list[str]:
    container = _container(elements, _STEP_CLASS, _STEPS_WORD)
    if container is None:
        return []
    items = [e for e in container.iter() if e.tag == "li" and not _inside(e, "li", container)]
    if not items:
        items = [e for e in container.iter() if e.tag == "p"]
    steps = (clean_text(item.text()) for item in items)
    return [step for step in steps if step]
