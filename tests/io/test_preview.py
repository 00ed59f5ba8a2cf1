"""The preview before saving: counts, unreadable lines, and duplicates with their choices."""

from __future__ import annotations

from recipe_manager.domain import Component, Recipe, parse_ingredient
from recipe_manager.io import Decision, apply_decisions, preview_import


def _recipe(title: str, lines: list[str], recipe_id: str = "") -> Recipe:
    component = Component(ingredients=[parse_ingredient(x) for x in lines], steps=["Cook."])
    return Recipe(title=title, id=recipe_id, components=[component])


def test_counts_and_lines_not_understood() -> None:
    (item,) = preview_import([_recipe("Soup", ["2 carrots", "For the top:", "3/4"])], []).items
    assert (item.ingredient_count, item.step_count, item.component_count) == (2, 1, 1)
    assert item.not_understood == ["3/4"]
    assert item.duplicate_of is None and item.decision is Decision.IMPORT


def test_same_title_and_ingredients_is_a_duplicate() -> None:
    stored = _recipe("Soup", ["2 carrots", "1 onion"], recipe_id="abc")
    stored.created = "2024-01-01T00:00:00"
    same = _recipe(" soup ", ["2  Carrots", "1 onion"])
    changed = _recipe("Soup", ["3 carrots", "1 onion"])
    preview = preview_import([same, changed], [stored], "soup.json")
    first, second = preview.items
    assert first.duplicate_of is stored and first.decision is Decision.SKIP
    assert second.duplicate_of is None

    assert apply_decisions(preview) == ([changed], [])
    first.decision = Decision.REPLACE
    added, replaced = apply_decisions(preview)
    assert added == [changed]
    assert replaced[0].id == "abc" and replaced[0].created == "2024-01-01T00:00:00"
    assert replaced[0].title == " soup "
    first.decision = Decision.KEEP_BOTH
    added, replaced = apply_decisions(preview)
    assert [r.title for r in added] == [" soup ", "Soup"] and replaced == []
