"""Cooklang (.cook): steps with @ingredients{qty%unit}, metadata, sections, comments.

Our recipes keep ingredients as a list, apart from the steps, so export writes each
component's ingredients as a paragraph of `@` lines before its steps; import reads such a
paragraph back as a list, and reads ingredients named inside steps from other apps.
"""

from __future__ import annotations

import re
from fractions import Fraction

from ..domain import Component, Ingredient, Recipe, parse_ingredient
from ..domain.recipe_text import heading_line
from .jsonld import parse_duration, read_yield

_TOKEN = re.compile(
    r"(?P<kind>[@#~])(?:(?P<braced>[^@#~{}\n]*)\{(?P<amount>[^}\n]*)\}|(?P<word>[^\s@#~{},.;:!?()]+))"
)
_BLOCK_COMMENT = re.compile(r"\[-.*?-\]", re.DOTALL)
_SECTION = re.compile(r"^\s*=+\s*(?P<title>.*?)\s*=*\s*$")
_META = re.compile(r"^\s*>>\s*(?P<key>[^:]+):\s*(?P<value>.*)$")
_FRONT = re.compile(r"^---\s*\n(?P<body>.*?)\n---\s*\n", re.DOTALL)


def recipe_from_cooklang(text: str, fallback_title: str = "") -> Recipe:
    # Every line ending ("\r" from old Macs too) as "\n", which the patterns below expect.
    text = _BLOCK_COMMENT.sub("", "\n".join(text.splitlines()) + "\n")
    meta: dict[str, str] = {}
    front = _FRONT.match(text)
    if front:
        for line in front["body"].splitlines():
            key, _, value = line.partition(":")
            if value.strip():
                meta[key.strip().lower()] = value.strip().strip("\"'")
        text = text[front.end() :]
    components = [Component()]
    paragraph: list[str] = []

    def flush() -> None:
        if not paragraph:
            return
        if all(line.lstrip().startswith("@") for line in paragraph):
            for line in paragraph:
                components[-1].ingredients.append(parse_ingredient(_ingredient_line(line)))
        else:
            step, found = _step(" ".join(line.strip() for line in paragraph))
            known = {i.text for i in components[-1].ingredients}
            components[-1].ingredients.extend(i for i in found if i.text not in known)
            if step:
                components[-1].steps.append(step)
        paragraph.clear()

    for raw in text.split("\n"):
        line = raw.split("--", 1)[0].rstrip() if "--" in raw else raw.rstrip()
        meta_line = _META.match(line)
        section = _SECTION.match(line) if line.lstrip().startswith("=") else None
        if meta_line:
            flush()
            meta[meta_line["key"].strip().lower()] = meta_line["value"].strip()
        elif section:
            flush()
            title, servings = _section_title(section["title"])
            if components[-1] == Component():
                components[-1] = Component(title=title, servings=servings)
            else:
                components.append(Component(title=title, servings=servings))
        elif not line.strip():
            flush()
        else:
            paragraph.append(line)
    flush()
    servings, yield_text = read_yield(meta.get("servings") or meta.get("serves") or None)
    tags = [t.strip() for t in re.split(r",", meta.get("tags", "").strip("[]")) if t.strip()]
    return Recipe(
        title=meta.get("title") or fallback_title,
        summary=meta.get("description", ""),
        servings=servings,
        yield_text=yield_text,
        components=[c for c in components if c != Component()] or [Component()],
        tags=[t.strip("\"'") for t in tags],
        category=meta.get("category", ""),
        cuisine=meta.get("cuisine", ""),
        method=meta.get("method", ""),
        source=meta.get("source", ""),
        prep_minutes=parse_duration(meta.get("prep time")),
        cook_minutes=parse_duration(meta.get("cook time")),
        total_minutes=parse_duration(meta.get("time") or meta.get("total time")),
    )


def _section_title(text: str) -> tuple[str, int | None]:
    match = re.match(r"^(?P<title>.*?)\s*\(serves (?P<n>\d{1,6})\)$", text)
    if match:
        return match["title"], int(match["n"])
    return text, None


def _amount_words(name: str, amount: str) -> str:
    quantity, _, unit = amount.partition("%")
    words = [quantity.strip(), unit.strip(), name.strip()]
    return " ".join(word for word in words if word)


def _ingredient_line(line: str) -> str:
    """ "@pork belly{2%kg}, skin on" → "2 kg pork belly, skin on"."""
    match = _TOKEN.match(line.strip())
    if match is None:
        return line.strip().lstrip("@")
    name = match["braced"] if match["braced"] is not None else match["word"]
    rest = line.strip()[match.end() :]
    return (_amount_words(name, match["amount"] or "") + rest).strip()


def _step(text: str) -> tuple[str, list[Ingredient]]:
    found: list[Ingredient] = []

    def replace(match: re.Match[str]) -> str:
        name = match["braced"] if match["braced"] is not None else match["word"]
        amount = match["amount"] or ""
        if match["kind"] == "@":
            found.append(parse_ingredient(_amount_words(name, amount)))
            return name
        if match["kind"] == "~":
            return _amount_words("", amount) or name
        return name

    return " ".join(_TOKEN.sub(replace, text).split()), found


def cooklang_text(recipe: Recipe) -> str:
    lines = ["---", f"title: {_one_line(recipe.title)}"]
    for key, value in (
        ("description", recipe.summary),
        ("servings", str(recipe.servings) if recipe.servings is not None else recipe.yield_text),
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
        if index or component.title:
            title = heading_line(component).removesuffix(":")
            lines.extend([f"== {_one_line(title)} ==", ""])
        ingredient_lines = [_ingredient_token(i) for i in component.ingredients]
        if ingredient_lines:
            lines.extend([*ingredient_lines, ""])
        for step in component.steps:
            lines.extend([_escape(_one_line(step)), ""])
    return "\n".join(lines).rstrip() + "\n"


def _ingredient_token(ingredient: Ingredient) -> str:
    """The line as an `@` token that our reader turns back into the same text.

    Amount and unit go in braces as the author wrote them ("@soy sauce{2%tbsp}") when the
    line is amount, unit, name and a note; a line with a size ("1 large egg"), a second
    measure ("1/2 cup (120 ml) milk") or any other shape goes whole as the name
    ("@1 large egg{}"), which keeps every word where a rebuilt line would lose some.
    """
    text = _one_line(ingredient.text)
    if not (ingredient.size or ingredient.alternative):
        token = _amount_token(ingredient, text)
        if token is not None and _read_back(token) == text:
            return token
    whole = f"@{text}{{}}"
    if _read_back(whole) == text:
        return whole
    return f"@{_escape(text).replace('{', '(').replace('}', ')')}{{}}"


def _amount_token(ingredient: Ingredient, text: str) -> str | None:
    """ "2 tbsp soy sauce (or tamari)" → "@soy sauce{2%tbsp} (or tamari)", or None when the
    words before the name are not just the amount and the unit."""
    start = text.find(ingredient.name) if ingredient.name else -1
    if ingredient.quantity is None or start <= 0:
        return None
    words = text[:start].split()
    for count in range(1, len(words) + 1):
        amount, unit = " ".join(words[:count]), " ".join(words[count:])
        read = parse_ingredient(f"{amount} {unit}")
        if (read.quantity, read.quantity_max, read.unit, read.name) == (
            ingredient.quantity,
            ingredient.quantity_max,
            ingredient.unit,
            "",
        ) and parse_ingredient(amount).unit is None:
            braces = f"{amount}%{unit}" if unit else amount
            return f"@{ingredient.name}{{{braces}}}{text[start + len(ingredient.name) :]}"
    return None


def _read_back(token: str) -> str:
    """What the reader makes of an ingredient paragraph's line, comments and all."""
    line = _BLOCK_COMMENT.sub("", token)
    return _ingredient_line(line.split("--", 1)[0].rstrip())


def _number(value: Fraction) -> str:
    return (
        str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    )


def _escape(text: str) -> str:
    """Steps are our text, not Cooklang: characters Cooklang reads as markup are softened."""
    return text.replace("@", "(at)").replace("#", "No.").replace("~", "about ").replace("--", "–")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _minutes(minutes: int | None) -> str:
    return "" if minutes is None else f"{minutes} minutes"
