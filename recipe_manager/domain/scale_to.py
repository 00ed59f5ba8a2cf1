"""Scale a recipe to what you have: "I have 1.4 kg of pork belly" → the factor for every line.

The amount the cook has is read with the ingredient reader ("1.4 kg", "3 lb", "2 cans",
"1½ cups"), then compared with the recipe's line: across units of one kind (3 lb against
2 kg), across volume and weight for dry ingredients whose weight per cup is known (the
`weights` table), and never between kinds that can't be compared (a weight against a
count), which raise ValueError with a message a cook can act on. A range in the recipe
("1–2 lb") is compared at its low end, and the result says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from .ingredients import Ingredient, Measure, parse_ingredient
from .units import conversion_factor, unit_info

if TYPE_CHECKING:
    from .model import Recipe

_KIND_WORDS = {"mass": "a weight", "volume": "a volume", "length": "a length"}


@dataclass(frozen=True, slots=True)
class ScaleTo:
    """The factor, and what the header should say about it."""

    factor: Fraction
    #: "1.4 kg pork belly": the amount as the cook wrote it, with the ingredient's name.
    label: str
    #: Whether the recipe's line was a range and its low end was used.
    used_low_end: bool = False


def factor_for_amount(ingredient: Ingredient, amount_text: str) -> Fraction:
    """The factor that scales `ingredient` to `amount_text`; ValueError when they can't be
    compared, with a message saying why."""
    return scale_to_amount(ingredient, amount_text).factor


def scale_to_amount(ingredient: Ingredient, amount_text: str) -> ScaleTo:
    """`factor_for_amount` with the header's words: see the module's docstring."""
    text = amount_text.strip()
    have = parse_ingredient(text)
    if not text or have.quantity is None:
        raise ValueError(
            f"“{text}” has no amount: write how much you have, like “1.4 kg” or “3 lb”."
            if text
            else "Write how much you have, like “1.4 kg”, “3 lb” or “2 cans”."
        )
    if have.quantity <= 0:
        raise ValueError("The amount you have must be more than nothing.")
    if ingredient.quantity is None or ingredient.quantity == 0:
        raise ValueError(
            f"“{ingredient.text.strip()}” gives no amount to scale by: choose a line with one."
        )
    name = ingredient.name.strip() or ingredient.text.strip()
    have_measure = Measure(have.quantity, None, have.unit)
    ratio = _ratio(have_measure, ingredient, name)
    factor = (ratio / ingredient.quantity).limit_denominator(1_000_000)
    counted_in = ingredient.unit
    if have.unit is None and counted_in is not None and unit_info(counted_in) is not None:
        text = f"{text} {_plural(counted_in) if have.quantity != 1 else counted_in}"
    label = f"{text} {name}" if not have.name.strip() else text
    return ScaleTo(factor, label, used_low_end=ingredient.quantity_max is not None)


def servings_text(servings: Fraction) -> str:
    """ "Serves 6"; a number of servings that is not whole reads "About 4 servings"."""
    if servings.denominator == 1:
        return f"Serves {servings}"
    about = max(1, round(servings))
    return f"About {about} {'serving' if about == 1 else 'servings'}"


def scale_note(recipe: Recipe, scale: ScaleTo) -> str:
    """The header of a recipe scaled to what the cook has: "Scaled to 1.4 kg pork belly:
    about 4 servings.", with the range and cooking-time caveats where they apply."""
    from .timers import find_timers

    head = f"Scaled to {scale.label}"
    if scale.used_low_end:
        head += " (the recipe's range is scaled from its low end)"
    if recipe.servings:
        amount = servings_text(scale.factor * recipe.servings)
        amount = amount[0].lower() + amount[1:]
    else:
        amount = f"×{float(scale.factor):.3g} of the recipe"
    text = f"{head}: {amount}."
    has_time = bool(recipe.cook_minutes) or any(
        find_timers(step) for component in recipe.components for step in component.steps
    )
    if has_time:
        text += (
            " Cooking times are as written: those that depend on size or weight are not changed."
        )
    return text


def _ratio(have: Measure, ingredient: Ingredient, name: str) -> Fraction:
    """`have` expressed in the recipe line's own unit (the line's number is divided after).

    Like with like first (the author's second measure counts: "1 cup (125 g) flour" against
    250 g is exactly double), then weight against volume through the weights table.
    """
    wanted = Measure(ingredient.quantity, ingredient.quantity_max, ingredient.unit)
    alternative = ingredient.alternative
    problem: ValueError | None = None
    for across in (False, True):
        try:
            return _in_unit(have, wanted, name, across)
        except ValueError as error:
            problem = problem or error
        if alternative is not None and alternative.quantity and ingredient.quantity:
            try:
                converted = _in_unit(have, alternative, name, across)
            except ValueError:
                continue
            return converted / alternative.quantity * ingredient.quantity
    assert problem is not None
    raise problem


def _in_unit(have: Measure, wanted: Measure, name: str, across: bool) -> Fraction:
    assert have.quantity is not None
    have_info, wanted_info = unit_info(have.unit), unit_info(wanted.unit)
    have_kind = have_info.dimension if have_info is not None else None
    wanted_kind = wanted_info.dimension if wanted_info is not None else None
    if have_kind is None and wanted_kind is None:
        # Counts: a bare number counts whatever the line counts; a counted unit must match.
        if have.unit and have.unit != wanted.unit:
            counted = _plural(wanted.unit) if wanted.unit else "a plain number"
            raise ValueError(
                f"You have {_plural(have.unit)} and the recipe counts"
                f" {_plural(wanted.unit) if wanted.unit else 'whole ones'} of {name}:"
                f" they can't be compared. Give the amount in {counted}."
            )
        return have.quantity
    if have_kind == wanted_kind:
        assert have.unit is not None and wanted.unit is not None
        return have.quantity * conversion_factor(have.unit, wanted.unit)
    if across and {have_kind, wanted_kind} == {"mass", "volume"}:
        converted = _across_weight_and_volume(have, wanted, name)
        if converted is not None:
            return converted
    raise ValueError(
        f"You gave {_kind(have_kind)} and the recipe gives {_kind(wanted_kind)} of {name}:"
        f" they can't be compared. Give the amount as {_kind(wanted_kind)}"
        f"{_example(wanted)}."
    )


def _across_weight_and_volume(have: Measure, wanted: Measure, name: str) -> Fraction | None:
    from .weights import dry_weight

    row = dry_weight(name)
    if row is None:
        return None
    assert have.quantity is not None and have.unit and wanted.unit
    if unit_info(have.unit).dimension == "mass":  # type: ignore[union-attr]
        millilitres = have.quantity * conversion_factor(have.unit, "gram") / row.grams_per_ml
        return millilitres * conversion_factor("milliliter", wanted.unit)
    grams = have.quantity * conversion_factor(have.unit, "milliliter") * row.grams_per_ml
    return grams * conversion_factor("gram", wanted.unit)


def _kind(dimension: str | None) -> str:
    return _KIND_WORDS.get(dimension or "", "a count")


def _example(wanted: Measure) -> str:
    info = unit_info(wanted.unit)
    if info is None:
        return ", like “3”"
    if info.dimension is None or info.symbol == info.singular:
        return f", like “3 {info.plural}”"
    return f", like “2 {info.symbol}”"


def _plural(unit: str) -> str:
    info = unit_info(unit)
    return info.plural if info is not None else unit
