"""Cooklang export keeps every ingredient line as written, with the amount in braces where
the words before the name are an amount and a unit (a second measure or a size rides in
the unit, text after the name in a `(note)`), so Cooklang apps can scale it; a line with
no amount before its name goes whole as the name."""

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
        ("2 (14 oz) cans tomatoes", "@tomatoes{2%(14 oz) cans}"),
        ("1/2 cup (120 ml) milk", "@milk{1/2%cup (120 ml)}"),
        ("1 large egg", "@egg{1%large}"),
        ("2 tbsp soy sauce (or tamari)", "@soy sauce{2%tbsp}( (or tamari))"),
        ("3 eggs, beaten", "@eggs{3}(beaten)"),
        ("1 1/2 cups flour", "@flour{1 1/2%cups}"),
        ("1-2 birds eye chillies", "@birds eye chillies{1-2}"),
        ("rock salt", "@rock salt{}"),
    ],
)
def test_line_written_so_it_reads_back(tmp_path: Path, line: str, token: str) -> None:
    text, back = _round_trip(tmp_path, [line])
    assert token in text.splitlines()
    assert back == [line]


def test_the_specification_reads_our_export_with_the_same_amounts(
    tmp_path: Path, seed_recipes: list[Recipe]
) -> None:
    """What any spec reader sees: every ingredient with the amount and unit we read."""
    from recipe_manager.io.cooklang import parse_cooklang

    for recipe in seed_recipes:
        path = tmp_path / "seed.cook"
        export_recipes([recipe], path, "cooklang")
        document = parse_cooklang(path.read_text(encoding="utf-8"))
        items = [i for step in document.steps for i in step if i["type"] == "ingredient"]
        lines = [i for c in recipe.components for i in c.ingredients]
        assert len(items) == len(lines)
        for item, line in zip(items, lines, strict=True):
            if item["units"]:
                assert parse_ingredient(f"1 {item['units']}").unit in {line.unit, None}
            if isinstance(item["quantity"], int | float) and line.quantity is not None:
                assert float(item["quantity"]) == float(line.quantity)


def test_notes_go_as_cooklang_notes_and_come_back(tmp_path: Path) -> None:
    recipe = Recipe(
        title="Soup",
        components=[Component(ingredients=[parse_ingredient("1 l stock")], steps=["Heat."])],
        notes=["Keeps three days.", "Freezes well."],
    )
    path = tmp_path / "soup.cook"
    export_recipes([recipe], path, "cooklang")
    text = path.read_text(encoding="utf-8")
    assert "> Keeps three days." in text.splitlines()
    (back,) = import_file(path)
    assert back.notes == recipe.notes
    assert back.components[0].steps == ["Heat."]


def test_a_step_starting_with_an_ingredient_stays_a_step(tmp_path: Path) -> None:
    path = tmp_path / "x.cook"
    path.write_text("@salt and @pepper to taste\n\n@chilli cut into pieces\n", encoding="utf-8")
    (recipe,) = import_file(path)
    assert recipe.components[0].steps == ["salt and pepper to taste", "chilli cut into pieces"]
    assert [i.text for i in recipe.components[0].ingredients] == ["salt", "pepper", "chilli"]


def test_front_matter_lists_and_custom_keys_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "x.cook"
    path.write_text(
        "---\ntitle: Stew\ntags:\n  - winter\n  - easy\ndifficulty: easy\n---\n"
        "Simmer @beef{1%kg}.\n",
        encoding="utf-8",
    )
    (recipe,) = import_file(path)
    assert recipe.tags == ["winter", "easy"]
    assert "difficulty: easy" in recipe.notes
    assert [i.text for i in recipe.components[0].ingredients] == ["1 kg beef"]
