"""What an import found, before anything is saved: per recipe the counts, the lines that
could not be read, and whether it looks like one already in the library.

"Looks like" means the same title and the same ingredient lines (case and spacing aside),
so a recipe imported twice is noticed while a changed one is not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from ..domain import Recipe


class Decision(Enum):
    IMPORT = "import"
    SKIP = "skip"
    REPLACE = "replace"
    KEEP_BOTH = "keep both"


@dataclass(slots=True)
class RecipePreview:
    recipe: Recipe
    ingredient_count: int
    step_count: int
    component_count: int
    not_understood: list[str]
    duplicate_of: Recipe | None = None
    decision: Decision = Decision.IMPORT


@dataclass(slots=True)
class ImportPreview:
    source: str
    items: list[RecipePreview] = field(default_factory=list)


def recipe_key(recipe: Recipe) -> tuple[str, tuple[str, ...]]:
    lines = (" ".join(i.text.split()).casefold() for c in recipe.components for i in c.ingredients)
    return " ".join(recipe.title.split()).casefold(), tuple(line for line in lines if line)


def preview_import(recipes: list[Recipe], library: list[Recipe], source: str = "") -> ImportPreview:
    known = {recipe_key(recipe): recipe for recipe in library}
    preview = ImportPreview(source)
    for recipe in recipes:
        ingredients = [i for c in recipe.components for i in c.ingredients if not i.is_heading]
        duplicate = known.get(recipe_key(recipe))
        preview.items.append(
            RecipePreview(
                recipe=recipe,
                ingredient_count=len(ingredients),
                step_count=sum(len(c.steps) for c in recipe.components),
                component_count=len(recipe.components),
                not_understood=[i.text for i in ingredients if not i.understood],
                duplicate_of=duplicate,
                decision=Decision.SKIP if duplicate is not None else Decision.IMPORT,
            )
        )
    return preview


def apply_decisions(preview: ImportPreview) -> tuple[list[Recipe], list[Recipe]]:
    """(recipes to add, recipes to store over their duplicate, carrying its id)."""
    added: list[Recipe] = []
    replaced: list[Recipe] = []
    for item in preview.items:
        if item.decision in {Decision.IMPORT, Decision.KEEP_BOTH}:
            added.append(item.recipe.copy(id=""))
        elif item.decision is Decision.REPLACE and item.duplicate_of is not None:
            original = item.duplicate_of
            replaced.append(item.recipe.copy(id=original.id, created=original.created))
    return added, replaced
