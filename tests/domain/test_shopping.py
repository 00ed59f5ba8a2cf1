"""The shopping list: sums across recipes, units, name matching, amounts that don't add up."""

from __future__ import annotations

from fractions import Fraction

import pytest

from recipe_manager.domain import Component, Recipe, parse_ingredient
from recipe_manager.domain.shopping import normalise_name, shopping_items, shopping_list
from recipe_manager.paths import seed_library_path
from recipe_manager.storage import read_seed_recipes


def recipe(title: str, *lines: str) -> Recipe:
    ingredients = [parse_ingredient(line) for line in lines]
    return Recipe(title=title, components=[Component(ingredients=ingredients)])


@pytest.fixture(scope="module")
def seeds() -> tuple[Recipe, Recipe]:
    crispy, sweet_soy = read_seed_recipes(seed_library_path())
    return crispy, sweet_soy


def test_both_seeds_at_chosen_servings_metric(seeds: tuple[Recipe, Recipe]) -> None:
    crispy, sweet_soy = seeds
    lines = shopping_list([(crispy, Fraction(3, 6)), (sweet_soy, 1)], "metric")
    assert lines == [
        "1 kg + 1 large piece pork belly",
        "½ tbsp sesame oil",
        "½ tbsp salt",
        "2 tbsp miso",
        "1 tbsp five-spice powder",
        "3¾ tsp honey",
        "140 ml soy sauce",
        "4½ cloves garlic",
        "½–1 birds eye chilli peppers",
        "2 tbsp apple cider vinegar",
        "1 tbsp fish sauce",
        "½ tbsp cilantro",
        "2 cm ginger",
        "1 tbsp sugar",
        "1 tsp red pepper flakes",
        "rock salt",
        "120 ml water",
        "4 tbsp vegetable oil",
    ]


def test_both_seeds_in_us_measures(seeds: tuple[Recipe, Recipe]) -> None:
    crispy, sweet_soy = seeds
    lines = shopping_list([(crispy, 1), (sweet_soy, 2)], "us")
    assert "4½ lb + 2 large pieces pork belly" in lines
    assert "¾ cup + 2 tbsp soy sauce" not in lines  # one amount, never a split unit
    assert "1 cup + 3 tbsp soy sauce" not in lines
    assert [line for line in lines if line.endswith("soy sauce")] == ["1¼ cups soy sauce"]
    assert "9 cloves garlic" in lines
    assert "1–2 birds eye chilli peppers" in lines
    assert lines.count("rock salt") == 1


def test_items_know_their_recipes(seeds: tuple[Recipe, Recipe]) -> None:
    crispy, sweet_soy = seeds
    items = {item.key: item for item in shopping_items([(crispy, 1), (sweet_soy, 1)])}
    assert items["garlic"].recipes == (crispy.title, sweet_soy.title)
    assert items["rock salt"].amounts == ()
    assert items["garlic"].text == "6 cloves garlic"


@pytest.mark.parametrize(
    ("lines", "system", "expected"),
    [
        (("2 tbsp soy sauce", "1/2 cup soy sauce"), "original", ["10 tbsp soy sauce"]),
        (("2 tbsp soy sauce", "1/2 cup soy sauce"), "metric", ["150 ml soy sauce"]),
        (("2 tbsp soy sauce", "1/2 cup (120 ml) soy sauce"), "metric", ["150 ml soy sauce"]),
        (("4 tbsp butter", "1/4 cup butter"), "us", ["½ cup butter"]),
        (("3 cloves of garlic", "2 garlic cloves"), "original", ["5 cloves garlic"]),
        (("500 g flour", "1 kg flour"), "original", ["1.5 kg flour"]),
        # A cup of flour weighs 125 g (weights table): a volume and a weight of it add up.
        (("250 g flour", "1 cup flour"), "original", ["375 g flour"]),
        (("250 g sugar", "1 cup milk"), "original", ["250 g sugar", "1 cup milk"]),
        (("250 ml milk", "1 cup milk"), "metric", ["490 ml milk"]),
        (("1 lb beef", "8 oz beef"), "metric", ["675 g beef"]),
        (("2 eggs", "1 egg"), "original", ["3 eggs"]),
        (
            ("1 kg pork belly", "a large piece of pork belly"),
            "original",
            ["1 kg + 1 large piece pork belly"],
        ),
        (("rock salt", "rock salt"), "original", ["rock salt"]),
        (("salt", "1 tsp salt"), "original", ["1 tsp salt"]),
        (("1-2 chillies", "1 chilli"), "original", ["2–3 chillies"]),
        # Counts agree with their noun, whichever recipe came first.
        (("1 egg", "2 eggs"), "original", ["3 eggs"]),
        (("1 red onion", "1 red onion"), "original", ["2 red onions"]),
        # A grade takes in the counts that give none: a shopper buys 9 large eggs.
        (("8 large eggs", "1 egg"), "original", ["9 large eggs"]),
        (("1 egg", "8 large eggs"), "original", ["9 large eggs"]),
        # Two grades, or a pack size, stay apart: they are different things to buy.
        (("2 medium onions", "1 large onion"), "original", ["2 medium + 1 large onions"]),
        (("2 (14 oz) cans tomatoes", "1 can tomatoes"), "original",
         ["2 14 oz cans + 1 can tomatoes"]),
    ],
)  # fmt: skip
def test_sums(lines: tuple[str, str], system: str, expected: list[str]) -> None:
    first, second = lines
    assert shopping_list([(recipe("A", first), 1), (recipe("B", second), 1)], system) == expected


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("3 cloves of garlic – finely chopped", "3 Garlic cloves (crushed)"),
        ("2 large onions, diced", "1 onion"),
        ("1 cup chopped fresh cilantro", "2 tbsp cilantro"),
        ("2 Tomatoes", "1 tomato, sliced"),
        ("2 tbsp five-spice powder", "1 tsp five spice powder"),
        ("1 cup cherries", "1 cup cherry"),
        ("2 cookies", "1 cookie"),
        ("2 pies", "1 pie"),
        ("4 bay leaves", "1 bay leaf"),
    ],
)
def test_names_match_across_plural_case_adjectives_and_notes(first: str, second: str) -> None:
    lines = shopping_list([(recipe("A", first), 1), (recipe("B", second), 1)])
    assert len(lines) == 1, lines


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("1 tsp salt", "rock salt"),
        ("1 tsp ground cumin", "1 tsp cumin seeds"),
        ("2 cloves", "2 cloves garlic"),
    ],
)
def test_different_things_stay_apart(first: str, second: str) -> None:
    lines = shopping_list([(recipe("A", first), 1), (recipe("B", second), 1)])
    assert len(lines) == 2, lines


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Cloves of Garlic", "garlic"),
        ("garlic cloves", "garlic"),
        ("birds eye chilli peppers", "bird eye chilli pepper"),
        ("Fresh Tomatoes", "tomato"),
        ("fresh coriander leaves", "coriander leaf"),
        ("large eggs", "egg"),
        ("molasses", "molasses"),
    ],
)
def test_normalised_names(name: str, key: str) -> None:
    assert normalise_name(name) == key


def test_headings_and_scale_factor() -> None:
    lines = shopping_list([(recipe("A", "For the sauce:", "1 tbsp honey"), Fraction(3))])
    assert lines == ["3 tbsp honey"]


def test_unknown_system_is_refused() -> None:
    with pytest.raises(ValueError, match="unit system"):
        shopping_list([], "imperial")


def test_the_list_shows_the_measure_the_detail_pane_shows() -> None:
    # Five tablespoons is past what metric keeps in spoons, so both show the author's 80 ml.
    lines = shopping_list([(recipe("Custard", "5 tbsp (80 ml) milk"), 1)], "metric")
    assert lines == ["80 ml milk"]


def test_a_range_is_listed_in_a_unit_both_ends_read_well_in() -> None:
    lines = shopping_list([(recipe("Glaze", "2-3 tbsp honey"), 2)], "us")
    assert lines == ["4–6 tbsp honey"]


@pytest.mark.parametrize(
    ("line", "staple"),
    [("1/4 tsp kosher salt", True), ("sea salt", True), ("freshly ground black pepper", True),
     ("kosher salt and black pepper, to taste", True), ("1 red pepper", False),
     ("white pepper", False), ("sparkling water", False), ("salted butter", False)],
)  # fmt: skip
def test_salt_pepper_and_water_of_any_kind_are_staples(line: str, staple: bool) -> None:
    (item,) = shopping_items([(recipe("A", line), 1)], for_shop=True)
    assert item.staple is staple
