"""Markdown export escapes only what would start a list, heading or quote, and our own
importer reads every line back as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from recipe_manager.domain import Component, Recipe, parse_ingredient
from recipe_manager.io import export_recipes, import_file

_CAKE = Recipe(
    title="2024 Christmas cake",
    components=[
        Component(
            ingredients=[
                parse_ingredient(line)
                for line in [
                    "250 g butter",
                    "200 g dark brown sugar",
                    "4 eggs",
                    "1. 5 kg mixed dried fruit",
                    "- 2 tbsp brandy",
                    r"1 tsp mixed spice \ cinnamon",
                ]
            ],
            steps=[
                "1. Mix the butter and sugar until pale.",
                "2) Beat in the eggs one at a time.",
                "# Fold in the fruit and spice.",
                "> Bake at 150 C for 3 hours.",
                "* Feed with brandy every week.",
                "+ Ice it a week before Christmas.",
                r"Wrap it in paper \* then foil.",
            ],
        )
    ],
)


def _exported(tmp_path: Path, recipes: list[Recipe]) -> tuple[str, list[Recipe]]:
    path = tmp_path / "recipes.md"
    export_recipes(recipes, path, "markdown")
    return path.read_text(encoding="utf-8"), import_file(path)


def test_lines_read_back_as_written(tmp_path: Path) -> None:
    _, (back,) = _exported(tmp_path, [_CAKE])
    assert back.title == _CAKE.title
    assert [i.text for i in back.components[0].ingredients] == [
        i.text for i in _CAKE.components[0].ingredients
    ]
    assert back.components[0].steps == _CAKE.components[0].steps


def test_no_backslash_before_a_digit(tmp_path: Path, seed_recipes: list[Recipe]) -> None:
    text, _ = _exported(tmp_path, [_CAKE, *seed_recipes])
    assert "# 2024 Christmas cake\n" in text
    assert "- 250 g butter\n" in text
    assert "1. 1\\. Mix the butter" in text
    assert not re.search(r"\\\d", text)


@pytest.mark.parametrize("recipe_index", [0, 1])
def test_seed_lines_read_back_as_written(
    tmp_path: Path, seed_recipes: list[Recipe], recipe_index: int
) -> None:
    recipe = seed_recipes[recipe_index]
    _, (back,) = _exported(tmp_path, [recipe])
    assert [i.text for c in back.components for i in c.ingredients] == [
        i.text for c in recipe.components for i in c.ingredients
    ]
    assert [s for c in back.components for s in c.steps] == [
        s for c in recipe.components for s in c.steps
    ]
