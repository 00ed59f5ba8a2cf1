"""Speed of the quantity engine on the 3,679 real lines of ../shared/corpus/ingredient-lines.jsonl.

Run: .venv/bin/python bench/parse_format_bench.py

The machine is noisy, so every figure is also given as a ratio to a baseline measured in the
same run: json-decoding the same lines (a fixed, pure-Python-ish amount of work per line).
It reports:
* parsing (uncached, as on first load) and formatting at factor 2 in metric and us;
* building pint's registry in a fresh process, plain and with cache_folder=":auto:";
* formatting one 20-line recipe in metric and us once the registry is warm.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from recipe_manager.domain import format_ingredient, parse_ingredient, warm_up
from recipe_manager.domain.ingredients import read_line

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/corpus/ingredient-lines.jsonl"
SEED_FILE = Path(__file__).resolve().parents[1] / "data" / "seed-recipes.json"
# Every ingredient line of the two starter recipes, as the detail pane shows them.
SEED_RECIPE = [
    line
    for recipe in json.loads(
        (Path(__file__).resolve().parents[1] / "data/seed-recipes.json").read_text()
    )["recipes"]
    for component in recipe["components"]
    for line in component["ingredients"]
]
_BUILD = """
import time, pint
start = time.perf_counter()
pint.UnitRegistry({arguments}).Quantity(1, "cup").to("milliliter")
print(time.perf_counter() - start)
"""


def _best_of(runs: int, work: Callable[[], object]) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        timings.append(time.perf_counter() - start)
    return min(timings)


def _fresh_build(arguments: str, runs: int) -> list[float]:
    """Seconds to build a registry (and convert once) in new processes, import excluded."""
    code = _BUILD.format(arguments=arguments)
    return [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(runs)
    ]  # fmt: skip


def main() -> None:
    raw = CORPUS.read_text(encoding="utf-8").splitlines()
    lines = [json.loads(row)["text"] for row in raw if row]
    count = len(lines)

    baseline = _best_of(5, lambda: [json.loads(row) for row in raw])

    def parse_all() -> None:
        read_line.cache_clear()
        for line in lines:
            parse_ingredient(line)

    parse_time = _best_of(5, parse_all)
    ingredients = [parse_ingredient(line) for line in lines]
    warm_up()

    def format_all() -> None:
        for ingredient in ingredients:
            format_ingredient(ingredient, Fraction(2), "metric")
            format_ingredient(ingredient, Fraction(2), "us")

    format_time = _best_of(3, format_all) / 2
    print(f"{count} lines; baseline (json-decoding them) {count / baseline:,.0f} lines/s")
    print(
        f"parse (uncached):        {count / parse_time:9,.0f} lines/s "
        f"= {parse_time / baseline:5.1f}x the baseline's time"
    )
    print(
        f"format ×2, metric or us: {count / format_time:9,.0f} lines/s "
        f"= {format_time / baseline:5.1f}x the baseline's time"
    )

    plain = _fresh_build("", 5)
    with tempfile.TemporaryDirectory() as folder:
        # The app uses ":auto:" (the user cache folder); a fresh folder shows both the first
        # build, which writes the cache, and the later ones, which read it.
        writing = _fresh_build(f"cache_folder={folder!r}", 1)
        cached = _fresh_build(f"cache_folder={folder!r}", 5)
    print(
        f"pint registry in a fresh process (import pint not included, medians of 5): "
        f"plain {statistics.median(plain) * 1000:.0f} ms; with cache_folder: first build "
        f"{writing[0] * 1000:.0f} ms (writes the cache), "
        f"then {statistics.median(cached) * 1000:.0f} ms"
    )

    recipe = [parse_ingredient(line) for line in SEED_RECIPE]

    def format_recipe() -> None:
        for ingredient in recipe:
            format_ingredient(ingredient, Fraction(7, 3), "metric")
            format_ingredient(ingredient, Fraction(7, 3), "us")

    per_recipe = _best_of(20, format_recipe) / 2
    print(f"one {len(recipe)}-line recipe at ×7/3, metric or us: {per_recipe * 1000:.2f} ms")


if __name__ == "__main__":
    main()
