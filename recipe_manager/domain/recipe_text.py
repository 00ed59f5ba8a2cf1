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

# "(serves 6)" at the end of a heading, matched at one known place (no scanning).
_SERVES = re.compile(r"\(serves (\d{1,6})\)")
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
    parts = _heading_parts(line)
    return parts if parts is not None and parts[0] else None


def _heading_parts(line: str) -> tuple[str, int | None] | None:
    """Title (perhaps empty) and servings of a line ending in ":", else None."""
    # String methods, not one pattern: a lazy title before optional spaces and an optional
    # "(serves N)" backtracked cubically on a run of spaces (9 s on 500). Each step here
    # looks at the line once.
    stripped = line.strip()
    if not stripped.endswith(":"):
        return None
    title = stripped[:-1].rstrip()
    servings = None
    if title.endswith(")"):
        opening = title.rfind("(serves ")
        serves = _SERVES.fullmatch(title, opening) if opening >= 0 else None
        if serves is not None:
            servings = int(serves.group(1))
            title = title[:opening].rstrip()
    return title, servings


# The editor's exact form ---------------------------------------------------------------------
#
# The editor shows a stored recipe in plain text boxes and reads them back when it saves.
# Opening a recipe and saving it untouched must store exactly the same recipe, so the
# editor's form says everything the model can hold, in ways a cook can also type:
#
# Ingredients, one per line. A line ending in ":" starts a part ("Sauce (serves 4):"; a
# lone ":" starts a part without a title). An indented line is an ingredient as written,
# never a heading: "  Salt to taste:" is an ingredient that ends in a colon.
#
# Steps (and notes), one per line. An indented line continues the one above it: the step
# holds a line break there. A blank line just before an indented one is an empty line
# inside the step. A line naming a part and ending in ":" starts that part's steps; when
# two parts share a title, each such line moves on to the next part of that title.
#
# Tags, separated by commas; a tag holding a comma or a quote is written in double quotes,
# with a quote inside doubled: "salt, pepper", spicy.
#
# What the form cannot say (a line starting or ending with spaces, an empty step, a step
# that reads as another part's heading) the editor keeps by leaving a box the cook did not
# touch exactly as it was stored; see `recipe_editor`.

CONTINUATION_INDENT = "    "
EDITOR_PARAGRAPH = "\u2029"  # how QTextDocument separates its blocks in raw text


def _is_indented(line: str) -> bool:
    return bool(line) and line[0] in " \t"


def _is_blank(line: str) -> bool:
    return not line.strip(" \t")


def _unindent(line: str) -> str:
    if line.startswith(CONTINUATION_INDENT):
        return line[len(CONTINUATION_INDENT) :]
    return line.lstrip(" \t")


def editor_heading(line: str) -> tuple[str, int | None] | None:
    """A part's heading as the editor reads it: never an indented line; ":" alone is a part
    without a title; otherwise as `parse_heading`."""
    if _is_indented(line):
        return None
    if line.rstrip(" \t") == ":":
        return "", None
    parts = _heading_parts(line)
    if parts is None or not (parts[0] or parts[1] is not None):
        return None
    return parts


def editor_heading_line(component: Component) -> str:
    title = component.title
    if component.servings is None:
        return f"{title}:"
    return f"{title} (serves {component.servings}):" if title else f"(serves {component.servings}):"


def _heading_reads_back(component: Component) -> bool:
    return editor_heading(editor_heading_line(component)) == (component.title, component.servings)


def editor_ingredients_text(components: list[Component]) -> str:
    """The ingredients box for these parts; `components_from_editor_text` reads it back."""
    lines: list[str] = []
    for index, component in enumerate(components):
        # The first part needs no heading when it has none to give and the boxes create
        # it anyway: by its ingredients, or by its steps when it is the only part.
        implicit = (
            index == 0
            and not component.title
            and component.servings is None
            and bool(component.ingredients or (component.steps and len(components) == 1))
        ) or (index == 0 and _method_for_groups(components))
        if not implicit:
            lines.append(editor_heading_line(component))
        for ingredient in component.ingredients:
            text = ingredient.text
            needs_indent = editor_heading(text) is not None or _is_indented(text)
            lines.append(f"  {text}" if needs_indent else text)
    return "\n".join(lines)


def _method_for_groups(components: list[Component]) -> bool:
    """Whether the first part is one method for titled groups of ingredients after it.

    Sites give a recipe so ("For the salad", "For the dressing", then the method); the
    boxes say it as a cook writes it: the groups' headings in the ingredients box, the
    steps with no heading before them. Read back, steps before any heading when the
    ingredients start with a titled part are that untitled method part.
    """
    if len(components) < 2:
        return False
    first = components[0]
    return bool(
        not first.title
        and first.servings is None
        and not first.ingredients
        and first.steps
        and all(component.title for component in components[1:])
    )


def _item_lines(item: str) -> list[str]:
    """One step or note as editor lines: the first as written, the rest indented."""
    first, *rest = item.split("\n")
    lines = [first]
    for part in rest:
        lines.append(CONTINUATION_INDENT + part if part else "")
    return lines


def editor_steps_text(components: list[Component]) -> str:
    """The steps box: a blank line between steps, a heading before each part's steps."""
    blocks: list[str] = []
    titles = [component.title.casefold() for component in components]
    for index, component in enumerate(components):
        shared = titles.count(titles[index]) > 1
        if index > 0:
            needed = bool(component.steps) or shared
        else:
            # A titled first part names itself before its steps: steps under no heading
            # would read back as a method of their own (`_method_for_groups`).
            needed = shared or bool(component.title and (len(components) > 1 or component.steps))
        if needed:
            blocks.append(editor_heading_line(component))
        blocks.extend("\n".join(_item_lines(step)) for step in component.steps)
    return "\n\n".join(blocks)


def editor_items_text(items: list[str]) -> str:
    """Notes (or any list of texts) one per line, line breaks as indented lines."""
    return "\n\n".join("\n".join(_item_lines(item)) for item in items)


def _read_items(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Group lines into items: (first line, continuation parts); blank lines dropped unless
    they sit inside an item, just before an indented line."""
    items: list[tuple[str, list[str]]] = []
    pending_blanks = 0
    for line in lines:
        if _is_blank(line):
            pending_blanks += 1
            continue
        if _is_indented(line) and items:
            items[-1][1].extend([""] * pending_blanks)
            items[-1][1].append(_unindent(line))
        else:
            items.append((line.lstrip(" \t") if _is_indented(line) else line, []))
        pending_blanks = 0
    return items


def _joined(item: tuple[str, list[str]]) -> str:
    first, rest = item
    return "\n".join([first, *rest])


def editor_items_from_text(text: str) -> list[str]:
    """Notes back from their box: one per line, indented lines continuing the one above."""
    return [_joined(item) for item in _read_items(text.split("\n"))]


def components_from_editor_text(ingredients: str, steps: str) -> list[Component]:
    """The parts the two boxes describe; the exact inverse of the two `editor_*_text`."""
    components: list[Component] = []
    for line in ingredients.split("\n"):
        if _is_blank(line):
            continue
        heading = editor_heading(line)
        if heading is not None:
            components.append(Component(title=heading[0], servings=heading[1]))
            continue
        if not components:
            components.append(Component())
        text = line.lstrip(" \t") if _is_indented(line) else line
        components[-1].ingredients.append(parse_ingredient(text))

    cursor = -1  # the part the steps go to; before any heading, the first part
    for item in _read_items(steps.split("\n")):
        heading = editor_heading(item[0]) if not item[1] else None
        target = _part_named(components, heading[0], cursor) if heading else None
        if target is not None:
            cursor = target
            continue
        if not components:
            components.append(Component())
        if cursor < 0 and components[0].title:
            # Steps before any heading, and the ingredients start with a titled group:
            # one method for all the groups (`_method_for_groups`), its own untitled part.
            components.insert(0, Component())
        cursor = max(cursor, 0)
        components[cursor].steps.append(_joined(item))
    return components


def _part_named(components: list[Component], title: str, cursor: int) -> int | None:
    """The next part after `cursor` with this title, else the first with it, else None."""
    wanted = title.casefold()
    matches = [i for i, c in enumerate(components) if c.title.casefold() == wanted]
    if not matches:
        return None
    later = [i for i in matches if i > cursor]
    return later[0] if later else matches[0]


def tags_text(tags: list[str]) -> str:
    """Tags for the one-line box: comma separated, quoted where a tag needs it."""
    return ", ".join(_quote_tag(tag) for tag in tags)


def _quote_tag(tag: str) -> str:
    if not tag or any(char in tag for char in ',"') or tag != tag.strip():
        return '"' + tag.replace('"', '""') + '"'
    return tag


def tags_from_text(text: str) -> list[str]:
    """Tags back from the box: split at commas outside quotes; empty ones dropped."""
    tags: list[str] = []
    current: list[str] = []
    quoted = False  # inside quotes
    was_quoted = False
    index = 0
    while index < len(text):
        char = text[index]
        if quoted:
            if char == '"' and text[index + 1 : index + 2] == '"':
                current.append('"')
                index += 1
            elif char == '"':
                quoted = False
            else:
                current.append(char)
        elif char == '"' and not "".join(current).strip():
            quoted, was_quoted, current = True, True, []
        elif char == ",":
            _finish_tag(tags, current, was_quoted)
            current, was_quoted = [], False
        elif not (was_quoted and char in " \t"):
            current.append(char)
        index += 1
    _finish_tag(tags, current, was_quoted)
    return tags


def _finish_tag(tags: list[str], current: list[str], was_quoted: bool) -> None:
    tag = "".join(current)
    if was_quoted:
        tags.append(tag)
    elif tag.strip():
        tags.append(tag.strip())
