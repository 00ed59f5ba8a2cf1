"""Hypothesis-generated recipes exported and imported again, as our JSON and as JSON-LD."""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recipe_manager.domain import Component, Recipe, parse_ingredient
from recipe_manager.io import export_recipes, import_file

_any_text = st.text(max_size=40)
# Lines as an editor or a page gives them: trimmed, NFC, visible characters and single
# spaces (pages' invisible characters are cleaned on import), one line, not a heading (":" at the
# end starts a component in every text form), not markup.
_line = (
    st.text(
        st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp", "Zs")),
        min_size=1,
        max_size=40,
    )
    .map(lambda text: unicodedata.normalize("NFC", " ".join(text.split())))
    .filter(lambda text: text and not text.endswith(":") and "<" not in text and "&" not in text)
)
_ingredient_line = _line.filter(lambda text: not parse_ingredient(text).is_heading)
_title = _line.filter(lambda t: t[0].isalpha() and "(" not in t and len(t.split()) <= 6)
_minutes = st.none() | st.integers(min_value=0, max_value=5000)


@st.composite
def _components(draw: st.DrawFn) -> list[Component]:
    main = Component(
        ingredients=[parse_ingredient(x) for x in draw(st.lists(_ingredient_line, max_size=5))],
        steps=draw(st.lists(_line, max_size=4)),
    )
    # Component titles are words ("Dipping sauce"); one starting with a number would read
    # as an ingredient line ("2 eggs:") in every text form.
    titles = draw(st.lists(_title, max_size=2, unique_by=str.casefold))
    others = [
        Component(
            title=title,
            servings=draw(st.none() | st.integers(1, 40)),
            ingredients=[
                parse_ingredient(x)
                for x in draw(st.lists(_ingredient_line, min_size=1, max_size=4))
            ],
            steps=draw(st.lists(_line, max_size=3)),
        )
        for title in titles
    ]
    # An empty untitled main component before titled ones is dropped by every text form
    # (the editor's too), so it isn't generated.
    return [*others] if others and main == Component() else [main, *others]


@st.composite
def recipes(draw: st.DrawFn, rich_text: bool) -> Recipe:
    text = _any_text if rich_text else _line | st.just("")
    servings = draw(st.none() | st.integers(0, 500))
    return Recipe(
        title=draw(_line),
        summary=draw(text),
        servings=servings,
        yield_text=draw(st.sampled_from(["", "2 loaves", "36 cookies"])),
        components=draw(_components()),
        notes=draw(st.lists(_any_text, max_size=3)) if rich_text else [],
        tags=draw(st.lists(_line.filter(lambda t: "," not in t), max_size=3, unique=True)),
        category=draw(text),
        cuisine=draw(text),
        method=draw(text),
        source=draw(st.sampled_from(["", "https://example.com/r/1"])),
        prep_minutes=draw(_minutes),
        cook_minutes=draw(_minutes),
        total_minutes=draw(_minutes),
    )


def _round_trip(recipes: list[Recipe], format: str, suffix: str) -> list[Recipe]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"export{suffix}"
        export_recipes(recipes, path, format)
        return import_file(path)


@settings(max_examples=60, deadline=None)
@given(st.lists(recipes(rich_text=True), min_size=1, max_size=3))
def test_our_json_round_trip(items: list[Recipe]) -> None:
    assert _round_trip(items, "json", ".json") == items


@settings(max_examples=60, deadline=None)
@given(st.lists(recipes(rich_text=False), min_size=1, max_size=3))
def test_jsonld_round_trip(items: list[Recipe]) -> None:
    back = _round_trip(items, "jsonld", ".jsonld")
    expected = []
    for recipe in items:
        # schema.org carries no total of its own when prep and cook are given without it:
        # the importer adds them up, as a reader would.
        total = recipe.total_minutes
        if total is None and recipe.prep_minutes is not None and recipe.cook_minutes is not None:
            total = recipe.prep_minutes + recipe.cook_minutes
        expected.append(recipe.copy(total_minutes=total))
    assert back == expected


@pytest.mark.parametrize("method", ["<!--", "bake <!-- then", "a --> b"])
def test_a_lone_comment_opening_typed_in_a_field_survives_our_json(method: str) -> None:
    recipe = Recipe(title="Bread", method=method)
    assert _round_trip([recipe], "json", ".json")[0].method == method
