"""The meal plan, and the cook's shop choices, as the small entries the library keeps.

The library stores plan entries as plain dicts with an `id` (`RecipeLibrary.plan_entries`,
`put_plan_entry`, `remove_plan_entry`), synced between computers like recipes. Three kinds
live there, told apart by `kind`:

- "meal": a recipe on a day at a number of servings (batches where it states none). The
  title is kept too, so a plan still reads after its recipe is deleted.
- "aisle": the cook moved a shopping-list line to another aisle; remembered by item key.
- "pantry": the cook keeps this in the pantry, so the shopping list leaves it out.

Entries this version does not understand (a newer app's kind, a damaged field) are skipped
when read and never rewritten, so nothing another computer wrote is lost.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

from .aisles import AISLES
from .model import Recipe

MEAL, AISLE, PANTRY = "meal", "aisle", "pantry"
MAX_SERVINGS = 999


@dataclass(frozen=True, slots=True)
class MealPlanEntry:
    """A recipe planned on a day, for `servings` (batches when the recipe states none)."""

    day: date
    recipe_id: str
    title: str
    servings: int = 1
    id: str = ""

    def to_entry(self) -> dict[str, Any]:
        return {
            "id": self.id or new_entry_id(),
            "kind": MEAL,
            "day": self.day.isoformat(),
            "recipe_id": self.recipe_id,
            "title": self.title,
            "servings": self.servings,
        }

    @classmethod
    def from_entry(cls, entry: Mapping[str, Any]) -> MealPlanEntry | None:
        """The meal an entry holds, or None for another kind or one that can't be read."""
        if entry.get("kind") != MEAL:
            return None
        try:
            day = date.fromisoformat(entry["day"])
        except (KeyError, TypeError, ValueError):
            return None
        servings = entry.get("servings")
        entry_id, recipe_id, title = entry.get("id"), entry.get("recipe_id"), entry.get("title")
        if (
            not isinstance(servings, int)
            or isinstance(servings, bool)
            or not 1 <= servings <= MAX_SERVINGS
            or not isinstance(entry_id, str)
            or not entry_id
            or not isinstance(recipe_id, str)
            or not isinstance(title, str)
        ):
            return None
        return cls(day, recipe_id, title, servings, entry_id)

    def factor(self, recipe: Recipe) -> Fraction:
        """How much to scale the recipe by for this meal."""
        return (
            Fraction(self.servings, recipe.servings) if recipe.servings else Fraction(self.servings)
        )


def new_entry_id() -> str:
    return uuid.uuid4().hex


def meals(entries: Iterable[Mapping[str, Any]]) -> list[MealPlanEntry]:
    """The meals among the library's entries, by day (then title)."""
    found = [MealPlanEntry.from_entry(entry) for entry in entries if isinstance(entry, Mapping)]
    return sorted(
        (meal for meal in found if meal is not None), key=lambda m: (m.day, m.title.casefold())
    )


def week_start(day: date) -> date:
    """The Monday of `day`'s week (ISO weeks)."""
    return day - timedelta(days=day.weekday())


def week_days(start: date) -> list[date]:
    return [start + timedelta(days=offset) for offset in range(7)]


def meals_between(plan: Iterable[MealPlanEntry], first: date, last: date) -> list[MealPlanEntry]:
    """The meals from `first` to `last`, both included (in either order)."""
    if last < first:
        first, last = last, first
    return [meal for meal in plan if first <= meal.day <= last]


def servings_by_recipe(plan: Iterable[MealPlanEntry]) -> dict[str, int]:
    """Servings of each recipe over the meals given: the same recipe twice is bought once."""
    totals: dict[str, int] = {}
    for meal in plan:
        totals[meal.recipe_id] = min(MAX_SERVINGS, totals.get(meal.recipe_id, 0) + meal.servings)
    return totals


# The cook's shop choices -----------------------------------------------------------------------


def aisle_entry(key: str, aisle: str) -> dict[str, Any]:
    """Remember that `key` ("garlic") is found in `aisle` in the cook's shop."""
    if aisle not in AISLES:
        raise ValueError(f"unknown aisle {aisle!r}; expected one of {AISLES}")
    return {"id": f"{AISLE}:{key}", "kind": AISLE, "key": key, "aisle": aisle}


def pantry_entry(key: str) -> dict[str, Any]:
    """Remember that the cook keeps `key` in the pantry."""
    return {"id": f"{PANTRY}:{key}", "kind": PANTRY, "key": key}


def pantry_entry_id(key: str) -> str:
    return f"{PANTRY}:{key}"


def aisle_choices(entries: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """The cook's aisle for each item key they moved."""
    return {
        entry["key"]: entry["aisle"]
        for entry in entries
        if isinstance(entry, Mapping)
        and entry.get("kind") == AISLE
        and isinstance(entry.get("key"), str)
        and entry.get("aisle") in AISLES
    }


def pantry_keys(entries: Iterable[Mapping[str, Any]]) -> set[str]:
    """The item keys the cook marked as kept in the pantry."""
    return {
        entry["key"]
        for entry in entries
        if isinstance(entry, Mapping)
        and entry.get("kind") == PANTRY
        and isinstance(entry.get("key"), str)
    }
