"""Oven temperatures in step text, shown in the reader's system; other numbers left alone."""

from __future__ import annotations

import pytest

from recipe_manager.domain import convert_temperatures

# (step text, shown in metric, shown in us)
STEPS = [
    ("Preheat oven to 175C/350F.", "Preheat oven to 175C.", "Preheat oven to 350F."),
    (
        "When the time comes to cook your pork, preheat the oven to 180°C/350°F.",
        "When the time comes to cook your pork, preheat the oven to 180°C.",
        "When the time comes to cook your pork, preheat the oven to 350°F.",
    ),
    (
        "Increase the oven temperature to 220°C/425°F and continue roasting for 15 minutes",
        "Increase the oven temperature to 220°C and continue roasting for 15 minutes",
        "Increase the oven temperature to 425°F and continue roasting for 15 minutes",
    ),
    (
        "Cook for 2 hours in an oven at 350F/175C.",
        "Cook for 2 hours in an oven at 175C.",
        "Cook for 2 hours in an oven at 350F.",
    ),
    (
        "turn the top broiler to high (250C/500F) and cook (about 5-10 minutes.",
        "turn the top broiler to high (250C) and cook (about 5-10 minutes.",
        "turn the top broiler to high (500F) and cook (about 5-10 minutes.",
    ),
    ("Bake at 180°C (350°F).", "Bake at 180°C.", "Bake at 350°F."),
    ("Bake at 180°C until golden.", "Bake at 180°C until golden.", "Bake at 350°F until golden."),
    ("Bake at 180 °C.", "Bake at 180 °C.", "Bake at 350 °F."),
    ("Roast at 400 degrees F.", "Roast at 200 degrees C.", "Roast at 400 degrees F."),
    ("Roast at 425F for 20 minutes.", "Roast at 220C for 20 minutes.",
     "Roast at 425F for 20 minutes."),
    ("Heat to 170°C.", "Heat to 170°C.", "Heat to 325°F."),
    ("Bake at 200C/180C fan/gas 6.", "Bake at 200C.", "Bake at 400F."),
    ("Bake at gas mark 4.", "Bake at 180°C.", "Bake at 350°F."),
    ("Serve cut into 1cm thick slices.", "Serve cut into 1cm thick slices.",
     "Serve cut into 1cm thick slices."),
    ("Roast for 1½- 2 hours, rest 15 minutes.", "Roast for 1½- 2 hours, rest 15 minutes.",
     "Roast for 1½- 2 hours, rest 15 minutes."),
    ("Cut into 3 large pieces and add 2 cups water.",
     "Cut into 3 large pieces and add 2 cups water.",
     "Cut into 3 large pieces and add 2 cups water."),
    ("Bake at 180-200°C for 20 minutes.", "Bake at 180-200°C for 20 minutes.",
     "Bake at 350-400°F for 20 minutes."),
    ("Bake at 350–400°F.", "Bake at 180–200°C.", "Bake at 350–400°F."),
    ("Bake at 375-400°F.", "Bake at 190-200°C.", "Bake at 375-400°F."),
    ("Roast at 180°C-200°C.", "Roast at 180°C-200°C.", "Roast at 350°F-400°F."),
    ("Bake at 180 to 200 degrees C.", "Bake at 180 to 200 degrees C.",
     "Bake at 350 to 400 degrees F."),
    ("Bake at 180-200°C/350-400°F.", "Bake at 180-200°C.", "Bake at 350-400°F."),
    ("Bake at 180°C - 350°F.", "Bake at 180°C.", "Bake at 350°F."),
    ("Freeze at -18°C or below.", "Freeze at -18°C or below.", "Freeze at 0°F or below."),
    ("Store at −18 °C.", "Store at −18 °C.", "Store at 0 °F."),
    ("Chill to 4°C.", "Chill to 4°C.", "Chill to 39°F."),
    ("Prove at 75-80°F.", "Prove at 24-27°C.", "Prove at 75-80°F."),
    ("Boil the syrup to 115°C.", "Boil the syrup to 115°C.", "Boil the syrup to 239°F."),
    ("Preheat oven to 350 F.", "Preheat oven to 180 C.", "Preheat oven to 350 F."),
    ("Bake at 110 C for 2 hours.", "Bake at 110 C for 2 hours.", "Bake at 230 F for 2 hours."),
    ("Preheat to 420 F. Line a baking tray.", "Preheat to 215 C. Line a baking tray.",
     "Preheat to 420 F. Line a baking tray."),
    ("Add 12 C flour and 1/4 C sugar.", "Add 12 C flour and 1/4 C sugar.",
     "Add 12 C flour and 1/4 C sugar."),
    ("Whisk in 2C milk.", "Whisk in 2C milk.", "Whisk in 2C milk."),
]  # fmt: skip


@pytest.mark.parametrize(("text", "metric", "us"), STEPS)
def test_shows_the_matching_side_or_converts(text: str, metric: str, us: str) -> None:
    assert convert_temperatures(text, "metric") == metric
    assert convert_temperatures(text, "us") == us


@pytest.mark.parametrize(("text", "_metric", "_us"), STEPS)
def test_original_is_the_text_unchanged(text: str, _metric: str, _us: str) -> None:
    assert convert_temperatures(text, "original") == text


@pytest.mark.parametrize(
    ("celsius", "fahrenheit"),
    [(140, 275), (150, 300), (160, 325), (180, 350), (190, 375), (200, 400), (220, 425),
     (230, 450), (240, 475), (250, 500)],
)  # fmt: skip
def test_uses_the_usual_oven_pairs(celsius: int, fahrenheit: int) -> None:
    assert convert_temperatures(f"{celsius}°C", "us") == f"{fahrenheit}°F"
    assert convert_temperatures(f"{fahrenheit}°F", "metric") == f"{celsius}°C"


def test_unknown_system_is_refused() -> None:
    with pytest.raises(ValueError, match="unit system"):
        convert_temperatures("180°C", "kelvin")


# Issue 15: temperatures written without C or F, decimals in a pair, a range of two pairs.
UNMARKED = [
    (
        "Bake at 350° for 20 minutes",
        None,
        "Bake at 180°C for 20 minutes",
        "Bake at 350°F for 20 minutes",
    ),
    ("Heat the oven to 425 degrees.", None, "Heat the oven to 220°C.", "Heat the oven to 425°F."),
    ("Preheat to 180°.", True, "Preheat to 180°C.", "Preheat to 350°F."),
    ("Bake at 220° until golden", True, "Bake at 220°C until golden", "Bake at 425°F until golden"),
    ("Bake at 225° for 6 hours", False, "Bake at 107°C for 6 hours", "Bake at 225°F for 6 hours"),
    ("Cook to 155°F (68.3°C).", None, "Cook to 68.3°C.", "Cook to 155°F."),
    ("Ferment at 77F/25C – 84F/29C.", None, "Ferment at 25–29C.", "Ferment at 77–84F."),
    ("Chill to 5° overnight", None, "Chill to 5° overnight", "Chill to 5° overnight"),
]


@pytest.mark.parametrize(("text", "celsius_recipe", "metric", "us"), UNMARKED)
def test_temperatures_without_a_scale_are_read_as_an_oven_would_be(
    text: str, celsius_recipe: bool | None, metric: str, us: str
) -> None:
    assert convert_temperatures(text, "metric", celsius_recipe=celsius_recipe) == metric
    assert convert_temperatures(text, "us", celsius_recipe=celsius_recipe) == us
    assert convert_temperatures(text, "original", celsius_recipe=celsius_recipe) == text
