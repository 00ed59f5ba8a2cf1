"""Worst time per domain text entry point on generated pathological strings (issue 14).

Run: .venv/bin/python bench/pathological_bench.py [--size 100000]

Prints, per entry point, the slowest shape at each size (best of 3) and that time per 10 KB,
against the budget the test enforces (50 ms per 10 KB). The strings come from
tests/pathological.py and the entry points from tests/domain/linear_entry_points.py, the
same ones tests/domain/test_linear_time.py times.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "domain")]

from linear_entry_points import ENTRY_POINTS  # noqa: E402
from pathological import SIZES, best_of, pathological_strings  # noqa: E402

from recipe_manager.domain import warm_up  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--size", type=int, action="append", help="text sizes (default 1k/10k/100k)"
    )
    arguments = parser.parse_args()
    sizes = arguments.size or list(SIZES)
    warm_up()
    print(
        "| entry point | "
        + " | ".join(f"worst at {size // 1000} KB" for size in sizes)
        + " | worst per 10 KB |"
    )
    print("|---|" + "---:|" * (len(sizes) + 1))
    for name, function in ENTRY_POINTS.items():
        cells = []
        worst_rate = 0.0
        for size in sizes:
            worst, worst_shape = 0.0, ""
            for shape, text in pathological_strings(size):
                took = best_of(function, text)
                worst_rate = max(worst_rate, took / max(1.0, len(text) / 10_000))
                if took > worst:
                    worst, worst_shape = took, shape
            cells.append(f"{worst * 1000:.1f} ms ({worst_shape})")
        print(f"| {name} | " + " | ".join(cells) + f" | {worst_rate * 1000:.2f} ms |")


if __name__ == "__main__":
    main()
