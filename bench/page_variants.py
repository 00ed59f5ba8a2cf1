"""How well the page's own lists are read, measured on the development pages made harder.

    .venv/bin/python bench/page_variants.py [PAGES_FOLDER | PAGES.tar.xz]

Most saved pages carry JSON-LD, so the reader of the page itself (headings, lists, recipe
cards' markup) is scored on few pages of its own. Two variants of every development page
(held-back pages are left out, as in import_scores.py) put it to work:

- *no JSON-LD*: the page's JSON-LD scripts removed; what is read comes from microdata or
  the page's own lists (the expected data still follows the JSON-LD, so titles and
  WP Recipe Maker's bracketed notes differ by design: the steps column is the measure);
- *lumped method*: the JSON-LD kept, its steps joined into one text, as some sites write
  them; the page's own method must be found and take over.

Prints whole / partial by cause for each variant, and how many pages have their steps
read (at least 90% of them).
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

from import_scores import _folder, held_back, score_page, verdict

from recipe_manager.io import RecipeImportError
from recipe_manager.io.html_page import recipes_from_html
from recipe_manager.io.jsonld import find_recipe_nodes, read_instructions

_JSON_LD = re.compile(r"(<script[^>]*application/ld\+json[^>]*>)(.*?)(</script>)", re.S | re.I)


def without_json_ld(text: str) -> str | None:
    return _JSON_LD.sub("", text) if _JSON_LD.search(text) else None


def with_lumped_method(text: str) -> str | None:
    changed = False

    def lump(match: re.Match[str]) -> str:
        nonlocal changed
        try:
            data = json.loads(match.group(2), strict=False)
        except json.JSONDecodeError:
            return match.group(0)
        for node in find_recipe_nodes(data):
            steps = [
                s for _, group in read_instructions(node.get("recipeInstructions")) for s in group
            ]
            if len(steps) > 1:
                node["recipeInstructions"] = " ".join(steps)
                changed = True
        return match.group(1) + json.dumps(data) + match.group(3)

    lumped = _JSON_LD.sub(lump, text)
    return lumped if changed else None


def score_variant(folder: Path, variant) -> tuple[Counter, int, int]:
    verdicts: Counter = Counter()
    steps_read = pages = 0
    for page in sorted(folder.glob("*.html")):
        if held_back(page.stem):
            continue
        text = variant(page.read_text(encoding="utf-8", errors="replace"))
        if text is None:
            continue
        expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        pages += 1
        try:
            row = score_page(recipes_from_html(text, page)[0], expected)
        except RecipeImportError:
            verdicts["failed"] += 1
            continue
        kind, cause = verdict(row)
        verdicts[f"{kind} {cause}".strip()] += 1
        steps_read += row["instructions"] >= 0.9
    return verdicts, steps_read, pages


def main() -> None:
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    with tempfile.TemporaryDirectory() as scratch:
        folder = _folder(arguments[0] if arguments else None, Path(scratch))
        for name, variant in (
            ("no JSON-LD", without_json_ld),
            ("lumped method", with_lumped_method),
        ):
            verdicts, steps_read, pages = score_variant(folder, variant)
            print(f"{name}: {pages} development pages, steps read on {steps_read}")
            for cause, count in verdicts.most_common():
                print(f"  {count:4} {cause}")


if __name__ == "__main__":
    main()
