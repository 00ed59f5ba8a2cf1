"""A large, realistic recipe library for benchmarks: the list, search and detail pane at scale.

Ingredient lines are real ones from the shared corpus, so the parser and formatter see the
same mess they meet in use; titles repeat with numbers so natural ordering is exercised.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from functools import cache
from pathlib import Path

from recipe_manager.domain import Component, Ingredient, Recipe, parse_ingredient
from recipe_manager.storage import RecipeLibrary


def _listed(text: str, prefix: str = "") -> tuple[str, ...]:
    """Comma-separated words as a tuple: long vocabularies stay readable at a glance."""
    return tuple(prefix + item.strip() if item.strip() else "" for item in text.split(","))


CORPUS = Path(__file__).resolve().parents[2] / "shared/corpus/ingredient-lines.jsonl"
# A worktree has no ../shared beside it: RECIPE_MANAGER_SHARED names the shared folder there.
if "RECIPE_MANAGER_SHARED" in os.environ:
    CORPUS = Path(os.environ["RECIPE_MANAGER_SHARED"]) / "corpus/ingredient-lines.jsonl"

PREFIXES = _listed(
    "Braised, Roasted, Slow-Cooked, Crispy, Grilled, Miso Glazed, Spiced, Smoky, Lemon, "
    "Garlic Butter, Honey Soy, Sticky, Pan-Fried, Charred, Creamy, Herby, Gochujang, "
    "Harissa, Maple, Five-Spice, Tandoori, Sesame, Chipotle, Brown Butter, Jalapeño, "
    "Crème Fraîche, Za'atar, Balsamic, Coconut, Paprika"
)
MAINS = _listed(
    "Pork Belly, Aubergine, Chicken Thighs, Salmon, Lentil Soup, Cauliflower, "
    "Lamb Shoulder, Tofu, Sweet Potatoes, Beef Short Ribs, Mushrooms, Cod, Chickpeas, "
    "Butternut Squash, Prawns, Duck Legs, Carrots, Halloumi, Meatballs, Risotto, "
    "Noodles, Pasta Bake, Flatbreads, Banana Bread, Brownies, Shortbread, Focaccia, "
    "Gratin Dauphinois, Pâté, Crème Brûlée, Pork Belly Bao, Black Beans, Leeks, "
    "Potato Salad, Tomato Tart, Fennel, Rice Pudding, Chocolate Cake, Scones, Ramen"
)
# Most titles have no suffix: the blanks weight the choice that way.
SUFFIXES = ("",) * 6 + _listed(
    "with Herb Salsa, Traybake, Tacos, with Greens, and Rice, Stew, Skewers, "
    "with Tahini, Curry, Salad, Pie",
    prefix=" ",
)
CATEGORIES = _listed("Main, Side, Starter, Dessert, Baking, Breakfast, Soup, Snack")
CUISINES = _listed(
    "British, Chinese, French, Indian, Italian, Japanese, Korean, Mexican, "
    "Middle Eastern, Thai, American, "
)
METHODS = _listed("Oven, Stovetop, Slow cooker, Grill, No-cook, ")
TAGS = _listed(
    "weeknight, make-ahead, vegetarian, vegan, gluten-free, freezer, family, party, "
    "quick, comfort, spicy, budget, summer, winter"
)
OVEN = ((150, 300), (160, 325), (170, 340), (180, 350), (190, 375), (200, 400), (220, 425))
OVEN_STEPS = (
    "Preheat the oven to {c}°C/{f}°F and line a large tray with baking paper.",
    "Roast at {c}°C/{f}°F for 25–30 minutes, turning once, until golden at the edges.",
    "Bake for 40 minutes at {f}°F ({c}°C), until a skewer comes out clean.",
    "Turn the oven down to {c}°C/{f}°F and cook for a further 1 hour 15 minutes.",
)
PLAIN_STEPS = (
    "Heat the oil in a large, heavy pan over a medium heat.",
    "Add the onion with a pinch of salt and cook gently for 8–10 minutes until soft.",
    "Stir in the garlic and spices and cook for 1 minute, until fragrant.",
    "Pour in the stock, bring to a simmer and cook, partly covered, for 20 minutes.",
    "Season to taste with salt, pepper and a squeeze of lemon.",
    "Whisk the dressing ingredients together in a small bowl.",
    "Leave to rest for 10 minutes before slicing.",
    "Scatter over the herbs and serve straight away with the rice.",
    "Blitz half of the mixture until smooth, then stir it back into the pan.",
    "Cover and chill for at least 2 hours, or overnight.",
    "Toss everything together in a large bowl and check the seasoning.",
    "Cool in the tin for 15 minutes, then turn out onto a wire rack.",
)
YIELDS = ("makes 24 cookies", "makes 1 loaf", "makes about 1 litre", "fills a 23cm tin", "")


@cache
def corpus_lines() -> tuple[str, ...]:
    """The English lines of the corpus: a cook's own library is in one language."""
    lines = []
    with CORPUS.open(encoding="utf-8") as corpus:
        for row in corpus:
            entry = json.loads(row)
            if (entry.get("language") or "").startswith("en") and entry["text"].strip():
                lines.append(entry["text"])
    return tuple(lines)


@cache
def _parse(line: str) -> Ingredient:
    """Each corpus line is read once: Ingredient is immutable, so recipes can share it."""
    return parse_ingredient(line)


def _title(rng: random.Random, used: dict[str, int]) -> str:
    base = f"{rng.choice(PREFIXES)} {rng.choice(MAINS)}{rng.choice(SUFFIXES)}"
    used[base] = used.get(base, 0) + 1
    return base if used[base] == 1 else f"{base} {used[base]}"


def _steps(rng: random.Random) -> list[str]:
    steps = rng.sample(PLAIN_STEPS, rng.randint(5, 10))
    if rng.random() < 0.6:
        celsius, fahrenheit = rng.choice(OVEN)
        step = rng.choice(OVEN_STEPS).format(c=celsius, f=fahrenheit)
        steps.insert(rng.randrange(len(steps) + 1), step)
        steps = steps[:10]
    return steps


def _recipe(rng: random.Random, used: dict[str, int]) -> Recipe:
    lines = corpus_lines()
    chosen = rng.sample(lines, rng.randint(8, 15))
    ingredients = [_parse(line) for line in chosen]
    components = [Component(ingredients=ingredients, steps=_steps(rng))]
    if rng.random() < 0.1:
        split = rng.randint(3, len(ingredients) - 3)
        components = [
            Component(ingredients=ingredients[:split], steps=components[0].steps),
            Component(
                title="For the sauce", ingredients=ingredients[split:], steps=_steps(rng)[:5]
            ),
        ]
    servings = rng.choice((2, 4, 4, 6, 8, 12)) if rng.random() < 0.8 else None
    return Recipe(
        title=_title(rng, used),
        summary=rng.choice(("", "A reliable weeknight favourite.", "Best made a day ahead.")),
        servings=servings,
        yield_text="" if servings else rng.choice(YIELDS),
        components=components,
        notes=["Keeps for 3 days in the fridge."] if rng.random() < 0.3 else [],
        tags=rng.sample(TAGS, rng.randint(0, 4)),
        category=rng.choice(CATEGORIES),
        cuisine=rng.choice(CUISINES),
        method=rng.choice(METHODS),
        source=rng.choice(("", "Grandma's card box", "https://example.com/recipes")),
        prep_minutes=rng.choice((None, 10, 15, 20, 30)),
        cook_minutes=rng.choice((None, 20, 45, 90, 180)),
        id=f"bench-{rng.getrandbits(64):016x}",
        created=f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T12:00:00+00:00",
    )


def generate_library(path: Path | str, count: int = 10_000, seed: int = 0) -> Path:
    """Write `count` recipes to a new library at `path` (replacing any file there)."""
    path = Path(path)
    path.unlink(missing_ok=True)
    rng = random.Random(seed)
    used: dict[str, int] = {}
    recipes = [_recipe(rng, used) for _ in range(count)]
    # The cook's marks come from their own generator, so titles and lines stay as they were:
    # about one recipe in ten a favourite, one in three rated (the list paints both).
    marks = random.Random(seed + 1)
    for recipe in recipes:
        recipe.favourite = marks.random() < 0.1
        recipe.rating = marks.randint(1, 5) if marks.random() < 0.3 else None
    library = RecipeLibrary(path)
    library.add_many(recipes)
    library.close()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the library file to write")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    arguments = parser.parse_args(argv)
    path = generate_library(arguments.out, arguments.count, arguments.seed)
    print(f"{arguments.count} recipes in {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
