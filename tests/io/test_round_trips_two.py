"""Every export format, two recipes to a file, read back: each recipe and every field the
format can hold comes back as it went out.

What each format cannot hold is named in HOLDS: ids everywhere but our JSON; the photo
everywhere but our JSON and Paprika (as a web address); the created date only in our JSON
and Paprika (to the second). Cooklang holds one recipe per file, so the second goes to a
file beside the first and both files are read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from recipe_manager.domain import Component, Recipe, check_recipe, parse_ingredient
from recipe_manager.io import export_recipes, import_file, suffix_for

COMMON = (
    "title", "summary", "servings", "yield_text", "components", "notes", "tags", "category",
    "source", "prep_minutes", "cook_minutes", "total_minutes",
)  # fmt: skip
HOLDS = {
    "json": (*COMMON, "id", "cuisine", "method", "image", "created", "updated"),
    "jsonld": (*COMMON, "cuisine", "method"),
    "markdown": (*COMMON, "cuisine", "method"),
    "cooklang": (*COMMON, "cuisine", "method"),
    "paprika": (*COMMON, "image"),
}


def _lines(*lines: str) -> list:
    return [parse_ingredient(line) for line in lines]


def _recipes(inline_heading: bool = True) -> list[Recipe]:
    first = Recipe(
        id="4f1c1b1e-8d2a-4c55-9a0e-1d2c3b4a5f60",
        title="Pork & Dumplings",
        summary="Crisp skin, soft dumplings.",
        servings=6,
        yield_text="30 dumplings",
        components=[
            Component(
                ingredients=_lines("2 kg pork belly, skin on", "1/2 cup (120 ml) soy sauce"),
                steps=["Score the skin.", "Roast for 1 hour at 220°C."],
            ),
            Component(
                title="Chilli Garlic Dipping Sauce",
                servings=4,
                ingredients=_lines(
                    *(["For the oil:"] if inline_heading else []),
                    "3 tbsp oil",
                    "2 cloves garlic, minced",
                ),
                steps=["Warm the oil.", "Pour over the garlic."],
            ),
        ],
        notes=["Keeps three days.", "Use a sharp knife."],
        tags=["pork", "party"],
        category="Main",
        cuisine="Chinese",
        method="Roasting",
        source="https://example.com/pork",
        prep_minutes=45,
        cook_minutes=70,
        total_minutes=115,
        image="https://example.com/pork.jpg",
        created="2024-03-14T10:22:33+00:00",
        updated="2024-03-15T08:00:00+00:00",
    )
    second = Recipe(
        id="b2",
        title="Green Salad",
        servings=2,
        components=[
            Component(ingredients=_lines("1 head lettuce", "salt"), steps=["Wash.", "Toss."])
        ],
        notes=["Dress at the table."],
        tags=["quick"],
        category="Side",
        prep_minutes=10,
    )
    return [first, second]


@pytest.mark.parametrize("format", sorted(HOLDS))
def test_two_recipes_come_back_whole(tmp_path: Path, format: str) -> None:
    # Paprika's ingredients are one text where a line ending in ":" starts a part, so a
    # heading inside a part can't be told from a new part there.
    originals = _recipes(inline_heading=format != "paprika")
    path = tmp_path / f"both{suffix_for(format)}"
    export_recipes(originals, path, format)
    files = sorted(tmp_path.iterdir(), key=lambda p: (p != path, p.name))
    back = [recipe for file in files for recipe in import_file(file)]
    assert len(back) == 2
    for got, want in zip(back, originals, strict=True):
        check_recipe(got)
        for name in HOLDS[format]:
            mine, theirs = getattr(got, name), getattr(want, name)
            if name == "created" and format == "paprika":
                mine, theirs = mine[:19], theirs[:19]
            assert mine == theirs, f"{format}: {name}"


def test_jsonld_lists_only_ingredients_where_other_readers_look(tmp_path: Path) -> None:
    import json

    path = tmp_path / "both.jsonld"
    export_recipes(_recipes(), path, "jsonld")
    first = json.loads(path.read_text(encoding="utf-8"))[0]
    assert "For the oil:" not in first["recipeIngredient"]
    assert "3 tbsp oil" in first["recipeIngredient"]
    assert [part["name"] for part in first["hasPart"]] == ["", "Chilli Garlic Dipping Sauce"]
    assert {"@type": "HowToTip", "text": "Keeps three days."} in first["recipeInstructions"]


def test_paprika_fields_as_paprika_writes_them(tmp_path: Path) -> None:
    import gzip
    import json
    import re
    import zipfile

    path = tmp_path / "both.paprikarecipes"
    export_recipes(_recipes(), path, "paprika")
    with zipfile.ZipFile(path) as archive:
        records = [json.loads(gzip.decompress(archive.read(n))) for n in archive.namelist()]
    uid = re.compile(r"^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$")
    assert all(uid.match(record["uid"]) for record in records)
    assert records[0]["uid"] == "4F1C1B1E-8D2A-4C55-9A0E-1D2C3B4A5F60"
    assert records[0]["created"] == "2024-03-14 10:22:33"
    stamp = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
    assert stamp.match(records[1]["created"])  # undated: the time of the export


def test_two_recipes_in_one_markdown_file_stay_two(tmp_path: Path) -> None:
    path = tmp_path / "both.md"
    export_recipes(_recipes(), path, "markdown")
    back = import_file(path)
    assert [r.title for r in back] == ["Pork & Dumplings", "Green Salad"]
    assert back[0].notes == ["Keeps three days.", "Use a sharp knife."]
    assert back[1].notes == ["Dress at the table."]
