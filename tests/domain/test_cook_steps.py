"""Cook mode's steps: each step with the ingredients it names, whatever the parts' shape."""

from __future__ import annotations

from recipe_manager.domain import Component, Recipe, parse_ingredient
from recipe_manager.domain.cook_steps import cook_steps


def _part(title: str, lines: list[str] = (), steps: list[str] = ()) -> Component:
    return Component(
        title=title, ingredients=[parse_ingredient(x) for x in lines], steps=list(steps)
    )


def _named(recipe: Recipe) -> list[tuple[str, list[str]]]:
    return [
        (step.text, [step.ingredients[i].text for i in step.named]) for step in cook_steps(recipe)
    ]


def test_methods_apart_from_their_ingredients_still_name_them() -> None:
    # As an import gives a page that lists "For the pudding" / "For the sauce" and then
    # "To make the pudding" / "To make the sauce": four parts, two with no ingredients.
    recipe = Recipe(
        title="Bread Pudding",
        components=[
            _part("For the pudding", ["4 eggs", "2 cups milk", "1 loaf brioche"]),
            _part("For the sauce", ["1/2 cup bourbon", "1 cup brown sugar"]),
            _part("To make the pudding", steps=["Whisk the eggs and milk.", "Soak the brioche."]),
            _part("To make the sauce", steps=["Simmer the bourbon with the brown sugar."]),
        ],
    )
    assert _named(recipe) == [
        ("Whisk the eggs and milk.", ["4 eggs", "2 cups milk"]),
        ("Soak the brioche.", ["1 loaf brioche"]),
        ("Simmer the bourbon with the brown sugar.", ["1/2 cup bourbon", "1 cup brown sugar"]),
    ]


def test_groups_with_one_method_are_named_by_that_method() -> None:
    recipe = Recipe(
        title="Salad",
        components=[
            _part("", steps=["Whisk the olive oil and lemon.", "Toss the romaine."]),
            _part("For the salad", ["1 head romaine"]),
            _part("For the dressing", ["3 tbsp olive oil", "1 lemon"]),
        ],
    )
    assert _named(recipe) == [
        ("Whisk the olive oil and lemon.", ["3 tbsp olive oil", "1 lemon"]),
        ("Toss the romaine.", ["1 head romaine"]),
    ]


def test_a_part_with_its_own_ingredients_names_only_those() -> None:
    recipe = Recipe(
        title="Pork",
        components=[
            _part("", ["1 kg pork belly", "1 tbsp salt"], ["Rub the pork with salt."]),
            _part("Sauce", ["2 tbsp soy sauce", "1 tsp salt"], ["Mix the soy sauce."]),
        ],
    )
    assert _named(recipe) == [
        ("Rub the pork with salt.", ["1 kg pork belly", "1 tbsp salt"]),
        ("Mix the soy sauce.", ["2 tbsp soy sauce"]),
    ]


def test_a_step_calling_for_a_group_shows_the_whole_group() -> None:
    recipe = Recipe(
        title="Beef Noodles",
        components=[
            _part(
                "",
                ["1 lb pan fry noodles", "8 oz beef flank steak", "For the marinade:",
                 "1 tbsp soy sauce", "1 tsp cornstarch",
                 "For the sauce:", "2 tbsp oyster sauce", "1 tsp sugar"],
                ["Combine the beef and the marinade ingredients.",
                 "Combine the sauce ingredients in a small bowl.",
                 "Heat the pan and fry the noodles."],
            )
        ],
    )  # fmt: skip
    assert _named(recipe) == [
        ("Combine the beef and the marinade ingredients.",
         ["8 oz beef flank steak", "1 tbsp soy sauce", "1 tsp cornstarch"]),
        ("Combine the sauce ingredients in a small bowl.",
         ["2 tbsp oyster sauce", "1 tsp sugar"]),
        # "pan" is the pan, not the pan fry noodles; "noodles" names them.
        ("Heat the pan and fry the noodles.", ["1 lb pan fry noodles"]),
    ]  # fmt: skip


def test_a_word_that_only_says_which_broth_names_no_broth() -> None:
    recipe = Recipe(
        title="Noodles",
        components=[
            _part(
                "",
                ["8 oz flank steak", "1 cup low-sodium beef broth", "1 tsp vanilla extract"],
                ["Add the beef and spread it out.", "Pour in the broth.", "Stir in the vanilla."],
            )
        ],
    )
    assert _named(recipe) == [
        ("Add the beef and spread it out.", []),
        ("Pour in the broth.", ["1 cup low-sodium beef broth"]),
        ("Stir in the vanilla.", ["1 tsp vanilla extract"]),
    ]
