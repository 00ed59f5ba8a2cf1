"""Where a shopping-list line is found in a shop, which lines a kitchen already has, and how
much of a counted thing a shop sells.

The aisle table is small and general on purpose: the cook moves a line to another aisle in
the shopping list and that choice is remembered (it wins over the table). Matching is by
the shopper's name of the ingredient (`shopping.normalise_name`), whole words, the longest
entry first, so "coconut milk" is dry goods while "milk" is dairy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

PRODUCE = "produce"
MEAT = "meat"
DAIRY = "dairy"
BAKERY = "bakery"
DRY_GOODS = "dry goods"
SPICES = "spices"
FROZEN = "frozen"
OTHER = "other"

#: The shop's sections, in the order a list is walked.
AISLES: tuple[str, ...] = (PRODUCE, MEAT, DAIRY, BAKERY, DRY_GOODS, SPICES, FROZEN, OTHER)
AISLE_LABELS = {
    PRODUCE: "Produce",
    MEAT: "Meat and fish",
    DAIRY: "Dairy and eggs",
    BAKERY: "Bakery",
    DRY_GOODS: "Dry goods and tins",
    SPICES: "Spices and seasonings",
    FROZEN: "Frozen",
    OTHER: "Other",
}

_TABLE: dict[str, str] = {}


def _add(aisle: str, words: str) -> None:
    for name in words.split(","):
        name = name.strip()
        if name:
            _TABLE[name] = aisle


_add(
    PRODUCE,
    """onion, red onion, shallot, spring onion, scallion, green onion, leek, garlic, ginger,
    chilli, chili, jalapeno, pepper bell, bell pepper, capsicum, carrot, celery, potato,
    sweet potato, tomato, cherry tomato, cucumber, lettuce, spinach, kale, cabbage,
    bok choy, pak choi, broccoli, cauliflower, zucchini, courgette, eggplant, aubergine,
    mushroom, shiitake, corn, pea, bean sprout, green bean, asparagus, avocado, lemon, lime,
    orange, apple, pear, banana, berry, strawberry, blueberry, raspberry, mango, pineapple,
    grape, herb, parsley, coriander, cilantro, basil, mint, dill, thyme, rosemary, sage,
    chive, lemongrass, oregano leaf, fennel, beetroot, beet, radish, squash, pumpkin,
    lemon zest, lime zest, lemon juice, lime juice, salad, rocket, arugula, peach, nectarine,
    plum, apricot, cherry, kiwi, melon, watermelon, fig, rhubarb, grapefruit""",
)
_add(
    MEAT,
    """pork, pork belly, pork shoulder, bacon, ham, sausage, chorizo, beef, steak,
    mince, ground beef, ground pork, lamb, chicken, chicken thigh, chicken breast,
    chicken wing, duck, turkey, veal, fish, salmon, tuna steak, cod, prawn, shrimp,
    scallop, mussel, clam, squid, anchovy fillet""",
)
_add(
    DAIRY,
    """milk, butter, unsalted butter, cream, double cream, heavy cream, single cream,
    sour cream, creme fraiche, yogurt, yoghurt, cheese, cheddar, parmesan, mozzarella,
    feta, ricotta, mascarpone, cream cheese, egg, egg yolk, egg white, buttermilk, ghee""",
)
_add(
    BAKERY,
    """bread, loaf, baguette, bun, roll, brioche, pita, pitta, tortilla, wrap, naan,
    sourdough, bread roll, croissant, bagel""",
)
_add(
    DRY_GOODS,
    """flour, all purpose flour, plain flour, bread flour, sugar, brown sugar, caster sugar,
    icing sugar, rice, pasta, noodle, rice noodle, spaghetti, oat, rolled oat, quinoa,
    couscous, lentil, chickpea, bean, kidney bean, black bean, tin, can, canned tomato,
    tomato paste, tomato puree, stock, broth, stock cube, coconut milk, coconut cream,
    oil, olive oil, vegetable oil, sesame oil, vinegar, rice vinegar, soy sauce,
    light soy sauce, dark soy sauce, fish sauce, oyster sauce, hoisin sauce, sauce,
    honey, maple syrup, golden syrup, syrup, molasses, cocoa, cocoa powder, chocolate,
    chocolate chip, nut, almond, walnut, pecan, peanut, cashew, peanut butter, raisin,
    baking powder, baking soda, bicarbonate of soda, yeast, cornstarch, cornflour,
    vanilla, vanilla extract, breadcrumb, panko, mustard, ketchup, mayonnaise, jam,
    wine, shaoxing wine, rice wine, mirin, sake, beer, water chestnut, sesame seed""",
)
_add(
    SPICES,
    """salt, sea salt, kosher salt, rock salt, flaky salt, pepper, black pepper,
    white pepper, peppercorn, cumin, coriander seed, ground coriander, paprika,
    smoked paprika, cinnamon, nutmeg, clove, star anise, five spice, chinese five spice,
    chilli flake, chili flake, chilli powder, chili powder, cayenne, turmeric, curry powder,
    garam masala, bay leaf, oregano, dried oregano, dried thyme, cardamom, fennel seed,
    sichuan pepper, msg, spice, seasoning, allspice, saffron, mustard seed""",
)
_add(
    FROZEN,
    """frozen pea, frozen corn, frozen spinach, frozen berry, ice cream, puff pastry,
    filo, phyllo, frozen prawn, ice""",
)

#: Lines a kitchen is assumed to have: left off the list unless the cook asks for them.
PANTRY_STAPLES: frozenset[str] = frozenset(
    {
        "water",
        "cold water",
        "warm water",
        "hot water",
        "boiling water",
        "ice water",
        "tap water",
        "salt",
        "pepper",
        "black pepper",
        "salt and pepper",
        "salt and black pepper",
        "salt pepper",
        "ground black pepper",
        "table salt",
        "ice",
    }
)


@cache
def _by_words() -> dict[tuple[str, ...], str]:
    return {tuple(name.split()): aisle for name, aisle in _TABLE.items()}


def aisle_for(key: str, overrides: dict[str, str] | None = None) -> str:
    """The aisle of a shopping-list line, by its matching key ("garlic", "pork belly").

    The cook's own choice wins; then the longest run of whole words in the name found in the
    table, nearest the end when two are as long (the head of "chicken stock" is stock).
    """
    if overrides and key in overrides and overrides[key] in AISLES:
        return overrides[key]
    words = key.split()
    table = _by_words()
    for length in range(len(words), 0, -1):
        for start in range(len(words) - length, -1, -1):
            aisle = table.get(tuple(words[start : start + length]))
            if aisle is not None:
                if aisle == PRODUCE and _DRIED_FORMS.intersection(words):
                    return SPICES  # onion powder, granulated garlic, ground ginger
                return aisle
    return OTHER


#: Words that make a vegetable or herb a jar from the spice shelf.
_DRIED_FORMS = frozenset({"powder", "powdered", "granulated", "ground", "dried", "flake"})


#: Words that say which salt, pepper or water, not whether the kitchen has it.
_STAPLE_QUALIFIERS = frozenset(
    [
        "kosher",
        "sea",
        "fine",
        "coarse",
        "table",
        "freshly",
        "fresh",
        "ground",
        "black",
        "cracked",
        "and",
        "cold",
        "warm",
        "hot",
        "boiling",
        "tap",
    ]
)
_STAPLE_HEADS = frozenset({"salt", "pepper", "water"})


def is_pantry_staple(key: str, marked: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether a line is one the kitchen has: water, salt and pepper ("kosher salt",
    "freshly ground black pepper" too, not "red pepper"), or one the cook marked."""
    if key in PANTRY_STAPLES or key in marked:
        return True
    heads = {word for word in key.split() if word not in _STAPLE_QUALIFIERS}
    return bool(heads) and heads <= _STAPLE_HEADS


@dataclass(frozen=True, slots=True)
class ShopUnit:
    """A counted thing a shop sells in bigger units: `per` of the small ones make one."""

    small: str  # the recipe's unit ("clove")
    names: frozenset[str]  # the ingredient keys it applies to
    big: str  # singular ("head")
    big_plural: str
    per: int


#: Counted things bought in a bigger unit. Rule: at least one whole big unit, rounded up.
SHOP_UNITS: tuple[ShopUnit, ...] = (
    ShopUnit("clove", frozenset({"garlic"}), "head", "heads", 10),
    ShopUnit(
        "sprig",
        frozenset({"thyme", "rosemary", "mint", "parsley", "coriander", "cilantro", "dill"}),
        "bunch",
        "bunches",
        20,
    ),
    ShopUnit("stalk", frozenset({"celery"}), "head", "heads", 8),
    ShopUnit("leaf", frozenset({"basil", "mint", "sage"}), "bunch", "bunches", 30),
)

#: What the list says about rounding, shown under it.
ROUNDING_RULE = (
    "Counts are rounded up to whole ones (2½ onions → 3 onions); garlic cloves are bought "
    "as heads (about 10 cloves a head), herb sprigs as bunches (about 20 a bunch), celery "
    "stalks as heads (about 8), always rounded up."
)


def shop_unit(unit: str | None, key: str) -> ShopUnit | None:
    """The bigger unit a shop sells `unit`s of `key` in, if any."""
    for rule in SHOP_UNITS:
        if rule.small == unit and key in rule.names:
            return rule
    return None


def round_up_count(value: Fraction) -> int:
    """A whole number to buy: never less than what the recipe needs, never zero."""
    return max(1, math.ceil(value))
