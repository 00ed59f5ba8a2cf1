"""Properties that hold for any line and any factor, checked with hypothesis."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from recipe_manager.domain import format_ingredient, parse_ingredient
from recipe_manager.domain.units import conversion_factor, is_measurable

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


@settings(max_examples=200)
@given(_AMOUNTS, _UNITS, _NAMES, _FACTORS)
def test_format_then_parse_keeps_the_quantity(
    amount: str, unit: str, name: str, factor: Fraction
) -> None:
    """Read back, a scaled line says the scaled amount, within what the display rounds.

    The display may pick another unit of the same kind (¼ tbsp → ¾ tsp), so both sides are
    compared in the author's unit. Rounding is at most 6% for fractions cooks measure and 2%
    for metric grain; decimals shown for amounts with no honest fraction keep two significant
    digits, so 6% bounds every case.
    """
    ingredient = parse_ingredient(f"{amount} {unit} {name}")
    if ingredient.quantity is None:
        return
    shown = parse_ingredient(format_ingredient(ingredient, factor, "original"))
    assert shown.quantity is not None
    ratio = Fraction(1)
    if shown.unit != ingredient.unit:
        assert is_measurable(shown.unit) and is_measurable(ingredient.unit)
        ratio = conversion_factor(shown.unit, ingredient.unit)
    expected = ingredient.quantity * factor
    assert abs(shown.quantity * ratio - expected) <= expected * Fraction(6, 100)
    assert (shown.quantity_max is None) == (ingredient.quantity_max is None)
