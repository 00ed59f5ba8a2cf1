"""The editor's text form says everything a recipe's parts, steps, notes and tags hold.

The editor fills its boxes with these functions and reads them back on save; a recipe
opened and saved unchanged must come back exactly. Real shapes from importers and older
files first, then a property over every shape the form is meant to carry.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from recipe_manager.domain import Component, parse_ingredient
from recipe_manager.domain.recipe_text import (
    components_from_editor_text,
    editor_ingredients_text,
    editor_items_from_text,
    editor_items_text,
    editor_steps_text,
    tags_from_text,
    tags_text,
)


def part(title="", servings=None, ingredients=(), steps=()) -> Component:
    return Component(
        title=title,
        servings=servings,
        ingredients=[parse_ingredient(line) for line in ingredients],
        steps=list(steps),
    )


def round_trip(components: list[Component]) -> list[dict]:
    back = components_from_editor_text(
        editor_ingredients_text(components), editor_steps_text(components)
    )
    return [component.to_dict() for component in back]


def as_dicts(components: list[Component]) -> list[dict]:
    return [component.to_dict() for component in components]


SHAPES = [
    # a step holding a line break, and a paragraph break
    [part(ingredients=["1 kg pork belly"], steps=["Score the skin.\nRest for 10 minutes."])],
    [part(ingredients=["salt"], steps=["Dry the skin.\n\nOvernight is best.", "Roast."])],
    # two parts with one title
    [
        part("Sauce", ingredients=["2 tbsp soy sauce"], steps=["Mix."]),
        part("Sauce", ingredients=["1 tsp sugar"], steps=["Stir in."]),
    ],
    [part("Sauce", ingredients=["a"]), part("Sauce", ingredients=["b"], steps=["Whisk."])],
    # an ingredient line ending in ":" and one that reads like a heading with servings
    [part(ingredients=["Salt to taste:", "Pepper (serves 4):", "1 egg"])],
    # a main part with servings but no title; an untitled second part
    [part(servings=4, ingredients=["1 egg"]), part(ingredients=["2 eggs"], steps=["Beat."])],
    [part(steps=["Only a step."])],
    [part(), part("Glaze", ingredients=["honey"])],
    [part()],
    [],
    # a part with no ingredients but steps, after one with both
    [part(ingredients=["rice"], steps=["Cook."]), part("Rest", steps=["Leave it."])],
    # an untitled first part with steps only, then a titled one
    [part(steps=["Prep."]), part("Pork", ingredients=["pork"], steps=["Roast."])],
    # groups of ingredients with one method for them all, as recipe sites give them
    [part(steps=["Whisk.", "Toss."]), part("For the Salad", ingredients=["1 head romaine"]),
     part("For the Dressing", ingredients=["3 tbsp oil"])],
    # a titled main part on its own, with steps
    [part("Sauce", ingredients=["soy sauce"], steps=["Mix."])],
]  # fmt: skip


def test_every_real_shape_comes_back_exactly() -> None:
    for components in SHAPES:
        assert round_trip(components) == as_dicts(components), components


def test_groups_with_one_method_read_as_a_cook_writes_them() -> None:
    groups = [
        part(steps=["Whisk the dressing.", "Toss the salad."]),
        part("For the Salad", ingredients=["1 head romaine", "2 avocados"]),
        part("For the Dressing", ingredients=["3 tbsp olive oil"]),
    ]
    ingredients, steps = editor_ingredients_text(groups), editor_steps_text(groups)
    # No ":" line for the method's part, no heading over the steps.
    assert ingredients == (
        "For the Salad:\n1 head romaine\n2 avocados\nFor the Dressing:\n3 tbsp olive oil"
    )
    assert steps == "Whisk the dressing.\n\nToss the salad."
    # Typed so by a cook, the steps are one method for both groups.
    typed = components_from_editor_text(ingredients, "Whisk the dressing.\nToss the salad.")
    assert [(c.title, len(c.ingredients), c.steps) for c in typed] == [
        ("", 0, ["Whisk the dressing.", "Toss the salad."]),
        ("For the Salad", 2, []),
        ("For the Dressing", 1, []),
    ]


def test_an_ingredient_ending_in_a_colon_is_shown_indented_not_as_a_part() -> None:
    text = editor_ingredients_text([part(ingredients=["1 tsp salt", "Salt to taste:"])])
    assert text == "1 tsp salt\n  Salt to taste:"


def test_a_step_with_a_line_break_is_one_step_with_an_indented_line() -> None:
    text = editor_steps_text([part(steps=["Score.\nRest 10 minutes.", "Roast."])])
    assert text == "Score.\n    Rest 10 minutes.\n\nRoast."


def test_typed_lines_are_one_step_each() -> None:
    back = components_from_editor_text("1 egg", "Beat the egg.\nFry it.\n\nServe.")
    assert back[0].steps == ["Beat the egg.", "Fry it.", "Serve."]


def test_notes_with_line_breaks_stay_whole() -> None:
    notes = ["Keeps 3 days.\nFreezes well.", "From Gran."]
    assert editor_items_from_text(editor_items_text(notes)) == notes
    assert editor_items_from_text("one\ntwo\n   and more") == ["one", "two\nand more"]


def test_a_tag_holding_a_comma_stays_one_tag() -> None:
    tags = ["salt, pepper", "spicy", 'the "best"']
    assert tags_text(tags) == '"salt, pepper", spicy, "the ""best"""'
    assert tags_from_text(tags_text(tags)) == tags
    assert tags_from_text("pork,  roast , ,") == ["pork", "roast"]


# The property: every shape the form carries -----------------------------------------------

_WORD = st.text(
    alphabet=st.characters(
        codec="utf-8",
        categories=("L", "N", "P", "S"),
        exclude_characters="\u2028\u2029\x85",
    ),
    min_size=1,
    max_size=8,
)
# A line: words with single spaces, never starting or ending with a space.
_LINE = st.lists(_WORD, min_size=1, max_size=5).map(" ".join)
# A step or note: lines joined by line breaks, an empty line allowed inside.
_ITEM = (
    st.lists(st.one_of(_LINE, st.just("")), min_size=1, max_size=4)
    .map("\n".join)
    .filter(lambda text: text.split("\n")[0] != "" and text.split("\n")[-1] != "")
)
_TITLES = st.sampled_from(["", "Sauce", "Marinade", "sauce", "Pork: crackling"])
_SERVINGS = st.one_of(st.none(), st.integers(min_value=0, max_value=100_000))


@st.composite
def components(draw) -> list[Component]:
    parts = draw(
        st.lists(
            st.builds(
                part,
                title=_TITLES,
                servings=_SERVINGS,
                ingredients=st.lists(_LINE, max_size=4),
                steps=st.lists(_ITEM, max_size=3),
            ),
            max_size=4,
        )
    )
    # A step that reads as another part's heading is the one thing the boxes cannot say
    # (the editor keeps an untouched box as stored for it).
    titles = {p.title.casefold() for p in parts}
    for p in parts:
        p.steps = [s for s in p.steps if not _reads_as_heading(s, titles)]
    return parts


def _reads_as_heading(step: str, titles: set[str]) -> bool:
    from recipe_manager.domain.recipe_text import editor_heading

    heading = editor_heading(step)
    return heading is not None and heading[0].casefold() in titles


@settings(max_examples=300, deadline=None)
@given(components())
def test_any_parts_come_back_exactly(parts: list[Component]) -> None:
    assert round_trip(parts) == as_dicts(parts)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ITEM, max_size=5))
def test_any_notes_come_back_exactly(notes: list[str]) -> None:
    assert editor_items_from_text(editor_items_text(notes)) == notes


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=10).filter(lambda t: "\n" not in t), max_size=5))
def test_any_tags_come_back_exactly(tags: list[str]) -> None:
    assert tags_from_text(tags_text(tags)) == tags
