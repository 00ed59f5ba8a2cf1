"""The starter library: both seed recipes, transcribed whole, in a new library."""

from __future__ import annotations

from pathlib import Path

from repo_data import SEEDS

from recipe_manager.paths import seed_library_path
from recipe_manager.storage import RecipeLibrary, open_library, read_seed_recipes


def seeds_by_title() -> dict:
    return {recipe.title: recipe for recipe in read_seed_recipes(seed_library_path())}


def test_every_seed_ingredient_line_is_in_the_source_document() -> None:
    sources = {
        "Crispy Pork Belly": (SEEDS / "crispy-pork-belly.txt").read_text(),
        "Sweet Soy and Garlic Crispy Pork Belly": (
            SEEDS / "sweet-soy-garlic-crispy-pork-belly.txt"
        ).read_text(),
    }
    recipes = seeds_by_title()
    assert set(recipes) == set(sources)
    for title, recipe in recipes.items():
        source_lines = {line.strip().lstrip("•").strip() for line in sources[title].splitlines()}
        for component in recipe.components:
            for ingredient in component.ingredients:
                assert ingredient.text in source_lines


def test_first_seed_has_the_dipping_sauce_as_its_own_component() -> None:
    recipe = seeds_by_title()["Crispy Pork Belly"]
    assert recipe.servings == 6
    main, sauce = recipe.components
    assert [len(main.ingredients), len(main.steps)] == [7, 9]
    assert main.ingredients[0].text == "2kg pork belly (for us this was 3 large pieces) – skin on"
    assert (
        main.steps[4] == "When the time comes to cook your pork, preheat the oven to 180°C/350°F."
    )
    assert "1½- 2 hours" in main.steps[6]
    assert sauce.title == "Chilli Garlic Dipping Sauce"
    assert sauce.servings == 6
    assert [i.text for i in sauce.ingredients][:2] == [
        "3 cloves of garlic – finely chopped",
        "1-2 birds eye chilli peppers – finely chopped",
    ]
    assert len(sauce.ingredients) == 7
    assert any("stir-fried vegetables" in note for note in recipe.notes)


def test_second_seed_states_no_servings_and_keeps_its_card_details() -> None:
    recipe = seeds_by_title()["Sweet Soy and Garlic Crispy Pork Belly"]
    assert recipe.servings is None
    assert (recipe.category, recipe.method, recipe.cuisine) == ("Pork", "Slow Roast", "Chinese")
    assert "Asian recipes" in recipe.tags
    (component,) = recipe.components
    assert [i.text for i in component.ingredients] == [
        "a large piece of pork belly",
        "1/2 cup (120 ml) soy sauce",
        "3 Garlic cloves (crushed)",
        "1 inch/2 cm ginger (sliced thinly)",
        "1 tbsp sugar",
        "1 tsp red pepper flakes (optional)",
        "rock salt",
        "1/2 cup (120 ml) water",
        "12 tsp vegetable oil",
    ]
    assert len(component.steps) == 8
    assert component.steps[1] == "Preheat oven to 175C/350F."
    assert len(recipe.notes) == 2


def test_no_blog_chrome_in_the_seeds() -> None:
    for recipe in seeds_by_title().values():
        text = repr(recipe.to_dict())
        for chrome in ("Leave a Reply", "commenting", "Akismet", "Nice recipe", "garnished with"):
            assert chrome not in text


def test_a_new_library_is_seeded_once(library_path: Path) -> None:
    library = open_library(library_path, seed_library_path())
    assert len(library) == 2
    library.delete(library.recipes()[0].id)
    assert len(open_library(library_path, seed_library_path())) == 1
    assert len(RecipeLibrary(library_path)) == 1
