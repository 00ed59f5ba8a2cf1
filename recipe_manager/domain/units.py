"""Kitchen units: the words cooks write, the systems they belong to, and the one pint registry.

Reading a unit needs no pint: the alias table below is plain data. pint is only asked for
conversion factors, and its registry (slow to build) is created lazily, once, behind a lock,
so that opening the app and reading recipes never pays for it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Any

from .view import UnitSystem

METRIC = UnitSystem.METRIC
US = UnitSystem.US
ORIGINAL = UnitSystem.ORIGINAL
SYSTEMS = tuple(UnitSystem)

# Counts (eggs, cloves, servings) read in halves, thirds and quarters.
COUNT_DENOMINATORS = (2, 3, 4)
# Shown with a decimal (1.2 kg) rather than as whole numbers (120 g).
DECIMAL_UNITS = frozenset({"kilogram", "liter"})
SPOONS = ("tablespoon", "teaspoon")
# Written out in full ("2 cups", "1 inch"): their abbreviations read badly or mislead.
FULL_WORD_UNITS = frozenset({"inch", "cup", "pint", "quart", "gallon"})


@dataclass(frozen=True, slots=True)
class UnitInfo:
    """What the formatter needs to know about a canonical unit.

    `dimension` is None for kitchen units (pinch, clove, can): they scale but never convert.
    `system` is "metric", "us" or "both" (spoons, which metric cooks use too).
    `denominators` lists the fractions a cook measures in this unit; empty means decimals at
    a sensible grain (grams, millilitres). `minimum` is the smallest amount that reads well
    in this unit before a smaller unit is better (¼ tbsp reads better as ¾ tsp).
    """

    name: str
    dimension: str | None
    system: str | None
    singular: str
    plural: str
    symbol: str
    denominators: tuple[int, ...] = (2, 3, 4)
    minimum: Fraction = Fraction(0)


def _measurable(
    name: str,
    dimension: str,
    system: str,
    words: tuple[str, str, str],
    denominators: tuple[int, ...],
    minimum: Fraction = Fraction(0),
) -> UnitInfo:
    singular, plural, symbol = words
    return UnitInfo(name, dimension, system, singular, plural, symbol, denominators, minimum)


UNITS: dict[str, UnitInfo] = {
    info.name: info
    for info in (
        _measurable("teaspoon", "volume", "both", ("teaspoon", "teaspoons", "tsp"), (2, 3, 4, 8)),
        _measurable(
            "tablespoon",
            "volume",
            "both",
            ("tablespoon", "tablespoons", "tbsp"),
            (2,),
            Fraction(1, 2),
        ),
        _measurable("cup", "volume", US, ("cup", "cups", "cup"), (2, 3, 4), Fraction(1, 4)),
        _measurable(
            "fluid_ounce", "volume", US, ("fluid ounce", "fluid ounces", "fl oz"), (2,), Fraction(1)
        ),
        _measurable("pint", "volume", US, ("pint", "pints", "pint"), (2, 4), Fraction(1, 2)),
        _measurable("quart", "volume", US, ("quart", "quarts", "quart"), (2, 4), Fraction(1, 2)),
        _measurable("gallon", "volume", US, ("gallon", "gallons", "gallon"), (2, 4), Fraction(1)),
        _measurable("milliliter", "volume", METRIC, ("millilitre", "millilitres", "ml"), ()),
        _measurable(
            "centiliter", "volume", METRIC, ("centilitre", "centilitres", "cl"), (), Fraction(1)
        ),
        _measurable(
            "deciliter", "volume", METRIC, ("decilitre", "decilitres", "dl"), (), Fraction(1)
        ),
        _measurable("liter", "volume", METRIC, ("litre", "litres", "l"), (), Fraction(1)),
        _measurable("milligram", "mass", METRIC, ("milligram", "milligrams", "mg"), ()),
        _measurable("gram", "mass", METRIC, ("gram", "grams", "g"), ()),
        _measurable("kilogram", "mass", METRIC, ("kilogram", "kilograms", "kg"), (), Fraction(1)),
        _measurable("ounce", "mass", US, ("ounce", "ounces", "oz"), (2, 4, 8)),
        _measurable("pound", "mass", US, ("pound", "pounds", "lb"), (2, 4), Fraction(1)),
        _measurable("millimeter", "length", METRIC, ("millimetre", "millimetres", "mm"), ()),
        _measurable("centimeter", "length", METRIC, ("centimetre", "centimetres", "cm"), ()),
        _measurable("inch", "length", US, ("inch", "inches", "in"), (2, 4, 8)),
    )
}

# Kitchen units: counted things. The plural is the regular one unless listed.
_KITCHEN_PLURALS = {
    "pinch": "pinches",
    "dash": "dashes",
    "bunch": "bunches",
    "box": "boxes",
}
_KITCHEN_UNITS = [
    "pinch",
    "dash",
    "clove",
    "can",
    "tin",
    "jar",
    "stick",
    "bunch",
    "sprig",
    "slice",
    "piece",
    "head",
    "stalk",
    "rib",
    "handful",
    "knob",
    "rasher",
    "packet",
    "package",
    "pack",
    "box",
    "bag",
    "bottle",
    "sachet",
    "envelope",
    "ear",
    "bulb",
    "sheet",
    "cube",
    "scoop",
    "drop",
    "splash",
    "sprinkle",
    "pod",
    "strip",
    "fillet",
    "carton",
    "container",
    "block",
    "recipe",
    "batch",
]
for _name in _KITCHEN_UNITS:
    _plural = _KITCHEN_PLURALS.get(_name, _name + "s")
    UNITS[_name] = UnitInfo(_name, None, None, _name, _plural, _name, (2, 3, 4))

# Surface forms, matched after stripping one trailing dot. Case matters only where cooks make
# it matter: "T" is a tablespoon and "t" a teaspoon; every other form is matched lowercased.
_CASED_ALIASES = {
    "T": "tablespoon",
    "Tb": "tablespoon",
    "TB": "tablespoon",
    "t": "teaspoon",
    "EL": "tablespoon",
    "TL": "teaspoon",
}
_ALIASES = {
    "teaspoon": ("teaspoon", "teaspoons", "tsp", "tsps", "tspn", "tspns", "tea spoon", "tl"),
    "tablespoon": (
        "tablespoon",
        "tablespoons",
        "tbsp",
        "tbsps",
        "tbs",
        "tbl",
        "tbls",
        "tblsp",
        "tblspn",
        "tbspn",
        "table spoon",
        "el",
    ),
    "cup": ("cup", "cups", "c", "cp"),
    "fluid_ounce": ("fl oz", "fl. oz", "floz", "fluid ounce", "fluid ounces", "fl ounce"),
    "pint": ("pint", "pints", "pt", "pts"),
    "quart": ("quart", "quarts", "qt", "qts"),
    "gallon": ("gallon", "gallons", "gal"),
    "milliliter": (
        "ml",
        "mls",
        "milliliter",
        "milliliters",
        "millilitre",
        "millilitres",
        "mililiter",
    ),
    "centiliter": ("cl", "centiliter", "centiliters", "centilitre", "centilitres"),
    "deciliter": ("dl", "deciliter", "deciliters", "decilitre", "decilitres"),
    "liter": ("l", "liter", "liters", "litre", "litres", "ltr", "lt"),
    "milligram": ("mg", "milligram", "milligrams"),
    "gram": ("g", "gr", "grs", "gm", "gms", "gram", "grams", "gramme", "grammes"),
    "kilogram": ("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme"),
    "ounce": ("oz", "ozs", "ounce", "ounces"),
    "pound": ("lb", "lbs", "pound", "pounds", "ib", "ibs"),
    "millimeter": ("mm", "millimeter", "millimeters", "millimetre", "millimetres"),
    "centimeter": ("cm", "cms", "centimeter", "centimeters", "centimetre", "centimetres"),
    "inch": ("in", "inch", "inches", "″", '"'),
}
ALIASES: dict[str, str] = {form: name for name, forms in _ALIASES.items() for form in forms}
for _name in _KITCHEN_UNITS:
    if _name in UNITS:
        ALIASES[_name] = _name
        ALIASES[UNITS[_name].plural] = _name
ALIASES.update({"pkg": "package", "pkgs": "package", "pk": "pack", "tins": "tin", "dashes": "dash"})
# Spoon and cup words of French, German, Dutch, Spanish, Italian, Portuguese and the
# Scandinavian languages, as recipe sites write them (dots become spaces before lookup:
# "c.à.s." is "c à s"). A French "c.s." is a tablespoon, never a cup.
_FOREIGN_ALIASES = {
    "tablespoon": (
        "c s",
        "c à s",
        "c a s",
        "càs",
        "cs",
        "cuill à soupe",
        "c à soupe",
        "c a soupe",
        "cuillère à soupe",
        "cuillères à soupe",
        "cuillere a soupe",
        "cuilleres a soupe",
        "esslöffel",
        "eetlepel",
        "eetlepels",
        "cda",
        "cdas",
        "cucharada",
        "cucharadas",
        "cucchiaio",
        "cucchiai",
        "colher de sopa",
        "colheres de sopa",
        "colher (sopa)",
        "colheres (sopa)",
        "msk",
        "spsk",
        "ss",
    ),
    "teaspoon": (
        "c c",
        "c à c",
        "c a c",
        "càc",
        "cuill à café",
        "c à café",
        "c a cafe",
        "cuillère à café",
        "cuillères à café",
        "cuillere a cafe",
        "cuilleres a cafe",
        "teelöffel",
        "theelepel",
        "theelepels",
        "cdta",
        "cdtas",
        "cucharadita",
        "cucharaditas",
        "cucchiaino",
        "cucchiaini",
        "colher de chá",
        "colheres de chá",
        "colher (chá)",
        "colheres (chá)",
        "tsk",
        "ts",
    ),
    # A Swedish kryddmått is 1 ml.
    "milliliter": ("krm",),
    "cup": ("tasse", "tasses", "tassen"),
}
ALIASES.update({form: name for name, forms in _FOREIGN_ALIASES.items() for form in forms})


# The tablespoon word of a language and its teaspoon word: a scaled "2 el" that becomes
# teaspoons is "2 tl", not the English "tsp" (keys are lowercase with dots dropped).
_SPOON_PAIRS = (
    ("el", "tl"),
    ("msk", "tsk"),
    ("spsk", "tsk"),
    ("cs", "cc"),
    ("c.s.", "c.c."),
    ("c. à s.", "c. à c."),
    ("càs", "càc"),
    ("c. à soupe", "c. à café"),
    ("cuill. à soupe", "cuill. à café"),
    ("cuillère à soupe", "cuillère à café"),
    ("cuillères à soupe", "cuillères à café"),
    ("colher (sopa)", "colher (chá)"),
    ("colheres (sopa)", "colheres (chá)"),
    ("colher de sopa", "colher de chá"),
    ("colheres de sopa", "colheres de chá"),
    ("cda", "cdta"),
    ("cdas", "cdtas"),
    ("cucharada", "cucharadita"),
    ("cucharadas", "cucharaditas"),
    ("cucchiaio", "cucchiaino"),
    ("cucchiai", "cucchiaini"),
    ("eetlepel", "theelepel"),
    ("eetlepels", "theelepels"),
    ("esslöffel", "teelöffel"),
    ("ss", "ts"),
)


def _spoon_key(token: str) -> str:
    return " ".join(token.replace(".", " ").lower().split())


_SPOON_PARTNERS = {_spoon_key(big): small for big, small in _SPOON_PAIRS} | {
    _spoon_key(small): big for big, small in _SPOON_PAIRS
}


def foreign_spoon_word(token: str, unit: str) -> str | None:
    """The author's own language's word for `unit` (a spoon), given the spoon word they wrote
    ("el" → "tl" for teaspoons), or None when the word is not a foreign spoon word."""
    key = _spoon_key(token)
    if key not in _SPOON_PARTNERS or lookup_unit(token) not in SPOONS:
        return None
    word = token if lookup_unit(token) == unit else _SPOON_PARTNERS[key]
    if token.isupper():
        return word.upper()
    if token[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def lookup_unit(token: str) -> str | None:
    """The canonical unit a written token means, or None. "T" and "t" differ; "Tbsp" does not."""
    bare = token[:-1] if token.endswith(".") else token
    if bare in _CASED_ALIASES:
        return _CASED_ALIASES[bare]
    folded = bare.lower()
    if folded == "t":
        return None
    return ALIASES.get(" ".join(folded.replace(".", " ").split()))


# Ratios that are definitions, not measurements, so the reader can add "1 lb 2 oz" or
# "2 tbsp plus 1 tsp" without pint.
_EXACT_RATIOS = {
    ("pound", "ounce"): 16,
    ("cup", "tablespoon"): 16,
    ("cup", "teaspoon"): 48,
    ("tablespoon", "teaspoon"): 3,
    ("kilogram", "gram"): 1000,
    ("liter", "milliliter"): 1000,
}


def exact_ratio(larger: str, smaller: str) -> int | None:
    """How many `smaller` make one `larger` when that is a definition (16 oz in a lb)."""
    return _EXACT_RATIOS.get((larger, smaller))


_SPELLED_OUT = {
    spelling
    for info in UNITS.values()
    for word in (info.singular, info.plural)
    for spelling in (word, word.replace("tre", "ter"))
} | {"kilo", "kilos", "gramme", "grammes"}


def is_spelled_out(word: str) -> bool:
    """Whether a unit word is a full name ("cups", "Tablespoon"), not an abbreviation."""
    return word.lower() in _SPELLED_OUT


def unit_info(name: str | None) -> UnitInfo | None:
    """Facts about a canonical unit, or None for no unit or one this table does not know."""
    return UNITS.get(name) if name else None


def is_measurable(name: str | None) -> bool:
    """True for units pint can convert (volume, mass, length)."""
    info = unit_info(name)
    return info is not None and info.dimension is not None


def fits_system(name: str | None, system: str) -> bool:
    """Whether a cook using `system` reads this unit as one of theirs."""
    info = unit_info(name)
    if info is None or info.dimension is None:
        return True
    return info.system in (system, "both")


# The units a system shows, largest first, per dimension.
_FAMILIES: dict[tuple[str, str], tuple[str, ...]] = {
    (US, "volume"): ("cup", "tablespoon", "teaspoon"),
    (US, "mass"): ("pound", "ounce"),
    (US, "length"): ("inch",),
    (METRIC, "volume"): ("liter", "milliliter"),
    (METRIC, "mass"): ("kilogram", "gram"),
    (METRIC, "length"): ("centimeter",),
}


def info_system(name: str) -> str | None:
    """ "metric", "us" or "both" for a measurable unit, else None."""
    info = unit_info(name)
    return info.system if info else None


def family(system: str, dimension: str, source_unit: str) -> tuple[str, ...]:
    """The units to choose from, largest first, when showing `source_unit` amounts in `system`.

    The author's own unit joins the family when it belongs to the system but the standard
    list does not have it (dl, quart), so a Scandinavian "2,5 dl" doubles to "5 dl", not "500 ml".
    """
    units = _FAMILIES[(system, dimension)]
    if source_unit in units or info_system(source_unit) != system:
        return units
    size = conversion_factor(source_unit, units[-1])
    bigger = [unit for unit in units if conversion_factor(unit, units[-1]) > size]
    return (*bigger, source_unit, *units[len(bigger) :])


# The registry: built at most once, on first need, by whichever thread gets there first.
_registry: Any = None
_registry_lock = threading.Lock()


def _build_registry() -> Any:
    import pint

    try:
        return pint.UnitRegistry(cache_folder=":auto:")
    except (OSError, ValueError, RuntimeError):
        return pint.UnitRegistry()


def registry() -> Any:
    """The one pint UnitRegistry of the app, built on first call (thread-safe)."""
    global _registry
    if _registry is None:
        with _registry_lock:
            if _registry is None:
                _registry = _build_registry()
    return _registry


def registry_is_built() -> bool:
    """Whether pint's registry exists yet (bench/window_bench.py checks that opening the
    window did not build it)."""
    return _registry is not None


def warm_up() -> None:
    """Build the registry and the common conversion factors now (call it off the UI thread)."""
    for dimension_units in _FAMILIES.values():
        for unit in dimension_units:
            conversion_factor(unit, dimension_units[-1])
    for name, info in UNITS.items():
        if info.dimension is not None:
            for system in (METRIC, US):
                conversion_factor(name, _FAMILIES[(system, info.dimension)][-1])


@cache
def conversion_factor(source: str, target: str) -> Fraction:
    """How many `target` make one `source`, from pint, as an exact-enough Fraction (cached)."""
    if source == target:
        return Fraction(1)
    magnitude = registry().Quantity(1, source).to(target).magnitude
    return Fraction(f"{magnitude:.12g}")
