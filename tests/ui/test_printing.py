"""Printing a recipe: the detail pane's content, scaled and converted, one page where it fits."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

from PySide6.QtCore import QSizeF

from recipe_manager.domain import Recipe, UnitSystem, View
from recipe_manager.ui.printing import recipe_document, save_pdf

REPO = Path(__file__).resolve().parents[2]
A4_PRINTABLE = QSizeF(510, 770)  # points, A4 less 15 mm margins


def _seeds() -> list[Recipe]:
    data = json.loads((REPO / "data" / "seed-recipes.json").read_text(encoding="utf-8"))
    return [Recipe.from_dict(item) for item in data["recipes"]]


def test_document_uses_servings_and_unit_system(qapp) -> None:
    recipe = _seeds()[1]
    document = recipe_document(recipe, View(Fraction(2), UnitSystem.METRIC), A4_PRINTABLE)
    text = document.toPlainText()
    assert recipe.title in text
    assert "240 ml soy sauce" in text
    assert document.pageCount() == 1


def test_ingredients_beside_steps_only_when_the_page_is_wide(qapp) -> None:
    recipe = _seeds()[1]
    wide = recipe_document(recipe, View(), A4_PRINTABLE)
    narrow = recipe_document(recipe, View(), QSizeF(300, 770))
    assert "<table" in wide.toHtml() and "<table" not in narrow.toHtml()


def test_pdf_of_each_seed(qapp, tmp_path: Path) -> None:
    for index, recipe in enumerate(_seeds()):
        path = tmp_path / f"seed{index}.pdf"
        save_pdf(recipe, View(), path)
        data = path.read_bytes()
        assert data.startswith(b"%PDF") and len(data) > 5000
