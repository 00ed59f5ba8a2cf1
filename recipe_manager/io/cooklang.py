"""Cooklang (.cook), read by its specification and written so its official parser agrees.

Reading is in two steps. `parse_cooklang` follows the specification (cooklang/spec,
canonical tests version 7) and gives what its test suite expects: metadata, and each step
as a list of items (text, ingredient, cookware, timer). `recipe_from_cooklang` maps that to
our model:
- every ingredient item becomes an ingredient line "quantity unit name" (with its
  `(note)` after it), in the component of the section it is in;
- a step's text is its items with ingredients and cookware by name and timers by amount;
- a paragraph whose every line starts with an ingredient, each line holding one, is the
  component's ingredient list, not a step ("mise en place"); that is how we write it;
- `>` lines are notes; `= Title =` lines start a component ("(serves 6)" kept as servings);
- known metadata fills the recipe's fields; any other key is kept as a note "key: value".

The scanner is hand-written and linear: no lookahead goes past the next marker or line end.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..domain import Component, Ingredient, Recipe, parse_ingredient
from ..domain.recipe_text import heading_line
from .jsonld import parse_duration, read_yield
from .text_clean import clean_text

_SIGILS = "@#~"
_MARKER = re.compile("[@#~]")
_NUMBER = re.compile(r"^(?:0|[1-9]\d{0,8})(?:\.\d{1,9})?$")
_FRACTION = re.compile(r"^([1-9]\d{0,8})\s*/\s*([1-9]\d{0,8})$")
_SECTION_SERVES = re.compile(r"^(?P<title>.*?)\s*\(serves (?P<n>\d{1,6})\)$")
_KNOWN_KEYS = {
    "title", "description", "introduction", "servings", "serves", "yield", "tags", "category",
    "course", "cuisine", "method", "source", "source.url", "url", "prep time", "preptime",
    "prep_time", "cook time", "cooktime", "cook_time", "time", "total time", "duration",
    "time required",
}  # fmt: skip

Item = dict[str, Any]


@dataclass(slots=True)
class CooklangDocument:
    """What the specification reads: metadata, steps by section, and notes."""

    metadata: dict[str, Any] = field(default_factory=dict)
    sections: list[tuple[str, list[list[Item]]]] = field(default_factory=lambda: [("", [])])
    notes: list[str] = field(default_factory=list)

    @property
    def steps(self) -> list[list[Item]]:
        """Every step as the specification's tests write it (lines joined by a space)."""
        return [[_public(item) for item in step] for _, steps in self.sections for step in steps]


def _public(item: Item) -> Item:
    if item["type"] == "text":
        return {"type": "text", "value": item["value"].replace("\n", " ")}
    return {key: value for key, value in item.items() if not key.startswith("_")}


def parse_cooklang(text: str) -> CooklangDocument:
    """The document as the specification reads it (see the module's docstring)."""
    lines = _without_block_comments("\n".join(text.splitlines())).split("\n")
    document = CooklangDocument()
    start = _front_matter(lines, document.metadata)
    paragraph: list[str] = []
    note: list[str] = []

    def flush() -> None:
        if paragraph:
            step = _step_items("\n".join(paragraph))
            if step:
                document.sections[-1][1].append(step)
            paragraph.clear()
        if note:
            document.notes.append(" ".join(note))
            note.clear()

    for raw in lines[start:]:
        line = _without_line_comment(raw)
        stripped = line.strip()
        if not stripped and raw.strip():
            continue  # a line that is only a comment neither adds to a step nor ends it
        if stripped.startswith(">>") and ":" in stripped:
            flush()
            key, _, value = stripped[2:].partition(":")
            document.metadata[key.strip()] = value.strip()
        elif stripped.startswith(">"):
            if paragraph:
                flush()
            note.append(stripped[1:].strip())
        elif stripped.startswith("="):
            flush()
            document.sections.append((stripped.strip("=").strip(), []))
        elif not stripped:
            flush()
        else:
            if note:
                flush()
            paragraph.append(line)
    flush()
    if len(document.sections) > 1 and document.sections[0] == ("", []):
        document.sections.pop(0)
    return document


def _without_block_comments(text: str) -> str:
    parts: list[str] = []
    position = 0
    while True:
        start = text.find("[-", position)
        if start < 0:
            parts.append(text[position:])
            return "".join(parts)
        end = text.find("-]", start + 2)
        parts.append(text[position:start])
        if end < 0:
            return "".join(parts)
        position = end + 2


def _without_line_comment(line: str) -> str:
    """The line before a `--` comment; "---" (a rule, front matter) is not a comment."""
    position = 0
    while True:
        index = line.find("--", position)
        if index < 0:
            return line
        end = index
        while end < len(line) and line[end] == "-":
            end += 1
        if end - index == 2:
            return line[:index]
        position = end


def _front_matter(lines: list[str], metadata: dict[str, Any]) -> int:
    """Read YAML front matter (`key: value`, lists) into `metadata`; the first line after it."""
    if not lines or lines[0].strip() != "---":
        return 0
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        return 0
    key = ""
    for line in lines[1:end]:
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("- ") and key:
            if not isinstance(metadata.get(key), list):
                metadata[key] = []
            metadata[key].append(_unquote(stripped[2:]))
            continue
        name, colon, value = line.partition(":")
        if not colon:
            continue
        key, value = name.strip(), value.strip()
        if value.startswith("[") and value.endswith("]"):
            metadata[key] = [_unquote(v) for v in value[1:-1].split(",") if v.strip()]
        else:
            metadata[key] = _unquote(value)
    return end + 1


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _is_word_char(char: str) -> bool:
    """Part of a one-word name: not a space and not punctuation (emoji are words)."""
    return not char.isspace() and not unicodedata.category(char).startswith("P")


def _step_items(text: str) -> list[Item]:
    """A step's items; lines of a step are joined by a space, its ends trimmed."""
    items: list[Item] = []
    buffer: list[str] = []
    length = len(text)
    position = 0

    def add_text(value: str) -> None:
        buffer.append(value)

    def flush_text() -> None:
        if buffer:
            items.append({"type": "text", "value": "".join(buffer)})
            buffer.clear()

    while position < length:
        char = text[position]
        if char in _SIGILS:
            token = _token(text, position)
            if token is not None:
                item, position = token
                flush_text()
                items.append(item)
                continue
        # Copy up to the next marker in one go (one search, so each character is seen once).
        found = _MARKER.search(text, position + 1)
        next_marker = found.start() if found else length
        add_text(text[position:next_marker])
        position = next_marker
    flush_text()
    if items and items[0]["type"] == "text":
        items[0]["value"] = items[0]["value"].lstrip()
    if items and items[-1]["type"] == "text":
        items[-1]["value"] = items[-1]["value"].rstrip()
    return [i for i in items if i["type"] != "text" or i["value"]]


def _token(text: str, start: int) -> tuple[Item, int] | None:
    """The ingredient, cookware or timer at `start`, and where it ends; None if it is text."""
    kind = text[start]
    position = start + 1
    # A name with braces may hold spaces; it ends at "{", and never crosses a marker or a line.
    end = position
    while end < len(text) and text[end] not in "{}\n" and text[end] not in _SIGILS:
        end += 1
    name = ""
    amount: str | None = None
    braced = False
    if end < len(text) and text[end] == "{" and end > position and _is_word_char(text[position]):
        close = end + 1
        while close < len(text) and text[close] not in "{}\n":
            close += 1
        if close < len(text) and text[close] == "}":
            name, amount, position = text[position:end].strip(), text[end + 1 : close], close + 1
            braced = True
    if amount is None:
        end = position
        while end < len(text) and _is_word_char(text[end]) and text[end] not in _SIGILS + "{}":
            end += 1
        if end == position and not (kind == "~" and text.startswith("{", position)):
            return None
        name = text[position:end]
        position = end
        if kind == "~" and text.startswith("{", position):
            close = text.find("}", position)
            newline = text.find("\n", position)
            if close < 0 or (0 <= newline < close):
                return None
            amount, position = text[position + 1 : close], close + 1
        if not name and amount is None:
            return None
    quantity_text, _, units = (amount or "").partition("%")
    quantity: Any = _quantity(quantity_text)
    if kind == "@":
        item: Item = {
            "type": "ingredient",
            "name": name,
            "quantity": "some" if quantity == "" else quantity,
            "units": units.strip(),
            "_braced": braced,
            "_written": quantity_text.strip(),
        }
        if text.startswith("(", position):
            note, after = _note(text, position)
            if note is not None:
                item["note"], position = note, after
        return item, position
    if kind == "#":
        return {"type": "cookware", "name": name, "quantity": 1 if quantity == "" else quantity}, (
            position
        )
    if not name and quantity == "":
        return None
    return {"type": "timer", "name": name, "quantity": quantity, "units": units.strip()}, position


def _note(text: str, start: int) -> tuple[str | None, int]:
    """A `(note)` after an ingredient, brackets balanced, on the same line."""
    depth = 0
    for index in range(start, len(text)):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return text[start + 1 : index], index + 1
        elif char == "\n" or char in _SIGILS:
            break
    return None, start


def _quantity(text: str) -> Any:
    """A number as the specification gives it: int, float, a fraction as float, else text."""
    text = text.strip()
    if _NUMBER.match(text):
        return float(text) if "." in text else int(text)
    fraction = _FRACTION.match(text)
    if fraction:
        return int(fraction[1]) / int(fraction[2])
    return text


# ---------------------------------------------------------------------------------------
# Our model


def recipe_from_cooklang(text: str, fallback_title: str = "") -> Recipe:
    document = parse_cooklang(text)
    meta = {str(k).strip().lower(): v for k, v in document.metadata.items()}
    components: list[Component] = []
    for title, steps in document.sections:
        title, servings = _section_title(clean_text(title))
        component = Component(title=title, servings=servings)
        for step in steps:
            _add_step(component, step)
        components.append(component)
    notes = [clean_text(note) for note in document.notes]
    notes.extend(
        f"{clean_text(key)}: {clean_text(_joined(value))}"
        for key, value in document.metadata.items()
        if str(key).strip().lower() not in _KNOWN_KEYS and _joined(value)
    )
    servings, yield_text = read_yield(
        _joined(meta.get("servings") or meta.get("serves") or meta.get("yield")) or None
    )
    if servings is not None and meta.get("yield") and not yield_text:
        yield_text = clean_text(_joined(meta.get("yield")))
    tags = meta.get("tags", "")
    tag_list = tags if isinstance(tags, list) else str(tags).split(",")
    return Recipe(
        title=clean_text(_joined(meta.get("title"))) or clean_text(fallback_title),
        summary=clean_text(_joined(meta.get("description") or meta.get("introduction"))),
        servings=servings,
        yield_text=yield_text,
        components=[c for c in components if c != Component()] or [Component()],
        notes=[note for note in notes if note],
        tags=[clean_text(t) for t in tag_list if clean_text(t)],
        category=clean_text(_joined(meta.get("category") or meta.get("course"))),
        cuisine=clean_text(_joined(meta.get("cuisine"))),
        method=clean_text(_joined(meta.get("method"))),
        source=clean_text(_joined(meta.get("source") or meta.get("source.url") or meta.get("url"))),
        prep_minutes=parse_duration(_joined(meta.get("prep time") or meta.get("preptime"))),
        cook_minutes=parse_duration(_joined(meta.get("cook time") or meta.get("cooktime"))),
        total_minutes=parse_duration(
            _joined(meta.get("time") or meta.get("total time") or meta.get("duration"))
        ),
    )


def _joined(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _add_step(component: Component, step: list[Item]) -> None:
    """A step's ingredients into the list, and its text as a step (unless it is the list)."""
    lines = _ingredient_paragraph(step)
    if lines is not None:
        component.ingredients.extend(parse_ingredient(line) for line in lines)
        return
    known = {i.text for i in component.ingredients}
    words: list[str] = []
    for item in step:
        kind = item["type"]
        if kind == "text":
            words.append(item["value"].replace("\n", " "))
        elif kind == "timer":
            words.append(_amount_words("", item["quantity"], item["units"]) or item["name"])
        else:
            words.append(item["name"])
        if kind == "ingredient":
            line = clean_text(_ingredient_text(item))
            if line and line not in known:
                known.add(line)
                component.ingredients.append(parse_ingredient(line))
    text = clean_text("".join(words))
    if text:
        component.steps.append(text)


def _ingredient_paragraph(step: list[Item]) -> list[str] | None:
    """The lines of a paragraph that lists ingredients one per line, else None.

    Each line must start with an ingredient and hold no other; the text after it on its
    line ("@pork belly{2%kg}, skin on") is part of that line.
    """
    lines: list[str] = []
    expect_ingredient = True
    for item in step:
        if item["type"] == "ingredient" and expect_ingredient and item.get("_braced"):
            lines.append(_ingredient_text(item))
            expect_ingredient = False
        elif item["type"] == "text" and lines and not expect_ingredient:
            before, newline, after = item["value"].partition("\n")
            lines[-1] += before
            if newline:
                if after.strip() or "\n" in after:
                    return None
                expect_ingredient = True
        else:
            return None
    return [clean_text(line) for line in lines] if lines and expect_ingredient is not None else None


def _ingredient_text(item: Item) -> str:
    """The amount as written ("1/2", not 0.5), the unit, the name, and the note."""
    line = _amount_words(item["name"], item.get("_written", item["quantity"]), item["units"])
    note = item.get("note")
    if note:
        line += note if note[:1] in " ,;:" else f", {note}"
    return line


def _amount_words(name: str, quantity: Any, units: str) -> str:
    if quantity == "some":
        quantity = ""
    if isinstance(quantity, float) and quantity.is_integer():
        quantity = int(quantity)
    words = [str(quantity).strip(), units.strip(), name.strip()]
    return " ".join(word for word in words if word)


def _section_title(text: str) -> tuple[str, int | None]:
    match = _SECTION_SERVES.match(text)
    if match:
        return match["title"], int(match["n"])
    return text, None


# ---------------------------------------------------------------------------------------
# Writing


def cooklang_text(recipe: Recipe) -> str:
    """The recipe as Cooklang that both our reader and the official parser read alike.

    Each component's ingredient lines go first, one `@name{amount%unit}(note)` per line,
    so Cooklang apps can scale them; its steps follow as paragraphs, with the characters
    Cooklang reads as markup softened; notes go as `>` lines.
    """
    lines = ["---", f"title: {_one_line(recipe.title)}"]
    for key, value in (
        ("description", recipe.summary),
        ("servings", str(recipe.servings) if recipe.servings is not None else recipe.yield_text),
        ("yield", recipe.yield_text if recipe.servings is not None else ""),
        ("tags", ", ".join(recipe.tags)),
        ("category", recipe.category),
        ("cuisine", recipe.cuisine),
        ("method", recipe.method),
        ("source", recipe.source),
        ("prep time", _minutes(recipe.prep_minutes)),
        ("cook time", _minutes(recipe.cook_minutes)),
        ("time", _minutes(recipe.total_minutes)),
    ):
        if value:
            lines.append(f"{key}: {_one_line(value)}")
    lines.extend(["---", ""])
    for index, component in enumerate(recipe.components):
        if index or component.title or component.servings:
            title = heading_line(component).removesuffix(":")
            lines.extend([f"== {_escape(_one_line(title)).replace('=', '-')} ==", ""])
        ingredient_lines = [_ingredient_token(i) for i in component.ingredients if i.text.strip()]
        if ingredient_lines:
            lines.extend([*ingredient_lines, ""])
        for step in component.steps:
            lines.extend([_step_line(step), ""])
    for note in recipe.notes:
        lines.extend([f"> {_escape(_one_line(note))}", ""])
    return "\n".join(lines).rstrip() + "\n"


def _ingredient_token(ingredient: Ingredient) -> str:
    """The line as an `@` token that reads back as the same text.

    Amount and unit go in braces ("@soy sauce{2%tbsp}( (or tamari))"); a line whose words
    before the name are not an amount and a unit goes whole as the name ("@pinch of salt{}").
    """
    text = _one_line(ingredient.text)
    for token in (_amount_token(ingredient, text), f"@{text}{{}}"):
        if token is not None and _read_back(token) == text:
            return token
    safe = _escape(text).replace("{", "(").replace("}", ")")
    return f"@{safe}{{}}"


def _amount_token(ingredient: Ingredient, text: str) -> str | None:
    name = ingredient.name
    start = text.find(name) if name else -1
    if ingredient.quantity is None or start <= 0 or not _is_word_char(name[0]):
        return None
    if any(char in name for char in "{}%" + _SIGILS):
        return None
    words = text[:start].split()
    for count in (3, 2, 1):
        if count > len(words):
            continue
        amount, unit = " ".join(words[:count]), " ".join(words[count:])
        if any(char in amount + unit for char in "{}%" + _SIGILS):
            return None
        read = parse_ingredient(amount)
        if read.quantity is None or read.unit is not None or read.name or "(" in amount:
            continue
        braces = f"{amount}%{unit}" if unit else amount
        rest = text[start + len(name) :]
        note = rest[2:] if rest.startswith(", ") and rest[2:3].strip() else rest
        note = f"({note})" if note else ""
        return f"@{name}{{{braces}}}{note}"
    return None


def _read_back(token: str) -> str | None:
    lines = _ingredient_paragraph(_step_items(_without_line_comment(token)))
    return lines[0] if lines and len(lines) == 1 else None


def _step_line(step: str) -> str:
    text = _escape(_one_line(step))
    if text[:1] in ">=":
        text = "\u200b" + text  # a zero-width space: not a note or a section for any reader
    return text


def _escape(text: str) -> str:
    """Our text, not Cooklang: what Cooklang reads as markup is softened."""
    return (
        text.replace("@", "(at)")
        .replace("#", "No.")
        .replace("~", "about ")
        .replace("--", "–")
        .replace("[-", "[ -")
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _minutes(minutes: int | None) -> str:
    return "" if minutes is None else f"{minutes} minutes"
