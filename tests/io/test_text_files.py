"""Plain-text files whatever their first letters or line endings."""

from __future__ import annotations

from pathlib import Path

from recipe_manager.domain import Component, Recipe
from recipe_manager.io import export_recipes, import_file


def test_text_starting_with_pk_is_not_taken_for_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "curry.txt"
    path.write_text("PK chicken curry\n\n- 500 g chicken\n- 2 tbsp curry paste\n\n1. Cook it.\n")
    (recipe,) = import_file(path)
    assert recipe.title == "PK chicken curry"
    assert [i.text for i in recipe.components[0].ingredients] == [
        "500 g chicken",
        "2 tbsp curry paste",
    ]


def test_a_zip_under_another_suffix_is_still_read_as_paprika(tmp_path: Path) -> None:
    path = tmp_path / "recipes.paprikarecipes"
    export_recipes([Recipe(title="Soup", components=[Component(steps=["Stir."])])], path, "paprika")
    renamed = path.rename(tmp_path / "recipes.txt")
    assert [recipe.title for recipe in import_file(renamed)] == ["Soup"]
