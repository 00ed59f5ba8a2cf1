"""Scaling to what you have, the shop's aisles and units, the meal plan's entries, and the
shopping list's text: the domain of the issue on what cooks ask for."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recipe_manager.domain import Component, Recipe, factor_for_amount, parse_ingredient
from recipe_manager.domain.aisles import AISLES, aisle_for, is_pantry_staple
from recipe_manager.domain.meal_plan import (
    MealPlanEntry,
    aisle_choices,
    aisle_entry,
    meals,
    meals_between,
    pantry_entry,
    pantry_keys,
    servings_by_recipe,
    week_start,
)
from recipe_manager.domain.scale_to import scale_note, scale_to_amount, servings_text
from recipe_manager.domain.shopping import shopping_items
from recipe_manager.domain.shopping_text import as_html, as_markdown, as_text


def recipe(title: str, *lines: str, servings: int | None = 4, steps=()) -> Recipe:
    return Recipe(
        title=title,
        servings=servings,
        components=[Component(ingredients=[parse_ingredient(x) for x in lines], steps=list(steps))],
    )


# Scale to what you have -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "have", "factor"),
    [
        ("1 kg pork belly", "1.4 kg", Fraction(7, 5)),
        ("1 kg pork belly", "1400 g", Fraction(7, 5)),
        ("500 g pork belly", "1.4kg", Fraction(14, 5)),
        ("2 lb pork shoulder", "1 kg", Fraction("1000") / Fraction("907.18474")),
        ("4 cloves garlic", "6", Fraction(3, 2)),
        ("4 cloves garlic", "6 cloves", Fraction(3, 2)),
        ("2 cans tomatoes", "3 cans", Fraction(3, 2)),
        ("1-2 lb pork", "3 lb", Fraction(3)),  # a range: its low end
        ("2 cups flour", "500 g", Fraction(2)),  # flour: 125 g a cup (weights table)
        ("1 cup (125 g) flour", "250 g", Fraction(2)),  # the author's own weight
        ("3 eggs", "two", Fraction(2, 3)),
    ],
)
def test_factor_for_amount(line: str, have: str, factor: Fraction) -> None:
    found = factor_for_amount(parse_ingredient(line), have)
    assert abs(found - factor) / factor < Fraction(1, 1000)


def test_three_pounds_against_two_kilograms() -> None:
    found = factor_for_amount(parse_ingredient("2 kg pork belly"), "3 lb")
    assert abs(float(found) - 3 * 0.45359237 / 2) < 1e-6


@pytest.mark.parametrize(
    ("line", "have", "says"),
    [
        ("1 kg pork belly", "2", "a count"),
        ("2 cans tomatoes", "1 kg", "a weight"),
        ("1 cup milk", "200 g", "volume"),  # a liquid has no weight per cup in the table
        ("2 eggs", "3 cans", "can't be compared"),
        ("salt to taste", "1 tsp", "no amount"),
        ("1 kg pork belly", "plenty", "no amount"),
        ("1 kg pork belly", "", "how much"),
        ("1 kg pork belly", "0 kg", "more than nothing"),
    ],
)
def test_what_cannot_be_compared_says_why(line: str, have: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        factor_for_amount(parse_ingredient(line), have)


@given(st.integers(1, 5000), st.integers(1, 5000))
def test_scaling_to_an_amount_in_the_same_unit_is_the_ratio(written: int, have: int) -> None:
    found = factor_for_amount(parse_ingredient(f"{written} g pork belly"), f"{have} g")
    assert found == Fraction(have, written)


def test_the_header_says_what_was_scaled_servings_and_times() -> None:
    pork = recipe("Pork", "1 kg pork belly", servings=4, steps=["Roast for 1 hour."])
    scale = scale_to_amount(pork.components[0].ingredients[0], "1.4 kg")
    note = scale_note(pork, scale)
    assert note.startswith("Scaled to 1.4 kg pork belly: about 6 servings.")
    assert "times" in note and "not changed" in note
    no_time = recipe("Pork", "1 kg pork belly", servings=4, steps=["Slice thinly."])
    assert "times" not in scale_note(no_time, scale)
    ranged = scale_to_amount(parse_ingredient("1-2 lb pork"), "3 lb")
    assert "low end" in scale_note(pork, ranged)
    assert servings_text(Fraction(4)) == "Serves 4"
    assert servings_text(Fraction(9, 2)) == "About 4 servings"


# Aisles, pantry, shop units --------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "aisle"),
    [
        ("garlic", "produce"),
        ("pork belly", "meat"),
        ("milk", "dairy"),
        ("coconut milk", "dry goods"),
        ("chicken stock", "dry goods"),
        ("chicken thigh", "meat"),
        ("soy sauce", "dry goods"),
        ("five spice", "spices"),
        ("frozen pea", "frozen"),
        ("baguette", "bakery"),
        ("unobtainium", "other"),
        # A dried or powdered vegetable is a jar on the spice shelf, not produce.
        ("onion powder", "spices"),
        ("granulated garlic", "spices"),
        ("ground ginger", "spices"),
        ("fresh ginger", "produce"),
        ("ripe peach", "produce"),
    ],
)
def test_aisles(key: str, aisle: str) -> None:
    assert aisle_for(key) == aisle


def test_the_cooks_choice_wins() -> None:
    assert aisle_for("garlic", {"garlic": "spices"}) == "spices"
    assert aisle_for("garlic", {"garlic": "nowhere"}) == "produce"


def test_pantry_staples() -> None:
    assert is_pantry_staple("water") and is_pantry_staple("salt and pepper")
    assert not is_pantry_staple("olive oil")
    assert is_pantry_staple("olive oil", {"olive oil"})


def test_the_list_for_the_shop() -> None:
    items = shopping_items(
        [
            (
                recipe(
                    "A",
                    "3 cloves garlic",
                    "2 1/2 onions",
                    "water",
                    "1 cup flour",
                    "2 cans tomatoes",
                ),
                1,
            ),
            (recipe("B", "1 1/2 cloves garlic, minced", "200 g flour", "3 sprigs thyme"), 1),
        ],
        "metric",
        for_shop=True,
    )
    by_key = {item.key: item for item in items}
    assert by_key["garlic"].text == "1 head garlic"  # 4½ cloves: a head holds about 10
    assert by_key["onion"].text == "3 onions"  # 2½ rounded up
    assert by_key["flour"].text == "325 g flour"  # a cup of flour is 125 g
    assert by_key["thyme"].text == "1 bunch thyme"
    assert by_key["water"].staple and not by_key["garlic"].staple
    assert by_key["tomato"].aisle == "dry goods"  # tinned
    assert by_key["garlic"].aisle == "produce"


# Meal plan entries -------------------------------------------------------------------------------


def test_meal_entries_round_trip_and_bad_ones_are_skipped() -> None:
    meal = MealPlanEntry(date(2026, 3, 4), "r1", "Crispy Pork Belly", 6, "e1")
    entry = meal.to_entry()
    assert MealPlanEntry.from_entry(entry) == meal
    broken = [
        {**entry, "day": "not a day"},
        {**entry, "servings": 0},
        {**entry, "servings": True},
        {**entry, "kind": "something newer"},
        {**entry, "id": ""},
        "not even a dict",
    ]
    assert meals([entry, *broken]) == [meal]


def test_weeks_ranges_and_servings_summed() -> None:
    assert week_start(date(2026, 3, 5)) == date(2026, 3, 2)  # a Thursday's Monday
    plan = [
        MealPlanEntry(date(2026, 3, 2), "a", "A", 2, "1"),
        MealPlanEntry(date(2026, 3, 4), "a", "A", 4, "2"),
        MealPlanEntry(date(2026, 3, 9), "b", "B", 3, "3"),
    ]
    chosen = meals_between(plan, date(2026, 3, 8), date(2026, 3, 1))
    assert [meal.id for meal in chosen] == ["1", "2"]
    assert servings_by_recipe(chosen) == {"a": 6}


def test_aisle_and_pantry_entries() -> None:
    entries = [aisle_entry("garlic", "spices"), pantry_entry("olive oil"), {"kind": "aisle"}]
    assert aisle_choices(entries) == {"garlic": "spices"}
    assert pantry_keys(entries) == {"olive oil"}
    with pytest.raises(ValueError):
        aisle_entry("garlic", "the moon")
    assert set(AISLES) >= {"produce", "meat", "dairy", "bakery", "dry goods", "spices", "frozen"}


# The list as text ----------------------------------------------------------------------------


def test_text_markdown_and_html_by_aisle_never_markup() -> None:
    items = shopping_items(
        [(recipe("<b>Pie</b>", "2 kg pork belly", "1 *bold* onion"), 1)], for_shop=True
    )
    text = as_text(items, {"pork belly"})
    assert text.splitlines()[0] == "Produce:"
    assert "☑ 2 kg pork belly" in text
    markdown = as_markdown(items, set(), ["<b>Pie</b> (4 servings)"])
    assert "bold\\*" in markdown and "\\<b\\>Pie" in markdown
    assert "## Meat and fish" in markdown
    html = as_html(items, set(), ["<b>Pie</b>"])
    assert "<b>Pie</b>" not in html and "&lt;b&gt;Pie&lt;/b&gt;" in html
