"""Each format written and read back, on the two seed recipes."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import pytest

from recipe_manager.domain import Recipe
from recipe_manager.io import EXPORT_FORMATS, export_recipes, import_file


def _lines(recipe: Recipe) -> list[str]:
    return [i.text for c in recipe.components for i in c.ingredients]


def _steps(recipe: Recipe) -> list[str]:
    return [step for c in recipe.components for step in c.steps]


def test_native_json_round_trip_is_lossless(seed_recipes: list[Recipe], tmp_path: Path) -> None:
    path = tmp_path / "library.json"
    export_recipes(seed_recipes, path, "json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "recipe-manager" and data["schema"] == 1
    assert import_file(path) == seed_recipes


def test_jsonld_round_trip_keeps_what_schema_org_carries(
    seed_recipes: list[Recipe], tmp_path: Path
) -> None:
    path = tmp_path / "recipes.jsonld"
    export_recipes(seed_recipes, path, "jsonld")
    back = import_file(path)
    # Notes travel as HowToTip items, parts as hasPart sub-recipes: nothing is left behind.
    assert back == seed_recipes


def test_jsonld_has_the_properties_search_engines_require(
    seed_recipes: list[Recipe], tmp_path: Path
) -> None:
    path = tmp_path / "one.json"
    export_recipes(seed_recipes[:1], path, "jsonld")
    node = json.loads(path.read_text(encoding="utf-8"))
    assert node["@context"] == "https://schema.org" and node["@type"] == "Recipe"
    # Google's required property is name (and image, which a desktop library can't give
    # as a public URL); the recommended ones the recipe has are all present and typed.
    assert isinstance(node["name"], str) and node["name"]
    assert all(isinstance(line, str) for line in node["recipeIngredient"])
    for item in node["recipeInstructions"]:
        assert item["@type"] in {"HowToStep", "HowToSection", "HowToTip"}
        if item["@type"] == "HowToTip":
            assert item["text"]
            continue
        steps = item.get("itemListElement", [item])
        assert all(step["@type"] == "HowToStep" and step["text"] for step in steps)
    assert node["recipeYield"] == ["6", "serves 6"]


def test_paprika_round_trip(seed_recipes: list[Recipe], tmp_path: Path) -> None:
    path = tmp_path / "export.paprikarecipes"
    export_recipes(seed_recipes, path, "paprika")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        record = json.loads(gzip.decompress(archive.read(names[0])))
    assert names == [f"{r.title}.paprikarecipe" for r in seed_recipes]
    assert record["name"] == "Crispy Pork Belly" and record["servings"] == "serves 6"
    back = import_file(path)
    for original, imported in zip(seed_recipes, back, strict=True):
        assert imported.title == original.title
        assert imported.components == original.components
        assert imported.notes == original.notes
        assert (imported.servings, imported.yield_text) == (
            original.servings,
            original.yield_text,
        )
        assert imported.category == original.category


def test_cooklang_round_trip_keeps_components_amounts_and_steps(
    seed_recipes: list[Recipe], tmp_path: Path
) -> None:
    for recipe in seed_recipes:
        path = tmp_path / "recipe.cook"
        export_recipes([recipe], path, "cooklang")
        text = path.read_text(encoding="utf-8")
        assert "soy sauce{" in text  # "@soy sauce{2%tbsp}", or whole with a second measure
        (back,) = import_file(path)
        assert back.title == recipe.title and back.servings == recipe.servings
        assert [c.title for c in back.components] == [c.title for c in recipe.components]
        assert _steps(back) == _steps(recipe)
        for got, want in zip(
            [i for c in back.components for i in c.ingredients],
            [i for c in recipe.components for i in c.ingredients],
            strict=True,
        ):
            assert (got.quantity, got.quantity_max, got.unit) == (
                want.quantity,
                want.quantity_max,
                want.unit,
            )
            assert want.name.casefold() in got.text.casefold()


def test_cooklang_from_another_app(tmp_path: Path) -> None:
    path = tmp_path / "pancakes.cook"
    path.write_text(
        ">> servings: 4\n\n-- a comment\nCrack @eggs{3} into a #bowl{}, add @milk{250%ml} "
        "and @plain flour{125%g}.\n\nCook for ~{2%minutes} on each side. [- skip -]\n",
        encoding="utf-8",
    )
    (recipe,) = import_file(path)
    assert recipe.title == "pancakes" and recipe.servings == 4
    assert _lines(recipe) == ["3 eggs", "250 ml milk", "125 g plain flour"]
    assert _steps(recipe) == [
        "Crack eggs into a bowl, add milk and plain flour.",
        "Cook for 2 minutes on each side.",
    ]


def test_markdown_export_reads_back_as_text(seed_recipes: list[Recipe], tmp_path: Path) -> None:
    path = tmp_path / "recipes.md"
    export_recipes(seed_recipes[:1], path, "markdown")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Crispy Pork Belly\n")
    assert "- 2kg pork belly (for us this was 3 large pieces) – skin on" in text
    assert "## Chilli Garlic Dipping Sauce (serves 6)" in text
    (back,) = import_file(path)
    assert back.title == "Crispy Pork Belly"
    assert _lines(back) == _lines(seed_recipes[0])
    assert _steps(back) == _steps(seed_recipes[0])


def test_unknown_export_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export_recipes([], tmp_path / "x", "pdf")
    assert set(EXPORT_FORMATS) == {"jsonld", "json", "markdown", "cooklang", "paprika"}
