"""Durations found in step text as written, and the numbers that are not times."""

from __future__ import annotations

import pytest

from recipe_manager.domain.timers import (
    StepTimer,
    describe_timer,
    find_timers,
    format_duration,
    timer_name,
)
from recipe_manager.paths import seed_library_path
from recipe_manager.storage import read_seed_recipes

# (text, label as written, seconds, seconds_max)
DURATIONS = [
    ("15 minutes", "15 minutes", 900, None),
    ("Roast for 1½- 2 hours until tender", "1½- 2 hours", 5400, 7200),
    ("crackly (about 5-10 minutes. Make sure", "5-10 minutes", 300, 600),
    ("Simmer for 1 hour 30 minutes", "1 hour 30 minutes", 5400, None),
    ("Bake 45 mins", "45 mins", 2700, None),
    ("in the fridge for 2-3 hours to dry", "2-3 hours", 7200, 10800),
    ("cook 20 to 25 minutes", "20 to 25 minutes", 1200, 1500),
    ("Stir for 10–12 minutes", "10–12 minutes", 600, 720),
    ("boil 5 or 6 minutes", "5 or 6 minutes", 300, 360),
    ("Cook 10 min.", "10 min", 600, None),
    ("Rest 30 seconds", "30 seconds", 30, None),
    ("Braise 2 hrs 15 mins", "2 hrs 15 mins", 8100, None),
    ("1 hr, 15 mins", "1 hr, 15 mins", 4500, None),
    ("Roast 1h30 then rest", "1h30", 5400, None),
    ("Bake for 1-1/2 hours", "1-1/2 hours", 5400, None),
    ("Bake for 1.5 hours", "1.5 hours", 5400, None),
    ("45 minutes to 1 hour", "45 minutes to 1 hour", 2700, 3600),
    ("After two hours, turn", "two hours", 7200, None),
    ("leave for half an hour", "half an hour", 1800, None),
    ("an hour and a half", "an hour and a half", 5400, None),
    ("one and a half hours", "one and a half hours", 5400, None),
    ("stir for a few minutes", "a few minutes", 120, 300),
    ("toast a minute or two", "a minute or two", 60, 120),
    ("a 5-minute rest", "5-minute", 300, None),
]


@pytest.mark.parametrize(("text", "label", "seconds", "seconds_max"), DURATIONS)
def test_finds_durations_as_written(
    text: str, label: str, seconds: int, seconds_max: int | None
) -> None:
    [timer] = find_timers(text)
    assert (timer.label, timer.seconds, timer.seconds_max) == (label, seconds, seconds_max)
    assert text[timer.start : timer.end] == label
    assert not timer.reminder


@pytest.mark.parametrize(
    ("text", "timers"),
    [
        # How long food keeps is no timer: a cook clicking it got a 2-day countdown.
        ("Best eaten within a few days.", []),
        ("Keeps for a few days in the fridge.", []),
        ("Refrigerate for up to 3 days.", []),
        ("Chill for 2 hours; it keeps for 4 days.", [("2 hours", 7200, False)]),
        # A step that takes days is a reminder that never rings, like "overnight".
        ("Marinate for 2 days.", [("2 days", None, True)]),
        ("cure for 3 days", [("3 days", None, True)]),
        ("Leave to rest 1-2 days before slicing.", [("1-2 days", None, True)]),
    ],
)
def test_days_are_never_a_countdown(text: str, timers: list[tuple]) -> None:
    assert [(t.label, t.seconds, t.reminder) for t in find_timers(text)] == timers


def test_overnight_is_a_reminder_not_a_countdown() -> None:
    text = "wrap it up and place in the refrigerator overnight."
    [timer] = find_timers(text)
    assert timer == StepTimer(None, None, "overnight", 41, 50, reminder=True)


@pytest.mark.parametrize(
    "text",
    [
        "Serve cut into 1cm thick slices.",
        "preheat the oven to 180°C/350°F.",
        "Preheat oven to 175C/350F.",
        "2kg pork belly (for us this was 3 large pieces)",
        "1 inch/2 cm ginger",
        "add 2 hot chillies and 1 handful of mint",
        "a large piece of pork belly",
        "Heat 2 tbsp oil in a 28 cm pan",
        "",
    ],
)
def test_numbers_that_are_not_times_are_left_alone(text: str) -> None:
    assert find_timers(text) == []


def test_several_in_one_step_in_order() -> None:
    text = (
        "Roast the pork, skin-side up in the oven for 1½- 2 hours until the meat is cooked. "
        "Increase the oven temperature to 220°C/425°F and continue roasting for 15 minutes"
    )
    timers = find_timers(text)
    assert [timer.label for timer in timers] == ["1½- 2 hours", "15 minutes"]
    assert [timer_name(text, timer) for timer in timers] == ["Roast the pork", "Continue roasting"]


def test_every_seed_step_timer_is_named() -> None:
    named = []
    for recipe in read_seed_recipes(seed_library_path()):
        for component in recipe.components:
            for step in component.steps:
                named += [
                    (timer_name(step, timer), describe_timer(timer)) for timer in find_timers(step)
                ]
    assert named == [
        ("Place the pork", "2–3 h"),
        ("Remove the pork", "2 h"),
        ("Leave it", "overnight"),
        ("Roast the pork", "1½–2 h"),
        ("Continue roasting", "15 min"),
        ("Allow to rest", "15 min"),
        ("Place in the refrigerator", "overnight"),
        ("Cook", "2 h"),
        ("Turn the top broiler", "2 h"),
        ("Cook", "5–10 min"),
        ("Let it rest", "5–10 min"),
    ]


def test_a_timer_with_no_verb_near_it_has_no_name() -> None:
    [timer] = find_timers("15 minutes")
    assert timer_name("15 minutes", timer) == ""


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (45, "45 s"),
        (90, "1 min 30 s"),
        (900, "15 min"),
        (3600, "1 h"),
        (4800, "1 h 20 min"),
        (5400, "1½ h"),
        (86400, "1 d"),
    ],
)
def test_durations_read_as_cooks_say_them(seconds: int, shown: str) -> None:
    assert format_duration(seconds) == shown


def test_never_raises_on_odd_text() -> None:
    for text in ["½", "1-", "- 2 hours", "hours", "1 1/0 hours", "⅞⅞ min", "9" * 400 + " min"]:
        find_timers(text)
