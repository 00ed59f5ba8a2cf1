"""What the page-import tests share: a page around a JSON-LD recipe, its steps, and the
best CPU time of a call (for the tests that hold reading to linear time)."""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable

from recipe_manager.domain import Recipe
from recipe_manager.io import RecipeImportError, import_text

#: A recipe's JSON-LD with nothing but a name and two ingredient lines.
BASE = {
    "@type": "Recipe",
    "name": "Soup",
    "recipeIngredient": ["1 onion", "1 l stock"],
}


def read_page(data: dict, body: str = "") -> Recipe:
    """The one recipe imported from a page holding `data` as JSON-LD and `body` as its HTML."""
    page = (
        f'<html><head><script type="application/ld+json">{json.dumps(data)}</script></head>'
        f"<body>{body}</body></html>"
    )
    (recipe,) = import_text(page, "page.html")
    return recipe


def steps_of(recipe: Recipe) -> list[str]:
    return [step for component in recipe.components for step in component.steps]


def best_cpu_time(call: Callable[[], object], tries: int = 3, enough: float = 0.0) -> float:
    """The best of `tries` CPU times of this thread for `call` (other processes on a busy
    machine do not count); a page over a limit may refuse, and the time to get that far
    still counts. Stops early once a time is at most `enough`."""
    best = float("inf")
    for _ in range(tries):
        started = time.thread_time()
        with contextlib.suppress(RecipeImportError):
            call()
        best = min(best, time.thread_time() - started)
        if best <= enough:
            break
    return best
