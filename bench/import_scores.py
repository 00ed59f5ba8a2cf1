"""Import scores on saved recipe pages against what a careful reader takes from each.

    .venv/bin/python bench/import_scores.py [PAGES_FOLDER]

Each page's .html is imported with `import_file` and compared with its .json:
- title: 1 if equal after normalising (case, spacing, Unicode form), else 0;
- ingredients, instructions: lines in common (as a multiset, normalised, spaces ignored)
  divided by the longer of the two lists, so missing lines and extra lines both cost;
  spaces are ignored because some expected lines lost the space at inline markup
  ("Spoel depruimengoed schoon" where the page shows "Spoel de <strong>pruimen</strong>
  goed schoon"), and a line read right should not score 0 for that; no two real lines
  differ by spacing alone, so nothing wrong is let through;
  instructions count a component's title as a line before its steps, as pages list
  section names among the steps;
- yields: 1 if the number and the noun agree ("6" and "serves 6" both mean "6 servings");
- times: the share of prep, cook and total minutes that are equal (both absent counts).
A page that fails to import scores 0 everywhere. The page score is the mean of the five.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from recipe_manager.domain import Recipe
from recipe_manager.io import RecipeImportError, import_file

PAGES = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "pages"
FIELDS = ("title", "ingredients", "instructions", "yields", "times")
_SERVING_NOUNS = re.compile(
    r"(?i)^(serv\w*|people|persons?|portion\w*|porç\w*|pessoas?|personnes?|personen)$"
)


def normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u2044", "/").casefold()
    return " ".join(text.split()).strip(" :.")


def line_key(text: str) -> str:
    return "".join(normal(text).split())


def list_score(expected: list[str], got: list[str]) -> float:
    if not expected and not got:
        return 1.0
    common = Counter(map(line_key, expected)) & Counter(map(line_key, got))
    return sum(common.values()) / max(len(expected), len(got))


def yield_key(text: str | None) -> tuple[str, str] | None:
    if not text:
        return None
    number = re.search(r"\d+", text)
    words = [w for w in re.findall(r"[^\W\d_]+", text.casefold()) if w not in {"serves", "makes"}]
    noun = words[-1] if words else "servings"
    if _SERVING_NOUNS.match(noun):
        noun = "servings"
    return (number.group() if number else "", noun.rstrip("s"))


def recipe_yields(recipe: Recipe) -> str | None:
    if recipe.yield_text and re.search(r"[^\W\d_]", recipe.yield_text):
        return recipe.yield_text
    return f"{recipe.servings} servings" if recipe.servings is not None else None


def recipe_steps(recipe: Recipe) -> list[str]:
    lines: list[str] = []
    for component in recipe.components:
        if component.steps and component.title:
            lines.append(component.title)
        lines.extend(component.steps)
    return lines


def recipe_ingredients(recipe: Recipe) -> list[str]:
    return [
        ingredient.text
        for component in recipe.components
        for ingredient in component.ingredients
        if not ingredient.is_heading
    ]


def score_page(recipe: Recipe, expected: dict) -> dict[str, float]:
    times = [
        expected.get(f"{key}_time") == getattr(recipe, f"{key}_minutes")
        for key in ("prep", "cook", "total")
    ]
    return {
        "title": float(normal(recipe.title) == normal(expected["title"])),
        "ingredients": list_score(expected["ingredients"], recipe_ingredients(recipe)),
        "instructions": list_score(expected["instructions"], recipe_steps(recipe)),
        "yields": float(yield_key(expected.get("yields")) == yield_key(recipe_yields(recipe))),
        "times": sum(times) / len(times),
    }


def score_folder(folder: Path) -> dict[str, dict[str, float]]:
    scores: dict[str, dict[str, float]] = {}
    for page in sorted(folder.glob("*.html")):
        expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        try:
            recipe = import_file(page)[0]
        except RecipeImportError:
            scores[page.stem] = dict.fromkeys(FIELDS, 0.0)
            continue
        scores[page.stem] = score_page(recipe, expected)
    return scores


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else PAGES
    scores = score_folder(folder)
    print(f"{'page':38} " + " ".join(f"{field[:6]:>6}" for field in FIELDS) + "   page")
    for name, row in scores.items():
        mean = sum(row.values()) / len(row)
        print(f"{name:38} " + " ".join(f"{row[f]:6.2f}" for f in FIELDS) + f"  {mean:5.2f}")
    totals = {f: sum(row[f] for row in scores.values()) / max(len(scores), 1) for f in FIELDS}
    overall = sum(totals.values()) / len(totals)
    print(
        f"{'TOTAL (' + str(len(scores)) + ' pages)':38} "
        + " ".join(f"{totals[f]:6.2f}" for f in FIELDS)
        + f"  {overall:5.2f}"
    )


if __name__ == "__main__":
    main()
