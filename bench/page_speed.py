"""CPU time to import big web pages (issue 14: a 1 MB page with good JSON-LD <= 0.3 s).

    .venv/bin/python bench/page_speed.py

Pages are generated: blog-like markup (nested divs, lists, paragraphs, links) around a
schema.org Recipe in JSON-LD, at 250 KB, 1 MB and 2.5 MB, and the same 1 MB page without
JSON-LD (the page's own lists are read). Each figure is the best of three, in CPU seconds
(time.process_time), with the stdlib HTML parser alone on the same page as the baseline.
"""

from __future__ import annotations

import json
import time
from html.parser import HTMLParser

from recipe_manager.io import import_text

RECIPE = {
    "@context": "https://schema.org",
    "@type": "Recipe",
    "name": "Leek and Potato Soup",
    "recipeIngredient": ["3 leeks", "500 g potatoes", "1 l stock", "100 ml cream"],
    "recipeInstructions": [{"@type": "HowToStep", "text": f"Step {n}."} for n in range(1, 7)],
    "recipeYield": "4",
}
BLOCK = (
    "<div class='post'><div class='inner'><p>Soup is the thing in winter, <a href='/x'>"
    "read more</a> about leeks and <b>potatoes</b>.</p><ul><li>One</li><li>Two</li></ul>"
    "<div class='meta'><span>Posted</span> <span>by Ann</span></div></div></div>\n"
)


def page(size: int, json_ld: bool = True) -> str:
    head = "<!doctype html><html><head><title>Soup</title>"
    if json_ld:
        head += f"<script type='application/ld+json'>{json.dumps(RECIPE)}</script>"
    body = BLOCK * (size // len(BLOCK))
    lists = (
        "<h2>Ingredients</h2><ul><li>3 leeks</li><li>500 g potatoes</li></ul>"
        "<h2>Method</h2><ol><li>Chop.</li><li>Simmer.</li></ol>"
    )
    return f"{head}</head><body><h1>Leek and Potato Soup</h1>{body}{lists}</body></html>"


def cpu(call) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        call()
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    print(f"{'page':32} {'import (s)':>10} {'parser alone (s)':>17} {'ratio':>6}")
    for label, size, json_ld in (
        ("250 KB, JSON-LD", 250_000, True),
        ("1 MB, JSON-LD", 1_000_000, True),
        ("2.5 MB, JSON-LD", 2_500_000, True),
        ("1 MB, no JSON-LD (page lists)", 1_000_000, False),
    ):
        text = page(size, json_ld)
        imported = cpu(lambda text=text: import_text(text, "bench page"))
        parser = HTMLParser()
        baseline = cpu(lambda text=text: HTMLParser().feed(text))
        del parser
        print(f"{label:32} {imported:10.3f} {baseline:17.3f} {imported / baseline:6.2f}")


if __name__ == "__main__":
    main()
