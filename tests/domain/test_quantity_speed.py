"""pint stays out of reading and of the first paint; formatting a recipe stays fast."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from fractions import Fraction
from pathlib import Path

from recipe_manager.domain import format_ingredient, parse_ingredient, warm_up

SEED_FILE = Path(__file__).resolve().parents[2] / "data" / "seed-recipes.json"
# Every ingredient line of the two starter recipes, as the detail pane shows them.
RECIPE = [
    line
    for recipe in json.loads(
        (Path(__file__).resolve().parents[2] / "data/seed-recipes.json").read_text()
    )["recipes"]
    for component in recipe["components"]
    for line in component["ingredients"]
]

_PINT_FREE = """
import sys
from recipe_manager.domain import format_ingredient, parse_ingredient
for line in sys.argv[1:]:
    format_ingredient(parse_ingredient(line))
print("pint" in sys.modules)
"""


def test_reading_and_first_paint_never_import_pint() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PINT_FREE, *RECIPE], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_recipe_formats_well_under_a_frame_once_warm() -> None:
    warm_up()
    ingredients = [parse_ingredient(line) for line in RECIPE]
    best = float("inf")
    for attempt in range(5):
        start = time.perf_counter()
        for system in ("metric", "us"):
            for ingredient in ingredients:
                format_ingredient(ingredient, Fraction(7, 3 + attempt), system)
        best = min(best, (time.perf_counter() - start) / 2)
    assert best < 0.008


# Pasted or hostile lines: long runs of what the reader scans for (spaces, commas, numbers).
_LONG = 20_000
HOSTILE_LINES = [
    "1" + " " * _LONG + "x",
    "1 cup flour" + ", " * _LONG + "sifted",
    "1 large" + "," * _LONG + "egg",
    "salt " + "1 " * _LONG + "pinch of",
    "2 tbsp oil" + " –" * _LONG + "x",
    "1 cup x" + "(1 " * _LONG,
    "1\t" + "\t\n" * _LONG + "x",
]


def test_hostile_long_lines_read_and_format_in_well_under_a_second() -> None:
    warm_up()
    for line in HOSTILE_LINES:
        start = time.perf_counter()
        ingredient = parse_ingredient(line)
        format_ingredient(ingredient, Fraction(2), "metric")
        assert time.perf_counter() - start < 0.25, line[:20]
        assert ingredient.text == line
