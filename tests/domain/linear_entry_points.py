"""Every domain entry point that applies a pattern to user text, as one-argument functions.

Shared by tests/domain/test_linear_time.py and bench/pathological_bench.py so that both time
exactly the same calls.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from recipe_manager.domain import (
    Component,
    Recipe,
    convert_temperatures,
    find_timers,
    format_ingredient,
    parse_ingredient,
    shopping_list,
)
from recipe_manager.domain.ingredients import read_line
from recipe_manager.domain.recipe_text import (
    clean_pasted_ingredients,
    clean_pasted_steps,
    components_from_text,
    parse_heading,
)
from recipe_manager.domain.search import fold, natural_sort_key


def _fresh_parse(text: str) -> object:
    read_line.cache_clear()
    return parse_ingredient(text)


def _format(system: str) -> Callable[[str], object]:
    def run(text: str) -> object:
        read_line.cache_clear()
        return format_ingredient(parse_ingredient(text), Fraction(2, 3), system)

    return run


def _shopping(text: str) -> object:
    read_line.cache_clear()
    recipe = Recipe(title="t", components=[Component(ingredients=[parse_ingredient(text)])])
    return shopping_list([(recipe, Fraction(3, 2))], "metric")


ENTRY_POINTS: dict[str, Callable[[str], object]] = {
    "parse_ingredient": _fresh_parse,
    "format_ingredient original": _format("original"),
    "format_ingredient metric": _format("metric"),
    "format_ingredient us": _format("us"),
    "part heading (parse_heading)": parse_heading,
    "editor text (components_from_text)": lambda text: components_from_text(text, text),
    "pasted ingredients": clean_pasted_ingredients,
    "pasted steps": clean_pasted_steps,
    "find_timers": find_timers,
    "convert_temperatures metric": lambda text: convert_temperatures(text, "metric"),
    "convert_temperatures us": lambda text: convert_temperatures(text, "us"),
    "search fold": fold,
    "search sort key": natural_sort_key,
    "shopping_list": _shopping,
}
