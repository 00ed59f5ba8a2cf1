"""A shopping list from several recipes, each at its own scale: one line per thing to buy.

Lines for the same ingredient are summed where the units allow it (2 tbsp + ½ cup soy sauce
is one amount, shown in the chosen unit system; 3 cloves + 2 garlic cloves is 5 cloves);
amounts that cannot be added stay side by side ("1 kg + 1 large piece pork belly"), and an
ingredient with no amount is listed once ("rock salt"). Sums go through pint's factors in
`units` (the app's one registry); preparation notes never take part in matching. A volume
and a weight of a dry ingredient whose weight per cup is known (`weights`) add up in grams
("1 cup flour" + "200 g flour" is 325 g).

For the shop (`for_shop=True`), each line also knows its aisle (`aisles`, with the cook's
own choices winning) and whether it is a pantry staple, and counts are rounded to what a
shop sells (`aisles.ROUNDING_RULE`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction

from .aisles import DRY_GOODS, OTHER, aisle_for, is_pantry_staple, round_up_count, shop_unit
from .formatting import choose_unit, is_plural, shows_alternative, unit_word
from .ingredients import Ingredient, Measure
from .model import Recipe
from .nouns import inflect_noun, singularize
from .quantities import format_range
from .units import (
    COUNT_DENOMINATORS,
    DECIMAL_UNITS,
    METRIC,
    ORIGINAL,
    SYSTEMS,
    UNITS,
    US,
    conversion_factor,
    unit_info,
)

# Words a shopper ignores when matching names: sizes, freshness and preparation.
_IGNORED_WORDS = frozenset(
    {
        "fresh",
        "freshly",
        "large",
        "small",
        "medium",
        "big",
        "extra",
        "jumbo",
        "ripe",
        "good",
        "quality",
        "organic",
        "chopped",
        "finely",
        "roughly",
        "coarsely",
        "thinly",
        "minced",
        "diced",
        "sliced",
        "grated",
        "crushed",
        "peeled",
        "halved",
        "trimmed",
        "washed",
        "of",
    }
)
# Counted-thing words that can wrap a name: "cloves of garlic", "garlic cloves".
_WRAPPER_UNITS = frozenset(name for name, info in UNITS.items() if info.dimension is None)
_KEEP_PLURAL = frozenset(
    {"molasses", "hummus", "couscous", "asparagus", "citrus", "swiss", "grits", "bass"}
)
_PARENTHESES = re.compile(r"\([^()]*\)")
_NON_WORD = re.compile(r"[^\w\s]|_")


@dataclass(frozen=True, slots=True)
class ShoppingItem:
    """One line of the list: `amounts` are the parts that could not be added together.

    `key` is the normalised name the lines were matched on; it stays the same when servings
    or units change, so a checked item stays checked.
    """

    key: str
    name: str
    amounts: tuple[str, ...] = ()
    recipes: tuple[str, ...] = ()
    aisle: str = OTHER
    staple: bool = False

    @property
    def text(self) -> str:
        if not self.amounts:
            return self.name
        return f"{' + '.join(self.amounts)} {self.name}"


def shopping_list(
    items: Iterable[tuple[Recipe, Fraction | int]], system: str = ORIGINAL
) -> list[str]:
    """One line per ingredient to buy, for `(recipe, factor)` pairs, in `system`."""
    return [item.text for item in shopping_items(items, system)]


def shopping_items(
    items: Iterable[tuple[Recipe, Fraction | int]],
    system: str = ORIGINAL,
    *,
    weigh: bool = False,
    for_shop: bool = False,
    aisles: dict[str, str] | None = None,
    staples: frozenset[str] | set[str] = frozenset(),
) -> list[ShoppingItem]:
    """The list as items, in the order ingredients first appear. Raises ValueError for an
    unknown system.

    `weigh` (in metric) lists dry ingredients by weight, as the detail pane does;
    `for_shop` rounds counts to what a shop sells; `aisles` are the cook's own aisle
    choices by item key and `staples` the keys the cook keeps in the pantry.
    """
    if system not in SYSTEMS:
        raise ValueError(f"unknown unit system {system!r}; expected one of {SYSTEMS}")
    groups: dict[str, _Group] = {}
    for recipe, factor in items:
        for component in recipe.components:
            for line in component.ingredients:
                ingredient = _named(line)
                if ingredient.is_heading or not ingredient.name.strip():
                    continue
                key = normalise_name(ingredient.name)
                if not key:
                    continue
                group = groups.setdefault(key, _Group(key))
                group.add(ingredient, Fraction(factor), system, recipe.title)
    result = []
    for group in groups.values():
        group.weigh_dry(weigh and system == METRIC)
        item = group.item(system, for_shop)
        if for_shop:
            staple = is_pantry_staple(item.key, staples)
            aisle = aisle_for(item.key, aisles)
            if group.canned() and not (aisles and item.key in aisles):
                aisle = DRY_GOODS
            item = replace(item, aisle=aisle, staple=staple)
        result.append(item)
    return result


def _named(ingredient: Ingredient) -> Ingredient:
    """ "2 cloves" (the spice) is read as a unit with no name: the unit is what to buy."""
    info = unit_info(ingredient.unit)
    if ingredient.name.strip() or info is None or info.dimension is not None:
        return ingredient
    return replace(ingredient, name=info.plural, unit=None)


def normalise_name(name: str) -> str:
    """The name as a shopper matches it: "Cloves of Garlic", "garlic cloves" → "garlic"."""
    text = _PARENTHESES.sub(" ", name.casefold()).replace("-", " ")
    words = [_singular(word) for word in _NON_WORD.sub(" ", text).split()]
    words = [word for word in words if word not in _IGNORED_WORDS] or words
    while len(words) > 1 and words[0] in _WRAPPER_UNITS:
        words = words[1:]
    while len(words) > 1 and words[-1] in _WRAPPER_UNITS:
        words = words[:-1]
    return " ".join(words)


def _singular(word: str) -> str:
    if len(word) < 4 or word in _KEEP_PLURAL or word.endswith("is"):
        return word
    return singularize(word) or word


@dataclass
class _Total:
    """A running sum in the unit of its first amount, with the unit systems it came in."""

    low: Fraction
    high: Fraction | None
    unit: str | None
    size: str
    systems: set[str] = field(default_factory=set)

    def add(self, low: Fraction, high: Fraction | None, ratio: Fraction = Fraction(1)) -> None:
        """Add an amount (a range when `high` is given) in another unit, `ratio` of this
        one's to it; a range on either side makes the sum a range."""
        if self.high is not None or high is not None:
            previous_high = self.high if self.high is not None else self.low
            self.high = previous_high + (high if high is not None else low) * ratio
        self.low += low * ratio


@dataclass
class _Group:
    """Everything wanted of one ingredient, added up by kind of amount as it arrives."""

    key: str
    names: list[str] = field(default_factory=list)
    recipes: list[str] = field(default_factory=list)
    # Kinds that add up: a dimension (volume, mass, length), or a counted unit and size.
    totals: dict[tuple[str, str], _Total] = field(default_factory=dict)

    def add(self, ingredient: Ingredient, factor: Fraction, system: str, title: str) -> None:
        self.names.append(ingredient.name.strip())
        if title not in self.recipes:
            self.recipes.append(title)
        if ingredient.quantity is None:
            return
        measure = _measure_for(ingredient, factor, system)
        low = (measure.quantity or Fraction(0)) * factor
        high = measure.quantity_max * factor if measure.quantity_max is not None else None
        info = unit_info(measure.unit)
        measurable = info is not None and info.dimension is not None
        if info is not None and info.dimension is not None:
            kind = ("measure", info.dimension)
        else:
            kind = self._count_kind(measure.unit or "", ingredient.size)
        total = self.totals.get(kind)
        if total is None:
            total = self.totals[kind] = _Total(
                Fraction(0), None, measure.unit, "" if measurable else ingredient.size
            )
        if info is not None and info.system is not None:
            total.systems.add(info.system)
        ratio = Fraction(1)
        if measure.unit and total.unit and measure.unit != total.unit:
            ratio = conversion_factor(measure.unit, total.unit)
        total.add(low, high, ratio)

    def _count_kind(self, unit: str, size: str) -> tuple[str, str]:
        """Where a count adds up: "8 large eggs" and "1 egg" are 9 large eggs to a shopper
        (never "8 large + 1 eggs"). A grade word (large, medium) takes in the counts that
        give none, when it is the only grade; a pack size ("14 oz") is never merged."""
        key = size.casefold()
        graded = [
            kind for kind in self.totals if kind[0] == unit and kind[1] and _is_grade(kind[1])
        ]
        if not key:
            return graded[0] if len(graded) == 1 else (unit, key)
        unsized = (unit, "")
        if _is_grade(key) and unsized in self.totals and graded in ([], [(unit, key)]):
            moved = self.totals.pop(unsized)
            if (unit, key) in self.totals:
                self.totals[(unit, key)].add(moved.low, moved.high)
            else:
                moved.size = size
                self.totals[(unit, key)] = moved
        return (unit, key)

    def canned(self) -> bool:
        """Bought in tins or jars only (a can of tomatoes is on the dry-goods shelf)."""
        return bool(self.totals) and all(total.unit in _CANNED for total in self.totals.values())

    def weigh_dry(self, always: bool) -> None:
        """Add a dry ingredient's volume into its weight (a cup of flour + 200 g flour), or,
        when `always`, list it by weight even alone."""
        from .weights import dry_weight

        volume = self.totals.get(("measure", "volume"))
        mass = self.totals.get(("measure", "mass"))
        if volume is None or volume.unit is None or (mass is None and not always):
            return
        row = dry_weight(self.key) or dry_weight(self.names[0])
        if row is None:
            return
        if mass is None or mass.unit is None:
            mass = self.totals[("measure", "mass")] = _Total(
                Fraction(0), None, "gram", "", {METRIC}
            )
        assert mass.unit is not None
        ratio = (
            conversion_factor(volume.unit, "milliliter")
            * row.grams_per_ml
            * conversion_factor("gram", mass.unit)
        )
        mass.add(volume.low, volume.high, ratio)
        mass.systems |= volume.systems
        del self.totals[("measure", "volume")]

    def item(self, system: str, for_shop: bool = False) -> ShoppingItem:
        amounts = tuple(
            _shop_text(total, self.key)
            if for_shop and _counted(total)
            else _amount_text(total, system)
            for total in self.totals.values()
        )
        return ShoppingItem(self.key, self._counted_name(), amounts, tuple(self.recipes))

    def _counted_name(self) -> str:
        """The name, its noun agreeing with what is counted: "3 eggs" from "1 egg" and
        "2 eggs", "2 onions" from "1 onion" twice (the first name as written otherwise)."""
        name = _display_name(self.names)
        counts = [total for total in self.totals.values() if not total.unit]
        if not counts or len(counts) != len(self.totals) or not name.strip():
            return name
        many = len(counts) > 1 or counts[0].low > 1 or counts[0].high is not None
        head, _, last = name.rpartition(" ")
        return f"{head} {inflect_noun(last, many)}" if head else inflect_noun(last, many)


_CANNED = frozenset({"can", "tin", "jar", "bottle", "carton", "packet", "package"})
# Counted units that are amounts, not things a shop sells: never rounded up.
_NOT_SOLD = frozenset({"pinch", "dash", "drop", "splash", "sprinkle", "handful", "scoop", "knob"})


def _is_grade(size: str) -> bool:
    """A size said in words ("large", "extra-large"), not a pack's measure ("14 oz")."""
    return not any(char.isdigit() for char in size)


def _counted(total: _Total) -> bool:
    info = unit_info(total.unit)
    return (total.unit is None or (info is not None and info.dimension is None)) and (
        total.unit not in _NOT_SOLD
    )


def _shop_text(total: _Total, key: str) -> str:
    """A count as bought: whole ones, rounded up, in the shop's unit where it has one
    ("4½ cloves garlic" → "1 head")."""
    wanted = total.high if total.high is not None else total.low
    rule = shop_unit(total.unit, key)
    if rule is not None:
        heads = round_up_count(wanted / rule.per)
        return f"{heads} {rule.big if heads == 1 else rule.big_plural}"
    number = round_up_count(wanted)
    info = unit_info(total.unit)
    if info is None:
        return f"{number} {total.size}" if total.size else str(number)
    word = info.singular if number == 1 else info.plural
    return " ".join(part for part in (str(number), total.size, word) if part)


def _measure_for(ingredient: Ingredient, factor: Fraction, system: str) -> Measure:
    """The measure to add up: the author's second measure when it is the one for `system`
    ("½ cup (120 ml)" counts as 120 ml in metric), as the detail pane shows it."""
    alternative = ingredient.alternative
    if alternative is not None and shows_alternative(ingredient, factor, system):
        return alternative
    return Measure(ingredient.quantity, ingredient.quantity_max, ingredient.unit)


def _display_name(names: Sequence[str]) -> str:
    """The first name as written, lowercased where only its capital differs ("Garlic")."""
    for name in names:
        if name[:1].islower():
            return name
    first = names[0]
    return first[:1].lower() + first[1:] if first[1:] == first[1:].lower() else first


def _amount_text(total: _Total, system: str) -> str:
    low, high, unit, size = total.low, total.high, total.unit, total.size
    info = unit_info(unit)
    if unit is None or info is None:
        number = format_range(low, high, COUNT_DENOMINATORS)
        return f"{number} {size}" if size else number
    if info.dimension is None:
        number = format_range(low, high, info.denominators)
        word = info.plural if is_plural(number) else info.singular
        return " ".join(part for part in (number, size, word) if part)
    if system == ORIGINAL:
        # As written: metric when any part was metric, else US measures (spoons, cups).
        system = METRIC if METRIC in total.systems else US
    target = choose_unit(low, high, unit, system)
    ratio = conversion_factor(unit, target)
    target_info = unit_info(target)
    assert target_info is not None
    number = format_range(
        low * ratio,
        high * ratio if high is not None else None,
        target_info.denominators,
        whole_numbers=target not in DECIMAL_UNITS,
    )
    return f"{number} {unit_word(target, is_plural(number))}"
