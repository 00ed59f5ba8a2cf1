"""Markdown export: the recipe as written, as plain Markdown a person can read.

Export is lossless text, never scaled or converted: ingredient lines and steps go out as
the author wrote them.
"""

from __future__ import annotations

from ..domain import Ingredient, Recipe
from .jsonld import heading_text


def markdown_text(recipes: list[Recipe]) -> str:
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
                parts.append("\n".join(_ingredient(i) for i in component.ingredients))
            if component.steps:
                parts.append("### Method")
                parts.append(
                    "\n".join(
                        f"{number}. {_escape(text)}"
                        for number, text in enumerate(component.steps, start=1)
                    )
                )
        if recipe.notes:
            parts.append("## Notes")
            parts.extend(_escape(note) for note in recipe.notes)
    return "\n\n".join(parts) + "\n"


def _ingredient(ingredient: Ingredient) -> str:
    text = _escape(ingredient.text)
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


def _escape(text: str) -> str:
    """Text that Markdown would read as markup at a line's start is escaped."""
    text = " ".join(text.split())
    if text[:1] in {"#", ">", "-", "+", "*", "="} or text[:2].rstrip(".").isdigit():
        return "\\" + text
    return text
