"""No text makes the domain wait: every entry point runs in linear time on hostile text.

Issue 14's class: a pattern that backtracks over a run froze the app for seconds. Every
entry point meets 50 ms per 10 KB (best of 3, so a busy machine never fails it) on every
generated shape at 1, 10 and 100 KB; bench/pathological_bench.py prints the exact figures.
"""

from __future__ import annotations

import pytest
from linear_entry_points import ENTRY_POINTS
from pathological import SIZES, best_of, budget_for, pathological_strings

from recipe_manager.domain import warm_up


@pytest.fixture(scope="module", autouse=True)
def _pint_ready() -> None:
    warm_up()  # pint's first build is not a property of the text


@pytest.mark.timeout(600)
@pytest.mark.parametrize("entry_point", sorted(ENTRY_POINTS))
def test_entry_point_is_linear_on_pathological_text(entry_point: str) -> None:
    function = ENTRY_POINTS[entry_point]
    slow = []
    for size in SIZES:
        for shape, text in pathological_strings(size):
            took = best_of(function, text, enough=budget_for(text))
            if took > budget_for(text):
                slow.append(f"{shape} at {len(text)} chars: {took * 1000:.0f} ms")
    assert not slow, f"{entry_point} is slower than 50 ms per 10 KB on: {slow}"
