"""Properties that hold for any line and any factor, checked with hypothesis."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from recipe_manager.domain import format_ingredient, parse_ingredient
from recipe_manager.domain.grid import grid_step
from recipe_manager.domain.nouns import is_liquid, is_whole_thing
from recipe_manager.domain.units import conversion_factor, is_measurable, unit_info

_KITCHEN_TEXT = st.text(
    alphabet=st.sampled_from(list("0123456789 /-–.,½¼¾⅓⅛()abcgilmnoprstTz:xX")), max_size=40
)
_FACTORS = st.fractions(min_value=Fraction(1, 12), max_value=12, max_denominator=12).filter(
    lambda value: value > 0
)
_AMOUNTS = st.sampled_from(["1", "2", "1/2", "1 1/2", "¾", "1½", "3", "12", "250", "0.5", "1-2"])
_UNITS = st.sampled_from(
    ["cup", "cups", "tbsp", "tsp", "T", "g", "kg", "ml", "l", "oz", "lb", "inch", "cloves", ""]
)
_NAMES = st.sampled_from(["flour", "soy sauce", "garlic, crushed", "pork belly (skin on)"])


@given(st.text(max_size=80))
def test_parse_never_raises_and_keeps_the_text(text: str) -> None:
    assert parse_ingredient(text).text == text


@given(_KITCHEN_TEXT)
def test_parse_and_format_never_raise_on_kitchen_like_text(text: str) -> None:
    ingredient = parse_ingredient(text)
    assert ingredient.text == text
    for system in ("original", "metric", "us"):
        assert isinstance(format_ingredient(ingredient, Fraction(3, 2), system), str)


@settings(max_examples=300)
@given(_AMOUNTS, _UNITS, _NAMES, _FACTORS, st.sampled_from(["original", "metric", "us"]))
def test_format_then_parse_keeps_the_quantity(
    amount: str, unit: str, name: str, factor: Fraction, system: str
) -> None:
    """The kitchen grid's round trip: what is shown reads back (through parse_ingredient) to
    within one step of the grid (domain/grid.py) from the exact scaled amount.

    The display may pick another unit of the same kind (¼ tbsp → ¾ tsp, 18 tbsp → 1 cup +
    2 tbsp, a pinch below ⅛ tsp), so both sides are compared in the author's unit.
    """
    ingredient = parse_ingredient(f"{amount} {unit} {name}")
    if ingredient.quantity is None:
        return
    shown = parse_ingredient(format_ingredient(ingredient, factor, system))
    assert shown.quantity is not None
    quantity = shown.quantity
    if shown.unit in ("pinch", "dash"):
        # A dash is ⅛ tsp and a pinch half that (the grid's source).
        quantity = shown.quantity * (Fraction(1, 8) if shown.unit == "dash" else Fraction(1, 16))
        shown_unit: str | None = "teaspoon"
    else:
        shown_unit = shown.unit
    source_unit = ingredient.unit
    if source_unit == "ounce" and system == "metric" and is_liquid(name):
        source_unit = "fluid_ounce"  # a liquid's ounces are fluid ounces
    ratio = Fraction(1)
    if shown_unit != source_unit:
        assert is_measurable(shown_unit) and is_measurable(source_unit)
        ratio = conversion_factor(shown_unit, source_unit)
    expected = ingredient.quantity * factor
    # The step of the grid the amount is shown on, at the exact amount, in the author's unit.
    step = grid_step(expected / ratio, shown_unit, is_whole_thing(name)) * ratio
    shown_info = unit_info(shown_unit) if is_measurable(shown_unit) else None
    if ingredient.quantity_max is not None and shown_info is not None and shown_info.denominators:
        # A range's two ends sit on the shown unit's own fractions (1 1/4-2 3/4 lb), not on
        # the compound grid of one amount (1 lb 5 oz): within half its smallest fraction.
        step = max(step, Fraction(1, 2 * max(shown_info.denominators)) * ratio)
    assert abs(quantity * ratio - expected) <= step
    # A range may close up when both ends land on one step; one amount stays one amount
    # (only a whole thing between two counts is shown as both, "1–2 eggs").
    if ingredient.quantity_max is None and not is_whole_thing(name):
        assert shown.quantity_max is None
