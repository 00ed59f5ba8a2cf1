"""The weights table: every row names its source, the common ones agree with it, and the
detail pane shows dry ingredients by weight in metric while liquids and unknowns keep volume."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recipe_manager.domain import format_ingredient, parse_ingredient
from recipe_manager.domain.weights import DRY_WEIGHTS, dry_weight, weighed_measure


def test_every_row_names_its_source_and_a_positive_weight() -> None:
    for row in DRY_WEIGHTS:
        assert row.source.strip(), row.names
        assert row.grams > 0 and row.cups > 0, row.names
        assert row.names and all(name == name.lower().strip() for name in row.names)


def test_no_name_is_in_two_rows() -> None:
    seen: dict[str, tuple[str, ...]] = {}
    for row in DRY_WEIGHTS:
        for name in row.names:
            assert name not in seen, (name, seen.get(name), row.names)
            seen[name] = row.names


# One cup, as the sources print it: USDA FoodData Central (SR Legacy household measures) and
# King Arthur Baking's ingredient weight chart.
PUBLISHED_CUP = [
    ("1 cup all-purpose flour", 125),  # USDA: wheat flour, white, all-purpose, 1 cup = 125 g
    ("1 cup sugar", 198),  # King Arthur: granulated sugar, 1 cup = 198 g (USDA 200 g)
    ("1 cup packed brown sugar", 213),  # King Arthur: brown sugar (packed), 1 cup = 213 g
    ("1 cup butter", 227),  # King Arthur: butter, ½ cup = 113 g; USDA 1 cup = 227 g
    ("1 cup long-grain white rice", 185),  # USDA: rice, white, long-grain, raw, 1 cup = 185 g
    ("1 cup rolled oats", 89),  # King Arthur: old-fashioned rolled oats, 1 cup = 89 g
    ("1 cup honey", 336),  # King Arthur: honey, 1 tbsp = 21 g
]


@pytest.mark.parametrize(("line", "grams"), PUBLISHED_CUP)
def test_one_cup_is_within_five_percent_of_the_source(line: str, grams: int) -> None:
    measure = weighed_measure(parse_ingredient(line))
    assert measure is not None and measure.unit == "gram"
    assert abs(measure.quantity - grams) / grams <= Fraction(5, 100)
    shown = format_ingredient(parse_ingredient(line), Fraction(1), "metric", weigh=True)
    number = float(shown.split()[0])
    assert abs(number - grams) / grams <= 0.05, shown


@pytest.mark.parametrize(
    ("name", "row"),
    [
        ("packed light brown sugar", "brown sugar"),
        ("sifted all-purpose flour", "all purpose flour"),
        ("unsalted butter", "butter"),
        ("Dutch-process cocoa powder", "cocoa"),
        ("freshly grated Parmesan", "parmesan"),
        ("chopped walnuts", "walnut"),
        ("old-fashioned rolled oats", "rolled oat"),
        ("Diamond Crystal kosher salt", "kosher salt"),
        ("whole wheat flour", "whole wheat flour"),
        ("icing sugar", "confectioners sugar"),
    ],
)
def test_names_with_their_adjectives_find_their_row(name: str, row: str) -> None:
    found = dry_weight(name)
    assert found is not None and found.names[0] == row


@pytest.mark.parametrize(
    "name",
    [
        "sugar snap peas",
        "peanut butter cups",
        "milk",
        "olive oil",
        "soy sauce",
        "flour tortillas",
        "butter beans",
        "almond butter",
        "water",
        "",
    ],
)
def test_things_that_are_not_in_the_table_are_not_matched(name: str) -> None:
    assert dry_weight(name) is None


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("1 cup all-purpose flour", "125 g all-purpose flour"),
        ("2 cups sifted cake flour", "240 g sifted cake flour"),
        ("1/2 cup unsalted butter, softened", "115 g unsalted butter, softened"),
        ("1 cup milk", "240 ml milk"),  # a liquid keeps its volume
        ("3 tbsp fish sauce", "3 tbsp fish sauce"),  # unknown: as written
        ("1 cup (130 g) flour", "130 g flour"),  # the author's own weight wins
        ("200 g flour", "200 g flour"),
        ("1-2 cups sugar", "200–400 g sugar"),
    ],
)
def test_weigh_in_metric(line: str, shown: str) -> None:
    assert format_ingredient(parse_ingredient(line), Fraction(1), "metric", weigh=True) == shown


def test_weigh_changes_nothing_outside_metric() -> None:
    line = parse_ingredient("1 cup all-purpose flour")
    for system in ("original", "us"):
        assert format_ingredient(line, Fraction(1), system, weigh=True) == format_ingredient(
            line, Fraction(1), system
        )


NICE = [Fraction(n, d) for n, d in ((1, 4), (1, 3), (1, 2), (2, 3), (3, 4), (3, 2), (2, 1), (5, 1))]


@given(st.sampled_from(NICE), st.sampled_from(DRY_WEIGHTS))
def test_weight_scales_with_the_amount(factor: Fraction, row) -> None:
    one = weighed_measure(parse_ingredient(f"1 cup {row.names[0]}"))
    amount = f"{factor.numerator}/{factor.denominator}" if factor.denominator > 1 else str(factor)
    scaled = weighed_measure(parse_ingredient(f"{amount} cup {row.names[0]}"))
    assert one is not None and scaled is not None
    assert scaled.quantity == one.quantity * factor
    assert abs(one.quantity - row.grams_per_cup) / row.grams_per_cup < Fraction(1, 1000)


@pytest.mark.parametrize(
    ("line", "factor", "shown"),
    [
        # A pinch is measured with a spoon: a kitchen scale reads whole grams.
        ("1/4 tsp kosher salt", 1, "1/4 tsp kosher salt"),
        ("1/2 tsp baking soda", 1, "1/2 tsp baking soda"),
        # Scaled up to where a scale measures it, it is weighed.
        ("1/2 tsp baking soda", 4, "12 g baking soda"),
        ("1 tsp salt", 1, "6 g salt"),
    ],
)
def test_too_little_to_weigh_stays_in_spoons(line: str, factor: int, shown: str) -> None:
    assert (
        format_ingredient(parse_ingredient(line), Fraction(factor), "metric", weigh=True) == shown
    )
