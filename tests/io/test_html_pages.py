"""The ways pages write a recipe: JSON-LD shapes, microdata, RDFa and the page's own lists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recipe_manager.io import import_file, import_text
from recipe_manager.io.jsonld import parse_duration, read_yield

RECIPE = {
    "@type": "Recipe",
    "name": "Lemon &amp;amp; Herb <b>Chicken</b>",
    "recipeYield": 4,
    "prepTime": "PT15M",
    "cookTime": "P0DT1H5M",
    "recipeIngredient": ["1 whole chicken", "2 lemons", "For the sauce:", "1 cup yoghurt"],
    "recipeInstructions": [
        {"@type": "HowToStep", "text": "<p>Heat the oven&nbsp;to 200°C.</p>"},
        {
            "@type": "HowToSection",
            "name": "Sauce",
            "itemListElement": [{"@type": "HowToStep", "text": "Mix the yoghurt."}],
        },
    ],
}


def _page(data: object) -> str:
    return (
        f'<html><head><script type="application/ld+json">{json.dumps(data)}</script></head></html>'
    )


@pytest.mark.parametrize(
    "data",
    [
        RECIPE,
        [{"@type": "WebSite"}, RECIPE],
        {"@context": "https://schema.org", "@graph": [{"@type": "Person"}, RECIPE]},
        {"@type": "WebPage", "mainEntity": RECIPE},
        {**RECIPE, "@type": ["Recipe", "NewsArticle"]},
    ],
    ids=["object", "array", "graph", "main-entity", "type-list"],
)
def test_json_ld_shapes(data: object) -> None:
    (recipe,) = import_text(_page(data), "page.html")
    assert recipe.title == "Lemon & Herb Chicken"
    assert (recipe.servings, recipe.prep_minutes, recipe.cook_minutes) == (4, 15, 65)
    assert recipe.total_minutes == 80
    main, sauce = recipe.components
    assert [i.text for i in main.ingredients] == ["1 whole chicken", "2 lemons"]
    assert main.steps == ["Heat the oven to 200°C."]
    assert sauce.title == "For the sauce"  # the section "Sauce" joins it by name
    assert [i.text for i in sauce.ingredients] == ["1 cup yoghurt"]
    assert sauce.steps == ["Mix the yoghurt."]


def test_microdata_when_there_is_no_json_ld() -> None:
    page = """<html><body><div itemscope itemtype="http://schema.org/Recipe">
      <h1 itemprop="name">Pancakes</h1>
      <meta itemprop="prepTime" content="PT10M"><span itemprop="recipeYield">Serves 4</span>
      <ul><li itemprop="recipeIngredient">200 g flour</li>
          <li itemprop="recipeIngredient">2 eggs</li></ul>
      <ol itemprop="recipeInstructions"><li>Whisk.</li><li>Fry.</li></ol>
      <div itemprop="author" itemscope itemtype="http://schema.org/Person">
        <span itemprop="name">Ann</span></div>
    </div></body></html>"""
    (recipe,) = import_text(page, "page.html")
    assert recipe.title == "Pancakes" and recipe.servings == 4 and recipe.prep_minutes == 10
    assert [i.text for i in recipe.components[0].ingredients] == ["200 g flour", "2 eggs"]
    assert recipe.components[0].steps == ["Whisk.", "Fry."]


def test_rdfa() -> None:
    page = """<html><body><div vocab="https://schema.org/" typeof="Recipe">
      <h2 property="name">Tea</h2><span property="recipeIngredient">1 tea bag</span>
      <p property="recipeInstructions">Steep for 3 minutes.</p></div></body></html>"""
    (recipe,) = import_text(page, "page.html")
    assert recipe.title == "Tea" and recipe.components[0].steps == ["Steep for 3 minutes."]


def test_page_lists_when_there_is_no_structured_data(tmp_path: Path) -> None:
    path = tmp_path / "saved.html"
    path.write_text(
        """<html><body><nav><ul><li>Home</li><li>Recipes</li></ul></nav>
        <h1>Flapjacks</h1><div class="recipe-ingredients"><h3>Base</h3>
        <ul><li>250 g oats</li><li>125 g butter</li></ul><h3>Topping</h3>
        <ul><li>50 g chocolate</li></ul></div>
        <div class="recipe-method"><ol><li>Melt the butter.</li><li>Bake 20 minutes.</li></ol>
        </div></body></html>""",
        encoding="utf-8",
    )
    (recipe,) = import_file(path)
    assert recipe.title == "Flapjacks"
    # The steps belong to the whole recipe, so they sit in an untitled main component.
    assert [(c.title, [i.text for i in c.ingredients]) for c in recipe.components] == [
        ("", []),
        ("Base", ["250 g oats", "125 g butter"]),
        ("Topping", ["50 g chocolate"]),
    ]
    assert recipe.components[0].steps == ["Melt the butter.", "Bake 20 minutes."]


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("PT1H30M", 90), ("PT20M", 20), ("P0DT2H", 120), ("PT90S", 2), ("1 hour 20 mins", 80),
     ("", None), ("soon", None), (45, 45)],
)  # fmt: skip
def test_durations(text: object, minutes: int | None) -> None:
    assert parse_duration(text) == minutes


@pytest.mark.parametrize(
    ("value", "expected"),
    [("6", (6, "")), (6, (6, "")), (["4", "4 servings"], (4, "4 servings")),
     ("36 cookies", (None, "36 cookies")), ("Serves 8", (8, "Serves 8")),
     ("Diverse mogelijkheden", (None, ""))],
)  # fmt: skip
def test_yields(value: object, expected: tuple[int | None, str]) -> None:
    assert read_yield(value) == expected


def test_pasted_blog_text_and_pasted_json() -> None:
    (recipe,) = import_text("Toast\n\n• 1 slice bread\n• butter\n\n1. Toast the bread.\n")
    assert recipe.title == "Toast" and recipe.components[0].steps == ["Toast the bread."]
    (again,) = import_text(json.dumps(RECIPE))
    assert again.title == "Lemon & Herb Chicken"
