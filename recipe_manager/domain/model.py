"""The recipe model: plain dataclasses that serialise to and from plain dicts."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .ingredients import Ingredient

SCHEMA_VERSION = 1
MAX_RATING = 5


class RecipeFormatError(ValueError):
    """A dict that can't be read as a recipe; the message says which field is wrong."""


@dataclass(slots=True)
class Component:
    """A part of a recipe with its own ingredients and steps ("" titles the main one)."""

    title: str = ""
    servings: int | None = None
    ingredients: list[Ingredient] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        # Only the lines as written are stored: what is read from them is derived, so a
        # better parser improves every stored recipe and never rewrites one.
        return {
            "title": self.title,
            "servings": self.servings,
            "ingredients": [ingredient.text for ingredient in self.ingredients],
            "steps": list(self.steps),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Component:
        # The reader's tables load with the first recipe read, not with the library file.
        from .ingredients import parse_ingredient

        return cls(
            title=_text(data, "title"),
            servings=_optional_int(data, "servings"),
            ingredients=[parse_ingredient(line) for line in _text_list(data, "ingredients")],
            steps=_text_list(data, "steps"),
        )


@dataclass(slots=True)
class Recipe:
    """A whole recipe. `servings` is None when the author states none."""

    title: str = ""
    id: str = ""
    summary: str = ""
    servings: int | None = None
    yield_text: str = ""
    components: list[Component] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    category: str = ""
    cuisine: str = ""
    method: str = ""
    source: str = ""
    prep_minutes: int | None = None
    cook_minutes: int | None = None
    total_minutes: int | None = None
    image: str = ""
    created: str = ""
    updated: str = ""
    # The cook's own marks: they ride inside the recipe's document, so they sync with it.
    favourite: bool = False
    rating: int | None = None  # 1–5 stars, None for not rated

    def copy(self, **changes: Any) -> Recipe:
        """A deep copy, so that editing it never touches the original's lists."""
        return replace(Recipe.from_dict(self.to_dict()), **changes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "title": self.title,
            "summary": self.summary,
            "servings": self.servings,
            "yield_text": self.yield_text,
            "components": [component.to_dict() for component in self.components],
            "notes": list(self.notes),
            "tags": list(self.tags),
            "category": self.category,
            "cuisine": self.cuisine,
            "method": self.method,
            "source": self.source,
            "prep_minutes": self.prep_minutes,
            "cook_minutes": self.cook_minutes,
            "total_minutes": self.total_minutes,
            "image": self.image,
            "created": self.created,
            "updated": self.updated,
            "favourite": self.favourite,
            "rating": self.rating,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Recipe:
        """Build a recipe from its dict; raises RecipeFormatError naming a wrong field."""
        if not isinstance(data, dict):
            raise RecipeFormatError(f"a recipe must be an object, not {type(data).__name__}")
        schema = data.get("schema", SCHEMA_VERSION)
        if not isinstance(schema, int) or schema > SCHEMA_VERSION:
            raise RecipeFormatError(
                f"recipe schema {schema!r} is newer than this app understands ({SCHEMA_VERSION})"
            )
        components = data.get("components", [])
        if not isinstance(components, list):
            raise RecipeFormatError("'components' must be a list")
        return cls(
            id=_text(data, "id"),
            title=_text(data, "title"),
            summary=_text(data, "summary"),
            servings=_optional_int(data, "servings"),
            yield_text=_text(data, "yield_text"),
            components=[Component.from_dict(_mapping(item)) for item in components],
            notes=_text_list(data, "notes"),
            tags=_text_list(data, "tags"),
            category=_text(data, "category"),
            cuisine=_text(data, "cuisine"),
            method=_text(data, "method"),
            source=_text(data, "source"),
            prep_minutes=_optional_int(data, "prep_minutes"),
            cook_minutes=_optional_int(data, "cook_minutes"),
            total_minutes=_optional_int(data, "total_minutes"),
            image=_text(data, "image"),
            created=_text(data, "created"),
            updated=_text(data, "updated"),
            favourite=_flag(data, "favourite"),
            rating=_rating(data, "rating"),
        )


def _mapping(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise RecipeFormatError(f"a component must be an object, not {type(value).__name__}")
    return value


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key) or ""
    if not isinstance(value, str):
        raise RecipeFormatError(f"{key!r} must be text, not {type(value).__name__}")
    return value


def _flag(data: dict[str, Any], key: str) -> bool:
    value = data.get(key, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise RecipeFormatError(f"{key!r} must be true or false, not {value!r}")
    return value


def _rating(data: dict[str, Any], key: str) -> int | None:
    """1 to 5 stars, or None; 0 reads as "not rated" (what other apps write)."""
    value = _optional_int(data, key)
    if value is None or value == 0:
        return None
    if value > MAX_RATING:
        raise RecipeFormatError(f"{key!r} must be 1 to {MAX_RATING} stars, not {value!r}")
    return value


def _optional_int(data: dict[str, Any], key: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RecipeFormatError(f"{key!r} must be a whole number, not {value!r}")
    return value


def _text_list(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise RecipeFormatError(f"{key!r} must be a list of text lines")
    return list(value)
