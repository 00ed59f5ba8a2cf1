"""Showing ingredient lines scaled and in each unit system: the seed recipes' lines and more."""

from __future__ import annotations

from fractions import Fraction

import pytest

from recipe_manager.domain import format_ingredient, parse_ingredient

FACTORS = (Fraction(1, 6), Fraction(1, 2), Fraction(1), Fraction(2))

# (seed line, system, shown at factors 1/6, 1/2, 1 and 2)
SEED_LINES = [
    (
        "2kg pork belly (for us this was 3 large pieces) – skin on",
        "original",
        (
            "330 g pork belly (for us this was 3 large pieces) – skin on",
            "1 kg pork belly (for us this was 3 large pieces) – skin on",
            "2kg pork belly (for us this was 3 large pieces) – skin on",
            "4 kg pork belly (for us this was 3 large pieces) – skin on",
        ),
    ),
    (
        "2kg pork belly (for us this was 3 large pieces) – skin on",
        "metric",
        (
            "330 g pork belly (for us this was 3 large pieces) – skin on",
            "1 kg pork belly (for us this was 3 large pieces) – skin on",
            "2kg pork belly (for us this was 3 large pieces) – skin on",
            "4 kg pork belly (for us this was 3 large pieces) – skin on",
        ),
    ),
    (
        "2kg pork belly (for us this was 3 large pieces) – skin on",
        "us",
        (
            "11¾ oz pork belly (for us this was 3 large pieces) – skin on",
            "2¼ lb pork belly (for us this was 3 large pieces) – skin on",
            "4½ lb pork belly (for us this was 3 large pieces) – skin on",
            "8¾ lb pork belly (for us this was 3 large pieces) – skin on",
        ),
    ),
    (
        "1 tbsp sesame oil",
        "original",
        ("½ tsp sesame oil", "1½ tsp sesame oil", "1 tbsp sesame oil", "2 tbsp sesame oil"),
    ),
    (
        "1 tbsp sesame oil",
        "metric",
        ("½ tsp sesame oil", "1½ tsp sesame oil", "1 tbsp sesame oil", "2 tbsp sesame oil"),
    ),
    (
        "1 tbsp sesame oil",
        "us",
        ("½ tsp sesame oil", "1½ tsp sesame oil", "1 tbsp sesame oil", "2 tbsp sesame oil"),
    ),
    ("1 tbsp salt", "original", ("½ tsp salt", "1½ tsp salt", "1 tbsp salt", "2 tbsp salt")),
    ("1 tbsp salt", "metric", ("½ tsp salt", "1½ tsp salt", "1 tbsp salt", "2 tbsp salt")),
    ("1 tbsp salt", "us", ("½ tsp salt", "1½ tsp salt", "1 tbsp salt", "2 tbsp salt")),
    ("4 tbsp miso", "original", ("2 tsp miso", "2 tbsp miso", "4 tbsp miso", "½ cup miso")),
    ("4 tbsp miso", "metric", ("2 tsp miso", "2 tbsp miso", "4 tbsp miso", "120 ml miso")),
    ("4 tbsp miso", "us", ("2 tsp miso", "2 tbsp miso", "4 tbsp miso", "½ cup miso")),
    (
        "2 tbsp five-spice powder",
        "original",
        (
            "1 tsp five-spice powder",
            "1 tbsp five-spice powder",
            "2 tbsp five-spice powder",
            "¼ cup five-spice powder",
        ),
    ),
    (
        "2 tbsp five-spice powder",
        "metric",
        (
            "1 tsp five-spice powder",
            "1 tbsp five-spice powder",
            "2 tbsp five-spice powder",
            "4 tbsp five-spice powder",
        ),
    ),
    (
        "2 tbsp five-spice powder",
        "us",
        (
            "1 tsp five-spice powder",
            "1 tbsp five-spice powder",
            "2 tbsp five-spice powder",
            "¼ cup five-spice powder",
        ),
    ),
    ("2 tbsp honey", "original", ("1 tsp honey", "1 tbsp honey", "2 tbsp honey", "¼ cup honey")),
    ("2 tbsp honey", "metric", ("1 tsp honey", "1 tbsp honey", "2 tbsp honey", "4 tbsp honey")),
    ("2 tbsp honey", "us", ("1 tsp honey", "1 tbsp honey", "2 tbsp honey", "¼ cup honey")),
    (
        "2 tbsp soy sauce (you could substitute coconut aminos if you prefer)",
        "original",
        (
            "1 tsp soy sauce (you could substitute coconut aminos if you prefer)",
            "1 tbsp soy sauce (you could substitute coconut aminos if you prefer)",
            "2 tbsp soy sauce (you could substitute coconut aminos if you prefer)",
            "¼ cup soy sauce (you could substitute coconut aminos if you prefer)",
        ),
    ),
    (
        "2 tbsp soy sauce (you could substitute coconut aminos if you prefer)",
        "metric",
        (
            "1 tsp soy sauce (you could substitute coconut aminos if you prefer)",
            "1 tbsp soy sauce (you could substitute coconut aminos if you prefer)",
            "2 tbsp soy sauce (you could substitute coconut aminos if you prefer)",
            "4 tbsp soy sauce (you could substitute coconut aminos if you prefer)",
        ),
    ),
    (
        "2 tbsp soy sauce (you could substitute coconut aminos if you prefer)",
        "us",
        (
            "1 tsp soy sauce (you could substitute coconut aminos if you prefer)",
            "1 tbsp soy sauce (you could substitute coconut aminos if you prefer)",
            "2 tbsp soy sauce (you could substitute coconut aminos if you prefer)",
            "¼ cup soy sauce (you could substitute coconut aminos if you prefer)",
        ),
    ),
    (
        "3 cloves of garlic – finely chopped",
        "original",
        (
            "½ clove of garlic – finely chopped",
            "1½ cloves of garlic – finely chopped",
            "3 cloves of garlic – finely chopped",
            "6 cloves of garlic – finely chopped",
        ),
    ),
    (
        "3 cloves of garlic – finely chopped",
        "metric",
        (
            "½ clove of garlic – finely chopped",
            "1½ cloves of garlic – finely chopped",
            "3 cloves of garlic – finely chopped",
            "6 cloves of garlic – finely chopped",
        ),
    ),
    (
        "3 cloves of garlic – finely chopped",
        "us",
        (
            "½ clove of garlic – finely chopped",
            "1½ cloves of garlic – finely chopped",
            "3 cloves of garlic – finely chopped",
            "6 cloves of garlic – finely chopped",
        ),
    ),
    (
        "1-2 birds eye chilli peppers – finely chopped",
        "original",
        (
            "1 birds eye chilli pepper – finely chopped",
            "1 birds eye chilli pepper – finely chopped",
            "1-2 birds eye chilli peppers – finely chopped",
            "2–4 birds eye chilli peppers – finely chopped",
        ),
    ),
    (
        "1-2 birds eye chilli peppers – finely chopped",
        "metric",
        (
            "1 birds eye chilli pepper – finely chopped",
            "1 birds eye chilli pepper – finely chopped",
            "1-2 birds eye chilli peppers – finely chopped",
            "2–4 birds eye chilli peppers – finely chopped",
        ),
    ),
    (
        "1-2 birds eye chilli peppers – finely chopped",
        "us",
        (
            "1 birds eye chilli pepper – finely chopped",
            "1 birds eye chilli pepper – finely chopped",
            "1-2 birds eye chilli peppers – finely chopped",
            "2–4 birds eye chilli peppers – finely chopped",
        ),
    ),
    (
        "4 tbsp apple cider vinegar",
        "original",
        (
            "2 tsp apple cider vinegar",
            "2 tbsp apple cider vinegar",
            "4 tbsp apple cider vinegar",
            "½ cup apple cider vinegar",
        ),
    ),
    (
        "4 tbsp apple cider vinegar",
        "metric",
        (
            "2 tsp apple cider vinegar",
            "2 tbsp apple cider vinegar",
            "4 tbsp apple cider vinegar",
            "120 ml apple cider vinegar",
        ),
    ),
    (
        "4 tbsp apple cider vinegar",
        "us",
        (
            "2 tsp apple cider vinegar",
            "2 tbsp apple cider vinegar",
            "4 tbsp apple cider vinegar",
            "½ cup apple cider vinegar",
        ),
    ),
    (
        "2 tbsp fish sauce",
        "original",
        ("1 tsp fish sauce", "1 tbsp fish sauce", "2 tbsp fish sauce", "¼ cup fish sauce"),
    ),
    (
        "2 tbsp fish sauce",
        "metric",
        ("1 tsp fish sauce", "1 tbsp fish sauce", "2 tbsp fish sauce", "4 tbsp fish sauce"),
    ),
    (
        "2 tbsp fish sauce",
        "us",
        ("1 tsp fish sauce", "1 tbsp fish sauce", "2 tbsp fish sauce", "¼ cup fish sauce"),
    ),
    (
        "1/2 tbsp honey",
        "original",
        ("¼ tsp honey", "¾ tsp honey", "1/2 tbsp honey", "1 tbsp honey"),
    ),
    ("1/2 tbsp honey", "metric", ("¼ tsp honey", "¾ tsp honey", "1/2 tbsp honey", "1 tbsp honey")),
    ("1/2 tbsp honey", "us", ("¼ tsp honey", "¾ tsp honey", "1/2 tbsp honey", "1 tbsp honey")),
    (
        "1 tbsp soy sauce",
        "original",
        ("½ tsp soy sauce", "1½ tsp soy sauce", "1 tbsp soy sauce", "2 tbsp soy sauce"),
    ),
    (
        "1 tbsp soy sauce",
        "metric",
        ("½ tsp soy sauce", "1½ tsp soy sauce", "1 tbsp soy sauce", "2 tbsp soy sauce"),
    ),
    (
        "1 tbsp soy sauce",
        "us",
        ("½ tsp soy sauce", "1½ tsp soy sauce", "1 tbsp soy sauce", "2 tbsp soy sauce"),
    ),
    (
        "1 tbsp chopped cilantro",
        "original",
        (
            "½ tsp chopped cilantro",
            "1½ tsp chopped cilantro",
            "1 tbsp chopped cilantro",
            "2 tbsp chopped cilantro",
        ),
    ),
    (
        "1 tbsp chopped cilantro",
        "metric",
        (
            "½ tsp chopped cilantro",
            "1½ tsp chopped cilantro",
            "1 tbsp chopped cilantro",
            "2 tbsp chopped cilantro",
        ),
    ),
    (
        "1 tbsp chopped cilantro",
        "us",
        (
            "½ tsp chopped cilantro",
            "1½ tsp chopped cilantro",
            "1 tbsp chopped cilantro",
            "2 tbsp chopped cilantro",
        ),
    ),
    (
        "a large piece of pork belly",
        "original",
        (
            "¼ large piece of pork belly",
            "½ large piece of pork belly",
            "a large piece of pork belly",
            "2 large pieces of pork belly",
        ),
    ),
    (
        "a large piece of pork belly",
        "metric",
        (
            "¼ large piece of pork belly",
            "½ large piece of pork belly",
            "a large piece of pork belly",
            "2 large pieces of pork belly",
        ),
    ),
    (
        "a large piece of pork belly",
        "us",
        (
            "¼ large piece of pork belly",
            "½ large piece of pork belly",
            "a large piece of pork belly",
            "2 large pieces of pork belly",
        ),
    ),
    (
        "1/2 cup (120 ml) soy sauce",
        "original",
        (
            "1 tbsp + 1 tsp (20 ml) soy sauce",
            "¼ cup (60 ml) soy sauce",
            "1/2 cup (120 ml) soy sauce",
            "1 cup (240 ml) soy sauce",
        ),
    ),
    (
        "1/2 cup (120 ml) soy sauce",
        "metric",
        ("20 ml soy sauce", "60 ml soy sauce", "120 ml soy sauce", "240 ml soy sauce"),
    ),
    (
        "1/2 cup (120 ml) soy sauce",
        "us",
        ("1 tbsp + 1 tsp soy sauce", "¼ cup soy sauce", "½ cup soy sauce", "1 cup soy sauce"),
    ),
    (
        "3 Garlic cloves (crushed)",
        "original",
        (
            "½ Garlic clove (crushed)",
            "1½ Garlic cloves (crushed)",
            "3 Garlic cloves (crushed)",
            "6 Garlic cloves (crushed)",
        ),
    ),
    (
        "3 Garlic cloves (crushed)",
        "metric",
        (
            "½ Garlic clove (crushed)",
            "1½ Garlic cloves (crushed)",
            "3 Garlic cloves (crushed)",
            "6 Garlic cloves (crushed)",
        ),
    ),
    (
        "3 Garlic cloves (crushed)",
        "us",
        (
            "½ Garlic clove (crushed)",
            "1½ Garlic cloves (crushed)",
            "3 Garlic cloves (crushed)",
            "6 Garlic cloves (crushed)",
        ),
    ),
    (
        "1 inch/2 cm ginger (sliced thinly)",
        "original",
        (
            "⅛ inch/3 mm ginger (sliced thinly)",
            "½ inch/1 cm ginger (sliced thinly)",
            "1 inch/2 cm ginger (sliced thinly)",
            "2 inches/4 cm ginger (sliced thinly)",
        ),
    ),
    (
        "1 inch/2 cm ginger (sliced thinly)",
        "metric",
        (
            "3 mm ginger (sliced thinly)",
            "1 cm ginger (sliced thinly)",
            "2 cm ginger (sliced thinly)",
            "4 cm ginger (sliced thinly)",
        ),
    ),
    (
        "1 inch/2 cm ginger (sliced thinly)",
        "us",
        (
            "⅛ inch ginger (sliced thinly)",
            "½ inch ginger (sliced thinly)",
            "1 inch ginger (sliced thinly)",
            "2 inches ginger (sliced thinly)",
        ),
    ),
    ("1 tbsp sugar", "original", ("½ tsp sugar", "1½ tsp sugar", "1 tbsp sugar", "2 tbsp sugar")),
    ("1 tbsp sugar", "metric", ("½ tsp sugar", "1½ tsp sugar", "1 tbsp sugar", "2 tbsp sugar")),
    ("1 tbsp sugar", "us", ("½ tsp sugar", "1½ tsp sugar", "1 tbsp sugar", "2 tbsp sugar")),
    (
        "1 tsp red pepper flakes (optional)",
        "original",
        (
            "a generous ⅛ tsp red pepper flakes (optional)",
            "½ tsp red pepper flakes (optional)",
            "1 tsp red pepper flakes (optional)",
            "2 tsp red pepper flakes (optional)",
        ),
    ),
    (
        "1 tsp red pepper flakes (optional)",
        "metric",
        (
            "a generous ⅛ tsp red pepper flakes (optional)",
            "½ tsp red pepper flakes (optional)",
            "1 tsp red pepper flakes (optional)",
            "2 tsp red pepper flakes (optional)",
        ),
    ),
    (
        "1 tsp red pepper flakes (optional)",
        "us",
        (
            "a generous ⅛ tsp red pepper flakes (optional)",
            "½ tsp red pepper flakes (optional)",
            "1 tsp red pepper flakes (optional)",
            "2 tsp red pepper flakes (optional)",
        ),
    ),
    ("rock salt", "original", ("rock salt", "rock salt", "rock salt", "rock salt")),
    ("rock salt", "metric", ("rock salt", "rock salt", "rock salt", "rock salt")),
    ("rock salt", "us", ("rock salt", "rock salt", "rock salt", "rock salt")),
    (
        "1/2 cup (120 ml) water",
        "original",
        (
            "1 tbsp + 1 tsp (20 ml) water",
            "¼ cup (60 ml) water",
            "1/2 cup (120 ml) water",
            "1 cup (240 ml) water",
        ),
    ),
    (
        "1/2 cup (120 ml) water",
        "metric",
        ("20 ml water", "60 ml water", "120 ml water", "240 ml water"),
    ),
    (
        "1/2 cup (120 ml) water",
        "us",
        ("1 tbsp + 1 tsp water", "¼ cup water", "½ cup water", "1 cup water"),
    ),
    (
        "12 tsp vegetable oil",
        "original",
        (
            "2 tsp vegetable oil",
            "2 tbsp vegetable oil",
            "12 tsp vegetable oil",
            "½ cup vegetable oil",
        ),
    ),
    (
        "12 tsp vegetable oil",
        "metric",
        (
            "2 tsp vegetable oil",
            "2 tbsp vegetable oil",
            "12 tsp vegetable oil",
            "120 ml vegetable oil",
        ),
    ),
    (
        "12 tsp vegetable oil",
        "us",
        (
            "2 tsp vegetable oil",
            "2 tbsp vegetable oil",
            "12 tsp vegetable oil",
            "½ cup vegetable oil",
        ),
    ),
]


@pytest.mark.parametrize(("line", "system", "expected"), SEED_LINES)
def test_seed_lines_in_every_system_and_factor(
    line: str, system: str, expected: tuple[str, str, str, str]
) -> None:
    ingredient = parse_ingredient(line)
    shown = tuple(format_ingredient(ingredient, factor, system) for factor in FACTORS)
    assert shown == expected


# (line, factor, system, shown)
CASES = [
    (
        "2kg pork belly (for us this was 3 large pieces) – skin on",
        2,
        "original",
        "4 kg pork belly (for us this was 3 large pieces) – skin on",
    ),
    (
        "1-2 birds eye chilli peppers – finely chopped",
        2,
        "original",
        "2–4 birds eye chilli peppers – finely chopped",
    ),
    ("1/2 cup (120 ml) soy sauce", 1, "metric", "120 ml soy sauce"),
    ("1/2 cup (120 ml) soy sauce", 1, "us", "½ cup soy sauce"),
    ("1/2 cup (120 ml) soy sauce", 2, "original", "1 cup (240 ml) soy sauce"),
    ("150g/5½oz breadcrumbs", 1, "us", "5½ oz breadcrumbs"),
    ("150g/5½oz breadcrumbs", 2, "original", "300 g/11 oz breadcrumbs"),
    ("1/2 tbsp honey", Fraction(1, 2), "original", "¾ tsp honey"),
    ("1/8 tsp salt", Fraction(1, 2), "original", "a pinch of salt"),
    ("12 tsp vegetable oil", 2, "us", "½ cup vegetable oil"),
    ("2 cups flour", 1, "metric", "475 ml flour"),
    ("1 cup milk", 1, "metric", "240 ml milk"),
    ("0.5 red onion", 2, "us", "1 red onion"),
    ("0.5 red onion", Fraction(1, 2), "us", "¼ red onion"),
    ("1 lb potatoes", 1, "metric", "450 g potatoes"),
    ("2 lbs potatoes", 2, "metric", "1.8 kg potatoes"),
    ("500 g flour", 1, "us", "1 lb 2 oz flour"),
    ("250 ml milk", 1, "us", "1 cup milk"),
    ("1 tsp vanilla", 1, "metric", "1 tsp vanilla"),
    ("2 (14 oz) cans tomatoes", 2, "metric", "4 (400 g) cans tomatoes"),
    ("1 pinch salt", 3, "metric", "3 pinches salt"),
    ("2 Tablespoons butter", Fraction(1, 2), "original", "1 Tablespoon butter"),
    ("1 cup sugar", 3, "original", "3 cups sugar"),
    ("2,5 dl milk", 2, "original", "5 dl milk"),
    ("300 ml cream", 4, "original", "1.2 l cream"),
    ("⅓ g saffron", 3, "original", "1 g saffron"),
    ("For the dressing:", 2, "metric", "For the dressing:"),
    ("2 onions (about 400 g)", 2, "us", "4 onions (about 1¾ lb)"),
    ("2.25 lb Swiss chard (about 4 bunches)", 2, "metric", "2.05 kg Swiss chard (about 8 bunches)"),
    (
        "4 chicken breasts (about 1 1/2 pounds total)",
        2,
        "original",
        "8 chicken breasts (about 3 pounds total)",
    ),
    ("3 chicken breasts (1 pound each)", 2, "original", "6 chicken breasts (1 pound each)"),
    ("½ c (1 stick) cold butter", 1, "metric", "120 ml (1 stick) cold butter"),
    ("salt and pepper to taste", 2, "us", "salt and pepper to taste"),
]


@pytest.mark.parametrize(("line", "factor", "system", "expected"), CASES)
def test_shows_lines_as_cooks_write(line: str, factor: int, system: str, expected: str) -> None:
    assert format_ingredient(parse_ingredient(line), Fraction(factor), system) == expected


def test_original_at_factor_one_is_the_line_exactly() -> None:
    line = "  2kg pork belly (for us this was 3 large pieces) – skin on "
    assert format_ingredient(parse_ingredient(line)) == line


def test_small_amounts_never_show_as_nothing() -> None:
    ingredient = parse_ingredient("⅛ tsp salt")
    for factor in (Fraction(1, 2), Fraction(1, 6), Fraction(1, 100)):
        shown = format_ingredient(ingredient, factor, "original")
        # Below the smallest spoon the grid says "a pinch": never 0, never 0.0021 tsp.
        assert shown == "a pinch of salt"
        assert parse_ingredient(shown).quantity == 1


def test_volume_never_becomes_weight() -> None:
    for system in ("metric", "us"):
        shown = format_ingredient(parse_ingredient("2 cups flour"), 1, system)
        assert " g " not in shown and " oz " not in shown


@pytest.mark.parametrize(
    ("system", "expected"),
    [("original", "2 cups sugar, sifted"), ("us", "2 cups sugar, sifted"),
     ("metric", "475 ml sugar, sifted")],
)  # fmt: skip
def test_scaling_agrees_across_systems(system: str, expected: str) -> None:
    assert format_ingredient(parse_ingredient("1 cup sugar, sifted"), 2, system) == expected


def test_unknown_system_is_refused() -> None:
    with pytest.raises(ValueError, match="unit system"):
        format_ingredient(parse_ingredient("1 cup sugar"), 1, "imperial")


@pytest.mark.parametrize("system", ["metric", "us"])
@pytest.mark.parametrize(
    "line",
    ["a large piece of pork belly", "3 Garlic cloves (crushed)", "a dozen eggs", "1-2 chillies"],
)
def test_a_count_is_left_as_written_when_there_is_nothing_to_convert(line, system) -> None:
    assert format_ingredient(parse_ingredient(line), Fraction(1), system) == line


HYPHENATED = [
    ("2 T-bone steaks", 2, "original", "4 T-bone steaks"),
    ("6 rib-eye steaks", 2, "original", "12 rib-eye steaks"),
    ("4 in-season tomatoes", 1, "metric", "4 in-season tomatoes"),
    ("1 L-shaped pan", 1, "us", "1 L-shaped pan"),
]


@pytest.mark.parametrize(("line", "factor", "system", "expected"), HYPHENATED)
def test_hyphenated_words_are_counted_not_measured(
    line: str, factor: int, system: str, expected: str
) -> None:
    assert format_ingredient(parse_ingredient(line), Fraction(factor), system) == expected


TWO_PARTS = [
    ("1 lb 2 oz beef", 2, "original", "2¼ lb beef"),
    ("1 lb 2 oz beef", 1, "metric", "510 g beef"),
    ("1 lb 2 oz beef", Fraction(1, 2), "us", "9 oz beef"),
    ("2 cups 3 eggs", 2, "original", "4 cups 3 eggs"),
    ("500g/1lb 2oz sweet shortcrust pastry", 2, "us", "2¼ lb sweet shortcrust pastry"),
]


@pytest.mark.parametrize(("line", "factor", "system", "expected"), TWO_PARTS)
def test_two_part_amounts_scale_as_one(
    line: str, factor: Fraction, system: str, expected: str
) -> None:
    assert format_ingredient(parse_ingredient(line), Fraction(factor), system) == expected


# (line, factor, system, shown): amounts stay on a cook's grid, and a line already in the
# chosen system comes back as written at its own size.
ON_THE_GRID = [
    ("2-3 tbsp honey", 2, "us", "4–6 tbsp honey"),
    ("2-3 tbsp honey", 2, "original", "4–6 tbsp honey"),
    ("1/2 to 3/4 cup sugar", Fraction(1, 2), "us", "4–6 tbsp sugar"),
    ("1/2 to 3/4 cup sugar", 2, "us", "1–1½ cups sugar"),
    ("3/8 cup milk", 1, "us", "3/8 cup milk"),
    ("3/8 cup milk", 2, "us", "¾ cup milk"),
    ("3/8 cup milk", Fraction(1, 2), "us", "3 tbsp milk"),
    ("3/8 cup (90 ml) milk", 1, "us", "6 tbsp milk"),
    ("1 cup + 2 tbsp flour", 1, "us", "1 cup + 2 tbsp flour"),
    ("1 cup + 2 tbsp flour", 2, "us", "2¼ cups flour"),
    ("1 lb 2 oz beef", 1, "us", "1 lb 2 oz beef"),
    ("2kg pork belly", 1, "metric", "2kg pork belly"),
    ("1/2 tbsp honey", 1, "metric", "1/2 tbsp honey"),
    ("8 tbsp butter", 1, "metric", "120 ml butter"),
    ("1 tsp salt", Fraction(1, 5), "us", "a scant ¼ tsp salt"),
]


@pytest.mark.parametrize(("line", "factor", "system", "expected"), ON_THE_GRID)
def test_amounts_stay_on_the_grid(line: str, factor: Fraction, system: str, expected: str) -> None:
    assert format_ingredient(parse_ingredient(line), Fraction(factor), system) == expected


@pytest.mark.parametrize(
    ("line", "factor", "expected"),
    [("1 box cherry tomatoes", 2, "2 boxes cherry tomatoes"),
     ("2 boxes cherry tomatoes", Fraction(1, 2), "1 box cherry tomatoes"),
     ("1 bunch coriander", 3, "3 bunches coriander"),
     ("4 dashes bitters", Fraction(1, 4), "1 dash bitters"),
     ("2 inches ginger", Fraction(1, 2), "1 inch ginger"),
     ("1 Tablespoon butter", 2, "2 Tablespoons butter"),
     ("2 slices bread", Fraction(1, 2), "1 slice bread")],
)  # fmt: skip
def test_unit_words_agree_with_the_new_number(line: str, factor: Fraction, expected: str) -> None:
    assert format_ingredient(parse_ingredient(line), Fraction(factor), "original") == expected
