"""How a page's own recipe card completes or corrects its structured data, rule by rule."""

from __future__ import annotations

import pytest
from page_helpers import BASE
from page_helpers import read_page as _read
from page_helpers import steps_of as _steps

from recipe_manager.domain import Recipe
from recipe_manager.io import import_text
from recipe_manager.io.jsonld import without_recipe_word


def _lines(recipe: Recipe) -> list[str]:
    return [i.text for c in recipe.components for i in c.ingredients if not i.is_heading]


def test_keys_written_in_another_case() -> None:
    recipe = _read({**BASE, "PrepTime": "PT10M", "CookTime": "PT20M", "RecipeYield": "4"})
    assert (recipe.prep_minutes, recipe.cook_minutes, recipe.total_minutes) == (10, 20, 30)
    assert recipe.servings == 4


@pytest.mark.parametrize(
    ("title", "plain"),
    [("Banketstaaf – recept", "Banketstaaf"), ("Onion Soup | Recipe", "Onion Soup"),
     ("Gratin - recette", "Gratin"), ("Recipe for soup", "Recipe for soup"),
     ("Pasta - Mario's Kitchen", "Pasta - Mario's Kitchen"), ("Recipe", "Recipe")],
)  # fmt: skip
def test_a_trailing_recipe_word_leaves_the_title(title: str, plain: str) -> None:
    assert without_recipe_word(title) == plain
    assert _read({**BASE, "name": title}).title == plain


@pytest.mark.parametrize(
    ("line", "read"),
    [("3 potatoes, (peeled)", "3 potatoes, (peeled)"),
     ("8 oz noodles ((or thin egg noodles) (Footnote 1))",
      "8 oz noodles (or thin egg noodles) (Footnote 1)"),
     ("1 cup stock ((see note (below)))", "1 cup stock (see note (below))"),
     ("2 cups rice ((jasmine) or basmati)", "2 cups rice ((jasmine) or basmati)"),
     ("1 steak (, thinly sliced)", "1 steak (, thinly sliced)"),
     ("2.0 garlic clove", "2.0 garlic clove"),
     ("1 can milk ((full fat))", "1 can milk (full fat)"),
     ("2 eggs (large)", "2 eggs (large)"),
     ("salt, (to taste) or more", "salt, (to taste) or more")],
)  # fmt: skip
def test_plugin_brackets_around_notes(line: str, read: str) -> None:
    assert _lines(_read({**BASE, "recipeIngredient": [line]})) == [read]


STEP_LIST = """<h2>Method</h2><ol><li>Chop the onion.</li><li>Fry it.</li>
<li>Add the stock and simmer.</li></ol>"""


@pytest.mark.parametrize(
    ("instructions", "expected"),
    [
        # The data lumps the method into one step.
        ("Chop the onion, fry it, add the stock and simmer.", "page"),
        # The same text with fewer step boundaries.
        (["Chop the onion.", "Fry it. Add the stock and simmer."], "page"),
        # The whole article, with the steps somewhere inside it.
        ("We love soup in winter; it warms the whole house.\nMy grandmother made it daily.\n"
         "Chop the onion.\nFry it.\nAdd the stock and simmer.\nServe with bread and butter.",
         "page"),
        # Steps of their own, written differently from the page: the data is kept.
        (["Dice the onion.", "Soften it in butter.", "Pour in the stock."], "data"),
        # Titled sections carry structure the page's flat list lacks.
        ([{"@type": "HowToSection", "name": "Soup",
           "itemListElement": ["Chop the onion, fry it, add the stock and simmer."]}], "data"),
    ],
    ids=["lumped", "finer-split", "article", "own-steps", "sections"],
)  # fmt: skip
def test_page_steps_replace_data_that_is_not_a_step_list(
    instructions: object, expected: str
) -> None:
    recipe = _read({**BASE, "recipeInstructions": instructions}, STEP_LIST)
    if expected == "page":
        assert _steps(recipe) == ["Chop the onion.", "Fry it.", "Add the stock and simmer."]
    else:
        assert _steps(recipe) != ["Chop the onion.", "Fry it.", "Add the stock and simmer."]


@pytest.mark.parametrize(
    ("card", "times", "yields"),
    [
        ('<div><strong>Prep Time</strong><span>15 mins</span></div>'
         '<div><strong>Cook Time:</strong> 1 hour 5 minutes</div><p><b>Serves</b> 4</p>',
         (15, 65, None), (4, "")),
        ('<ul><li><strong>Makes</strong><p>12 buns</p></li>'
         "<li><strong>Prep &amp; Cook Time</strong><p>1 hour 20 minutes</p></li></ul>",
         (None, None, 80), (None, "12 buns")),
        ('<div><span>Tempo de preparo</span><div>30</div><span>minutos</span></div>'
         '<div><span>Rendimento</span><span>6 porções</span></div>',
         (30, None, None), (6, "6 porções")),
        ('<dl><dt>Voorbereiding</dt><dd>10 minuten</dd><dt>Kooktijd</dt><dd>1 uur</dd></dl>',
         (10, 60, None), (None, "")),
        ("<p>Total Time: 40 minutes, then rest overnight</p><p>Makes sense to double it.</p>",
         (None, None, None), (None, "")),
        ("<div><span>Prep:</span> 5 mins</div><div><span>Cook:</span> 10 mins</div>"
         "<div><span>Total:</span> $0.00</div>",
         (5, 10, None), (None, "")),
    ],
    ids=["english", "summary-list", "portuguese", "dutch-dl", "prose-is-no-label", "short"],
)  # fmt: skip
def test_card_times_and_yield_when_the_data_has_none(
    card: str, times: tuple, yields: tuple
) -> None:
    recipe = _read({**BASE, "recipeInstructions": ["Cook."]}, card)
    assert (recipe.prep_minutes, recipe.cook_minutes, recipe.total_minutes) == times
    assert (recipe.servings, recipe.yield_text) == yields


def test_the_data_s_own_times_and_yield_win_over_the_card() -> None:
    card = "<p><b>Prep Time</b> 15 mins</p><p><b>Cook Time</b> 30 mins</p><p><b>Serves</b> 8</p>"
    recipe = _read({**BASE, "totalTime": "PT50M", "recipeYield": "2"}, card)
    assert (recipe.prep_minutes, recipe.cook_minutes, recipe.total_minutes) == (None, None, 50)
    assert recipe.servings == 2


def test_every_ingredient_list_under_the_ingredients_heading() -> None:
    body = """<div class="left"><h2>Ingredients</h2><ul><li>500 g flour</li><li>2 eggs</li></ul>
    <p> </p><h2>Topping</h2><ul><li>50 g sugar</li></ul><h2>Glaze</h2><ul><ul>
    <li>2 tbsp jam</li></ul></ul><h2>Notes</h2><ul><li>Keeps for a week.</li></ul></div>
    <div class="right"><h2>Method</h2><ol><li>Mix.</li><li>Bake.</li></ol></div>"""
    recipe = _read({"@type": "Recipe", "name": "Buns"}, body)
    groups = [(c.title, [i.text for i in c.ingredients]) for c in recipe.components]
    assert [group for group in groups if group[1]] == [
        ("", ["500 g flour", "2 eggs"]),
        ("Topping", ["50 g sugar"]),
        ("Glaze", ["2 tbsp jam"]),
    ]
    assert _steps(recipe) == ["Mix.", "Bake."]


def test_steps_as_paragraphs_under_a_making_heading() -> None:
    body = """<h1>How to make plum jam</h1><article><h2>Why we love jam</h2><p>Story.</p>
    <h2>Ingredients</h2><ul><li>1 kg plums</li><li>250 g sugar</li></ul>
    <h2>Plum jam maken</h2><p>Stone the plums.</p><figure><img src="a.jpg"></figure>
    <p>Boil with the <strong>sugar</strong> for 10 minutes.</p><p><strong>Photos: Ann</strong></p>
    <h2>More jams</h2><ul><li>Strawberry jam</li></ul></article>"""
    recipe = _read({"@type": "Recipe", "name": "Plum jam", "recipeInstructions": "Story."}, body)
    assert _steps(recipe) == ["Stone the plums.", "Boil with the sugar for 10 minutes."]
    assert _lines(recipe) == ["1 kg plums", "250 g sugar"]


def test_a_page_without_structured_data_keeps_its_card_fields() -> None:
    page = """<html><body><h1>Flapjacks – recipe</h1><p><b>Prep Time</b> 10 mins</p>
    <p><b>Serves</b> 8</p><h2>Ingredients</h2><ul><li>250 g oats</li></ul>
    <h2>Method</h2><ol><li>Bake 20 minutes.</li></ol></body></html>"""
    (recipe,) = import_text(page, "page.html")
    assert (recipe.title, recipe.prep_minutes, recipe.servings) == ("Flapjacks", 10, 8)


def test_tick_boxes_drawn_before_ingredient_lines_are_not_text() -> None:
    page = """<html><body><h1>Eggs</h1><ul class="recipe-ingredients"><li>\u25a2 2 eggs</li>
    <li>\u2610 salt</li></ul><ol class="recipe-instructions"><li>Boil.</li></ol></body></html>"""
    (recipe,) = import_text(page, "page.html")
    assert _lines(recipe) == ["2 eggs", "salt"]


@pytest.mark.parametrize(
    ("text", "steps"),
    [("1. Heat the oven to 200. Oil a tin. 2. Add the onion. 3. Serve.",
      ["1. Heat the oven to 200. Oil a tin.", "2. Add the onion.", "3. Serve."]),
     ("Bake at 180. 2 eggs go in last.", ["Bake at 180. 2 eggs go in last."]),
     ("Mix well. 2. Then bake.", ["Mix well. 2. Then bake."])],
)  # fmt: skip
def test_numbered_steps_lumped_into_one_text_are_split(text: str, steps: list[str]) -> None:
    body = "<h1>Soup</h1><h2>Ingredients</h2><ul><li>1 onion</li><li>1 l stock</li></ul>"
    body += f"<h2>Method</h2><p>{text}</p>"
    (recipe,) = import_text(f"<html><body>{body}</body></html>", "page.html")
    assert _steps(recipe) == steps


def test_a_step_s_own_title_is_kept_before_it_but_not_its_number_or_a_cut_of_it() -> None:
    steps = [
        {"@type": "HowToStep", "name": "Chill", "text": "Refrigerate for an hour."},
        {"@type": "HowToStep", "name": "Step 2", "text": "Slice the terrine."},
        {"@type": "HowToStep", "name": "Serve it with bread", "text": "Serve it with bread."},
        {"@type": "HowToStep", "name": "Fry the…", "text": "Fry the onion in butter."},
    ]
    recipe = _read({**BASE, "recipeInstructions": steps})
    assert _steps(recipe) == [
        "Chill",
        "Refrigerate for an hour.",
        "Slice the terrine.",
        "Serve it with bread.",
        "Fry the onion in butter.",
    ]


def test_a_page_without_markup_or_headings_gives_its_amount_list_and_the_steps_after_it() -> None:
    body = (
        "<h1>Chicken salad</h1><ul><li>Home</li><li>Recipes</li></ul>"
        "<ul><li>6 cups chicken, shredded</li><li>3 cups grapes</li><li>½ cup walnuts</li>"
        "<li>Salt and pepper</li></ul>"
        "<ol><li>Combine the chicken, the grapes and the walnuts in a large bowl.</li>"
        "<li>Season with salt and pepper, chill and serve on lettuce leaves.</li></ol>"
    )
    (recipe,) = import_text(f"<html><body>{body}</body></html>", "page.html")
    assert recipe.title == "Chicken salad"
    assert _lines(recipe) == [
        "6 cups chicken, shredded",
        "3 cups grapes",
        "½ cup walnuts",
        "Salt and pepper",
    ]
    assert len(_steps(recipe)) == 2


@pytest.mark.parametrize(
    ("heading", "method"),
    [("Zutaten", "Zubereitung"), ("Ingredienti", "Preparazione"),
     ("Ingrediënten", "Bereidingswijze"), ("Ingredientes", "Preparación"),
     ("Ingrédients", "Préparation"), ("What you'll need", "Here's how to make it")],
)  # fmt: skip
def test_ingredient_and_method_headings_in_several_languages(heading: str, method: str) -> None:
    body = (
        f"<h1>Suppe</h1><div><h2>{heading}</h2><span>edit</span></div>"
        "<ul><li>1 onion</li><li>1 l stock</li></ul>"
        f"<p><strong>{method}:</strong></p><ol><li>Chop the onion.</li><li>Simmer it.</li></ol>"
    )
    (recipe,) = import_text(f"<html><body>{body}</body></html>", "page.html")
    assert _lines(recipe) == ["1 onion", "1 l stock"]
    assert _steps(recipe) == ["Chop the onion.", "Simmer it."]


STEPS_HTML = "<h2>Method</h2><ol><li>Chop everything finely.</li><li>Simmer for an hour.</li></ol>"


@pytest.mark.parametrize(
    ("data", "shown", "read"),
    [(["gin", "sugar"], ["16 cl gin, Beefeater", "4 tsk sugar"],
      ["16 cl gin, Beefeater", "4 tsk sugar"]),
     (["2 tbsp butter", "1 dl oats"], ["2 tbsp butter, melted", "1 dl oats, small"],
      ["2 tbsp butter", "1 dl oats"]),
     (["gin", "sugar"], ["gin, Beefeater", "sugar"], ["gin", "sugar"]),
     (["gin", "sugar"], ["16 cl gin", "4 tsk sugar", "1 lemon"], ["gin", "sugar"])],
)  # fmt: skip
def test_the_page_s_lines_replace_data_lines_only_when_they_add_the_amounts(
    data: list[str], shown: list[str], read: list[str]
) -> None:
    items = "".join(f"<li>{line}</li>" for line in shown)
    body = f"<h2>Ingredients</h2><ul>{items}</ul>{STEPS_HTML}"
    assert _lines(_read({**BASE, "recipeIngredient": data}, body)) == read


def test_an_ingredient_table_s_cells_are_one_line_per_row() -> None:
    rows = (
        '<tr><td class="amount">1</td><td>each</td><td><a href="/x">bay leaves</a>'
        "<br><small>dried</small></td><td>*</td></tr>"
        '<tr><td class="amount">2</td><td>pounds</td><td>beef</td><td><img src="c.svg"></td></tr>'
    )
    body = f'<h1>Stew</h1><table class="table-ingredients">{rows}</table>{STEPS_HTML}'
    (recipe,) = import_text(f"<html><body>{body}</body></html>", "page.html")
    assert _lines(recipe) == ["1 each bay leaves dried", "2 pounds beef"]


def test_a_microdata_ingredient_row_is_one_line() -> None:
    rows = "".join(
        f'<tr itemprop="recipeIngredient"><td><span>{amount}</span></td><th>{name}</th></tr>'
        for amount, name in [("1", "Knoblauchzehe, gepresst"), ("150 g", "Risottoreis")]
    )
    page = (
        '<html><body><div itemscope itemtype="https://schema.org/Recipe">'
        f'<h1 itemprop="name">Risotto</h1><table>{rows}</table>'
        '<ol><li itemprop="recipeInstructions">Stir for twenty minutes.</li></ol>'
        "</div></body></html>"
    )
    (recipe,) = import_text(page, "page.html")
    assert _lines(recipe) == ["1 Knoblauchzehe, gepresst", "150 g Risottoreis"]


METHOD_PARAGRAPHS = (
    "<h2>Method</h2><p>Mix everything in a large bowl.</p><p>Bake for forty minutes.</p>"
)


@pytest.mark.parametrize(
    ("ingredients", "read"),
    [("<h2>INGREDIENTS</h2><div><p><strong>Meatballs</strong><br> 400 grams lamb mince<br>"
      " 2 teaspoons cumin</p></div>", ["400 grams lamb mince", "2 teaspoons cumin"]),
     ("<p><strong>Ingredients</strong></p><p>1/2 lemon, juiced</p><p>1/4 c olive oil</p>",
      ["1/2 lemon, juiced", "1/4 c olive oil"]),
     ("<p>Ingredientes:</p><p>350 g de agua<br>500 g de harina</p>",
      ["350 g de agua", "500 g de harina"])],
)  # fmt: skip
def test_ingredient_lines_written_as_paragraphs_under_a_heading(
    ingredients: str, read: list[str]
) -> None:
    page = f"<html><body><h1>Bread</h1>{ingredients}{METHOD_PARAGRAPHS}</body></html>"
    (recipe,) = import_text(page, "page.html")
    assert _lines(recipe) == read
    assert _steps(recipe) == ["Mix everything in a large bowl.", "Bake for forty minutes."]


def test_a_bold_line_in_a_paragraph_of_lines_names_its_group() -> None:
    body = (
        "<h1>Curry</h1><h2>Ingredients</h2><p><strong>Meatballs</strong><br>400 g lamb<br>"
        "<strong>Sauce</strong><br>1 tin tomatoes</p>" + METHOD_PARAGRAPHS
    )
    (recipe,) = import_text(f"<html><body>{body}</body></html>", "page.html")
    groups = [(c.title, [i.text for i in c.ingredients]) for c in recipe.components]
    assert [group for group in groups if group[1]] == [
        ("Meatballs", ["400 g lamb"]),
        ("Sauce", ["1 tin tomatoes"]),
    ]


def test_a_conditional_comment_closed_the_old_way_hides_nothing() -> None:
    page = (
        "<!DOCTYPE html><!--[if IE 8]><html class='ie8'><![endif]-->"
        "<!--[if gt IE 8]><!--> <html> <!--<![endif]--><body><h1>Bread</h1>"
        "<h2>Ingredients</h2><ul><li>500 g flour</li><li>300 ml water</li></ul>"
        f"{METHOD_PARAGRAPHS}<script>/* <![CDATA[ */ var x = 1; /* ]]> */</script></body></html>"
    )
    for text in (page, '"' + page):  # also saved with a stray quote before the markup
        (recipe,) = import_text(text, "page.html")
        assert (recipe.title, _lines(recipe)) == ("Bread", ["500 g flour", "300 ml water"])


@pytest.mark.parametrize(
    ("items", "steps"),
    [(["1 Rinse the peas.", "2 Fry the patties."], ["Rinse the peas.", "Fry the patties."]),
     (["2 eggs go in first.", "3 minutes later stir."],
      ["2 eggs go in first.", "3 minutes later stir."]),
     (["1 Rinse the peas.", "3 Fry the patties."], ["1 Rinse the peas.", "3 Fry the patties."])],
)  # fmt: skip
def test_a_number_drawn_before_each_page_step_is_not_part_of_it(
    items: list[str], steps: list[str]
) -> None:
    # The number in a badge of its own, the step in a block beside it.
    method = "".join(f"<li><span>{item.split(' ', 1)[0]}</span><p>{item.split(' ', 1)[1]}</p></li>"
                     for item in items)  # fmt: skip
    body = f'<h2>Instructions</h2><ol class="steps">{method}</ol>'
    recipe = _read({**BASE, "recipeInstructions": "Rinse the peas and fry the patties."}, body)
    assert _steps(recipe) == steps


def test_a_method_section_finds_the_group_whose_name_ends_in_its_own() -> None:
    data = {
        **BASE,
        "recipeIngredient": ["Sour Cream Cake:", "2 cups flour", "1 cup sour cream",
                             "Lemon Glaze:", "1 cup icing sugar", "2 tbsp lemon juice"],
        "recipeInstructions": [
            {"@type": "HowToSection", "name": "To Make the Cake",
             "itemListElement": [{"@type": "HowToStep", "text": "Mix and bake."}]},
            {"@type": "HowToSection", "name": "To Make the Glaze",
             "itemListElement": [{"@type": "HowToStep", "text": "Whisk and pour."}]},
        ],
    }  # fmt: skip
    parts = [(c.title, [i.text for i in c.ingredients], c.steps) for c in _read(data).components]
    assert parts == [
        ("To Make the Cake", ["2 cups flour", "1 cup sour cream"], ["Mix and bake."]),
        ("To Make the Glaze", ["1 cup icing sugar", "2 tbsp lemon juice"], ["Whisk and pour."]),
    ]
