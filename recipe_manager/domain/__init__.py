"""The kitchen knowledge, in pure Python: no Qt and no TinyDB are imported from here."""

from .ingredients import Ingredient, Measure, parse_ingredient
from .model import SCHEMA_VERSION, Component, Recipe, RecipeFormatError

__all__ = [
    "SCHEMA_VERSION",
    "Component",
    "Ingredient",
    "Measure",
    "Recipe",
    "RecipeFormatError",
    "parse_ingredient",
]
