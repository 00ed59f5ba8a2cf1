"""Cooklang export keeps every ingredient line as written: an amount Cooklang can carry
goes in braces, and a line it can't (a size, a second measure) goes whole as the name."""

from __future__ import annotations

from pathlib import Path

import pytest

from recipe_manager.domain import Component, Recipe, parse_ingredient
from recipe_manager.io import export_recipes, import_file


def _round_trip(tmp_path: Path, lines: list[str]) -> tuple[str, list[str]]:
    recipe = Recipe(
        title="Soup", components=[Component(ingredients=[parse_ingredient(x) for x in lines])]
    )
    path = tmp_path / "soup.cook"
    export_recipes([recipe], path, "cooklang")
    (back,) = import_file(path)
    return path.read_text(encoding="utf-8"), [
        i.text for c in back.components for i in c.ingredients
    ]


def test_every_seed_line_survives_as_written(tmp_path: Path, seed_recipes: list[Recipe]) -> None:
    for recipe in seed_recipes:
        path = tmp_path / "seed.cook"
        export_recipes([recipe], path, "cooklang")
        (back,) = import_file(path)
        assert [[i.text for i in c.ingredients] for c in back.components] == [
            [i.text for i in c.ingredients] for c in recipe.components
        ]


@pytest.mark.parametrize(
    ("line", "token"),
    [
        ("2 (14 oz) cans tomatoes", "@2 (14 oz) cans tomatoes{}"),
        ("1/2 cup (120 ml) milk", "@1/2 cup (120 ml) milk{}"),
        ("1 large egg", "@1 large egg{}"),
        ("2 tbsp soy sauce (or tamari)", "@soy sauce{2%tbsp} (or tamari)"),
        ("1-2 birds eye chillies", "@birds eye chillies{1-2}"),
        ("rock salt", "@rock salt{}"),
    ],
)
def test_line_written_so_it_reads_back(tmp_path: Path, line: str, token: str) -> None:
    text, back = _round_trip(tmp_path, [line])
    assert token in text.splitlines()
    assert back == [line]
