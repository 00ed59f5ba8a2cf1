"""Generated hostile text for timing every text entry point (issue 14's first class).

Import it as `pathological` (tests/ is on sys.path through its conftest). Reusable: the
domain's test (tests/domain/test_linear_time.py), the importers' test and
bench/pathological_bench.py all take their strings from `pathological_strings`, and judge a
time with `budget_for`. Each string is built from a short unit repeated up to the size asked
for, between a realistic head and tail, so that a pattern that backtracks over a run
(spaces, digits, fractions, punctuation, nesting, dashes) is caught at its worst.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

# (name, head, repeated unit, tail): the head puts a pattern in the state where the run hurts.
SHAPES: tuple[tuple[str, str, str, str], ...] = (
    ("spaces", "1", " ", "x"),
    ("spaces before colon", "", " ", "Sauce:"),
    ("leading spaces", "", " ", "1 cup flour"),
    ("tabs and newlines", "2 cups", " \t\u00a0", "sugar"),
    ("digits", "", "1", " cup"),
    ("digits and spaces", "salt ", "1 ", "pinch of"),
    ("digit slash", "", "1/", "2 cup"),
    ("fractions", "", "1 1/2 ", "cups"),
    ("unicode fractions", "", "½", " cup"),
    ("unicode fractions spaced", "1", " ½", " tsp"),
    ("commas", "1 cup flour", ", ", "sifted"),
    ("bare commas", "1 large", ",", "egg"),
    ("periods", "1.", ".", "5 kg"),
    ("decimal runs", "", "1.1,", "kg"),
    ("dashes", "1", "-", "2 cups"),
    ("spaced dashes", "1 cup", " - ", "flour"),
    ("en dashes", "1", " – ", "2 cups"),
    ("ranges", "", "1-2 ", "cups"),
    ("slashes", "1 cup", " / ", "120 ml"),
    ("parentheses open", "2 cans", " (", "14 oz"),
    ("nesting", "1 cup", "(", ")"),
    ("nesting closed", "1 cup ", "(a ", ")" * 1),
    ("colons", "Sauce", ":", " 1 cup"),
    ("degrees", "Bake at 350", "°", "F"),
    ("temperature runs", "", "180°C/", "350°F"),
    ("minutes", "", "1 ", "minute"),
    ("times", "Cook for ", "1-", "2 hours"),
    ("words", "1 cup ", "flour ", "sifted"),
    ("or runs", "1 cup ", "or ", "2 tbsp"),
    ("plus runs", "1 cup ", "+ 1 ", "tbsp"),
    ("x runs", "2 ", "x ", "400 g"),
    ("letters glued", "1", "a", "b"),
    ("mixed punctuation", "1 cup", " ,;:-()/", "flour"),
    ("accents", "Crème ", "é", "brûlée"),
    ("heading servings", "Sauce (serves ", "1", "):"),
)

SIZES = (1_000, 10_000, 100_000)


def pathological_strings(size: int) -> Iterator[tuple[str, str]]:
    """(shape name, text of about `size` characters) for every shape."""
    for name, head, unit, tail in SHAPES:
        repeats = max(1, (size - len(head) - len(tail)) // len(unit))
        yield name, head + unit * repeats + tail


def best_of(
    function: Callable[[str], object], text: str, tries: int = 3, enough: float = 0.0
) -> float:
    """The best of `tries` wall times (seconds) of `function(text)`: a busy machine slows
    some runs, never all of them. Stops early once a run takes `enough` or less (a test
    only needs one run within its budget)."""
    best = float("inf")
    for _ in range(tries):
        started = time.perf_counter()
        function(text)
        best = min(best, time.perf_counter() - started)
        if best <= enough:
            break
    return best


# Issue 14: fail over 50 ms per 10 KB of text.
BUDGET_PER_10KB = 0.050


def budget_for(text: str) -> float:
    """The time allowed for `text`: 50 ms per 10 KB, never less than 50 ms."""
    return BUDGET_PER_10KB * max(1.0, len(text) / 10_000)
