"""The detail pane's text: a recipe as escaped HTML, scaled and in the chosen unit system.

Nothing from a recipe is ever interpreted as markup: every piece of its text is escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from functools import partial
from html import escape
from pathlib import Path

from PySide6.QtCore import QUrl

from ..domain import Component, Ingredient, Recipe, View, convert_temperatures, format_ingredient
from ..domain.display import display_line
from ..domain.formatting import LineContext, recipe_reading
from ..domain.quantities import format_quantity
from ..domain.reading_order import shown_components
from ..domain.units import COUNT_DENOMINATORS
from .timers import link_timers

PHOTO_WIDTH = 240
#: Tags named in the line under the title; the rest are counted.
MAX_TAGS_SHOWN = 6
MAX_DETAIL_TITLE = 1_000  # characters of a title shown above the recipe


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
    photo: Path | str | None = None,
    formatted: Callable[[Ingredient], str] | None = None,
    context: LineContext | None = None,
) -> str:
    """The whole recipe; `side_by_side` puts each part's ingredients beside its steps,
    `timer_links` makes the durations in steps links that start a timer (not on paper), and
    `photo` is the recipe's photo: a file already confined to the library's media folder, or
    the name of an image resource the view provides (a thumbnail: see `thumbnails`).
    A view with `weigh` shows dry ingredients by weight in metric; one scaled to what the
    cook has says so under the title."""
    factor, system, weigh = view.factor, view.system, view.weigh
    context = context or recipe_reading(recipe)
    formatted = formatted or (
        lambda ingredient: format_ingredient(
            ingredient, factor, system, weigh=weigh, context=context
        )
    )
    scale_note = ""
    if view.scale_to is not None:
        from ..domain.scale_to import scale_note as note_for

        scale_note = note_for(recipe, view.scale_to)
    parts = []
    if photo is not None:
        source = _photo_source(photo)
        parts.append(f"<img src=\"{source}\" width='{PHOTO_WIDTH}' style='float:right'>")
    parts.append(
        f"<h1 style='color:{colours.accent};margin-bottom:4px'>"
        f"{escape(display_line(recipe.title, MAX_DETAIL_TITLE))}</h1>"
    )
    if scale_note:
        parts.append(f"<p style='color:{colours.accent}'><b>{_text(scale_note)}</b></p>")
    if recipe.summary:
        parts.append(f"<p style='color:{colours.muted}'><i>{_text(recipe.summary)}</i></p>")
    meta = meta_line(recipe, factor)
    if meta:
        parts.append(f"<p style='color:{colours.muted};margin-bottom:14px'>{escape(meta)}</p>")
    for component in shown_components(recipe):
        if component.title:
            servings = ""
            if component.servings:
                servings = f" · serves {_count(component.servings * factor)}"
            parts.append(
                f"<h2 style='color:{colours.accent};margin-top:18px'>{escape(component.title)}"
                f"<span style='font-size:small;font-weight:normal;color:{colours.muted}'>"
                f"{escape(servings)}</span></h2>"
            )
        ingredients = _ingredients_html(component, factor, system, weigh, formatted)
        steps = _steps_html(recipe, component, system, colours, timer_links, context.celsius)
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


def _photo_source(photo: Path | str) -> str:
    url = photo if isinstance(photo, str) else QUrl.fromLocalFile(str(photo)).toString()
    return escape(url, quote=True)


# Block by block, for a long recipe shown as it is laid out -------------------------------


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of the recipe: `html` (one block of markup we write, recipe text
    escaped) or a list `item` (plain text). `render` makes it only when it is shown, so a
    10,000-line recipe formats its lines a screenful at a time."""

    kind: str  # "html", "item" or "gap" (ends a list)
    render: Callable[[], str]
    #: Pixels above and below, and a hanging indent: markup merged into a document keeps
    #: its characters' formats but not its paragraph's, so the view sets these itself.
    above: int = 0
    below: int = 0
    hanging: int = 0


def recipe_blocks(
    recipe: Recipe,
    view: View,
    colours: Colours,
    timer_links: bool = False,
    photo: str | None = None,
    formatted: Callable[[Ingredient], str] | None = None,
    context: LineContext | None = None,
) -> list[Block]:
    """The recipe as `recipe_html` shows it (stacked, never side by side), one block per
    paragraph or ingredient line. The blocks are the same for every servings and unit
    system, so a view can replace each in place; `formatted` may cache the lines."""
    factor, system, weigh = view.factor, view.system, view.weigh
    context = context or recipe_reading(recipe)
    fmt = formatted or (
        lambda ingredient: format_ingredient(
            ingredient, factor, system, weigh=weigh, context=context
        )
    )
    blocks: list[Block] = []
    if photo is not None:
        source = _photo_source(photo)
        blocks.append(Block("html", lambda: f"<p><img src=\"{source}\" width='{PHOTO_WIDTH}'></p>"))
    title = escape(display_line(recipe.title, MAX_DETAIL_TITLE))
    blocks.append(
        Block(
            "html",
            lambda: f"<h1 style='color:{colours.accent};margin-bottom:4px'>{title}</h1>",
            below=4,
        )
    )
    if view.scale_to is not None:
        from ..domain.scale_to import scale_note

        note = _text(scale_note(recipe, view.scale_to))
        blocks.append(Block("html", lambda: f"<p style='color:{colours.accent}'><b>{note}</b></p>"))
    if recipe.summary:
        summary = _text(recipe.summary)
        blocks.append(
            Block("html", lambda: f"<p style='color:{colours.muted}'><i>{summary}</i></p>")
        )
    blocks.append(
        Block(
            "html",
            lambda: (
                f"<p style='color:{colours.muted};margin-bottom:14px'>"
                f"{escape(meta_line(recipe, factor))}</p>"
            ),
            below=14,
        )
    )
    for component in shown_components(recipe):
        if component.title:
            blocks.append(
                Block("html", partial(_part_heading, component, factor, colours), above=18)
            )
        if component.ingredients:
            blocks.append(Block("html", lambda: "<h3>Ingredients</h3>", above=12, below=4))
            for ingredient in component.ingredients:
                if ingredient.is_heading:
                    blocks.append(Block("gap", str))
                    blocks.append(
                        Block("html", lambda i=ingredient: f"<p><b>{escape(fmt(i))}</b></p>")
                    )
                else:
                    blocks.append(Block("item", partial(fmt, ingredient)))
            blocks.append(Block("gap", str))
        if component.steps:
            blocks.append(Block("html", lambda: "<h3>Method</h3>", above=12, below=4))
            for number, step in enumerate(component.steps, start=1):
                blocks.append(
                    Block(
                        "html",
                        partial(
                            _step_html,
                            recipe,
                            step,
                            number,
                            system,
                            colours,
                            timer_links,
                            context.celsius,
                        ),
                        below=10,
                        hanging=28,
                    )
                )
    if recipe.notes:
        blocks.append(
            Block(
                "html",
                lambda: f"<h2 style='color:{colours.accent};margin-top:18px'>Notes</h2>",
                above=18,
            )
        )
        blocks.extend(Block("html", partial(_note_html, note)) for note in recipe.notes)
    return blocks


def _part_heading(component: Component, factor: Fraction, colours: Colours) -> str:
    servings = ""
    if component.servings:
        servings = f" · serves {_count(component.servings * factor)}"
    return (
        f"<h2 style='color:{colours.accent};margin-top:18px'>{escape(component.title)}"
        f"<span style='font-size:small;font-weight:normal;color:{colours.muted}'>"
        f"{escape(servings)}</span></h2>"
    )


def _step_html(
    recipe: Recipe,
    step: str,
    number: int,
    system: str,
    colours: Colours,
    timer_links: bool,
    celsius: bool | None = None,
) -> str:
    text = convert_temperatures(step, system, celsius_recipe=celsius)
    shown = link_timers(text, f"{recipe.title}, step {number}") if timer_links else escape(text)
    return (
        "<p style='margin-left:28px;text-indent:-28px;margin-bottom:10px'>"
        f"<b style='color:{colours.accent}'>{number}.</b>&nbsp;&nbsp;{shown}</p>"
    )


def _note_html(note: str) -> str:
    return f"<p>{_text(note)}</p>"


def line_count(recipe: Recipe) -> int:
    """Ingredient lines and steps: what decides whether a recipe is shown block by block."""
    return sum(len(c.ingredients) + len(c.steps) for c in recipe.components) + len(recipe.notes)


def _ingredients_html(
    component: Component,
    factor: Fraction,
    system: str,
    weigh: bool = False,
    formatted: Callable[[Ingredient], str] | None = None,
) -> str:
    if not component.ingredients:
        return ""
    parts = ["<h3>Ingredients</h3><ul style='margin-top:0'>"]
    for ingredient in component.ingredients:
        shown = (
            formatted(ingredient)
            if formatted is not None
            else format_ingredient(ingredient, factor, system, weigh=weigh)
        )
        line = escape(shown)
        if ingredient.is_heading:
            parts.append(f"</ul><p><b>{line}</b></p><ul style='margin-top:0'>")
        else:
            parts.append(f"<li style='margin-bottom:6px'>{line}</li>")
    parts.append("</ul>")
    return "".join(parts)


def _steps_html(
    recipe: Recipe,
    component: Component,
    system: str,
    colours: Colours,
    timer_links: bool,
    celsius: bool | None = None,
) -> str:
    if not component.steps:
        return ""
    return "<h3>Method</h3>" + "".join(
        _step_html(recipe, step, number, system, colours, timer_links, celsius)
        for number, step in enumerate(component.steps, start=1)
    )


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
        # A site's keywords can run to thirty: the first few, so that the ingredients stay
        # near the top of the pane (all of them are in the editor and the browse panel).
        shown = recipe.tags[:MAX_TAGS_SHOWN]
        more = len(recipe.tags) - len(shown)
        items.append(", ".join(shown) + (f" and {more} more tags" if more else ""))
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
