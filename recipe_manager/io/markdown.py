"""Markdown export: what the detail pane shows, as plain Markdown a person can read.

Ingredient lines and steps go through the same formatting as the detail pane, so a
scaled or converted recipe reads the same in both.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from ..domain import Ingredient, Recipe
from .jsonld import heading_text


def markdown_text(
    recipes: list[Recipe],
    factor: Fraction = Fraction(1),
    system: str = "original",
) -> str:
    line, step = _formatters(factor, system)
    parts: list[str] = []
    for recipe in recipes:
        parts.append(f"# {_escape(recipe.title)}")
        if recipe.summary:
            parts.append(_escape(recipe.summary))
        facts = _facts(recipe)
        if facts:
            parts.append("\n".join(f"{label}: {value}  " for label, value in facts).rstrip())
        for index, component in enumerate(recipe.components):
            if index or component.title:
                parts.append(f"## {_escape(heading_text(component).rstrip(':'))}")
            if component.ingredients:
                parts.append("### Ingredients")
                parts.append("\n".join(_ingredient(i, line) for i in component.ingredients))
            if component.steps:
                parts.append("### Method")
                parts.append(
                    "\n".join(
                        f"{number}. {_escape(step(text))}"
                        for number, text in enumerate(component.steps, start=1)
                    )
                )
        if recipe.notes:
            parts.append("## Notes")
            parts.extend(_escape(note) for note in recipe.notes)
    return "\n\n".join(parts) + "\n"


def _ingredient(ingredient: Ingredient, line: Callable[[Ingredient], str]) -> str:
    text = _escape(line(ingredient))
    return f"\n**{text}**\n" if ingredient.is_heading else f"- {text}"


def _facts(recipe: Recipe) -> list[tuple[str, str]]:
    facts = []
    if recipe.servings:
        facts.append(("Serves", str(recipe.servings)))
    if recipe.yield_text and not recipe.servings:
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


def _formatters(
    factor: Fraction, system: str
) -> tuple[Callable[[Ingredient], str], Callable[[str], str]]:
    """The detail pane's formatting when the quantity engine is there; the lines as
    written at factor 1 in "original" otherwise (they are the same then)."""
    if factor == 1 and system == "original":
        return (lambda ingredient: ingredient.text.strip()), (lambda text: text)
    from ..domain import convert_temperatures, format_ingredient

    return (
        lambda ingredient: format_ingredient(ingredient, factor, system),
        lambda text: convert_temperatures(text, system),
    )


def _escape(text: str) -> str:
    """Text that Markdown would read as markup at a line's start is escaped."""
    text = " ".join(text.split())
    if text[:1] in {"#", ">", "-", "+", "*", "="} or text[:2].rstrip(".").isdigit():
        return "\\" + text
    return text
