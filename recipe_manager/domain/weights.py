"""How much a cup of a dry ingredient weighs: a table of common ingredients, and the lookup.

Most of the world weighs flour and sugar; American recipes measure them in cups. A cup of
flour is not a fixed number of grams the way a cup of water is, so converting needs a
figure per ingredient, and each figure here names where it was published:

- King Arthur Baking's Ingredient Weight Chart (kingarthurbaking.com/learn/ingredient-weight-chart),
  the chart most baking books quote;
- USDA FoodData Central (fdc.nal.usda.gov), SR Legacy household measures ("1 cup = 125 g");
- the maker's own label, for salts whose crystals differ in size by brand.

Only dry (and thick, spooned) ingredients are listed: a liquid is poured and measured by
volume, and an ingredient not in the table keeps the volume the author wrote. The table is
data: add a row with its source, nothing else changes.

Matching reads the ingredient's name with the adjectives that do not change what it is
("packed brown sugar", "sifted all-purpose flour", "unsalted butter") set aside, and the
ingredient must be the name's head: "sugar snap peas" and "peanut butter" are not sugar or
butter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import TYPE_CHECKING

from .units import conversion_factor, unit_info

if TYPE_CHECKING:
    from .ingredients import Ingredient, Measure

KING_ARTHUR = "King Arthur Baking, Ingredient Weight Chart"
USDA = "USDA FoodData Central (SR Legacy), household measure"
MORTON_LABEL = "Morton Salt, package nutrition label (¼ tsp = 1.2 g)"
DIAMOND_LABEL = "Diamond Crystal, package nutrition label (¼ tsp = 0.7 g)"

#: Millilitres in one US cup (the unit the charts are written in).
ML_PER_CUP = Fraction(236588, 1000)


@dataclass(frozen=True, slots=True)
class DryWeight:
    """One row of the table: the names an ingredient goes by and what a cup of it weighs.

    `measure` and `grams` are the figure exactly as the source prints it ("½ cup", 113 g),
    so a reader can check the row against the source; `grams_per_cup` is derived.
    """

    names: tuple[str, ...]
    grams: Fraction
    cups: Fraction
    source: str

    @property
    def grams_per_cup(self) -> Fraction:
        return self.grams / self.cups

    @property
    def grams_per_ml(self) -> Fraction:
        return self.grams_per_cup / ML_PER_CUP


def _row(names: str, grams: Fraction | float, cups: Fraction | int, source: str) -> DryWeight:
    return DryWeight(
        tuple(name.strip() for name in names.split("|")),
        Fraction(str(grams)),
        Fraction(cups),
        source,
    )


_TBSP = Fraction(1, 16)
_TSP = Fraction(1, 48)
_HALF = Fraction(1, 2)
_QUARTER = Fraction(1, 4)

#: The table. Names are lower case, singular, with hyphens as spaces; the first is the row's.
DRY_WEIGHTS: tuple[DryWeight, ...] = (
    # Flours and starches
    _row("all purpose flour|plain flour|flour|white flour|ap flour", 125, 1, USDA),
    _row("bread flour|strong flour|strong white flour", 120, 1, KING_ARTHUR),
    _row("whole wheat flour|wholemeal flour|whole wheat pastry flour", 113, 1, KING_ARTHUR),
    _row("cake flour", 120, 1, KING_ARTHUR),
    _row("self rising flour|self raising flour", 113, 1, KING_ARTHUR),
    _row("rye flour|dark rye flour|medium rye flour", 106, 1, KING_ARTHUR),
    _row("almond flour|ground almond|almond meal", 96, 1, KING_ARTHUR),
    _row("semolina|semolina flour", 163, 1, KING_ARTHUR),
    _row("cornmeal|polenta|yellow cornmeal", 122, 1, USDA),
    _row("cornstarch|cornflour|corn starch", 28, _QUARTER, KING_ARTHUR),
    _row("bread crumb|breadcrumb|dried bread crumb", 112, 1, KING_ARTHUR),
    _row("panko|panko bread crumb|panko breadcrumb", 50, 1, KING_ARTHUR),
    # Sugars
    _row("granulated sugar|sugar|white sugar|caster sugar|superfine sugar", 198, 1, KING_ARTHUR),
    _row("brown sugar|light brown sugar|dark brown sugar|soft brown sugar", 213, 1, KING_ARTHUR),
    _row("confectioners sugar|powdered sugar|icing sugar|confectioner sugar", 113, 1, KING_ARTHUR),
    _row("turbinado sugar|demerara sugar|raw sugar", 180, 1, KING_ARTHUR),
    # Fats
    _row("butter", 113, _HALF, KING_ARTHUR),
    _row("vegetable shortening|shortening", 92, _HALF, KING_ARTHUR),
    _row("lard", 205, 1, USDA),
    _row("peanut butter", 135, _HALF, KING_ARTHUR),
    # Grains
    _row(
        "rice|white rice|long grain rice|long grain white rice|basmati rice|jasmine rice",
        185,
        1,
        USDA,
    ),
    _row("short grain rice|arborio rice|sushi rice|risotto rice", 200, 1, USDA),
    _row("brown rice|long grain brown rice", 190, 1, USDA),
    _row(
        "rolled oat|oat|old fashioned oat|old fashioned rolled oat|porridge oat", 89, 1, KING_ARTHUR
    ),
    _row("quick oat|quick cooking oat", 80, 1, KING_ARTHUR),
    _row("quinoa", 170, 1, USDA),
    _row("couscous", 173, 1, USDA),
    # Cocoa and chocolate
    _row(
        "cocoa|cocoa powder|dutch process cocoa|dutch process cocoa powder", 42, _HALF, KING_ARTHUR
    ),
    _row("chocolate chip|semisweet chocolate chip|chocolate chunk", 170, 1, KING_ARTHUR),
    # Nuts, seeds and dried fruit
    _row("walnut|chopped walnut", 113, 1, KING_ARTHUR),
    _row("pecan|pecan half", 57, _HALF, KING_ARTHUR),
    _row("almond|whole almond", 142, 1, KING_ARTHUR),
    _row("sliced almond|flaked almond", 43, _HALF, KING_ARTHUR),
    _row("hazelnut", 142, 1, KING_ARTHUR),
    _row("peanut", 142, 1, KING_ARTHUR),
    _row("sesame seed", 35, _QUARTER, KING_ARTHUR),
    _row("raisin|sultana", 149, 1, KING_ARTHUR),
    _row("shredded coconut|desiccated coconut|sweetened shredded coconut", 85, 1, KING_ARTHUR),
    # Grated cheese
    _row(
        "parmesan|parmesan cheese|parmigiano reggiano|pecorino|pecorino romano",
        50,
        _HALF,
        KING_ARTHUR,
    ),
    _row(
        "cheddar|cheddar cheese|shredded cheddar|mozzarella|shredded mozzarella",
        113,
        1,
        KING_ARTHUR,
    ),
    # Honey and syrups (thick: spooned, and weighed by bakers)
    _row("honey", 21, _TBSP, KING_ARTHUR),
    _row("maple syrup", 156, _HALF, KING_ARTHUR),
    _row("corn syrup|light corn syrup|golden syrup", 312, 1, KING_ARTHUR),
    _row("molasses|treacle|black treacle", 85, _QUARTER, KING_ARTHUR),
    # Salt by type, and leaveners
    _row("table salt|fine salt|fine sea salt|salt", 6, _TSP, USDA),
    _row("morton kosher salt", Fraction(48, 10), _TSP, MORTON_LABEL),
    # A recipe saying only "kosher salt" is most often written with Diamond Crystal.
    _row(
        "kosher salt|diamond crystal kosher salt|diamond crystal salt",
        Fraction(28, 10),
        _TSP,
        DIAMOND_LABEL,
    ),
    _row("baking soda|bicarbonate of soda|bicarb soda", 6, _TSP, KING_ARTHUR),
    _row("baking powder", 4, _TSP, KING_ARTHUR),
)

# Words that say how a dry ingredient was handled or which kind it is, without changing
# what a cup of it weighs in the charts' sense ("packed" is what the brown sugar row means).
_SET_ASIDE = frozenset(
    [
        "packed",
        "firmly",
        "lightly",
        "loosely",
        "sifted",
        "unsifted",
        "spooned",
        "leveled",
        "levelled",
        "scooped",
        "unsalted",
        "salted",
        "softened",
        "cold",
        "chilled",
        "cubed",
        "diced",
        "room",
        "temperature",
        "melted",
        "chopped",
        "finely",
        "roughly",
        "coarsely",
        "toasted",
        "roasted",
        "raw",
        "unbleached",
        "bleached",
        "organic",
        "natural",
        "plain",
        "dry",
        "dried",
        "uncooked",
        "unsweetened",
        "sweetened",
        "pure",
        "good",
        "quality",
        "freshly",
        "grated",
        "shredded",
        "ground",
        "whole",
        "golden",
        "extra",
        "fine",
        "granulated",
    ]
)
_NON_WORD = re.compile(r"[^a-z\s]")
_PARENTHESES = re.compile(r"\([^)]*\)")


@cache
def _index() -> dict[str, DryWeight]:
    index: dict[str, DryWeight] = {}
    for row in DRY_WEIGHTS:
        for name in row.names:
            index.setdefault(name, row)
    return index


def _words(name: str) -> list[str]:
    text = _PARENTHESES.sub(" ", name.casefold()).replace("-", " ").replace("'", "")
    text = text.replace("’", "")
    return _NON_WORD.sub(" ", text).split()


def _singular(word: str) -> str:
    if word.endswith("ses") or word.endswith("ss") or len(word) < 4:
        return word
    return word[:-1] if word.endswith("s") else word


def dry_weight(name: str) -> DryWeight | None:
    """The table row for an ingredient name ("packed light brown sugar"), or None.

    The name matches a row when, with its handling words set aside, it is one of the row's
    names (the last word singular or as written); the longest candidate wins, so "brown
    sugar" is not read as "sugar" and "peanut butter" not as "butter".
    """
    words = _words(name)
    if not words:
        return None
    index = _index()
    # Try the name as written first ("whole wheat flour"), then with handling words dropped.
    candidates = [words]
    kept = [word for word in words if word not in _SET_ASIDE]
    if kept and kept != words:
        candidates.append(kept)
    for candidate in candidates:
        for form in (candidate, [*candidate[:-1], _singular(candidate[-1])]):
            found = index.get(" ".join(form))
            if found is not None:
                return found
    return None


def grams_for(quantity: Fraction, unit_ml: Fraction, name: str) -> Fraction | None:
    """Grams in `quantity` of a volume unit holding `unit_ml` millilitres of `name`, or None
    when the ingredient's weight per volume is not known (a liquid, or not in the table)."""
    row = dry_weight(name)
    if row is None:
        return None
    return quantity * unit_ml * row.grams_per_ml


def ingredient_weight(ingredient: Ingredient) -> DryWeight | None:
    """The row for a line, reading a short note with its name where the reader split them
    ("1 cup shredded coconut" names "coconut", noting "shredded")."""
    note = ingredient.note.strip()
    if note and len(note.split()) <= 2:
        row = dry_weight(f"{note} {ingredient.name}")
        if row is not None:
            return row
    return dry_weight(ingredient.name)


def weighed_measure(ingredient: Ingredient) -> Measure | None:
    """The line's volume as grams ("1 cup all-purpose flour" → 125 g), or None to keep it as
    written: not a volume, not in the table, or the author already gave a weight beside it
    (their own figure is the one metric shows)."""
    from .ingredients import Measure

    info = unit_info(ingredient.unit)
    if ingredient.quantity is None or info is None or info.dimension != "volume":
        return None
    alternative = ingredient.alternative
    alternative_info = unit_info(alternative.unit) if alternative is not None else None
    if alternative_info is not None and alternative_info.dimension == "mass":
        return None
    row = ingredient_weight(ingredient)
    if row is None:
        return None
    assert ingredient.unit is not None
    per_unit = conversion_factor(ingredient.unit, "milliliter") * row.grams_per_ml
    high = ingredient.quantity_max
    return Measure(ingredient.quantity * per_unit, high * per_unit if high else None, "gram")
