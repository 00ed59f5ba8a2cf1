"""Import scores on saved recipe pages against what a careful reader takes from each.

    .venv/bin/python bench/import_scores.py [PAGES_FOLDER | PAGES.tar.xz] [--held-back]

With no argument it reads ../shared/corpus/pages-wide.tar.xz (unpacked into a temporary
folder), else ../shared/corpus/pages/. `--held-back` scores only the quarter of the pages
kept out of development (chosen by a hash of the page's name, so the split is stable).

A page is *whole* when its title is right, at least 95% of its ingredient lines and at
least 90% of its steps are read; *partial* when it imports but is not whole (counted by
which of title / ingredients / steps fell short); *failed* when nothing is imported
(counted by the error's message). Time per page is wall time of `import_file`.

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
import statistics
import sys
import tarfile
import tempfile
import time
import unicodedata
import zlib
from collections import Counter
from pathlib import Path

from recipe_manager.domain import Recipe
from recipe_manager.io import RecipeImportError, import_file

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
PAGES = CORPUS / "pages"
WIDE = CORPUS / "pages-wide.tar.xz"
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
        "instructions": list_score(expected_steps(expected), recipe_steps(recipe)),
        "yields": float(yield_key(expected.get("yields")) == yield_key(recipe_yields(recipe))),
        "times": sum(times) / len(times),
    }


def expected_steps(expected: dict) -> list[str]:
    """The expected steps: `instructions_list`, or `instructions` split at line breaks."""
    if isinstance(expected.get("instructions_list"), list):
        return expected["instructions_list"]
    text = expected.get("instructions") or ""
    if isinstance(text, list):
        return text
    return [line for line in text.split("\n") if line.strip()]


def held_back(name: str) -> bool:
    """A stable quarter of the pages, kept out of development and scored apart."""
    return zlib.crc32(name.encode()) % 4 == 0


def verdict(row: dict[str, float]) -> tuple[str, str]:
    """("whole" | "partial" | "failed", cause)."""
    if "failed" in row:
        return "failed", str(row["failed"])
    short = [
        name
        for name, ok in (
            ("title", row["title"] == 1.0),
            ("ingredients", row["ingredients"] >= 0.95),
            ("steps", row["instructions"] >= 0.9),
        )
        if not ok
    ]
    return ("partial", "+".join(short)) if short else ("whole", "")


def score_folder(folder: Path) -> dict[str, dict[str, float]]:
    scores: dict[str, dict[str, float]] = {}
    for page in sorted(folder.glob("*.html")):
        expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        started = time.perf_counter()
        try:
            recipe = import_file(page)[0]
        except RecipeImportError as error:
            row: dict = dict.fromkeys(FIELDS, 0.0)
            row["failed"] = _cause(error.problem)
            row["seconds"] = time.perf_counter() - started
            scores[page.stem] = row
            continue
        row = score_page(recipe, expected)
        row["seconds"] = time.perf_counter() - started
        scores[page.stem] = row
    return scores


def _cause(problem: str) -> str:
    """An error message without the details that differ page to page."""
    return re.sub(r"\(.*\)|\d+", "…", problem)[:70]


def _folder(argument: str | None, scratch: Path) -> Path:
    if argument is None:
        if not WIDE.exists():
            return PAGES
        argument = str(WIDE)
    path = Path(argument)
    if path.is_file():
        with tarfile.open(path) as archive:
            archive.extractall(scratch, filter="data")
        return next(p.parent for p in sorted(scratch.rglob("*.html")))
    return path


def main() -> None:
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    with tempfile.TemporaryDirectory() as scratch:
        folder = _folder(arguments[0] if arguments else None, Path(scratch))
        scores = score_folder(folder)
    if not scores:
        sys.exit(f"no pages in {folder}: give a folder of pages or pages-wide.tar.xz")
    if "--held-back" in sys.argv:
        scores = {name: row for name, row in scores.items() if held_back(name)}
    if "--quiet" not in sys.argv:
        print(f"{'page':44} " + " ".join(f"{field[:6]:>6}" for field in FIELDS) + "   page")
        for name, row in scores.items():
            mean = sum(row[f] for f in FIELDS) / len(FIELDS)
            kind, cause = verdict(row)
            print(
                f"{name[:44]:44} "
                + " ".join(f"{row[f]:6.2f}" for f in FIELDS)
                + f"  {mean:5.2f}  {kind} {cause}"
            )
    count = max(len(scores), 1)
    totals = {f: sum(row[f] for row in scores.values()) / count for f in FIELDS}
    overall = sum(totals.values()) / len(totals)
    print(
        f"{'TOTAL (' + str(len(scores)) + ' pages)':44} "
        + " ".join(f"{totals[f]:6.2f}" for f in FIELDS)
        + f"  {overall:5.2f}"
    )
    verdicts = [verdict(row) for row in scores.values()]
    kinds = Counter(kind for kind, _ in verdicts)
    print(
        f"whole {kinds['whole']} ({100 * kinds['whole'] / count:.0f}%), "
        f"partial {kinds['partial']}, failed {kinds['failed']}"
    )
    for kind in ("partial", "failed"):
        causes = Counter(cause for k, cause in verdicts if k == kind)
        for cause, number in causes.most_common():
            print(f"  {kind}: {number:3} {cause}")
    seconds = [row["seconds"] for row in scores.values()]
    if seconds:
        worst = max(scores, key=lambda name: scores[name]["seconds"])
        print(
            f"time per page: median {1000 * statistics.median(seconds):.0f} ms, "
            f"worst {1000 * max(seconds):.0f} ms ({worst})"
        )


if __name__ == "__main__":
    main()
