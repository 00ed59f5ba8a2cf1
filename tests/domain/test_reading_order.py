"""Ingredient groups with one method read as the site shows them: groups, then the method."""

from __future__ import annotations

from recipe_manager.domain import Component, Recipe, parse_ingredient
from recipe_manager.domain.reading_order import shown_components


def _part(title: str, lines: list[str], steps: list[str] = (), servings: int | None = None):
    return Component(
        title=title,
        servings=servings,
        ingredients=[parse_ingredient(line) for line in lines],
        steps=list(steps),
    )


METHOD = ["Whisk the dressing.", "Toss the salad with it."]
SALAD = _part("For the salad", ["1 head romaine", "2 avocados"])
DRESSING = _part("For the dressing:", ["3 tbsp olive oil", "1 lemon"])


def _shown(recipe: Recipe) -> list[tuple[str, list[str], list[str]]]:
    return [(c.title, [i.text for i in c.ingredients], c.steps) for c in shown_components(recipe)]


def test_groups_with_one_method_are_one_list_of_headed_groups_before_the_method() -> None:
    recipe = Recipe(title="Salad", components=[_part("", [], METHOD), SALAD, DRESSING])
    assert _shown(recipe) == [
        (
            "",
            ["For the salad:", "1 head romaine", "2 avocados", "For the dressing:",
             "3 tbsp olive oil", "1 lemon"],
            METHOD,
        )
    ]  # fmt: skip
    headings = [i for i in shown_components(recipe)[0].ingredients if i.is_heading]
    assert [h.name for h in headings] == ["For the salad", "For the dressing"]
    # What is stored is untouched.
    assert [c.title for c in recipe.components] == ["", "For the salad", "For the dressing:"]


def test_the_main_parts_own_ingredients_come_first_then_the_groups() -> None:
    # A page listing "Produce", then "Pantry" and "Dairy" groups, then one method.
    main = _part("", ["3 leeks", "1 lemon"], METHOD)
    pantry = _part("Pantry", ["2 tbsp matzo meal"])
    recipe = Recipe(title="Latkes", components=[main, pantry])
    assert _shown(recipe) == [("", ["3 leeks", "1 lemon", "Pantry:", "2 tbsp matzo meal"], METHOD)]


def test_parts_with_their_own_steps_or_servings_stay_parts() -> None:
    sauce = _part("Dipping sauce", ["2 tbsp soy sauce"], ["Mix."])
    halved = _part("Garnish", ["1 lime"], servings=2)
    for components in (
        [_part("", [], METHOD), SALAD, sauce],  # one part has its own method
        [_part("", [], METHOD), SALAD, halved],  # one part serves a number of its own
        [_part("", [], []), SALAD],  # no method to put after the groups
        [_part("Salad", [], METHOD), DRESSING],  # the first part is titled
        [_part("", [], METHOD)],
    ):
        recipe = Recipe(title="Dish", components=components)
        assert shown_components(recipe) == components
