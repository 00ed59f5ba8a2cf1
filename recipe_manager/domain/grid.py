"""The kitchen grid: the amounts a cook measures, per unit family, in one place.

A scaled or converted amount is exact (a Fraction); what is shown is the nearest amount a
cook can measure with the tools of that family. Each rule below says where it comes from.
The round-trip rule (tests/domain/test_kitchen_grid.py): what is shown reads back through
`parse_ingredient` to within one step of this grid from the exact amount.

US spoons and cups (one exact scale in teaspoons: 3 tsp = 1 tbsp, 16 tbsp = 1 cup, the
US customary definitions, NIST Handbook 44 appendix C):
* below ⅛ tsp, the smallest spoon in a standard measuring set, "a pinch" (dry) or "a dash"
  (liquid): by the old cookbook convention a dash is ⅛ tsp and a pinch half that
  (Joy of Cooking's table of equivalents), so neither pretends to a precision a cook lacks;
* teaspoons from ⅛ up to a tablespoon, in the steps of a measuring-spoon set
  (⅛, ¼, ½, 1 tsp, and the ⅓ ⅔ ¾ that recipes use), quarters above one;
* tablespoons from 1 tbsp to ¼ cup in halves, or "2 tbsp + 2 tsp" where a half would be
  off (as US recipe writers and the USDA quantity tables write 8 tsp);
* cups from ¼ cup, in the ¼ ⅓ ½ ⅔ ¾ steps of a set of measuring cups, or "1 cup + 2 tbsp"
  where no step fits (US recipes' usual way, e.g. 18 tbsp).
Where even the nearest step is off by more than a tenth, the word says which way:
"a generous ⅓ tsp", "a scant ½ cup" (the words cooks use for exactly this).

US weight: ounces in quarters (a kitchen scale in ounces shows ¼ oz; ⅛ below 1 oz), pounds
in quarters when a quarter is within 3%, else "1 lb 2 oz" (how US butchers and packages
label weight).

Metric: grams and millilitres rounded to the coarsest grain within 2% (118 ml → 120 ml,
23.5 g → 24 g), as a kitchen scale (1 g) or a jug's marks (25 and 50 ml) are read;
kilograms and litres with at most two decimals (1.25 kg). See `quantities.round_metric`.

Length: inches in eighths below 1 inch and quarters above (a ruler's marks), centimetres
whole from 1 cm, millimetres below.

Counts: a whole thing that cannot be cut into a recipe (an egg, a can, a clove, a chilli:
`nouns.WHOLE_THINGS` and `WHOLE_UNITS` below) is shown as a whole number when within a
quarter of one, else as the two counts around it ("1–2 eggs": the cook decides; an egg is
not measured in thirds). Other counts (lemons, onions) in quarters below 3, halves below 10,
whole from 10 (what a knife divides).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .quantities import format_fraction

# US volume in teaspoons.
TSP_PER = {"teaspoon": Fraction(1), "tablespoon": Fraction(3), "cup": Fraction(48)}
_SMALLEST_SPOON = Fraction(1, 8)
_TSP_STEPS = tuple(
    sorted(
        {Fraction(1, 8), Fraction(1, 4), Fraction(1, 3), Fraction(1, 2), Fraction(2, 3)}
        | {Fraction(3, 4)}
        | {whole + Fraction(part, 4) for whole in (1, 2) for part in range(4)}
    )
)
_CUP_FRACTIONS: tuple[Fraction, ...] = (Fraction(0), Fraction(1, 4), Fraction(1, 3), Fraction(1, 2))
_CUP_FRACTIONS += (Fraction(2, 3), Fraction(3, 4))
# Off by more than this from the nearest step, a word says which way.
_HONEST = Fraction(1, 10)
# Within this, a step simply is the amount: nearer than a cook's own error with spoons and
# cups (250 ml reads as 1 cup), as `quantities.nearest_fraction` has always allowed.
_CLOSE = Fraction(6, 100)
# Kitchen units that name a whole thing (never ⅓ can).
WHOLE_UNITS = frozenset(
    {
        "can",
        "tin",
        "jar",
        "packet",
        "package",
        "pack",
        "box",
        "bag",
        "bottle",
        "sachet",
        "envelope",
        "carton",
        "container",
        "pinch",
        "dash",
        "drop",
        "sheet",
        "cube",
        "scoop",
        "pod",
        "rasher",
        "recipe",
        "batch",
        "ear",
        "bulb",
        "head",
    }
)


@dataclass(frozen=True, slots=True)
class Shown:
    """An amount on the grid: `number` ("2", "1 cup + 2", "a generous ⅓") and the unit key
    (canonical unit, or None for a count) with `plural` for its word. `value` is what
    `number` + unit reads back as, in the unit (for the round-trip rule and for agreement).
    """

    number: str
    unit: str | None
    plural: bool
    value: Fraction


def _mixed(value: Fraction) -> str:
    return format_fraction(value)


def _qualified(exact: Fraction, step: Fraction, text: str) -> str:
    """ "a generous ⅓" / "a scant ½" when the step is more than a tenth off."""
    if step and abs(step - exact) > exact * _HONEST:
        return ("a generous " if exact > step else "a scant ") + text
    return text


def _nearest(value: Fraction, steps: tuple[Fraction, ...]) -> Fraction:
    return min(steps, key=lambda step: (abs(step - value), step))


def _cup_steps(limit: Fraction) -> tuple[Fraction, ...]:
    return tuple(
        whole + part
        for whole in range(max(0, int(limit) - 1), int(limit) + 2)
        for part in _CUP_FRACTIONS
        if whole + part > 0
    )


def us_volume(tsp: Fraction, liquid: bool = False, cups: bool = True) -> Shown:
    """An exact amount in teaspoons shown as a US cook measures it (`cups=False` for metric
    cooks, who keep spoons below 60 ml and never use cups)."""
    if tsp < _SMALLEST_SPOON * Fraction(3, 4):
        return Shown("a", "dash" if liquid else "pinch", False, Fraction(1))
    if tsp < 3:
        step = _nearest(tsp, _TSP_STEPS)
        if step == 3:
            return Shown("1", "tablespoon", False, Fraction(1))
        return Shown(_qualified(tsp, step, _mixed(step)), "teaspoon", step > 1, step)
    amount_cups = tsp / 48
    if cups and tsp >= 12:
        step = _nearest(amount_cups, _cup_steps(amount_cups))
        if abs(step - amount_cups) <= amount_cups * _CLOSE or amount_cups >= 4:
            return Shown(_qualified(amount_cups, step, _mixed(step)), "cup", step > 1, step)
    tbsp = tsp / 3
    if tsp < 36 or not cups:
        half = Fraction(round(tbsp * 2), 2)
        if abs(half - tbsp) <= tbsp * _CLOSE:
            return Shown(_mixed(half), "tablespoon", half > 1, half)
        whole = int(tsp // 3)
        rest = round(tsp - whole * 3)
        if rest == 3:
            whole, rest = whole + 1, 0
        if rest == 0:
            return Shown(str(whole), "tablespoon", whole > 1, Fraction(whole))
        return Shown(f"{whole} tbsp + {rest}", "teaspoon", rest > 1, Fraction(whole * 3 + rest))
    for base in sorted(_cup_steps(amount_cups), reverse=True):
        extra = (amount_cups - base) * 16
        if base > amount_cups or round(extra) not in (1, 2, 3):
            continue
        if abs(round(extra) - extra) <= tbsp * Fraction(2, 100):
            spoons = round(extra)
            cup_word = "cups" if base > 1 else "cup"
            return Shown(
                f"{_mixed(base)} {cup_word} + {spoons}",
                "tablespoon",
                spoons > 1,
                Fraction(spoons),
            )
    step = _nearest(amount_cups, _cup_steps(amount_cups))
    return Shown(_qualified(amount_cups, step, _mixed(step)), "cup", step > 1, step)


def us_weight(ounces: Fraction) -> Shown:
    """An exact weight in ounces: quarters of an ounce, or pounds (with ounces)."""
    if ounces < 1:
        eighth = max(Fraction(1, 8), Fraction(round(ounces * 8), 8))
        return Shown(_qualified(ounces, eighth, _mixed(eighth)), "ounce", False, eighth)
    if ounces < 16:
        quarter = Fraction(round(ounces * 4), 4)
        if quarter == 16:
            return Shown("1", "pound", False, Fraction(1))
        return Shown(_mixed(quarter), "ounce", quarter > 1, quarter)
    pounds = ounces / 16
    quarter = Fraction(round(pounds * 4), 4)
    if abs(quarter - pounds) <= pounds * Fraction(3, 100):
        return Shown(_mixed(quarter), "pound", quarter > 1, quarter)
    whole = int(pounds)
    rest = round(ounces - whole * 16)
    if rest in (0, 16):
        whole += rest // 16
        return Shown(str(whole), "pound", whole > 1, Fraction(whole))
    return Shown(f"{whole} lb {rest}", "ounce", rest > 1, Fraction(whole * 16 + rest))


def inches(value: Fraction) -> Shown:
    """Eighths of an inch below one inch, quarters above (a ruler's marks)."""
    steps = 8 if value < 1 else 4
    shown = max(Fraction(1, 8), Fraction(round(value * steps), steps))
    return Shown(_mixed(shown), "inch", shown > 1, shown)


def metric_length(centimetres: Fraction) -> Shown:
    """Whole millimetres below 1 cm, halves of a centimetre below 5 cm, whole above."""
    if centimetres < 1:
        millimetres = max(Fraction(1), Fraction(round(centimetres * 10)))
        return Shown(str(int(millimetres)), "millimeter", millimetres > 1, millimetres)
    grain = 2 if centimetres < 5 else 1
    shown = Fraction(round(centimetres * grain), grain)
    text = str(int(shown)) if shown.denominator == 1 else f"{float(shown):g}"
    return Shown(text, "centimeter", shown > 1, shown)


def count(value: Fraction, whole: bool) -> tuple[str, Fraction, Fraction | None]:
    """A count as shown, its low value and (for a whole thing between two counts) its high.

    A whole thing is a whole number when within a quarter of one (and at least one), else
    "1–2"; other counts go in quarters below 3, halves below 10, whole numbers from 10.
    """
    if whole:
        nearest = max(Fraction(1), Fraction(round(value)))
        if value < 1 or abs(nearest - value) <= Fraction(1, 4) or value >= 10:
            return str(int(nearest)), nearest, None
        low = max(Fraction(1), Fraction(int(value)))
        high = low + 1
        return f"{int(low)}–{int(high)}", low, high
    grain = 4 if value < 3 else 2 if value < 10 else 1
    shown = max(Fraction(1, 4), Fraction(round(value * grain), grain))
    return _mixed(shown), shown, None


def count_range(low: Fraction, high: Fraction | None, whole: bool) -> str:
    """A count or a range of counts on the grid ("1–2", "½–1")."""
    text = count(low, whole)[0]
    if high is None:
        return text
    high_text = count(high, whole)[0]
    low_text = text.split("–")[0]
    if high_text == low_text:
        return text
    return f"{low_text}–{high_text.split('–')[-1]}"


def grid_step(exact: Fraction, unit: str | None, whole: bool = False) -> Fraction:
    """How far the shown amount may be from `exact` (both in `unit`): one step of the grid
    at that size. The round-trip rule of this module is stated with it."""
    from .units import conversion_factor, unit_info

    info = unit_info(unit)
    if unit is None or info is None or info.dimension is None:
        if whole:
            return Fraction(1)
        return Fraction(1, 4) if exact < 3 else Fraction(1, 2) if exact < 10 else Fraction(1)
    if info.system == "metric" or unit in ("pint", "quart", "gallon", "fluid_ounce"):
        # Metric grain (2%), and a second of slack for the smallest grains (1 g, 5 ml).
        base = "milliliter" if info.dimension == "volume" else "gram"
        if info.dimension == "length":
            centimetres = exact * conversion_factor(unit, "centimeter")
            step_cm = (
                Fraction(1, 10) if centimetres < 1 else Fraction(1, 2) if centimetres < 5 else 1
            )
            return step_cm * conversion_factor("centimeter", unit)
        return exact * Fraction(6, 100) + conversion_factor(base, unit) if info.dimension else exact
    if info.dimension == "volume":
        tsp = exact * conversion_factor(unit, "teaspoon")
        step = (
            Fraction(1, 8)
            if tsp < Fraction(1, 2)
            else Fraction(1, 4)
            if tsp < 3
            else Fraction(3, 2)
            if tsp < 36
            else Fraction(12)
        )
        # Within 6% a step simply is the amount (`_CLOSE`).
        return max(step, tsp * _CLOSE) * conversion_factor("teaspoon", unit)
    if info.dimension == "mass":
        ounces = exact * conversion_factor(unit, "ounce")
        step = (
            Fraction(1, 8)
            if ounces < 1
            else Fraction(1, 4)
            if ounces < 16
            else max(Fraction(1, 2), ounces * Fraction(3, 100))
        )
        return step * conversion_factor("ounce", unit)
    inches_exact = exact * conversion_factor(unit, "inch")
    step = Fraction(1, 8) if inches_exact < 1 else Fraction(1, 4)
    return step * conversion_factor("inch", unit)
