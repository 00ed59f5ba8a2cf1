"""How a page's ingredient lists, titles and microdata are read, rule by rule (issue 16).

Each case is a synthetic page of the shape a real site draws; the rule it tests is named
in the test. Lines are compared as the cook will see them in the detail pane.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from page_helpers import best_cpu_time as _best
from page_helpers import steps_of as _steps

from recipe_manager.domain import Recipe
from recipe_manager.io import RecipeImportError, import_text

METHOD = "<h2>Method</h2><ol><li>Chop everything finely.</li><li>Simmer for an hour.</li></ol>"


def _page(body: str, data: dict | None = None, head: str = "") -> Recipe:
    script = f'<script type="application/ld+json">{json.dumps(data)}</script>' if data else ""
    (recipe,) = import_text(
        f"<html><head>{head}{script}</head><body>{body}</body></html>", "page.html"
    )
    return recipe


def _lines(recipe: Recipe) -> list[str]:
    return [i.text for c in recipe.components for i in c.ingredients if not i.is_heading]


def _titles(recipe: Recipe) -> list[str]:
    return [c.title for c in recipe.components if c.title and c.ingredients]


# Pages with no structured data ------------------------------------------------------------


def test_an_h1_that_only_names_the_list_heads_it_and_the_method_is_its_paragraph() -> None:
    body = (
        "<h1>Csokis kuglóf</h1><p>Egy igazán csokis, szaftos tészta.</p>"
        "<h1><span>Hozzávalók</span></h1><ul><li><div><span>4 db</span>\n<span>tojás</span>"
        "</div></li><li>250 g porcukor</li><li>150 g liszt</li></ul>"
        "<h1><span>A recept</span></h1><section><p>A tojásokat szétválasztjuk, a sárgáját "
        "habosra keverjük, majd 180 fokon 50 percig sütjük.</p></section>"
        "<h1>További receptek</h1>"
    )
    recipe = _page(body)
    assert recipe.title == "Csokis kuglóf"
    assert _lines(recipe) == ["4 db tojás", "250 g porcukor", "150 g liszt"]
    assert len(_steps(recipe)) == 1 and _steps(recipe)[0].startswith("A tojásokat")


def test_a_list_of_sentences_ends_the_ingredients_under_a_heading_no_word_names() -> None:
    body = (
        "<h1>Chicken Bacon Ranch</h1><h4>INGREDIENTS</h4><ul><li><p>Baguette</p></li>"
        "<li><p>1 chicken breast</p></li></ul><p><strong>Ranch</strong></p>"
        "<ul><li><p>1 cup yogurt</p></li><li><p>1 lemon juiced</p></li></ul>"
        "<h4>RECIPE</h4><ol><li><p>Cut the chicken and bacon into even thin strips.</p></li>"
        "<li><p>Place the bacon in a skillet over medium heat and cook it.</p></li>"
        "<li><p>Close the sandwich, cut it in half and enjoy!</p></li></ol>"
    )
    recipe = _page(body)
    assert _lines(recipe) == ["Baguette", "1 chicken breast", "1 cup yogurt", "1 lemon juiced"]
    assert _titles(recipe) == ["Ranch"]
    assert len(_steps(recipe)) == 3


def test_without_headings_the_method_is_the_paragraphs_after_the_amount_list() -> None:
    body = (
        "<h1>For Your Table</h1><div><h1><strong>Chicken Salad</strong></h1><hr>"
        "<ul><li>6 cups chicken, shredded</li><li>3 cups grapes</li><li>½ cup walnuts</li></ul>"
        "<hr><p>Combine the chicken, grapes and walnuts in a large bowl.</p>"
        "<p>Fold in the dressing and combine well. Makes 6 servings.</p>"
        '<img src="logo.jpg"><p>Not part of the method, after the image block.</p></div>'
    )
    recipe = _page(body)
    assert recipe.title == "Chicken Salad"
    assert _lines(recipe) == ["6 cups chicken, shredded", "3 cups grapes", "½ cup walnuts"]
    assert _steps(recipe) == [
        "Combine the chicken, grapes and walnuts in a large bowl.",
        "Fold in the dressing and combine well. Makes 6 servings.",
    ]


def test_the_lists_beside_the_amount_list_join_it_under_their_headings() -> None:
    def wrapped(inner: str) -> str:
        return (
            f'<div class="module"><div class="content"><div class="text">{inner}</div></div></div>'
        )

    body = "<h1>Vanilla custard</h1><div>" + "".join(
        [
            wrapped("<ul><li><strong>200g</strong> - <a>rhubarb, cut</a></li>"
                    "<li><strong>90g</strong> - <a>caster sugar</a></li></ul>"),
            wrapped("<h3>Custard</h3>"),
            wrapped("<ul><li><strong>4</strong> - <a>large egg yolks</a></li>"
                    "<li><strong>1 tsp</strong> - <a>cornflour</a></li>"
                    "<li><strong>600ml</strong> - <a>double cream</a></li></ul>"),
            wrapped("<h3>Share</h3>"),
            wrapped("<ul><li>Facebook</li><li>Email</li></ul>"),
        ]
    )  # fmt: skip
    recipe = _page(body + "</div>" + METHOD)
    assert _lines(recipe) == [
        "200g rhubarb, cut",
        "90g caster sugar",
        "4 large egg yolks",
        "1 tsp cornflour",
        "600ml double cream",
    ]
    assert _titles(recipe) == ["Custard"]


@pytest.mark.parametrize(
    ("item", "line"),
    [("<strong>200g</strong> - <a>rhubarb</a>", "200g rhubarb"),
     ("<strong>2</strong> \u2013 <a>eggs</a>", "2 eggs"),
     ("<strong>Salt</strong> - <a>to taste</a>", "Salt - to taste"),
     ("200g - rhubarb", "200g - rhubarb")],
)  # fmt: skip
def test_a_dash_drawn_between_an_amount_element_and_the_name(item: str, line: str) -> None:
    body = f"<h1>Jam</h1><h2>Ingredients</h2><ul><li>{item}</li><li>1 lemon</li></ul>{METHOD}"
    assert _lines(_page(body))[0] == line


def test_a_row_of_tabs_is_skipped_and_you_ll_need_ends_the_ingredients() -> None:
    body = (
        "<h1>Nam Jim Chicken</h1><h3><span>Ingredients</span></h3>"
        '<ul class="nav nav-tabs" role="tablist"><li><a href="#us" role="tab">US</a></li>'
        '<li><a href="#metric" role="tab">METRIC</a></li></ul>'
        '<div class="tab-content"><div id="us"></div><div id="metric">'
        "<p><span>6 chicken legs</span></p><p><span>40g palm sugar</span></p>"
        "<p><strong>To serve:</strong></p><p><span>300g rice noodles</span></p></div></div>"
        "<h3><span>You'll Need</span></h3><div><p><span>Spice grinder</span></p></div>" + METHOD
    )
    recipe = _page(body)
    assert _lines(recipe) == ["6 chicken legs", "40g palm sugar", "300g rice noodles"]
    assert _titles(recipe) == ["To serve"]


def test_tick_box_rows_are_one_line_each_and_a_servings_control_is_none() -> None:
    def row(amount: str, name: str) -> str:
        return (
            '<div class="row"><input type="checkbox"><div><div>'
            f'{amount}</div><div class="font-bold">{name}</div></div></div>'
        )

    body = (
        "<h1>Gnocchi</h1><div><h3>Hozzávalók</h3><div><button>-</button>"
        "<div>kettő főre</div><button>+</button></div></div>"
        f"<div>{row('50 g', 'vaj')}{row('1 fej', 'vöröshagyma')}{row('', 'só, bors')}</div>"
        + METHOD
    )
    assert _lines(_page(body)) == ["50 g vaj", "1 fej vöröshagyma", "só, bors"]


def test_a_list_item_holding_a_list_is_a_group_with_its_heading() -> None:
    body = (
        '<h1>Fudgy Brownies</h1><ul class="ingredients-list">'
        '<li class="section"><h3>Brownies</h3><ul><li><span>1 ¼ cup (315 mL)</span> '
        "<span>flour</span></li><li>4 eggs</li></ul></li>"
        '<li class="section"><h3>Icing</h3><ul><li>2 tbsp butter</li></ul></li></ul>' + METHOD
    )
    recipe = _page(body)
    assert _lines(recipe) == ["1 ¼ cup (315 mL) flour", "4 eggs", "2 tbsp butter"]
    assert _titles(recipe) == ["Brownies", "Icing"]


def test_the_method_s_name_set_as_plain_text_ends_the_ingredients() -> None:
    body = (
        "<h1>Makrel</h1><div><h3>Ingredienser</h3><div><p>4 makrelfileter</p>"
        "<p>100 g smør</p></div></div><div>Sådan gør du</div>"
        "<div><p>Steg makrellen.</p><p>Server.</p></div>"
    )
    recipe = _page(body, {**BASE, "name": "Makrel"})
    assert _lines(recipe) == ["4 makrelfileter", "100 g smør"]


def test_a_named_recipe_whose_lists_a_script_draws_fails_with_a_message_saying_so() -> None:
    data = {"@type": "Recipe", "name": "Stegt makrel", "recipeYield": "4"}
    body = "<h1>Stegt makrel</h1><h3>Ingredienser</h3><div></div><div>Sådan gør du</div>"
    with pytest.raises(RecipeImportError, match="shows none of its ingredients or steps"):
        _page(body, data)
    with pytest.raises(RecipeImportError, match="no recipe found"):
        _page("<p>Hello</p>")


def test_guards_long_ingredient_lines_a_nutrition_list_and_an_ingredient_s_own_list() -> None:
    long_lines = (
        "<li>1 (14-ounce) can full-fat coconut milk, well shaken.</li>"
        "<li>2 tablespoons red curry paste, or more to taste.</li>"
    )
    body = (
        "<h1>Curry</h1><h2>Ingredients</h2><ul><li>1 onion</li></ul>"
        f"<p><strong>Sauce</strong></p><ul>{long_lines}</ul>" + METHOD
    )
    assert len(_lines(_page(body))) == 3
    body = (
        "<h1>Cake</h1><div><ul><li>200 g flour</li><li>2 eggs</li><li>100 g sugar</li></ul>"
        "<h3>Nutrition</h3><ul><li>250 kcal</li><li>12 g fat</li></ul></div>" + METHOD
    )
    assert _lines(_page(body)) == ["200 g flour", "2 eggs", "100 g sugar"]
    body = (
        '<h1>Soup</h1><h2>Ingredients</h2><ul class="ingredients">'
        "<li>2 cups stock<ul><li>or water</li></ul></li><li>1 leek</li></ul>" + METHOD
    )
    assert _lines(_page(body)) == ["2 cups stock or water", "1 leek"]


# Structured data and the page's list --------------------------------------------------------

BASE = {"@type": "Recipe", "name": "Soup", "recipeInstructions": ["Chop.", "Simmer."]}


def test_a_data_line_the_page_draws_as_a_group_title_is_a_heading() -> None:
    data = {**BASE, "recipeIngredient": ["1 kg pork", "Apple slaw", "2 apples", "1 fennel"]}
    items = "".join(
        f'<div class="recipe-ingredients__item"><label><span>{line}</span></label></div>'
        for line in ["1 kg pork"]
    )
    rest = "".join(
        f'<div class="recipe-ingredients__item"><label><span>{line}</span></label></div>'
        for line in ["2 apples", "1 fennel"]
    )
    body = (
        f"<div><h2>Ingredients</h2>{items}"
        f'<div class="recipe-ingredients__title">Apple slaw</div>{rest}</div>'
    )
    recipe = _page(body, data)
    assert _lines(recipe) == ["1 kg pork", "2 apples", "1 fennel"]
    assert _titles(recipe) == ["Apple slaw"]


@pytest.mark.parametrize(
    ("data", "shown", "read"),
    [
        # The page puts the amount first where the data puts the name first.
        (["múka hladká, 460 g", "mlieko, 250 ml", "vajce"],
         ["460 g múka hladká", "250 ml mlieko", "vajce"], "page"),
        # Never the other way: data written amount first stays.
        (["500 g rhubarbe", "1 unité pâte brisée"], ["Rhubarbe 500 g", "Pâte brisée 1 unité"],
         "data"),
        # Whole numbers the data writes as floats.
        (["500.0 g chickpeas", "2.0 eggs", "0.5 bunch parsley"],
         ["500 g chickpeas", "2 eggs", "0.5 bunch parsley"], "page"),
        # The second measure and the fractions the data rewrote.
        (["1 1/4 cup flour", "1/2 tsp salt", "4 eggs"],
         ["1 ¼ cup (315 mL) flour", "½ tsp (2.5 mL) salt", "4 eggs"], "page"),
        # A converted measure the page adds while the data keeps the author's fractions.
        (["7 oz tempeh", "½ cup rice", "1 onion"],
         ["7 oz (200 g) tempeh", "½ cup (100 g) rice", "1 onion"], "data"),
        # A line that says something else keeps the data as a whole.
        (["mlieko, 250 ml", "cukor, 1 KL", "2 eggs"], ["250 ml mlieko", "1 KL cukor", "3 eggs"],
         "data"),
        # One better line of many is no reason to leave the data.
        (["mlieko, 250 ml", "1 onion", "2 eggs", "1 leek", "salt"],
         ["250 ml mlieko", "1 onion", "2 eggs", "1 leek", "salt"], "data"),
    ],
)  # fmt: skip
def test_the_page_s_lines_replace_the_data_s_where_they_say_the_same_written_as_shown(
    data: list[str], shown: list[str], read: str
) -> None:
    items = "".join(f"<li>{line}</li>" for line in shown)
    recipe = _page(f"<h2>Ingredients</h2><ul>{items}</ul>", {**BASE, "recipeIngredient": data})
    assert _lines(recipe) == (shown if read == "page" else data)


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzáéöü", min_size=2, max_size=8)
_LINE = st.tuples(st.integers(1, 999), st.sampled_from(["g", "ml", "dl", "EL"]), _WORD)


@settings(max_examples=40, deadline=None)
@given(st.lists(_LINE, min_size=2, max_size=8, unique_by=lambda line: line[2]))
def test_the_amount_moves_to_the_front_never_to_the_back(
    parts: list[tuple[int, str, str]],
) -> None:
    name_first = [f"{name}, {amount} {unit}" for amount, unit, name in parts]
    amount_first = [f"{amount} {unit} {name}" for amount, unit, name in parts]
    for data, shown, read in ((name_first, amount_first, amount_first),
                              (amount_first, name_first, amount_first)):  # fmt: skip
        items = "".join(f"<li>{line}</li>" for line in shown)
        body = f"<h2>Ingredients</h2><ul>{items}</ul>"
        assert _lines(_page(body, {**BASE, "recipeIngredient": data})) == read


@pytest.mark.parametrize(
    ("lines", "read"),
    [(["Ingrédients", "200 g farine", "Équipement", "1 saladier", "1 fouet"], ["200 g farine"]),
     (["200 g farine", "Composition : farine de blé, sel", "Conservation : au frais",
       "1 oeuf"], ["200 g farine", "1 oeuf"]),
     (["Pâte:", "200 g farine", "Équipement:", "1 saladier", "Sauce:", "1 citron"],
      ["200 g farine", "1 citron"]),
     (["1 tsp equipment-grade salt", "Ingredients for the filling", "Toolsy cheese"],
      ["1 tsp equipment-grade salt", "Ingredients for the filling", "Toolsy cheese"])],
)  # fmt: skip
def test_list_names_equipment_and_product_rows_are_no_ingredients(
    lines: list[str], read: list[str]
) -> None:
    assert _lines(_page("", {**BASE, "recipeIngredient": lines})) == read


# Titles ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "h1", "site", "title"),
    [("Tepsis krumpli Recept képpel - Mindmegette.hu - Receptek", "Tepsis krumpli",
      "Mindmegette.hu", "Tepsis krumpli"),
     ("Grove pannekaker - Perfekt middag", "Grove pannekaker", "Godt.no",
      "Grove pannekaker - Perfekt middag"),
     ("Cookbook:Pumpkin Pie I", "Cookbook:Pumpkin Pie I", "Wikibooks", "Pumpkin Pie I"),
     ("Pasta: a love story", "Pasta: a love story", "Kitchen", "Pasta: a love story"),
     ("Soup | Kitchen", "Soup", "Kitchen", "Soup")],
)  # fmt: skip
def test_the_site_s_name_and_a_wiki_namespace_leave_the_title(
    name: str, h1: str, site: str, title: str
) -> None:
    head = f'<meta property="og:site_name" content="{site}">'
    recipe = _page(f"<h1>{h1}</h1>", {**BASE, "name": name, "recipeIngredient": ["1 egg"]}, head)
    assert recipe.title == title


# Microdata ------------------------------------------------------------------------------------


def _microdata(inner: str) -> Recipe:
    return _page(
        f'<div itemscope itemtype="https://schema.org/Recipe"><h1 itemprop="name">Bahama Mama'
        f"</h1>{inner}</div>"
    )


def test_an_ingredient_marked_by_name_alone_is_read_with_the_amount_its_item_shows() -> None:
    items = "".join(
        f'<li><span> {amount} <a href="/i"><span itemprop="recipeIngredient">{name}</span>'
        "</a></span></li>"
        for amount, name in [("6 cl", "Kokoslikör"), ("1 cl", "Grenadin"), ("", "Is")]
    )
    two = (
        '<li><span itemprop="recipeIngredient">Salt</span> and '
        '<span itemprop="recipeIngredient">pepper</span></li>'
    )
    recipe = _microdata(
        f'<ul>{items}{two}</ul><p itemprop="recipeInstructions">Shake with ice.</p>'
    )
    assert _lines(recipe) == ["6 cl Kokoslikör", "1 cl Grenadin", "Is", "Salt", "pepper"]


def test_microdata_steps_and_sections_are_read_whole() -> None:
    recipe = _microdata(
        '<span itemprop="recipeIngredient">1 lime</span>'
        '<div itemprop="recipeInstructions" itemscope itemtype="https://schema.org/HowToSection">'
        '<h3 itemprop="name">Syrup</h3>'
        '<div itemprop="itemListElement" itemscope itemtype="https://schema.org/HowToStep">'
        "Boil the sugar.</div>"
        '<div itemprop="itemListElement" itemscope itemtype="https://schema.org/HowToStep">'
        '<p itemprop="text">Let it cool.</p></div></div>'
    )
    assert _lines(recipe) == ["1 lime"]
    assert [(c.title, c.steps) for c in recipe.components if c.steps] == [
        ("Syrup", ["Boil the sugar.", "Let it cool."])
    ]


# Speed ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "piece",
    ['<li><h3>G</h3><ul><li>1 g salt</li><li><strong>2</strong> - <a>eggs</a></li></ul></li>',
     '<div><input type="checkbox"><div>50 g</div><div>vaj</div></div>',
     '<li><span>6 cl <span itemprop="recipeIngredient">rum</span></span></li>',
     '<div class="a"><div class="b"><ul><li>1 egg</li></ul></div></div><h3>Part</h3>'],
)  # fmt: skip
def test_the_new_rules_grow_linearly_with_the_page(piece: str) -> None:
    def page(size: int) -> str:
        body = piece * (size // len(piece))
        return (
            '<html><body><div itemscope itemtype="https://schema.org/Recipe">'
            f'<h1 itemprop="name">T</h1><h2>Ingredients</h2><ul class="ingredients">{body}</ul>'
            "</div></body></html>"
        )

    small = _best(lambda: import_text(page(25_000), "page.html"))
    large = _best(lambda: import_text(page(100_000), "page.html"))
    # Four times the page: linear is about 4×, quadratic 16×.
    assert large <= 8 * small + 0.05, (small, large)


def test_microdata_properties_set_elsewhere_on_the_page_by_itemref_are_read() -> None:
    page = (
        '<html><body><div itemscope itemtype="https://schema.org/Recipe" itemref="ing m">'
        '<h1 itemprop="name">Lemonade</h1></div><aside>Other lists</aside>'
        '<ul id="ing"><li itemprop="recipeIngredient">2 lemons</li>'
        '<li itemprop="recipeIngredient">1 l water</li></ul>'
        '<ol id="m"><li itemprop="recipeInstructions">Squeeze the lemons.</li>'
        '<li itemprop="recipeInstructions">Add the water.</li></ol></body></html>'
    )
    (recipe,) = import_text(page, "page.html")
    assert _lines(recipe) == ["2 lemons", "1 l water"]
    assert _steps(recipe) == ["Squeeze the lemons.", "Add the water."]
