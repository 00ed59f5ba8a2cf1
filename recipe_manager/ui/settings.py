"""What the app remembers between runs, declared once with its key, type and default.

As Picard declares its options in one `options.py`: no bare QSettings key with its default
repeated where it is read. QSettings hands back strings from INI files and whatever a damaged
file holds, so each read is checked against the declared type and falls back to the default
instead of raising.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T", int, str, QByteArray)


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    """One remembered value: where it lives, what it is, and what it is before it is set."""

    key: str
    default: T
    description: str

    def read(self, settings: QSettings) -> T:
        """The stored value, or the default when it is missing or not of the right type."""
        raw = settings.value(self.key)
        if isinstance(raw, type(self.default)):
            return raw
        if isinstance(self.default, int) and isinstance(raw, str):  # INI files keep text
            try:
                return type(self.default)(int(raw.strip()))
            except ValueError:
                return self.default
        return self.default

    def write(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, value)


FONT_SIZE = Setting("view/font_size", 13, "point size of the recipe text (zoom)")
UNIT_SYSTEM = Setting("view/unit_system", "original", "the unit system last chosen")
LAST_RECIPE = Setting("view/last_recipe", "", "id of the recipe shown when the app closed")
WINDOW_GEOMETRY = Setting("window/geometry", QByteArray(), "main window size and place")
WINDOW_SPLITTER = Setting("window/splitter", QByteArray(), "width of the list beside the recipe")
RUNNING_TIMERS = Setting(
    "kitchen/timers", "", "kitchen timers (JSON, wall-clock deadlines) to bring back at start"
)

WEIGH_DRY = Setting("view/weigh", 0, "1 to show dry ingredients by weight in metric")
BROWSE_SHOWN = Setting("view/browse", 1, "1 while the browse panel is shown")
LIST_SORT = Setting("view/sort", "title", "the recipe list's order: title, rating, favourites")

ALL_SETTINGS: tuple[Setting, ...] = (  # type: ignore[type-arg]
    WEIGH_DRY,
    BROWSE_SHOWN,
    LIST_SORT,
    FONT_SIZE,
    UNIT_SYSTEM,
    LAST_RECIPE,
    WINDOW_GEOMETRY,
    WINDOW_SPLITTER,
    RUNNING_TIMERS,
)
