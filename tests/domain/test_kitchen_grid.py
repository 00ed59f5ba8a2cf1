"""Numbers a cook would write (issue 15): the kitchen grid, every amount of a line, pack
sizes, liquid ounces, British pints, and spoon words of other languages."""

from __future__ import annotations

from fractions import Fraction

import pytest

from recipe_manager.domain import format_ingredient, parse_ingredient
from recipe_manager.domain.formatting import LineContext, recipe_context

THIRD, HALF = Fraction(1, 3), Fraction(1, 2)

# (line, factor, system, shown): the table, in its shapes.
CASES = [
    # spoons and cups on the grid
    ("½ cup sugar", THIRD, "us", "2 tbsp + 2 tsp sugar"),
    ("¾ tsp cinnamon", HALF, "us", "a generous ⅓ tsp cinnamon"),
    ("¼ tsp cinnamon", THIRD, "us", "a pinch of cinnamon"),
    ("¼ tsp vanilla extract", THIRD, "us", "a dash of vanilla extract"),
    ("6 tbsp butter", 3, "us", "1 cup + 2 tbsp butter"),
    ("1 cup + 2 tbsp sugar", 1, "us", "1 cup + 2 tbsp sugar"),
    ("2 cups + 2 tbsp flour", 2, "us", "4¼ cups flour"),
    ("2 tbsp honey", 2, "metric", "4 tbsp honey"),
    # weights
    ("100 g cheese", THIRD, "us", "1¼ oz cheese"),
    ("500 g flour", 1, "us", "1 lb 2 oz flour"),
    ("107 grams white sugar", 1, "metric", "107 grams white sugar"),
    # whole things
    ("4 eggs", THIRD, "original", "1–2 eggs"),
    ("3 eggs", THIRD, "original", "1 egg"),
    ("1 lemon", 3, "original", "3 lemons"),
    # amounts anywhere
    ("Juice of 1 orange", 2, "original", "Juice of 2 oranges"),
    ("About 2 cups water", 2, "original", "About 4 cups water"),
    ("7 tbsp (3½ oz/100 g) butter", 2, "original", "¾ cup + 2 tbsp (7 oz/200 g) butter"),
    ("7 tbsp (3½ oz/100 g) butter", 2, "metric", "210 ml (200 g) butter"),
    ("6 anchovies or 2 tbsp capers", 2, "metric", "12 anchovies or 4 tbsp capers"),
    ("6 large or 8 medium celery stalks", 2, "original", "12 large or 16 medium celery stalks"),
    ("1 and 1/4 cups milk", 2, "original", "2½ cups milk"),
    # pack and cut sizes convert, never scale
    ("1 (15-ounce) can chickpeas", 2, "original", "2 (15-ounce) cans chickpeas"),
    ("1 (15-ounce) can chickpeas", 2, "metric", "2 (425 g) cans chickpeas"),
    ("2 x 400 g tins tomatoes", 2, "us", "4 x 14 oz tins tomatoes"),
    ("15 oz can pumpkin", 2, "metric", "2 (425 g) cans pumpkin"),
    ("400g can black beans", 2, "original", "2 (400g) cans black beans"),
    ("2 lb pork, cut into ½-inch cubes", 1, "metric", "900 g pork, cut into 1.5 cm cubes"),
    ("9 ¾-inch-thick pork chops", 1, "metric", "9 2 cm-thick pork chops"),
    # liquid ounces
    ("1½ ounces rum", 1, "metric", "45 ml rum"),
    # other languages' spoon words
    ("1 c.s. d'huile", 1, "metric", "1 c.s. d'huile"),
    ("2 c.s. de farine", THIRD, "original", "2 c.c. de farine"),
    ("2 el suiker", THIRD, "original", "2 tl suiker"),
    ("1 EL Zucker", 3, "original", "3 EL Zucker"),
    ("3 msk olja", THIRD, "original", "1 msk olja"),
]


@pytest.mark.parametrize(("line", "factor", "system", "expected"), CASES)
def test_shown_as_a_cook_writes(line: str, factor: object, system: str, expected: str) -> None:
    assert format_ingredient(parse_ingredient(line), Fraction(factor), system) == expected


@pytest.mark.parametrize(
    ("line", "unit"),
    [
        ("1 c.s. d'huile", "tablespoon"),
        ("2 c. à soupe de beurre", "tablespoon"),
        ("1 c.c de coriandre", "teaspoon"),
        ("2 cuill. à soupe d'huile d'olive", "tablespoon"),
        ("2 EL Sojasauce", "tablespoon"),
        ("1 TL Zucker", "teaspoon"),
        ("2 eetlepels citroensap", "tablespoon"),
        ("1 theelepel kaneel", "teaspoon"),
        ("2 cdas de aceite", "tablespoon"),
        ("1 cdta de sal", "teaspoon"),
        ("2 cucchiai di olio", "tablespoon"),
        ("4 cucchiaini di miele", "teaspoon"),
        ("1 colher (sopa) de fermento", "tablespoon"),
        ("1 colher de chá de sal", "teaspoon"),
        ("1 msk Chilisås", "tablespoon"),
        ("2 tsk. maizena", "teaspoon"),
        ("1 dl vispgrädde", "deciliter"),
        ("1 tasse de lait", "cup"),
    ],
)
def test_spoon_and_cup_words_of_other_languages(line: str, unit: str) -> None:
    assert parse_ingredient(line).unit == unit


def test_a_british_pint_is_568_ml() -> None:
    lines = ["½ pint milk", "200 g flour", "50 g butter"]
    context = recipe_context(lines)
    assert context == LineContext(imperial=True, celsius=True)
    milk = parse_ingredient("½ pint milk")
    assert format_ingredient(milk, 1, "metric", context=context) == "280 ml milk"
    assert format_ingredient(milk, 1, "metric") == "240 ml milk"
    assert recipe_context(["1 pint milk"], language="en-GB").imperial
    assert not recipe_context(["1 pint milk", "2 cups flour"]).imperial


def test_old_calls_without_a_context_keep_working() -> None:
    ingredient = parse_ingredient("1 cup flour")
    assert format_ingredient(ingredient) == "1 cup flour"
    assert format_ingredient(ingredient, Fraction(2), "metric") == "475 ml flour"


def test_a_recipe_in_grams_reads_bare_degrees_as_celsius_and_one_in_cups_as_fahrenheit() -> None:
    from recipe_manager.domain import Component, Recipe, convert_temperatures
    from recipe_manager.domain.formatting import recipe_reading

    grams = Recipe(components=[Component(ingredients=[parse_ingredient("500 g flour")])])
    cups = Recipe(components=[Component(ingredients=[parse_ingredient("2 cups flour")])])
    assert recipe_reading(grams).celsius is True
    assert recipe_reading(cups).celsius is False
    step = "Bake at 220° for 20 minutes."
    in_grams = recipe_reading(grams).celsius
    assert (
        convert_temperatures(step, "us", celsius_recipe=in_grams) == "Bake at 425°F for 20 minutes."
    )
    in_cups = recipe_reading(cups).celsius
    assert (
        convert_temperatures(step, "us", celsius_recipe=in_cups) == "Bake at 220°F for 20 minutes."
    )
