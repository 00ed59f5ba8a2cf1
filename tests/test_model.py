"""The recipe model: what is stored comes back the same, and bad dicts are refused clearly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recipe_manager.domain import Component, Recipe, RecipeFormatError, parse_ingredient

lines = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
components = st.builds(
    Component,
    title=lines,
    servings=st.none() | st.integers(0, 500),
    ingredients=st.lists(lines.map(parse_ingredient), max_size=6),
    steps=st.lists(lines, max_size=6),
)
recipes = st.builds(
    Recipe,
    title=lines,
    id=st.text("0123456789abcdef", max_size=32),
    summary=lines,
    servings=st.none() | st.integers(0, 500),
    components=st.lists(components, max_size=3),
    notes=st.lists(lines, max_size=3),
    tags=st.lists(lines, max_size=3),
    category=lines,
    prep_minutes=st.none() | st.integers(0, 10_000),
)


@given(recipes)
def test_any_recipe_round_trips_through_its_dict(recipe: Recipe) -> None:
    assert Recipe.from_dict(recipe.to_dict()) == recipe


def test_ingredient_lines_are_stored_exactly_as_written() -> None:
    line = "  1/2 cup (120 ml) soy sauce  "
    recipe = Recipe(title="T", components=[Component(ingredients=[parse_ingredient(line)])])
    assert recipe.to_dict()["components"][0]["ingredients"] == [line]


def test_copy_is_independent_of_the_original() -> None:
    original = Recipe(title="A", tags=["x"], components=[Component(steps=["one"])])
    copy = original.copy(title="B")
    copy.tags.append("y")
    copy.components[0].steps.append("two")
    assert original.tags == ["x"]
    assert original.components[0].steps == ["one"]
    assert copy.title == "B"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "must be an object"),
        ({"title": 5}, "'title' must be text"),
        ({"servings": "six"}, "'servings' must be a whole number"),
        ({"servings": True}, "'servings' must be a whole number"),
        ({"components": {}}, "'components' must be a list"),
        ({"components": [{"ingredients": "salt"}]}, "'ingredients' must be a list"),
        ({"schema": 99}, "newer than this app"),
    ],
)
def test_bad_dicts_are_refused_with_the_field_named(data: object, message: str) -> None:
    with pytest.raises(RecipeFormatError, match=message):
        Recipe.from_dict(data)  # type: ignore[arg-type]
