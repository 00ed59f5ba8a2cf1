"""Step lists in the shapes that recipe sites' templates share, read from the page alone.

Each rule here comes from a structure seen on many sites (nested step lists, step labels
drawn before the text), tested on pages without recipe markup, where the page is all the
import has.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from page_helpers import best_cpu_time as _cpu

from recipe_manager.domain import Recipe
from recipe_manager.io import import_text

INGREDIENTS = "<h1>Brownies</h1><h2>Ingredients</h2><ul><li>1 cup flour</li><li>2 eggs</li></ul>"


def _page(method: str) -> Recipe:
    (recipe,) = import_text(f"<html><body>{INGREDIENTS}{method}</body></html>", "page.html")
    return recipe


def _lines(recipe: Recipe) -> list[str]:
    return [line for c in recipe.components for line in ([c.title] if c.title else []) + c.steps]


SECTIONED = """<h2>Directions</h2><ul class="steps__sections">
<li class="steps__section"><h3>Brownies</h3><ul class="steps__stepList">
 <li><div class="step__label">Step 1</div><div><p>Preheat oven to 350°F (180°C).</p></div></li>
 <li><div class="step__label">Step 2</div><div><p>Combine flour and eggs; bake 40 minutes.</p>
 </div></li></ul></li>
<li class="steps__section"><h3>Fudgey Icing</h3><ul class="steps__stepList">
 <li><div class="step__label">Step 1</div><div><p>Melt butter and stir in the cocoa.</p></div>
 </li></ul></li></ul>"""

WRAPPED = """<h2>Directions</h2><ul class="directions"><li><ol>
<li><span>Step </span><span>1</span><span></span>Preheat oven to 425°F.</li>
<li><span>Step </span><span>2</span><span></span>Melt butter and syrup in a skillet.</li>
<li><span>Step </span><span>3</span><span></span>Fry the sage leaves until crisp.</li>
</ol></li></ul>"""


@pytest.mark.parametrize(
    ("method", "lines"),
    [(SECTIONED, ["Brownies", "Preheat oven to 350°F (180°C).",
                  "Combine flour and eggs; bake 40 minutes.",
                  "Fudgey Icing", "Melt butter and stir in the cocoa."]),
     (WRAPPED, ["Preheat oven to 425°F.", "Melt butter and syrup in a skillet.",
                "Fry the sage leaves until crisp."])],
)  # fmt: skip
def test_a_list_item_that_only_wraps_a_list_is_no_step(method: str, lines: list[str]) -> None:
    """Nested step lists: a part's heading over its own list, or one item holding the
    whole numbered list (a template's wrapper)."""
    assert _lines(_page(method)) == lines


def test_a_step_with_sub_points_of_its_own_stays_one_step() -> None:
    method = """<h2>Directions</h2><ol><li>Make the glaze, stirring often:<ul>
    <li>sugar first</li><li>then the juice</li></ul></li><li>Glaze the cake and serve.</li></ol>"""
    assert _lines(_page(method)) == [
        "Make the glaze, stirring often: sugar first then the juice",
        "Glaze the cake and serve.",
    ]


@pytest.mark.parametrize(
    ("labels", "steps"),
    [(["Step 1", "Step 2", "Step 3"], ["Chop it.", "Fry it.", "Serve it."]),
     (["STEP 1:", "STEP 2:", "STEP 3:"], ["Chop it.", "Fry it.", "Serve it."]),
     (["Schritt 1", "Schritt 2", "Schritt 3"], ["Chop it.", "Fry it.", "Serve it."]),
     (["Étape 1", "Étape 2", "Étape 1"], ["Chop it.", "Fry it.", "Serve it."]),
     # Labels that do not count up are part of what the page says.
     (["Step 1", "Step 3", "Step 2"], ["Step 1 Chop it.", "Step 3 Fry it.", "Step 2 Serve it."]),
     (["Step 2", "Step 3", "Step 4"], ["Step 2 Chop it.", "Step 3 Fry it.", "Step 4 Serve it."])],
)  # fmt: skip
def test_a_step_label_drawn_before_each_step_is_the_list_s_numbering(
    labels: list[str], steps: list[str]
) -> None:
    items = "".join(
        f"<li><span>{label}</span> {text}</li>"
        for label, text in zip(labels, ["Chop it.", "Fry it.", "Serve it."], strict=True)
    )
    assert _lines(_page(f"<h2>Directions</h2><ol>{items}</ol>")) == steps


def test_a_label_fused_to_its_step_text_is_dropped_too() -> None:
    items = "".join(f"<li><span>Step </span><span>{n}</span>Stir {n} times.</li>" for n in (1, 2))
    assert _lines(_page(f"<h2>Directions</h2><ol>{items}</ol>")) == [
        "Stir 1 times.",
        "Stir 2 times.",
    ]


@given(
    st.lists(
        st.text(alphabet="abcdef .,", min_size=1, max_size=20).filter(
            lambda text: any(char.isalpha() for char in text)
        ),
        min_size=2,
        max_size=6,
    )
)
def test_labelled_and_wrapped_steps_keep_every_word(texts: list[str]) -> None:
    items = "".join(f"<li><b>Step {n}</b> {t}</li>" for n, t in enumerate(texts, start=1))
    page = f"<h2>Directions</h2><ul><li><ol>{items}</ol></li></ul>"
    words = [w for t in texts for w in t.split() if w.strip(".,")]
    got = " ".join(_lines(_page(page)))
    for word in words:
        assert word in got


SHAPES = {
    "sections of lists": "<li><h3>Part {n}</h3><ul><li>Stir the pot {n}.</li></ul></li>",
    "labelled steps": "<li><span>Step {n}</span>Stir the pot for a minute.</li>",
    "captioned steps": "<li><p>Stir {n}.</p><figure><div><figcaption>Credit</figcaption></div>"
    "</figure></li>",
    "deeply nested": "<li><ul><li><ul><li>Stir {n}.</li></ul></li></ul></li>",
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_nested_and_labelled_lists_grow_linearly_with_the_page(shape: str) -> None:
    def page(count: int) -> str:
        items = "".join(SHAPES[shape].format(n=n) for n in range(1, count + 1))
        return f"<html><body>{INGREDIENTS}<h2>Method</h2><ol>{items}</ol></body></html>"

    small = _cpu(lambda: import_text(page(300), "page.html"))
    large = _cpu(lambda: import_text(page(1200), "page.html"))
    assert large <= 8 * small + 0.05, (small, large)


def test_a_photo_and_its_caption_inside_a_step_are_not_its_text() -> None:
    """Magazine templates set each step's photo, with its credit as a caption, inside the
    step's item ("The Spruce Eats / Julia Hartbeck")."""
    figure = (
        '<figure><img src="a.jpg" alt="peppers"><figcaption><span><p>The Spruce Eats / '
        "Julia Hartbeck</p></span></figcaption></figure>"
    )
    method = (
        f"<h2>Steps to Make It</h2><ol><li><p>Gather the ingredients.</p>{figure}<div></div></li>"
        f"<li><p>Cut the pepper in half.</p>{figure}</li></ol>"
    )
    assert _lines(_page(method)) == ["Gather the ingredients.", "Cut the pepper in half."]


@pytest.mark.parametrize(
    "aside", ["Recipe Variations", "Variations", "Substitutions", "Storage", "Notes", "FAQ"]
)
def test_an_aside_after_the_steps_ends_the_method_at_any_rank(aside: str) -> None:
    method = (
        "<section><h2>Steps to Make It</h2><ol><li>Chop the onion.</li><li>Fry it.</li></ol>"
        f"<div><h3>{aside}</h3><ul><li>Instead of Swiss, use cheddar.</li></ul></div></section>"
    )
    assert _lines(_page(method)) == ["Chop the onion.", "Fry it."]


def _ingredients(recipe: Recipe) -> list[str]:
    return [i.text for c in recipe.components for i in c.ingredients if not i.is_heading]


TALK = (
    "<li>Ripe bananas – you want the spotty brown ones.</li>"
    "<li>Granulated sugar – don’t substitute brown sugar.</li>"
    "<li>Eggs – to enrich the batter.</li>"
)
CARD = "<li>1 cup mashed bananas</li><li>1 cup granulated sugar</li><li>2 large eggs</li>"
METHOD = (
    "<h2>Instructions</h2><ol><li>Mash the bananas well.</li><li>Bake for 50 minutes.</li></ol>"
)


@pytest.mark.parametrize(
    "body",
    [  # The post's talk and the card's list, each in a box whose class names ingredients.
        f'<div class="wp-block-group ingredients"><ul>{TALK}</ul></div>'
        f'<div class="recipe-card"><div class="recipe-ingredients"><ul>{CARD}</ul></div>'
        f"{METHOD}</div>",
        # The same under two "Ingredients" headings.
        f"<h2>Ingredients</h2><ul>{TALK}</ul><p>Now the recipe.</p>"
        f"<div><h2>Ingredients</h2><ul>{CARD}</ul>{METHOD}</div>",
    ],
)
def test_the_list_with_amounts_is_the_recipe_s_not_the_post_s_talk(body: str) -> None:
    (recipe,) = import_text(f"<html><body><h1>Banana cake</h1>{body}</body></html>", "p.html")
    assert _ingredients(recipe) == [
        "1 cup mashed bananas",
        "1 cup granulated sugar",
        "2 large eggs",
    ]


def test_a_list_without_amounts_is_kept_when_no_list_has_them() -> None:
    names = "<li>Salt</li><li>Pepper</li><li>Olive oil</li>"
    page = (
        f'<html><body><h1>Dressing</h1><div class="ingredients"><ul>{names}</ul></div>'
        f"{METHOD}</body></html>"
    )
    (recipe,) = import_text(page, "p.html")
    assert _ingredients(recipe) == ["Salt", "Pepper", "Olive oil"]


def test_many_ingredient_boxes_grow_linearly_with_the_page() -> None:
    def page(count: int) -> str:
        boxes = "".join(
            f'<div class="ingredients"><ul><li>{n} g flour</li><li>Salt – to taste</li></ul></div>'
            for n in range(count)
        )
        return f"<html><body><h1>Bread</h1>{boxes}{METHOD}</body></html>"

    small = _cpu(lambda: import_text(page(300), "page.html"))
    large = _cpu(lambda: import_text(page(1200), "page.html"))
    assert large <= 8 * small + 0.05, (small, large)


TASTY_CARD = """<div class="tasty-recipes"><h2>Vegan Jambalaya</h2>
<div class="tasty-recipes-details"><ul>
<li class="category"><strong class="tasty-recipes-label">Category:</strong> <span>Entree</span></li>
<li class="method"><strong class="tasty-recipes-label">Method:</strong>
 <span class="tasty-recipes-method">simmer</span></li>
<li class="cuisine"><strong class="tasty-recipes-label">Cuisine:</strong> <span>Creole</span></li>
</ul></div>
<div class="tasty-recipes-ingredients"><h3>Ingredients</h3><ul><li>1 cup rice</li>
<li>2 cups broth</li></ul></div>
<div class="tasty-recipe-instructions"><h3>Instructions</h3>
<div class="tasty-recipes-instructions-body"><p><strong>Saute:</strong> Heat the oil and fry the
 onion for 5 minutes.</p><p><strong>Simmer:</strong> Add the rice and broth and simmer for 20
 minutes.</p></div></div></div>"""
STEPS = [
    "Saute: Heat the oil and fry the onion for 5 minutes.",
    "Simmer: Add the rice and broth and simmer for 20 minutes.",
]


def test_a_card_s_detail_field_is_no_method() -> None:
    """Tasty Recipes' details ("Method: simmer") name the cooking method in a field whose
    class says "method"; the steps are the paragraphs under "Instructions"."""
    (recipe,) = import_text(f"<html><body><h1>Jambalaya</h1>{TASTY_CARD}</body></html>", "p.html")
    assert _lines(recipe) == STEPS


def test_the_method_s_own_heading_comes_before_the_post_s_walk_through() -> None:
    walk = (
        "<h2>How To Make Vegan Jambalaya</h2><p>Start with prepping the veggies, which is the "
        "most labor intensive part.</p><p>Next, saute the onion and peppers for 5 minutes and "
        "enjoy the aroma.</p>"
    )
    (recipe,) = import_text(f"<html><body><h1>J</h1>{walk}{TASTY_CARD}</body></html>", "p.html")
    assert _lines(recipe) == STEPS


def test_a_table_of_contents_is_no_method() -> None:
    toc = (
        '<div id="ez-toc-container" class="ez-toc-v2_0_65 ez-toc-container-direction">'
        "<p>Table of Contents</p><ul><li><a href='#a'>Why We Love It</a></li>"
        "<li><a href='#b'>Ingredients</a></li><li><a href='#c'>Instructions</a></li></ul></div>"
    )
    method = (
        '<div class="recipe-instructions"><ol><li>Mix the rub and coat the fish.</li>'
        "<li>Grill for 4 minutes a side.</li></ol></div>"
    )
    assert _lines(_page(toc + method)) == [
        "Mix the rub and coat the fish.",
        "Grill for 4 minutes a side.",
    ]


def test_a_questions_heading_after_the_steps_ends_them() -> None:
    method = (
        "<h2>Instructions</h2><ol><li>Chop the onion.</li><li>Fry it.</li></ol>"
        "<div><h3>Commonly Asked Questions</h3><ul><li>Can I use brown rice? Yes.</li></ul></div>"
    )
    assert _lines(_page(f"<section>{method}</section>")) == ["Chop the onion.", "Fry it."]


def test_a_line_of_many_bold_labels_is_read_in_linear_time() -> None:
    def page(count: int) -> str:
        labels = "".join(f"<strong>Method {n}:</strong> x " for n in range(count))
        return f"<html><body>{INGREDIENTS}<p>{labels}</p>{METHOD}</body></html>"

    small = _cpu(lambda: import_text(page(1000), "page.html"))
    large = _cpu(lambda: import_text(page(4000), "page.html"))
    assert large <= 8 * small + 0.05, (small, large)


def test_the_ingredients_a_step_uses_shown_under_it_are_not_its_text() -> None:
    """WP Recipe Maker can show each step's ingredients in a faded box under its text."""
    items = "".join(
        f'<li class="wprm-recipe-instruction"><div class="wprm-recipe-instruction-text">'
        f'<span>{text}</span></div><div class="wprm-recipe-instruction-ingredients">'
        f'<span class="wprm-recipe-instruction-ingredient">{used}</span></div></li>'
        for text, used in [
            ("Heat the oil in a large pan.", "2 tablespoons olive oil"),
            ("Add the broccoli and stir.", "14 ounces frozen broccoli"),
        ]
    )
    method = f'<div class="wprm-recipe-instructions-container"><ul>{items}</ul></div>'
    assert _lines(_page(method)) == ["Heat the oil in a large pan.", "Add the broccoli and stir."]


def test_an_ingredient_marked_inside_a_step_s_text_stays() -> None:
    method = (
        '<h2>Instructions</h2><ol><li>Fry the <span class="wprm-inline-ingredient">onion</span>'
        " until soft.</li><li>Serve it hot.</li></ol>"
    )
    assert _lines(_page(method)) == ["Fry the onion until soft.", "Serve it hot."]


RECIPE = {
    "@context": "https://schema.org",
    "@type": "Recipe",
    "name": "Turkey Meatballs",
    "recipeIngredient": ["500 g turkey mince", "1 egg"],
    "recipeInstructions": [
        {"@type": "HowToStep", "text": "Mix the mince and the egg."},
        {"@type": "HowToStep", "text": "Roll into balls and bake for 20 minutes."},
    ],
}


def _script(body: str) -> Recipe:
    page = (
        f'<html><head><script type="application/ld+json">{body}</script></head><body></body></html>'
    )
    (recipe,) = import_text(page, "page.html")
    return recipe


@pytest.mark.parametrize(
    "wrap",
    ["// <![CDATA[\n{}\n// ]]>", "/*<![CDATA[*/{}/*]]>*/", "<!--\n{}\n-->", "{};",
     '{"@type": "BreadcrumbList"}\n{}', '[{"@type": "WebSite"}, {}]'],
)  # fmt: skip
def test_json_ld_is_read_through_the_wrappers_sites_put_round_it(wrap: str) -> None:
    recipe = _script(wrap.replace("{}", json.dumps(RECIPE)))
    assert recipe.title == "Turkey Meatballs"
    assert _lines(recipe) == [
        "Mix the mince and the egg.",
        "Roll into balls and bake for 20 minutes.",
    ]


def test_json_ld_with_trailing_commas_is_read() -> None:
    text = json.dumps(RECIPE, indent=1).replace('"1 egg"', '"1 egg",').replace("}\n ]", "},\n ]")
    assert ",\n ]" in text
    recipe = _script(text)
    assert [i.text for c in recipe.components for i in c.ingredients] == [
        "500 g turkey mince",
        "1 egg",
    ]


@given(st.lists(st.text(alphabet='ab,]}{[" \\', max_size=12), min_size=1, max_size=4))
def test_commas_inside_strings_are_kept(texts: list[str]) -> None:
    items = "".join(json.dumps(f"1 {t}") + ", " for t in texts)  # a comma after the last too
    text = json.dumps(RECIPE).replace('["500 g turkey mince", "1 egg"]', f"[{items}]")
    assert text.count('", ]') >= 1
    recipe = _script(text)
    lines = [i.text for c in recipe.components for i in c.ingredients if not i.is_heading]
    assert lines == [" ".join(f"1 {t}".split()) for t in texts]


def test_a_long_broken_script_is_read_in_linear_time() -> None:
    def page(count: int) -> str:
        junk = ",".join(["[1,2,]"] * count)
        return (
            f'<html><head><script type="application/ld+json">// <![CDATA[\n{{"x": [{junk},]}} '
            f"{json.dumps(RECIPE)}\n// ]]></script></head><body></body></html>"
        )

    small = _cpu(lambda: import_text(page(5000), "page.html"))
    large = _cpu(lambda: import_text(page(20000), "page.html"))
    assert large <= 8 * small + 0.05, (small, large)
