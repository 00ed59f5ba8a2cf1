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
