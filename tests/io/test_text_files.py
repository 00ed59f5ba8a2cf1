"""Plain-text files whatever their first letters or line endings."""

from __future__ import annotations

from pathlib import Path

import pytest

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


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r", "\u2028"])
def test_any_line_ending_splits_lines(tmp_path: Path, ending: str) -> None:
    text = "Soup\n\n- 2 eggs\n- 1 cup milk\n\n1. Whisk the eggs.\n2. Add the milk.\n"
    path = tmp_path / "soup.txt"
    path.write_bytes(text.replace("\n", ending).encode())
    (recipe,) = import_file(path)
    assert recipe.title == "Soup"
    assert [i.text for i in recipe.components[0].ingredients] == ["2 eggs", "1 cup milk"]
    assert recipe.components[0].steps == ["Whisk the eggs.", "Add the milk."]


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_cooklang_with_any_line_ending(tmp_path: Path, ending: str) -> None:
    text = "---\ntitle: Soup\n---\n\n@eggs{2}\n@milk{1%cup}\n\nWhisk the eggs.\n\nAdd the milk.\n"
    path = tmp_path / "soup.cook"
    path.write_bytes(text.replace("\n", ending).encode())
    (recipe,) = import_file(path)
    assert recipe.title == "Soup"
    assert [i.text for i in recipe.components[0].ingredients] == ["2 eggs", "1 cup milk"]
    assert recipe.components[0].steps == ["Whisk the eggs.", "Add the milk."]
