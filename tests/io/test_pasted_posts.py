"""Blog posts pasted as text: yields, times and the steps of each part (made-up posts)."""

from __future__ import annotations

import pytest

from recipe_manager.domain import Recipe
from recipe_manager.io.plain_text import recipes_from_text

DUMPLINGS = """Pork and Chive Dumplings

These are the dumplings my grandmother made every winter, and they freeze well too.

Makes 30 dumplings
Prep 45 minutes, Cook 10 minutes

- 300 g pork mince
- 1 bunch garlic chives, finely chopped
- 2 tbsp soy sauce
- 30 dumpling wrappers

Chilli Vinegar Dipping Sauce
- 3 tbsp black vinegar
- 1 tsp chilli oil
- 1 tsp sugar

Method
1. Mix the pork, chives and soy sauce in a bowl.
2. Place a teaspoon of filling in the middle of each wrapper.
3. Wet the edge, fold and pleat to seal.
4. Boil the dumplings in batches for 5 minutes.
5. Drain and serve hot.

For the dipping sauce:
1. Stir the vinegar, chilli oil and sugar until the sugar dissolves.
"""

MAIN_STEPS = [
    "Mix the pork, chives and soy sauce in a bowl.",
    "Place a teaspoon of filling in the middle of each wrapper.",
    "Wet the edge, fold and pleat to seal.",
    "Boil the dumplings in batches for 5 minutes.",
    "Drain and serve hot.",
]


def _only(text: str) -> Recipe:
    (recipe,) = recipes_from_text(text)
    return recipe


def test_main_steps_stay_with_the_main_part_and_sauce_steps_with_the_sauce() -> None:
    recipe = _only(DUMPLINGS)
    main, sauce = recipe.components
    assert main.steps == MAIN_STEPS
    assert sauce.title == "Chilli Vinegar Dipping Sauce"
    assert sauce.steps == ["Stir the vinegar, chilli oil and sugar until the sugar dissolves."]
    assert sauce.ingredients[0].text == "3 tbsp black vinegar"


def test_steps_under_a_heading_naming_the_main_dish_go_to_the_main_part() -> None:
    text = DUMPLINGS.replace("Method\n", "Instructions:\nFor the dumplings:\n")
    main, sauce = _only(text).components
    assert main.steps == MAIN_STEPS
    assert len(sauce.steps) == 1


def test_a_part_followed_by_its_own_steps_keeps_them() -> None:
    """Main ingredients, main method, then the sauce with a method of its own."""
    text = """Roast Chicken With Salsa Verde

- 1 whole chicken
- 2 tbsp olive oil

Method
1. Rub the chicken with oil and roast for 80 minutes.
2. Rest for 15 minutes before carving.

Salsa Verde
- 1 bunch parsley
- 1 tbsp capers

Method
1. Chop everything finely and loosen with oil.
"""
    main, sauce = _only(text).components
    assert main.steps == [
        "Rub the chicken with oil and roast for 80 minutes.",
        "Rest for 15 minutes before carving.",
    ]
    assert sauce.steps == ["Chop everything finely and loosen with oil."]


@pytest.mark.parametrize(
    ("line", "servings", "yield_text"),
    [
        ("Makes 30 dumplings", None, "Makes 30 dumplings"),
        ("Makes about 24 cookies", None, "Makes about 24 cookies"),
        ("Yield: 2 loaves", None, "Yield: 2 loaves"),
        ("Makes 4 servings", 4, "Makes 4 servings"),
        ("Serves 6", 6, "Serves 6"),
        ("Serves 4 people", 4, "Serves 4 people"),
        ("4 servings", 4, "4 servings"),
    ],
)
def test_a_count_of_things_is_a_yield_and_a_count_of_people_is_servings(
    line: str, servings: int | None, yield_text: str
) -> None:
    recipe = _only(DUMPLINGS.replace("Makes 30 dumplings", line))
    assert (recipe.servings, recipe.yield_text) == (servings, yield_text)


@pytest.mark.parametrize(
    ("line", "times"),
    [
        ("Prep 45 minutes, Cook 10 minutes", (45, 10, None)),
        ("Prep: 45 minutes, Cook: 10 minutes", (45, 10, None)),
        ("Prep Time: 20 mins | Cook Time: 1 hour | Total Time: 1 hour 20 mins", (20, 60, 80)),
        ("Prep time 15 min Cook time 30 min", (15, 30, None)),
        ("Preparation: 1 hour 10 minutes and Cooking: 5 minutes", (70, 5, None)),
        ("Total time: 2 hours", (None, None, 120)),
        ("Cook: 25 minutes", (None, 25, None)),
    ],
)
def test_each_time_is_kept_apart(line: str, times: tuple[int | None, ...]) -> None:
    recipe = _only(DUMPLINGS.replace("Prep 45 minutes, Cook 10 minutes", line))
    assert (recipe.prep_minutes, recipe.cook_minutes, recipe.total_minutes) == times


def test_a_sentence_that_mentions_cooking_is_no_time_line() -> None:
    text = DUMPLINGS.replace(
        "Prep 45 minutes, Cook 10 minutes",
        "Cook the filling for 10 minutes if you like it well done, then cool it.",
    )
    recipe = _only(text)
    assert (recipe.prep_minutes, recipe.cook_minutes, recipe.total_minutes) == (None, None, None)
