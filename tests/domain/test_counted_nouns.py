"""A counted thing agrees with its scaled number ("1 egg", "2 eggs"); nothing else changes."""

from __future__ import annotations

from fractions import Fraction

import pytest

from recipe_manager.domain import format_ingredient, parse_ingredient
from recipe_manager.domain.nouns import inflect_noun

# (line, factor, shown in "original")
SCALED_LINES = [
    ("2 eggs", Fraction(1, 2), "1 egg"),
    ("1 egg", 2, "2 eggs"),
    ("3 eggs", Fraction(1, 4), "1 egg"),
    ("4 eggs", Fraction(1, 3), "1–2 eggs"),
    ("3 eggs", Fraction(1, 3), "1 egg"),
    ("2 large eggs, beaten", Fraction(1, 2), "1 large egg, beaten"),
    ("3 cloves of garlic – finely chopped", Fraction(1, 3), "1 clove of garlic – finely chopped"),
    ("3 Garlic cloves (crushed)", Fraction(1, 3), "1 Garlic clove (crushed)"),
    ("2 red onions", Fraction(1, 2), "1 red onion"),
    ("½ red onion (thinly sliced)", 3, "1½ red onions (thinly sliced)"),
    ("1 lemon", 3, "3 lemons"),
    ("½ lemon, juiced", 2, "1 lemon, juiced"),
    ("½ lemon, juiced", 4, "2 lemons, juiced"),
    ("2 tomatoes", Fraction(1, 2), "1 tomato"),
    ("1 large tomato", 2, "2 large tomatoes"),
    (
        "4 potatoes, scrubbed, each cut into 8 wedges",
        Fraction(1, 4),
        "1 potato, scrubbed, each cut into 8 wedges",
    ),
    ("1 sweet potato, diced", 2, "2 sweet potatoes, diced"),
    ("2 leaves of basil", Fraction(1, 2), "1 leaf of basil"),
    ("1 bay leaf", 2, "2 bay leaves"),
    ("4 chicken breast halves", Fraction(1, 4), "1 chicken breast half"),
    ("½–1 chilli", 2, "1–2 chillies"),
    ("1-2 chillies", Fraction(1, 2), "1 chilli"),
    ("1 Peach", 2, "2 Peaches"),
    ("2 radishes", Fraction(1, 2), "1 radish"),
    ("1 cherry", 2, "2 cherries"),
    ("4 EGGS", Fraction(1, 4), "1 EGG"),
    ("2 onions (about 400 g)", Fraction(1, 2), "1 onion (about 200 g)"),
    ("4 (6-ounce) salmon fillets", Fraction(1, 4), "1 (6-ounce) salmon fillet"),
    ("a couple of eggs", Fraction(1, 2), "1 egg"),
    ("2 egg-yolks", Fraction(1, 2), "1 egg-yolk"),
    # The number stays on its side of one: nothing to change.
    (
        "1-2 birds eye chilli peppers – finely chopped",
        2,
        "2–4 birds eye chilli peppers – finely chopped",
    ),
    ("3 eggs", 2, "6 eggs"),
    # Words with a unit, notes and names the rules cannot be sure of stay as written.
    ("2 cups peas", Fraction(1, 2), "1 cup peas"),
    ("salt and pepper", 2, "salt and pepper"),
    ("2 eggs (or flax eggs)", Fraction(1, 2), "1 egg (or flax eggs)"),
    ("1 onion or shallot", 2, "2 onion or shallot"),
    ("1 dozen eggs", Fraction(1, 2), "½ dozen eggs"),
    ("½ a lemon", 4, "2 a lemon"),
    ("2 chives", Fraction(1, 2), "1 chives"),
    ("2 hummus", Fraction(1, 2), "1 hummus"),
    ("1 garlic", 2, "2 garlic"),
    ("1 zucchini", 2, "2 zucchini"),
    ("Onions, 1", 2, "Onions, 2"),
    # Count lines in other languages: no English plural is added.
    ("1 Zwiebel", 2, "2 Zwiebel"),
    ("1 Prise Salz", 2, "2 Prise Salz"),
    ("1 ui, fijngesnipperd", 2, "2 ui, fijngesnipperd"),
]


@pytest.mark.parametrize(("line", "factor", "expected"), SCALED_LINES)
def test_counted_noun_agrees_with_the_scaled_number(
    line: str, factor: int | Fraction, expected: str
) -> None:
    assert format_ingredient(parse_ingredient(line), Fraction(factor), "original") == expected


@pytest.mark.parametrize("line", ["1 egg", "2 eggs", "½–1 chilli", "2 large eggs, beaten"])
@pytest.mark.parametrize("system", ["original", "metric", "us"])
def test_unscaled_count_comes_back_as_written(line: str, system: str) -> None:
    assert format_ingredient(parse_ingredient(line), Fraction(1), system) == line


@pytest.mark.parametrize("system", ["metric", "us"])
def test_counted_noun_agrees_in_every_system(system: str) -> None:
    assert format_ingredient(parse_ingredient("2 eggs"), Fraction(1, 2), system) == "1 egg"


@pytest.mark.parametrize(
    ("word", "plural", "expected"),
    [
        ("Cherry", True, "Cherries"),
        ("cookies", False, "cookie"),
        ("loaves", False, "loaf"),
        ("glasses", False, "glass"),
        ("avocadoes", False, "avocado"),
        ("eggs", True, "eggs"),
        ("egg", False, "egg"),
        ("molasses", False, "molasses"),
        ("asparagus", False, "asparagus"),
    ],
)
def test_inflect_noun(word: str, plural: bool, expected: str) -> None:
    assert inflect_noun(word, plural) == expected
