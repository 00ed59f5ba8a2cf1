"""The storage tests' marker: `slow` runs only with RECIPE_MANAGER_SLOW_TESTS=1."""

from __future__ import annotations

import os

import pytest

RUN_SLOW = os.environ.get("RECIPE_MANAGER_SLOW_TESTS") == "1"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "slow: long crash and contention runs, timing that needs a quiet machine; "
        "set RECIPE_MANAGER_SLOW_TESTS=1",
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if RUN_SLOW:
        return
    skip = pytest.mark.skip(reason="slow: set RECIPE_MANAGER_SLOW_TESTS=1 to run")
    for item in items:
        if item.get_closest_marker("slow") is not None:
            item.add_marker(skip)
