"""The limits every recipe passes before it is stored: clear messages, nothing unsaveable."""

import pytest

from recipe_manager.domain import Component, LimitError, Recipe, check_recipe, parse_ingredient
from recipe_manager.domain.limits import MAX_FIELD_CHARS, MAX_LINES_PER_RECIPE


def _recipe(**changes: object) -> Recipe:
    recipe = Recipe(
        title="Pork belly",
        servings=4,
        components=[Component(ingredients=[parse_ingredient("1 kg pork belly")], steps=["Roast."])],
    )
    for key, value in changes.items():
        setattr(recipe, key, value)
    return recipe


def test_an_ordinary_recipe_passes() -> None:
    check_recipe(_recipe())


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"title": "x" * (MAX_FIELD_CHARS + 1)}, "characters"),
        ({"servings": 3_000_000_000}, "number"),
        ({"title": "bad \ud800 surrogate"}, "cannot be stored"),
        ({"notes": ["a"] * 10, "prep_minutes": 10**5000}, "bits"),
    ],
)
def test_what_could_not_be_shown_or_saved_is_refused_with_a_reason(
    changes: dict[str, object], words: str
) -> None:
    with pytest.raises(LimitError, match=words):
        check_recipe(_recipe(**changes))


def test_too_many_lines_is_refused() -> None:
    lines = [parse_ingredient("salt")] * (MAX_LINES_PER_RECIPE + 1)
    with pytest.raises(LimitError, match="lines"):
        check_recipe(_recipe(components=[Component(ingredients=lines)]))
