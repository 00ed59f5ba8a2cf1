"""Reading real ingredient lines (from the seeds and the shared corpus) into their parts."""

from __future__ import annotations

from fractions import Fraction

import pytest

from recipe_manager.domain import Measure, parse_ingredient

# (line, quantity, quantity_max, unit, name, note)
READ_LINES = [
    ("2kg pork belly (for us this was 3 large pieces) – skin on", "2", None, "kilogram",
     "pork belly", "skin on, for us this was 3 large pieces"),
    ("1 tbsp sesame oil", "1", None, "tablespoon", "sesame oil", ""),
    ("2 tbsp five-spice powder", "2", None, "tablespoon", "five-spice powder", ""),
    ("2 tbsp soy sauce (you could substitute coconut aminos if you prefer)", "2", None,
     "tablespoon", "soy sauce", "you could substitute coconut aminos if you prefer"),
    ("3 cloves of garlic – finely chopped", "3", None, "clove", "garlic", "finely chopped"),
    ("1-2 birds eye chilli peppers – finely chopped", "1", "2", None,
     "birds eye chilli peppers", "finely chopped"),
    ("1/2 tbsp honey", "1/2", None, "tablespoon", "honey", ""),
    ("a large piece of pork belly", "1", None, "piece", "pork belly", ""),
    ("1/2 cup (120 ml) soy sauce", "1/2", None, "cup", "soy sauce", ""),
    ("3 Garlic cloves (crushed)", "3", None, "clove", "Garlic", "crushed"),
    ("1 inch/2 cm ginger (sliced thinly)", "1", None, "inch", "ginger", "sliced thinly"),
    ("1 tsp red pepper flakes (optional)", "1", None, "teaspoon", "red pepper flakes",
     "optional"),
    ("rock salt", None, None, None, "rock salt", ""),
    ("12 tsp vegetable oil", "12", None, "teaspoon", "vegetable oil", ""),
    ("4 1/2 cups water", "9/2", None, "cup", "water", ""),
    ("1 14- ounce can of full fat coconut milk", "1", None, "can", "full fat coconut milk", ""),
    ("1 small serrano chile, stemmed and chopped", "1", None, None, "serrano chile",
     "stemmed and chopped"),
    ("0.5 teaspoon ground cinnamon", "1/2", None, "teaspoon", "ground cinnamon", ""),
    ("2,5 deciliter sødmælk", "5/2", None, "deciliter", "sødmælk", ""),
    ("6–8 green cardamom seeds, crushed", "6", "8", None, "green cardamom seeds", "crushed"),
    ("100 g / 3.5 oz cherry tomatoes (optional)", "100", None, "gram", "cherry tomatoes",
     "optional"),
    ("1⁄2 cup dried barberries, picked", "1/2", None, "cup", "dried barberries", "picked"),
    ("Pinch kosher salt", None, None, "pinch", "kosher salt", ""),
    ("Salt and Pepper to taste", None, None, None, "Salt and Pepper", "to taste"),
    ("1 1/2 tsp. sunflower oil", "3/2", None, "teaspoon", "sunflower oil", ""),
    ("2 Tbsp. sesame oil", "2", None, "tablespoon", "sesame oil", ""),
    ("3 oz. Prosciutto", "3", None, "ounce", "Prosciutto", ""),
    ("¼ cup (60 mL) unsweetened cocoa powder", "1/4", None, "cup", "unsweetened cocoa powder",
     ""),
    ("750ml/1pint 6fl oz red wine", "750", None, "milliliter", "red wine", ""),
    ("2 tablespoons plus 1 teaspoon pimenton (see Notes)", "7", None, "teaspoon", "pimenton",
     "see Notes"),
    ("1 T sugar", "1", None, "tablespoon", "sugar", ""),
    ("1 t salt", "1", None, "teaspoon", "salt", ""),
    ("15 grams sugar", "15", None, "gram", "sugar", ""),
    ("2 ½ teaspoons baking powder", "5/2", None, "teaspoon", "baking powder", ""),
    ("1½ cups jam sugar", "3/2", None, "cup", "jam sugar", ""),
    ("2 (14 oz) cans tomatoes", "2", None, "can", "tomatoes", ""),
    ("One 9-ounce box frozen artichoke hearts", "1", None, "box", "frozen artichoke hearts", ""),
    ("1 to 2 teaspoons sugar (optional)", "1", "2", "teaspoon", "sugar", "optional"),
    ("1 or 2 eggs", "1", "2", None, "eggs", ""),
    ("1 - 2 eggs", "1", "2", None, "eggs", ""),
    ("a dozen eggs", "12", None, None, "eggs", ""),
    ("half a lemon", "1/2", None, None, "lemon", ""),
    ("two onions", "2", None, None, "onions", ""),
    ("mirin: 60 ml", "60", None, "milliliter", "mirin", ""),
    ("Philadephia 125 g", "125", None, "gram", "Philadephia", ""),
    ("1 pinch fleur de sel", "1", None, "pinch", "fleur de sel", ""),
    ("2 sticks lemongrass, lightly bruised", "2", None, "stick", "lemongrass",
     "lightly bruised"),
    ("2 celery sticks, trimmed and finely sliced", "2", None, "stick", "celery",
     "trimmed and finely sliced"),
    ("1-1/2 cups milk", "3/2", None, "cup", "milk", ""),
    ("1 1/2 lb potatoes", "3/2", None, "pound", "potatoes", ""),
    ("1 fl oz gin", "1", None, "fluid_ounce", "gin", ""),
    ("1 large onion", "1", None, None, "onion", ""),
]  # fmt: skip


@pytest.mark.parametrize(("line", "quantity", "quantity_max", "unit", "name", "note"), READ_LINES)
def test_reads_real_lines(
    line: str,
    quantity: str | None,
    quantity_max: str | None,
    unit: str | None,
    name: str,
    note: str,
) -> None:
    ingredient = parse_ingredient(line)
    assert ingredient.text == line
    assert ingredient.quantity == (Fraction(quantity) if quantity else None)
    assert ingredient.quantity_max == (Fraction(quantity_max) if quantity_max else None)
    assert ingredient.unit == unit
    assert ingredient.name == name
    assert ingredient.note == note
    assert not ingredient.is_heading


# (line, the author's second measure)
SECOND_MEASURES = [
    ("1/2 cup (120 ml) soy sauce", Measure(Fraction(120), None, "milliliter")),
    ("1 inch/2 cm ginger (sliced thinly)", Measure(Fraction(2), None, "centimeter")),
    ("150g/5½oz breadcrumbs", Measure(Fraction(11, 2), None, "ounce")),
    ("500g/1lb 2oz sweet shortcrust pastry", Measure(Fraction(18), None, "ounce")),
    ("400-500ml/14-18fl oz beef stock", Measure(Fraction(14), Fraction(18), "fluid_ounce")),
    ("3 cups (750 mL) water, divided", Measure(Fraction(750), None, "milliliter")),
    ("2.25 lb Swiss chard (about 4 bunches)", Measure(Fraction(4), None, "bunch")),
    ("1 tbsp sesame oil", None),
    ("750ml/1pint 6fl oz red wine", None),
]


@pytest.mark.parametrize(("line", "alternative"), SECOND_MEASURES)
def test_keeps_the_authors_second_measure(line: str, alternative: Measure | None) -> None:
    assert parse_ingredient(line).alternative == alternative


# (line, size): what each counted thing is like; it never scales.
SIZES = [
    ("2 (14 oz) cans tomatoes", "14 oz"),
    ("1 14-oz. can cherry tomatoes", "14-oz."),
    ("1 large onion", "large"),
    ("a large piece of pork belly", "large"),
    ("3 large, whole chicken breasts (1 pound each)", "large 1 pound"),
    ("1 heaped tsp paprika", "heaped"),
]


@pytest.mark.parametrize(("line", "size"), SIZES)
def test_reads_sizes(line: str, size: str) -> None:
    assert parse_ingredient(line).size == size


HEADINGS = ["For the dressing:", "For assembly:", "Chilli Garlic Dipping Sauce:", "For the sauce"]


@pytest.mark.parametrize("line", HEADINGS)
def test_recognises_headings(line: str) -> None:
    ingredient = parse_ingredient(line)
    assert ingredient.is_heading
    assert ingredient.quantity is None
    assert ingredient.text == line


NOT_UNDERSTOOD = ["", "   ", "1:1:1* REGULAR SOY SAUCE", "1 kg", "½"]


@pytest.mark.parametrize("line", NOT_UNDERSTOOD)
def test_marks_lines_it_cannot_read_but_keeps_them(line: str) -> None:
    ingredient = parse_ingredient(line)
    assert not ingredient.understood
    assert ingredient.text == line


def test_kitchen_abbreviations_are_not_pints_own_symbols() -> None:
    assert parse_ingredient("1 pinch salt").unit == "pinch"
    assert parse_ingredient("2 T butter").unit == "tablespoon"
    assert parse_ingredient("2 t salt").unit == "teaspoon"
    assert parse_ingredient("1 c sugar").unit == "cup"
    assert parse_ingredient("2 garlic bulbs").name == "garlic"
    assert parse_ingredient("2 gherkins").unit is None
    assert parse_ingredient("15 grams sugar").name == "sugar"


# (line, quantity, unit, name): a unit word joined to the next word by a hyphen is part of
# that word ("T-bone", "in-season"), not a measure.
HYPHENATED_WORDS = [
    ("2 T-bone steaks", "2", None, "T-bone steaks"),
    ("6 rib-eye steaks", "6", None, "rib-eye steaks"),
    ("4 in-season tomatoes", "4", None, "in-season tomatoes"),
    ("1 L-shaped pan", "1", None, "L-shaped pan"),
    ("2 c-shaped pasta shells", "2", None, "c-shaped pasta shells"),
    ("1 1-inch-thick pork chop", "1", None, "pork chop"),
    ("2 14-oz. cans tomatoes", "2", "can", "tomatoes"),
]


@pytest.mark.parametrize(("line", "quantity", "unit", "name"), HYPHENATED_WORDS)
def test_a_hyphenated_word_is_not_a_unit(
    line: str, quantity: str, unit: str | None, name: str
) -> None:
    ingredient = parse_ingredient(line)
    assert (ingredient.quantity, ingredient.unit) == (Fraction(quantity), unit)
    assert ingredient.name == name


# (line, quantity, unit, name): one amount written in two parts is read as one amount.
TWO_PART_AMOUNTS = [
    ("1 lb 2 oz beef", "18", "ounce", "beef"),
    ("1 kg 200 g potatoes", "1200", "gram", "potatoes"),
    ("1 cup 2 tbsp butter, softened", "18", "tablespoon", "butter"),
    ("1 cup + 2 tbsp flour", "18", "tablespoon", "flour"),
    ("2 tablespoons plus 1 teaspoon pimenton", "7", "teaspoon", "pimenton"),
    ("2 cups 3 eggs", "2", "cup", "3 eggs"),
]


@pytest.mark.parametrize(("line", "quantity", "unit", "name"), TWO_PART_AMOUNTS)
def test_two_part_amounts_are_one_amount(line: str, quantity: str, unit: str, name: str) -> None:
    ingredient = parse_ingredient(line)
    assert (ingredient.quantity, ingredient.unit, ingredient.name) == (
        Fraction(quantity),
        unit,
        name,
    )
