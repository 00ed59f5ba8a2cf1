"""The kitchen knowledge, in pure Python: no Qt and no TinyDB are imported from here.

Names are loaded on first use (PEP 562), so that importing one piece, such as the recipe
model, does not pay for the ingredient reader and unit tables on the way to the first paint.
"""

from __future__ import annotations

from ..lazy_exports import lazy_exports

_EXPORTS = {
    "SCHEMA_VERSION": "model",
    "Component": "model",
    "Recipe": "model",
    "RecipeFormatError": "model",
    "Ingredient": "ingredients",
    "Measure": "ingredients",
    "parse_ingredient": "ingredients",
    "LimitError": "limits",
    "UnitSystem": "view",
    "View": "view",
    "scale_factor": "view",
    "check_recipe": "limits",
    "format_ingredient": "formatting",
    "convert_temperatures": "temperatures",
    "warm_up": "units",
    "StepTimer": "timers",
    "find_timers": "timers",
    "ShoppingItem": "shopping",
    "shopping_items": "shopping",
    "shopping_list": "shopping",
    "factor_for_amount": "scale_to",
    "scale_to_amount": "scale_to",
    "ScaleTo": "scale_to",
    "DRY_WEIGHTS": "weights",
    "dry_weight": "weights",
    "AISLES": "aisles",
    "aisle_for": "aisles",
    "MealPlanEntry": "meal_plan",
}
__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, globals(), _EXPORTS)
