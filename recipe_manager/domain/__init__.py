"""The kitchen knowledge, in pure Python: no Qt and no TinyDB are imported from here."""

from .formatting import format_ingredient, scale_ingredient
from .ingredients import Ingredient, Measure, parse_ingredient
from .model import SCHEMA_VERSION, Component, Recipe, RecipeFormatError
from .temperatures import convert_temperatures
from .units import warm_up

__all__ = [
    "SCHEMA_VERSION",
    "Component",
    "Ingredient",
    "Measure",
    "Recipe",
    "RecipeFormatError",
    "convert_temperatures",
    "format_ingredient",
    "parse_ingredient",
    "scale_ingredient",
    "warm_up",
]
