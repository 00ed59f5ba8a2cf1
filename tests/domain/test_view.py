"""How a recipe is shown: one value for servings or batches and the unit system."""

from fractions import Fraction

import pytest

from recipe_manager.domain import UnitSystem, View, format_ingredient, parse_ingredient
from recipe_manager.domain.view import HALF_BATCH, scale_factor


@pytest.mark.parametrize(
    ("servings", "amount", "factor"),
    [
        (4, 8, Fraction(2)),
        (6, 4, Fraction(2, 3)),
        (None, 3, Fraction(3)),
        (None, HALF_BATCH, Fraction(1, 2)),
    ],
)
def test_servings_or_batches_give_the_factor(
    servings: int | None, amount: int, factor: Fraction
) -> None:
    assert scale_factor(servings, amount) == factor
    assert View.of(servings, amount, "metric") == View(factor, UnitSystem.METRIC)


def test_unit_systems_are_strings_with_labels() -> None:
    assert [str(system) for system in UnitSystem] == ["original", "metric", "us"]
    assert [system.label for system in UnitSystem] == ["As written", "Metric", "US"]
    line = parse_ingredient("1 cup milk")
    assert format_ingredient(line, Fraction(1), UnitSystem.METRIC) == format_ingredient(
        line, Fraction(1), "metric"
    )


def test_an_unknown_system_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="imperial"):
        View().in_system("imperial")


def test_as_written_only_at_factor_one_in_the_authors_units() -> None:
    assert View().is_as_written
    assert not View(Fraction(2)).is_as_written
    assert not View().in_system("us").is_as_written
