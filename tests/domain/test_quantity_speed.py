"""pint stays out of reading and of the first paint; formatting a recipe stays fast."""

from __future__ import annotations

import subprocess
import sys
import time
from fractions import Fraction

from recipe_manager.domain import format_ingredient, parse_ingredient, warm_up

RECIPE = [
    "2kg pork belly (for us this was 3 large pieces) – skin on",
    "1 tbsp sesame oil",
    "1 tbsp salt",
    "4 tbsp miso",
    "2 tbsp five-spice powder",
    "2 tbsp honey",
    "2 tbsp soy sauce (you could substitute coconut aminos if you prefer)",
    "3 cloves of garlic – finely chopped",
    "1-2 birds eye chilli peppers – finely chopped",
    "4 tbsp apple cider vinegar",
    "2 tbsp fish sauce",
    "1/2 tbsp honey",
    "a large piece of pork belly",
    "1/2 cup (120 ml) soy sauce",
    "3 Garlic cloves (crushed)",
    "1 inch/2 cm ginger (sliced thinly)",
    "1 tsp red pepper flakes (optional)",
    "rock salt",
    "1/2 cup (120 ml) water",
    "12 tsp vegetable oil",
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
