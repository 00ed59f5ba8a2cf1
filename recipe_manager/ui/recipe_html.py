"""The detail pane's text: a recipe as escaped HTML, scaled and in the chosen unit system.

Nothing from a recipe is ever interpreted as markup: every piece of its text is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from html import escape
from pathlib import Path

from PySide6.QtCore import QUrl

from ..domain import Component, Recipe, View, convert_temperatures, format_ingredient
from ..domain.quantities import format_quantity
from ..domain.units import COUNT_DENOMINATORS
from .timers import link_timers

PHOTO_WIDTH = 240


@dataclass(frozen=True, slots=True)
class Colours:
    """Colours from the window's palette, so the text follows light and dark themes."""

    muted: str
    accent: str


def recipe_html(
    recipe: Recipe,
    view: View,
    colours: Colours,
    side_by_side: bool = False,
    timer_links: bool = False,
    photo: Path | None = None,
) -> str:
    """The whole recipe; `side_by_side` puts each part's ingredients beside its steps,
    `timer_links` makes the durations in steps links that start a timer (not on paper), and
    `photo` is the recipe's photo file, already confined to the library's media folder.
    A view with `weigh` shows dry ingredients by weight in metric; one scaled to what the
    cook has says so under the title."""
    factor, system, weigh = view.factor, view.system, view.weigh
    scale_note = ""
    if view.scale_to is not None:
        from ..domain.scale_to import scale_note as note_for

        scale_note = note_for(recipe, view.scale_to)
    parts = []
    if photo is not None:
        source = escape(QUrl.fromLocalFile(str(photo)).toString(), quote=True)
        parts.append(f"<img src=\"{source}\" width='{PHOTO_WIDTH}' style='float:right'>")
    parts.append(
        f"<h1 style='color:{colours.accent};margin-bottom:4px'>{escape(recipe.title)}</h1>"
    )
    if scale_note:
        parts.append(f"<p style='color:{colours.accent}'><b>{_text(scale_note)}</b></p>")
    if recipe.summary:
        parts.append(f"<p style='color:{colours.muted}'><i>{_text(recipe.summary)}</i></p>")
    meta = meta_line(recipe, factor)
    if meta:
        parts.append(f"<p style='color:{colours.muted};margin-bottom:14px'>{escape(meta)}</p>")
    for component in recipe.components:
        if component.title:
            servings = ""
            if component.servings:
                servings = f" · serves {_count(component.servings * factor)}"
            parts.append(
                f"<h2 style='color:{colours.accent};margin-top:18px'>{escape(component.title)}"
                f"<span style='font-size:small;font-weight:normal;color:{colours.muted}'>"
                f"{escape(servings)}</span></h2>"
            )
        ingredients = _ingredients_html(component, factor, system, weigh)
        steps = _steps_html(recipe, component, system, colours, timer_links)
        if side_by_side and ingredients and steps:
            parts.append(
                "<table width='100%' cellspacing='0' cellpadding='0' style='margin-top:10px'><tr>"
                f"<td width='38%' valign='top' style='padding-right:24px'>{ingredients}</td>"
                f"<td width='62%' valign='top'>{steps}</td></tr></table>"
            )
        else:
            parts.extend((ingredients, steps))
    if recipe.notes:
        parts.append(f"<h2 style='color:{colours.accent};margin-top:18px'>Notes</h2>")
        parts.extend(f"<p>{_text(note)}</p>" for note in recipe.notes)
    return "\n".join(part for part in parts if part)


def _ingredients_html(
    component: Component, factor: Fraction, system: str, weigh: bool = False
) -> str:
    if not component.ingredients:
        return ""
    parts = ["<h3>Ingredients</h3><ul style='margin-top:0'>"]
    for ingredient in component.ingredients:
        line = escape(format_ingredient(ingredient, factor, system, weigh=weigh))
        if ingredient.is_heading:
            parts.append(f"</ul><p><b>{line}</b></p><ul style='margin-top:0'>")
        else:
            parts.append(f"<li style='margin-bottom:6px'>{line}</li>")
    parts.append("</ul>")
    return "".join(parts)


def _steps_html(
    recipe: Recipe, component: Component, system: str, colours: Colours, timer_links: bool
) -> str:
    if not component.steps:
        return ""
    parts = ["<h3>Method</h3>"]
    for number, step in enumerate(component.steps, start=1):
        text = convert_temperatures(step, system)
        shown = link_timers(text, f"{recipe.title}, step {number}") if timer_links else escape(text)
        parts.append(
            "<p style='margin-left:28px;text-indent:-28px;margin-bottom:10px'>"
            f"<b style='color:{colours.accent}'>{number}.</b>&nbsp;&nbsp;{shown}</p>"
        )
    return "".join(parts)


def meta_line(recipe: Recipe, factor: Fraction) -> str:
    """Servings or yield, times, category, cuisine, method, tags and source, as one line."""
    items: list[str] = []
    if recipe.favourite:
        items.append("♥ Favourite")
    if recipe.rating:
        items.append("★" * recipe.rating + "☆" * (5 - recipe.rating))
    if recipe.servings:
        from ..domain.scale_to import servings_text

        items.append(servings_text(recipe.servings * factor))
    elif factor != 1:
        items.append(f"×{_count(factor)} {'batch' if factor <= 1 else 'batches'}")
    if recipe.yield_text and not recipe.servings:
        items.append(recipe.yield_text)
    for label, minutes in (
        ("Prep", recipe.prep_minutes),
        ("Cook", recipe.cook_minutes),
        ("Total", recipe.total_minutes),
    ):
        if minutes:
            items.append(f"{label} {format_minutes(minutes)}")
    items.extend(value for value in (recipe.category, recipe.cuisine, recipe.method) if value)
    if recipe.tags:
        items.append(", ".join(recipe.tags))
    if recipe.source:
        items.append(f"Source: {recipe.source}")
    return " · ".join(items)


def _count(value: Fraction) -> str:
    """Servings and batches as cooks say them: 9, 1½, ⅓."""
    return format_quantity(value, COUNT_DENOMINATORS)


def format_minutes(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br>")
