"""How a page's method is read into steps and parts, rule by rule.

Each table holds lines of the shapes real recipe pages write; the properties check that a
rule never loses or invents words of a step.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from page_helpers import BASE
from page_helpers import best_cpu_time as _cpu
from page_helpers import read_page as _read
from page_helpers import steps_of as _steps

from recipe_manager.io import import_text
from recipe_manager.io.jsonld import section_name


def _how_to(*texts: str) -> list[dict]:
    return [{"@type": "HowToStep", "text": text} for text in texts]


@pytest.mark.parametrize(
    ("text", "step"),
    [("place a spoonful of the hot jam on the\nplate from the freezer.",
      "place a spoonful of the hot jam on the plate from the freezer."),
     ("Mix well and let it rest.\nBlanch the potatoes.",
      "Mix well and let it rest. Blanch the potatoes."),
     ("Heat the oil.<br>Add the onion.", "Heat the oil. Add the onion.")],
)  # fmt: skip
def test_a_how_to_step_s_line_breaks_do_not_split_it(text: str, step: str) -> None:
    recipe = _read({**BASE, "recipeInstructions": _how_to("Chop the onion.", text)})
    assert _steps(recipe) == ["Chop the onion.", step]


def test_a_how_to_step_that_numbers_steps_of_its_own_still_splits() -> None:
    recipe = _read({**BASE, "recipeInstructions": _how_to("1. Heat the oil.\n2. Add the onion.")})
    assert _steps(recipe) == ["Heat the oil.", "Add the onion."]


def test_a_text_of_lines_is_still_one_step_a_line() -> None:
    recipe = _read({**BASE, "recipeInstructions": "Chop the onion.\nFry it.\nAdd the stock."})
    assert _steps(recipe) == ["Chop the onion.", "Fry it.", "Add the stock."]


@given(
    st.lists(
        st.text(alphabet="abcdefgh ,.;", min_size=1, max_size=30).filter(str.strip),
        min_size=1,
        max_size=5,
    )
)
def test_a_how_to_step_keeps_every_word_in_one_step(lines: list[str]) -> None:
    text = "\n".join(lines)
    recipe = _read({**BASE, "recipeInstructions": _how_to("Chop the onion.", text)})
    steps = _steps(recipe)
    assert steps[0] == "Chop the onion."
    assert " ".join(steps[1:]).split() == text.split()


@pytest.mark.parametrize(
    ("name", "title"),
    [("Modo de Preparo", ""), ("Instructions", ""), ("Method:", ""), ("Inserir título", ""),
     ("Insert title", ""), ("Oppskrift", ""), ("Recipe:", ""),
     ("Ajouter un titre", "Ajouter un titre"),
     ("To make the frosting:", "To make the frosting:"), ("Glaze", "Glaze"),
     ("Preparation of the dough", "Preparation of the dough")],
)  # fmt: skip
def test_a_section_named_like_the_method_or_a_placeholder_names_no_part(
    name: str, title: str
) -> None:
    assert section_name(name) == title
    section = {"@type": "HowToSection", "name": name, "itemListElement": _how_to("Stir.", "Bake.")}
    recipe = _read({**BASE, "recipeInstructions": [section]})
    assert [c.title for c in recipe.components if c.steps] == [title]
    assert _steps(recipe) == ["Stir.", "Bake."]


@pytest.mark.parametrize(
    ("group", "section", "title"),
    [("Cake:", "For the Cake", "For the Cake"),
     ("For the sauce:", "Sauce", "For the sauce"),
     ("Plantain Tortillas:", "For the plantain tortillas:", "For the plantain tortillas"),
     ("Glaze:", "Glaze", "Glaze")],
)  # fmt: skip
def test_one_part_named_twice_takes_the_fuller_name(group: str, section: str, title: str) -> None:
    data = {
        **BASE,
        "recipeIngredient": ["1 onion", group, "2 eggs"],
        "recipeInstructions": [
            {"@type": "HowToStep", "text": "Chop the onion."},
            {"@type": "HowToSection", "name": section, "itemListElement": _how_to("Beat.")},
        ],
    }
    recipe = _read(data)
    main, part = recipe.components
    assert main.steps == ["Chop the onion."]
    assert (part.title, [i.text for i in part.ingredients], part.steps) == (
        title,
        ["2 eggs"],
        ["Beat."],
    )


PAGE_DATA = {**BASE, "recipeInstructions": "Rinse the peas and fry the patties."}


@pytest.mark.parametrize(
    ("items", "steps"),
    [(["<span>1</span> Prak de tofu.", "<span>2</span> Bak de vleugels."],
      ["1 Prak de tofu.", "2 Bak de vleugels."]),
     (["1- Versez le lait.", "2- Ajoutez le sucre."],
      ["1- Versez le lait.", "2- Ajoutez le sucre."]),
     (['<div class="n">1</div><p>Rinse the peas.</p>', '<div class="n">2</div><p>Fry.</p>'],
      ["Rinse the peas.", "Fry."]),
     (["<span>1.</span><div>Rinse the peas.</div>", "<span>2.</span><div>Fry.</div>"],
      ["Rinse the peas.", "Fry."]),
     (["<span>1</span><div>Rinse the peas.</div>", "<span>3</span><div>Fry.</div>"],
      ["1 Rinse the peas.", "3 Fry."])],
)  # fmt: skip
def test_a_number_is_dropped_only_when_drawn_apart_from_its_step(
    items: list[str], steps: list[str]
) -> None:
    body = '<h2>Instructions</h2><ol class="steps">' + "".join(f"<li>{i}</li>" for i in items)
    assert _steps(_read(PAGE_DATA, body + "</ol>")) == steps


@pytest.mark.parametrize(
    ("items", "steps"),
    [(["1. Mix.", "2. Knead. 3. Shape the loaf.", "4. Bake."],
      ["1. Mix.", "2. Knead.", "3. Shape the loaf.", "4. Bake."]),
     (["1. Mix.", "2. Knead.", "3. Preheat to 220. 4. Bake for 10 minutes at 220. Cool."],
      ["1. Mix.", "2. Knead.", "3. Preheat to 220.", "4. Bake for 10 minutes at 220. Cool."]),
     # A number that does not follow on is no step number.
     (["1. Mix.", "2. Bake at 180. 5 minutes later, turn."],
      ["1. Mix.", "2. Bake at 180. 5 minutes later, turn."]),
     (["Mix.", "Bake at 180. 2 eggs go on top."], ["Mix.", "Bake at 180. 2 eggs go on top."])],
)  # fmt: skip
def test_an_item_holding_the_next_numbered_step_too_is_split(
    items: list[str], steps: list[str]
) -> None:
    body = '<h2>Instructions</h2><ol class="steps">' + "".join(f"<li>{i}</li>" for i in items)
    assert _steps(_read(PAGE_DATA, body + "</ol>")) == steps


@given(st.lists(st.text(alphabet="abcdef .", min_size=1, max_size=20), min_size=2, max_size=6))
def test_numbered_page_steps_keep_every_word(texts: list[str]) -> None:
    items = [f"{n}. {text}" for n, text in enumerate(texts, start=1)]
    body = '<h2>Instructions</h2><ol class="steps">' + "".join(f"<li>{i}</li>" for i in items)
    steps = _steps(_read(PAGE_DATA, body + "</ol>"))
    assert " ".join(steps).split() == " ".join(items).split()


@pytest.mark.parametrize(
    ("last", "step", "yield_text"),
    [("Freeze for up to 3 months. <b>Serves 4</b>", "Freeze for up to 3 months.", "Serves 4"),
     ("Cool on a rack. Makes 24 cookies.", "Cool on a rack.", "Makes 24 cookies"),
     ("Serve warm. Serves 4-6", "Serve warm.", "Serves 4-6"),
     ("Serves 4", None, "Serves 4"),
     # A yield inside the step's sentence is part of it.
     ("Divide into portions so it serves 4 people.",
      "Divide into portions so it serves 4 people.", ""),
     ("Bake until the dough makes 2 loaves.", "Bake until the dough makes 2 loaves.", "")],
)  # fmt: skip
def test_a_yield_closing_the_last_page_step_is_the_yield_not_a_step(
    last: str, step: str | None, yield_text: str
) -> None:
    page = (
        "<html><body><h1>Soup</h1><h2>Ingredients</h2><ul><li>1 onion</li><li>1 l stock</li>"
        f"</ul><h2>Method</h2><ol><li>Chop the onion and fry it.</li><li>{last}</li></ol>"
        "</body></html>"
    )
    (recipe,) = import_text(page, "page.html")
    assert _steps(recipe) == ["Chop the onion and fry it.", *([step] if step else [])]
    assert (recipe.yield_text or "") == yield_text


def test_links_after_the_last_step_in_its_item_are_not_part_of_it() -> None:
    body = (
        '<h2>Method</h2><ol class="steps"><li>Chop the onion.</li><li>Roast for 20 minutes. '
        '<br><h2><a href="/a">MORE ROAST RECIPES &gt;&gt;&gt;</a><br><a href="/b">SIDES'
        "</a></h2></li></ol>"
    )
    assert _steps(_read(PAGE_DATA, body)) == ["Chop the onion.", "Roast for 20 minutes."]


def test_a_step_with_a_link_in_its_text_keeps_it() -> None:
    body = (
        '<h2>Method</h2><ol class="steps"><li>Make the <a href="/pastry">pastry</a>.</li>'
        '<li><p><a href="/oven">Heat the oven</a></p><p>to 200°C.</p></li></ol>'
    )
    assert _steps(_read(PAGE_DATA, body)) == ["Make the pastry.", "Heat the oven to 200°C."]


def test_json_ld_kept_in_a_meta_tag_is_read() -> None:
    data = {**BASE, "recipeInstructions": _how_to("Chop the onion.", "Fry it.")}
    content = json.dumps(data).replace("&", "&amp;").replace('"', "&quot;")
    page = f'<html><head><meta name="application/ld+json" content="{content}"></head></html>'
    (recipe,) = import_text(page, "page.html")
    assert (recipe.title, _steps(recipe)) == ("Soup", ["Chop the onion.", "Fry it."])


PROSE_PAGE = """<html><body><h1>Carpaccio</h1>
<div class="dice"><h3>More ingredients</h3><ul class="ingredient-dice">{dice}</ul></div>
<h2>Ingredients</h2><ol class="list"><li>1 kohlrabi</li><li>2 tbsp olive oil</li>
<li><a href="/salt">Salt</a></li></ol>
<h2>{heading}</h2>
<p>Peel the kohlrabi and slice it as thin as you can, on a mandoline if you have one.</p>
<p>Whisk the oil with salt, lay the slices on a plate and pour the dressing over them.</p>
<div class="more"><ul>{dice}</ul></div></body></html>"""
DICE = "".join(f'<li><a href="/{n}">{n}</a></li>' for n in ("Leek", "Kale", "Fig", "Lime"))


def test_a_method_in_paragraphs_under_the_dish_s_name_after_the_ingredients() -> None:
    data = {**BASE, "recipeIngredient": ["1 kohlrabi", "2 tbsp olive oil", "Salt"]}
    page = PROSE_PAGE.format(dice=DICE, heading="Kohlrabi carpaccio")
    page = page.replace("<body>", f'<body><script type="application/ld+json">{json.dumps(data)}'
                        "</script>")  # fmt: skip
    (recipe,) = import_text(page, "page.html")
    assert _steps(recipe) == [
        "Peel the kohlrabi and slice it as thin as you can, on a mandoline if you have one.",
        "Whisk the oil with salt, lay the slices on a plate and pour the dressing over them.",
    ]


@pytest.mark.parametrize("heading", ["Notes", "Tips", "Comments"])
def test_paragraphs_under_a_notes_heading_are_no_method(heading: str) -> None:
    data = {**BASE, "recipeIngredient": ["1 kohlrabi", "2 tbsp olive oil", "Salt"]}
    page = PROSE_PAGE.format(dice=DICE, heading=heading)
    page = page.replace("<body>", f'<body><script type="application/ld+json">{json.dumps(data)}'
                        "</script>")  # fmt: skip
    (recipe,) = import_text(page, "page.html")
    assert _steps(recipe) == []


def test_a_part_the_cook_named_like_the_method_keeps_its_name() -> None:
    data = {
        **BASE,
        "recipeIngredient": ["1 onion", "Method:", "2 eggs"],
        "recipeInstructions": [
            {"@type": "HowToStep", "text": "Chop the onion."},
            {"@type": "HowToSection", "name": "Method", "itemListElement": _how_to("Method")},
        ],
    }
    main, part = _read(data).components
    assert (main.steps, part.title, part.steps) == (["Chop the onion."], "Method", ["Method"])


@pytest.mark.parametrize(
    ("instructions", "steps"),
    [(["For the cheese: blend.\nSet aside.", "Layer the zucchini."],
      ["For the cheese: blend. Set aside.", "Layer the zucchini."]),
     # One text alone is the whole method, one step a line.
     (["Chop the onion.\nFry it."], ["Chop the onion.", "Fry it."]),
     ("Instructions\nChop the onion.\nFry it.", ["Chop the onion.", "Fry it."])],
)  # fmt: skip
def test_each_of_a_list_of_step_texts_is_one_step(
    instructions: list[str] | str, steps: list[str]
) -> None:
    assert _steps(_read({**BASE, "recipeInstructions": instructions})) == steps


SUBHEADED = """<html><body><h1>Meringues</h1><h2>Ingredients</h2><ul><li>4 egg whites</li>
<li>1 cup sugar</li></ul>
<div class="instructions"><h3>{first}</h3><ul><li>Preheat the oven to 100°C.</li>
<li>Line a baking sheet with parchment.</li></ul>
<h3>2. Make the meringue:</h3><ul><li>Beat the egg whites until foamy.</li>
<li>Add the sugar a spoonful at a time.</li></ul>{after}</div></body></html>"""


@pytest.mark.parametrize(
    ("first", "after", "steps"),
    [("1. Do some prep:", "",
      ["1. Do some prep", "Preheat the oven to 100°C.", "Line a baking sheet with parchment.",
       "2. Make the meringue", "Beat the egg whites until foamy.",
       "Add the sugar a spoonful at a time."]),
     # The method's own heading names no part; an aside after the steps ends them, at
     # any rank ("Notes", "Recipe Variations": the cook's options, not the method).
     ("Instructions", "<h4>Notes</h4><ul><li>Keep them dry in a tin for a week.</li></ul>",
      ["Preheat the oven to 100°C.", "Line a baking sheet with parchment.",
       "2. Make the meringue", "Beat the egg whites until foamy.",
       "Add the sugar a spoonful at a time."]),
     ("Instructions", "<h4>Recipe Variations</h4><ul><li>Use pistachios for a green one.</li>"
      "</ul>",
      ["Preheat the oven to 100°C.", "Line a baking sheet with parchment.",
       "2. Make the meringue", "Beat the egg whites until foamy.",
       "Add the sugar a spoonful at a time."]),
     # An aside as high as the method's own heading ends it.
     ("Instructions", "<h3>More recipes</h3><ul><li><a href='/x'>Our best pavlova recipes</a></li>"
      "</ul>",
      ["Preheat the oven to 100°C.", "Line a baking sheet with parchment.",
       "2. Make the meringue", "Beat the egg whites until foamy.",
       "Add the sugar a spoonful at a time."])],
)  # fmt: skip
def test_sub_headings_in_a_page_s_method_title_its_parts(
    first: str, after: str, steps: list[str]
) -> None:
    (recipe,) = import_text(SUBHEADED.format(first=first, after=after), "page.html")
    lines = [line for c in recipe.components for line in ([c.title] if c.title else []) + c.steps]
    assert lines == steps


def test_step_headings_that_only_number_do_not_title_parts() -> None:
    page = SUBHEADED.format(first="Step 1", after="").replace("2. Make the meringue:", "Step 2")
    (recipe,) = import_text(page, "page.html")
    assert [c.title for c in recipe.components] == [""]
    assert len(_steps(recipe)) == 4


@pytest.mark.parametrize("heading", ["Step-by-Step Instructions", "Cooking Method", "Directions"])
def test_a_method_heading_ending_in_the_method_s_word(heading: str) -> None:
    page = f"""<html><body><h1>Pitas</h1><h2>Ingredients</h2><ul><li>4 pitas</li>
    <li>1 onion</li></ul><h2>Substitutions</h2>
    <ul><li>Pitas: naan or tortillas work too, warmed.</li>
    <li>Onion: shallots, sliced thin, are milder.</li></ul><h2>{heading}</h2>
    <h3><strong>1. Preheat the oven</strong></h3><p>We want it nice and hot for crisp edges.</p>
    <h3><strong>2. Roast</strong></h3><p>Roast the onion for 20 minutes, turning once.</p>
    <h2>Comments</h2><p>Lovely recipe, thank you so much for sharing it!</p></body></html>"""
    (recipe,) = import_text(page, "page.html")
    assert _steps(recipe) == [
        "We want it nice and hot for crisp edges.",
        "Roast the onion for 20 minutes, turning once.",
    ]


def test_list_items_that_only_link_elsewhere_are_not_steps() -> None:
    body = (
        '<h2>Method</h2><ol class="steps"><li><span>1</span><p>Chop the onion.</p></li>'
        '<li><a href="/summer">Summer</a></li><li><span>2</span><p>Fry it in butter.</p></li>'
        '<li><a href="/mains">Main Meals</a></li></ol>'
    )
    assert _steps(_read(PAGE_DATA, body)) == ["Chop the onion.", "Fry it in butter."]


STAGED = """<html><body><h1>Apricot flan</h1><h2>Ingredients</h2><ul><li>500 g apricots</li>
<li>1 sheet of pastry</li></ul><section><h2>Making the flan</h2>
<p>Make the pastry cream and the dough the day before you want to bake.</p>
<p>Halve the apricots, take out the stones and lay them on the cream, cut side down.</p>
<h2>{second}</h2>{body}<p><strong>Photo: Ann</strong></p></section>
<h2>Comments</h2><p>Made it twice this summer and it was gone in minutes!</p></body></html>"""
FIRST_STAGE = [
    "Make the pastry cream and the dough the day before you want to bake.",
    "Halve the apricots, take out the stones and lay them on the cream, cut side down.",
]
BAKE = """<p>Let the flan rest for 15 minutes, then bake it for 30 minutes until golden.</p>
<p>Toast the almonds for 6 to 8 minutes at 160 °C while the flan cools down.</p>"""


@pytest.mark.parametrize(
    ("second", "body", "steps"),
    [("Baking the flan", BAKE,
      ["Make the pastry cream and the dough the day before you want to bake.",
       "Halve the apricots, take out the stones and lay them on the cream, cut side down.",
       "Baking the flan",
       "Let the flan rest for 15 minutes, then bake it for 30 minutes until golden.",
       "Toast the almonds for 6 to 8 minutes at 160 °C while the flan cools down."]),
     ("Notes", BAKE, None),
     ("Baking the flan", "<ul><li>Rest 15 minutes.</li></ul>" + BAKE, None),
     ("Storage", "<p>Keeps a day.</p>", None)],
)  # fmt: skip
def test_a_prose_method_goes_on_under_headings_of_its_own_rank(
    second: str, body: str, steps: list[str] | None
) -> None:
    (recipe,) = import_text(STAGED.format(second=second, body=body), "page.html")
    lines = [line for c in recipe.components for line in ([c.title] if c.title else []) + c.steps]
    assert lines == (steps or FIRST_STAGE)


STEP_SHAPES = {
    "numbered items": '<li>{n}. Stir {n}. <a href="/x">More</a> {m}. Bake.</li>',
    "drawn numbers": "<li><span>{n}</span><p>Stir well. Serves {n}</p></li>",
    "link items": '<li><a href="/{n}">Tag {n}</a></li><li>Stir it well for a minute.</li>',
    "sub-headings": "<h3>Part {n}:</h3><ul><li>Stir the pot for {n} minutes.</li></ul>",
    "link blocks": '<li>Stir.<h2><a href="/a">MORE</a></h2><div><a href="/b">X</a></div></li>',
    "prose stages": "<h2>Stage {n}</h2><p>Stir the pot gently for a few minutes, then rest.</p>",
}


@pytest.mark.parametrize("shape", sorted(STEP_SHAPES))
def test_page_step_rules_grow_linearly_with_the_page(shape: str) -> None:
    def page(count: int) -> str:
        items = "".join(STEP_SHAPES[shape].format(n=n, m=n + 1) for n in range(1, count + 1))
        return (
            "<html><body><h1>Soup</h1><h2>Ingredients</h2><ul><li>1 onion</li></ul>"
            f'<h2>Method</h2><ol class="instructions">{items}</ol></body></html>'
        )

    small = _cpu(lambda: import_text(page(300), "page.html"))
    large = _cpu(lambda: import_text(page(1200), "page.html"))
    # Four times the page: linear is about 4×, quadratic 16×.
    assert large <= 8 * small + 0.05, (small, large)


@pytest.mark.parametrize(
    "heading",
    ["Slik gjør du", "Sådan gør du", "Zo maak je het", "So geht's", "Pasos", "Valmistus",
     "Sposób przygotowania", "Mod de preparare", "Hazırlanışı", "Приготовление", "Οδηγίες"],
)  # fmt: skip
def test_method_headings_in_more_languages(heading: str) -> None:
    page = f"""<html><body><h1>Suppe</h1><h2>Ingredients</h2><ul><li>1 onion</li>
    <li>1 l stock</li></ul><h2>Story</h2><ul><li>We first ate this on a rainy day by the sea.</li>
    </ul><h2>{heading}</h2><ol><li>Chop the onion.</li><li>Add the stock and simmer.</li></ol>
    </body></html>"""
    (recipe,) = import_text(page, "page.html")
    assert _steps(recipe) == ["Chop the onion.", "Add the stock and simmer."]


def test_a_list_of_links_with_a_line_of_text_among_them_is_no_method() -> None:
    teasers = "".join(f'<li><a href="/{n}">Salad {n}</a></li>' for n in range(4))
    page = f"""<html><body><h1>Soup</h1><h2>Ingredients</h2><ul><li>1 onion</li>
    <li>1 l stock</li></ul><h2>More soups</h2><ul>{teasers}
    <li>Kohlrabi deserves better than a white sauce, really.</li></ul>
    <ol><li>Chop the onion and fry it in butter until soft.</li>
    <li>Add the stock and simmer for twenty minutes.</li></ol></body></html>"""
    (recipe,) = import_text(page, "page.html")
    assert _steps(recipe) == [
        "Chop the onion and fry it in butter until soft.",
        "Add the stock and simmer for twenty minutes.",
    ]
