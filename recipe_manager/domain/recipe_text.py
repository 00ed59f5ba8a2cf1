"""Components as the editor's plain text, and back, so that a cook can type a whole recipe.

Ingredients are one per line; a line ending in ":" starts a component ("Chilli Garlic
Dipping Sauce (serves 6):"). Steps are one per line; a line that names a component and
ends in ":" starts that component's steps. Converting a recipe to text and back gives
the same components, line for line.
"""

from __future__ import annotations

import re

from .ingredients import parse_ingredient
from .model import Component

_SERVES_TAIL = re.compile(r"\(serves (?P<servings>\d{1,6})\)$")
_BULLET = re.compile(r"^\s*(?:[•·▪‣◦●○∙*\-–—]|[▢☐☑✓✔□■]|\[\s?[xX]?\s?\])\s*")
STEP_NUMBER = re.compile(r"^\s*(?:step\s*)?\d{1,2}\s*[.):]\s+", re.IGNORECASE)


def heading_line(component: Component) -> str:
    servings = f" (serves {component.servings})" if component.servings else ""
    return f"{component.title}{servings}:"


def ingredients_text(components: list[Component]) -> str:
    lines: list[str] = []
    for index, component in enumerate(components):
        if index > 0 or component.title or component.servings:
            lines.append(heading_line(component))
        lines.extend(ingredient.text for ingredient in component.ingredients)
    return "\n".join(lines)


def steps_text(components: list[Component]) -> str:
    """Steps with a blank line between them, so a long step's wrapped lines read as one."""
    lines: list[str] = []
    for index, component in enumerate(components):
        if not component.steps:
            continue
        if index > 0 or component.title:
            lines.append(heading_line(component))
        lines.extend(component.steps)
    return "\n\n".join(lines)


def components_from_text(ingredients: str, steps: str) -> list[Component]:
    """Split the editor's two boxes into components; blank lines are dropped."""
    components: list[Component] = [Component()]
    by_title: dict[str, Component] = {}
    for line in _lines(ingredients):
        heading = parse_heading(line)
        if heading is None:
            components[-1].ingredients.append(parse_ingredient(line))
            continue
        title, servings = heading
        if len(components) == 1 and not components[0].ingredients and not components[0].title:
            component = components[0]
            component.title, component.servings = title, servings
        else:
            component = Component(title=title, servings=servings)
            components.append(component)
        by_title.setdefault(title.casefold(), component)

    current = components[0]
    for line in _lines(steps):
        heading = parse_heading(line)
        named = by_title.get(heading[0].casefold()) if heading else None
        if named is not None:
            current = named
        else:
            current.steps.append(line)
    if len(components) > 1 and components[0] == Component():
        components.pop(0)
    return components


def clean_pasted_ingredients(text: str) -> str:
    """Bullets, checkboxes and blank lines from a pasted web page go; the lines stay."""
    return "\n".join(_BULLET.sub("", line).rstrip() for line in _lines(text))


def clean_pasted_steps(text: str) -> str:
    """Bullets and "1." / "Step 2:" numbering go: the detail pane numbers steps itself."""
    cleaned = (STEP_NUMBER.sub("", _BULLET.sub("", line)).rstrip() for line in _lines(text))
    return "\n".join(line for line in cleaned if line)


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def parse_heading(line: str) -> tuple[str, int | None] | None:
    """A part's heading ("Dipping sauce (serves 6):") as (title, servings), else None."""
    # Without one pattern over the whole line: the one this replaces backtracked on runs of
    # spaces (9 s on a line of 500). Linear: strip, check the colon, then a literal tail.
    text = line.strip()
    if not text.endswith(":"):
        return None
    body = text[:-1].rstrip()
    servings: int | None = None
    serves = _SERVES_TAIL.search(body) if body.endswith(")") else None
    if serves is not None:
        servings = int(serves["servings"])
        body = body[: serves.start()].rstrip()
    if not body:
        return None
    return body, servings
