"""The parts of a recipe in the order a cook reads them on the page.

Many recipe sites store a recipe as ingredient groups ("For the salad", "For the dressing")
and one method for the whole dish. Read into our model that is an untitled main part with
all the steps (and no ingredients, or the first group's), followed by titled parts that
only hold ingredients, and shown part by part the method would come before most of the
ingredients. A cook expects what the
site showed: the groups as headings within one ingredient list, then the method. Nothing
here changes what is stored; the editor and every export keep the parts as they are.
"""

from __future__ import annotations

from .ingredients import Ingredient
from .model import Component, Recipe


def shown_components(recipe: Recipe) -> list[Component]:
    """`recipe.components`, with ingredient-only groups shown as one list before the method.

    Only the clear shape is joined: the first part untitled with steps (and perhaps
    ingredients of its own, listed first), every other part titled, with ingredients,
    without steps or servings of its own. Any other recipe is shown part by part, as stored.
    """
    components = recipe.components
    if len(components) < 2:
        return components
    main, groups = components[0], components[1:]
    if main.title or not main.steps:
        return components
    if not all(g.title and g.ingredients and not g.steps and not g.servings for g in groups):
        return components
    # The main part's own ingredients first, as the site lists them before the groups.
    ingredients: list[Ingredient] = list(main.ingredients)
    for group in groups:
        # Written as a heading line ("For the salad:"), so scaling reads it as one too.
        name = group.title.rstrip(":").strip()
        ingredients.append(Ingredient(text=f"{name}:", name=name, is_heading=True))
        ingredients.extend(group.ingredients)
    return [Component(title="", servings=main.servings, ingredients=ingredients, steps=main.steps)]
