"""Cook mode's steps: the recipe one step at a time, each with the ingredients it names.

Pure reading of the recipe, kept out of the window so that it is tested without Qt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .ingredients import Ingredient
from .model import Component, Recipe
from .shopping import normalise_name

_ALL_INGREDIENTS = re.compile(r"(?i)\ball (?:the |of the )?ingredients\b")
# Words too general to stand for an ingredient on their own ("the sauce", "the red one").
_GENERIC_WORDS = frozenset(
    {"sauce", "powder", "paste", "juice", "seed", "leaf", "flake", "stock", "red", "green"}
    | {"white", "black", "dark", "light", "hot", "sweet", "dried", "ground", "whole", "sea"}
    # Kitchen things and ways of cooking that name no ingredient of their own ("heat the
    # pan" is not the "pan fry noodles").
    | {"pan", "pot", "fry", "fried", "bowl", "skillet", "oven", "sheet", "dish", "tray"}
    | {"rack", "grill", "tin", "mixer", "processor", "blender", "top", "side"}
)


@dataclass(frozen=True, slots=True)
class CookStep:
    """One step of the recipe, numbered through the whole recipe, with its component's
    ingredients and which of them the step names."""

    number: int
    component: str
    text: str
    ingredients: tuple[Ingredient, ...]
    named: tuple[int, ...]


def cook_steps(recipe: Recipe) -> list[CookStep]:
    """The steps in reading order (`shown_components`). A part with a method but no
    ingredients of its own ("To make the sauce" where the page lists "For the sauce"
    apart) draws on the ingredients of the parts that have no method of their own."""
    from .reading_order import shown_components

    components = shown_components(recipe)
    # The parts without a method, as one list headed by their titles, read once.
    unmethodical = [line for c in components if not c.steps for line in _headed(c)]
    unmethodical_lines = tuple(line for line in unmethodical if not line.is_heading)
    unmethodical_groups = _groups(unmethodical)
    steps: list[CookStep] = []
    for component in components:
        ingredients = tuple(line for line in component.ingredients if not line.is_heading)
        groups = _groups(component.ingredients)
        if not ingredients:
            ingredients, groups = unmethodical_lines, unmethodical_groups
        for text in component.steps:
            if text.strip():
                named = set(ingredients_named(text, ingredients))
                for name, indexes in groups:
                    if _names_group(text, name):
                        named.update(indexes)
                steps.append(
                    CookStep(
                        len(steps) + 1, component.title, text, ingredients, tuple(sorted(named))
                    )
                )
    return steps


# Heads that a word before them only says the kind of: "the beef" is not the beef broth.
_QUALIFIED_HEADS = frozenset({"broth", "stock", "bouillon", "consomme"})


def _only_qualifies(word: str, key: str) -> bool:
    """Whether `word` only says which broth or stock `key` is ("beef broth"); "the vanilla"
    still names the vanilla extract."""
    words = key.split()
    return len(words) > 1 and words[-1] in _QUALIFIED_HEADS and word != words[-1]


def _headed(component: Component) -> list[Ingredient]:
    """A part's lines under its title as a heading, as one group of a longer list."""
    if not component.title:
        return list(component.ingredients)
    title = component.title.rstrip(":").strip()
    heading = Ingredient(text=f"{title}:", name=title, is_heading=True)
    return [heading, *component.ingredients]


def _groups(lines: Sequence[Ingredient]) -> list[tuple[str, list[int]]]:
    """The named groups of a list: ("sauce", indexes of its lines among the non-headings)
    for "For the sauce:" and the lines under it."""
    groups: list[tuple[str, list[int]]] = []
    index = 0
    for line in lines:
        if line.is_heading:
            name = _GROUP_PREFIX.sub("", normalise_name(line.name)).strip()
            groups.append((name, []))
        else:
            if groups:
                groups[-1][1].append(index)
            index += 1
    return [(name, indexes) for name, indexes in groups if name and indexes]


_GROUP_PREFIX = re.compile(r"^(?:for|to make|make)\s+(?:the\s+)?")


def _names_group(step: str, name: str) -> bool:
    """Whether a step calls for a whole group: "the sauce ingredients", "whisk the
    ingredients for the dressing", "make the filling"."""
    text = f" {normalise_name(step)} "
    return (
        f" {name} ingredient " in text
        or f" ingredient for the {name} " in text
        or f" ingredient for {name} " in text
        or f" make the {name} " in text
        or f" prepare the {name} " in text
    )


def ingredients_named(step: str, ingredients: Sequence[Ingredient]) -> list[int]:
    """Indexes of the ingredients a step names: "soy sauce", "garlic"; a word of one name
    only ("the pork" for pork belly, "rub oil into the skin" for vegetable oil) counts when
    no other ingredient shares it; "mix all the ingredients" names every one."""
    if _ALL_INGREDIENTS.search(step):
        return list(range(len(ingredients)))
    step_words = set(normalise_name(step).split())
    padded = f" {normalise_name(step)} "
    keys = [normalise_name(ingredient.name) for ingredient in ingredients]
    named = {index for index, key in enumerate(keys) if key and f" {key} " in padded}
    owners: dict[str, set[int]] = {}
    for index, key in enumerate(keys):
        for word in key.split():
            owners.setdefault(word, set()).add(index)
    for word in step_words:
        indexes = owners.get(word, set())
        if (
            len(indexes) == 1
            and len(word) > 2
            and word not in _GENERIC_WORDS
            and not indexes & named
            and not any(word in keys[index].split() for index in named)
            and not _only_qualifies(word, keys[next(iter(indexes))])
        ):
            named |= indexes
    return sorted(named)
