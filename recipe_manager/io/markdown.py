"""Markdown export: the recipe as written, as Markdown a person can read and we read back.

Export is lossless text, never scaled or converted: ingredient lines and steps go out as
the author wrote them, escaped only where Markdown would otherwise read markup (a step
"1. Mix" would start a list), so that importing the file gives the same lines.
"""

from __future__ import annotations

import re

from ..domain import Component, Ingredient, Recipe, parse_ingredient
from ..domain.recipe_text import heading_line

# What starts a block in CommonMark: an ATX heading, a quote, a bullet or ordered list
# item, a thematic break, a code fence, HTML. A backslash counts before punctuation only.
_BLOCK_MARKER = re.compile(
    r"^(?:#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|(?P<rule>[-*_])(?:\s*(?P=rule)){2,}\s*$"
    r"|`{3}|~{3}|<[A-Za-z/!?])"
)
_ORDERED_MARKER = re.compile(r"^(?P<number>\d{1,9})(?P<mark>[.)])(?=\s|$)")
_BACKSLASH_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_CLOSING_HASHES = re.compile(r"(?<=\s)(#+)$")


def markdown_text(recipes: list[Recipe]) -> str:
    parts: list[str] = []
    for recipe in recipes:
        parts.append(f"# {_heading(recipe.title)}")
        if recipe.summary:
            parts.append(_block(recipe.summary))
        facts = _facts(recipe)
        if facts:
            parts.append("\n".join(f"{label}: {value}  " for label, value in facts).rstrip())
        for index, component in enumerate(recipe.components):
            if index or component.title:
                parts.append(f"## {_heading(heading_line(component).removesuffix(':'))}")
            if component.ingredients:
                parts.append("### Ingredients")
                parts.append("\n".join(_ingredient(i) for i in component.ingredients))
            if component.steps:
                parts.append("### Method")
                parts.append(
                    "\n".join(
                        f"{number}. {_block(text)}"
                        for number, text in enumerate(component.steps, start=1)
                    )
                )
        if recipe.notes:
            parts.append("## Notes")
            parts.extend(_block(note) for note in recipe.notes)
    return "\n\n".join(parts) + "\n"


_FACT = re.compile(
    r"^(?P<label>Serves|Yield|Prep time|Cook time|Total time|Category|Cuisine|Method|Keywords"
    r"|Source): (?P<value>.*?)\s*$"
)
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_STEP = re.compile(r"^(?P<number>\d{1,9})\. (?P<text>.*)$")
_PART = re.compile(r"^(?P<title>.*?)(?: \(serves (?P<servings>\d{1,6})\))?$")


def is_our_markdown(text: str) -> bool:
    """Whether the text has the shape markdown_text writes (parts and their lists)."""
    lines = {line.rstrip() for line in text.splitlines()}
    return "### Ingredients" in lines or "### Method" in lines


def recipes_from_markdown(text: str) -> list[Recipe]:
    """Every recipe of a file markdown_text wrote: one per "# " heading, each field back."""
    recipes: list[Recipe] = []
    mode = "head"
    summary: list[str] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if line.startswith("# "):
            recipes.append(Recipe(title=_plain(line[2:]), components=[Component()]))
            mode, summary = "head", []
            continue
        if not recipes or not line.strip():
            continue
        recipe = recipes[-1]
        if line == "## Notes":
            mode = "notes"
        elif line.startswith("## "):
            part = _PART.match(_plain(line[3:]))
            assert part is not None
            servings = int(part["servings"]) if part["servings"] else None
            component = Component(title=part["title"], servings=servings)
            if recipe.components == [Component()]:
                recipe.components = [component]
            else:
                recipe.components.append(component)
            mode = "part"
        elif line == "### Ingredients":
            mode = "ingredients"
        elif line == "### Method":
            mode = "steps"
        elif mode == "ingredients" and line.startswith("- "):
            recipe.components[-1].ingredients.append(parse_ingredient(_plain(line[2:])))
        elif mode == "ingredients" and line.startswith("**") and line.endswith("**"):
            recipe.components[-1].ingredients.append(parse_ingredient(_plain(line[2:-2])))
        elif mode == "steps" and (step := _STEP.match(line)):
            recipe.components[-1].steps.append(_plain(step["text"]))
        elif mode == "notes":
            recipe.notes.append(_plain(line))
        elif mode == "head" and (fact := _FACT.match(line)):
            _apply_fact(recipe, fact["label"], _plain(fact["value"]))
        elif mode == "head":
            summary.append(_plain(line))
            recipe.summary = " ".join(summary)
    return recipes


def _apply_fact(recipe: Recipe, label: str, value: str) -> None:
    from .jsonld import parse_duration

    if label == "Serves" and value.isdigit() and len(value) <= 6:
        recipe.servings = int(value)
    elif label == "Yield":
        recipe.yield_text = value
    elif label.endswith(" time"):
        key = label.split()[0].lower()
        setattr(recipe, f"{key}_minutes", parse_duration(value))
    elif label == "Keywords":
        recipe.tags = [tag.strip() for tag in value.split(",") if tag.strip()]
    else:
        setattr(recipe, label.lower(), value)


def _plain(text: str) -> str:
    return _UNESCAPE.sub(r"\1", text.strip())


def _ingredient(ingredient: Ingredient) -> str:
    if ingredient.is_heading:
        return f"\n**{_inline(ingredient.text)}**\n"
    return f"- {_block(ingredient.text)}"


def _facts(recipe: Recipe) -> list[tuple[str, str]]:
    facts = []
    if recipe.servings:
        facts.append(("Serves", str(recipe.servings)))
    if recipe.yield_text:
        facts.append(("Yield", recipe.yield_text))
    for label, minutes in (
        ("Prep", recipe.prep_minutes),
        ("Cook", recipe.cook_minutes),
        ("Total", recipe.total_minutes),
    ):
        if minutes:
            facts.append((f"{label} time", f"{minutes} minutes"))
    for label, value in (
        ("Category", recipe.category),
        ("Cuisine", recipe.cuisine),
        ("Method", recipe.method),
        ("Keywords", ", ".join(recipe.tags)),
        ("Source", recipe.source),
    ):
        if value:
            facts.append((label, value))
    return facts


def _inline(text: str) -> str:
    """One line, with a backslash the author wrote before punctuation kept as written."""
    return _BACKSLASH_ESCAPE.sub(r"\\\\", " ".join(text.split()))


def _heading(text: str) -> str:
    """Heading text; only a trailing run of "#" would be taken as markup there."""
    return _CLOSING_HASHES.sub(r"\\\1", _inline(text))


def _block(text: str) -> str:
    """Text at the start of a block (a paragraph, a list item's content), its marker escaped.

    "1. Mix" becomes "1\\. Mix" and "- fold" "\\- fold"; "250 g butter" stays as it is,
    as a digit is never markup on its own.
    """
    text = _inline(text)
    ordered = _ORDERED_MARKER.match(text)
    if ordered:
        return f"{ordered['number']}\\{text[ordered.end('number') :]}"
    return f"\\{text}" if _BLOCK_MARKER.match(text) else text
