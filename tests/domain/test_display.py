"""Titles on one line: no bidi controls to disguise them, no breaks, never endless."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recipe_manager.domain.display import (
    ELLIPSIS,
    MAX_DISPLAY_TITLE,
    display_line,
    strip_bidi_controls,
)

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Crispy Pork Belly", "Crispy Pork Belly"),
        ("\u202egpj.exe", "gpj.exe"),  # an override would show it as "exe.jpg"
        ("Soup\u2066 of\u2069 the day", "Soup of the day"),
        ("Two\nlines", "Two lines"),
        ("Tabs\tand\r\nreturns", "Tabs and returns"),
        ("Line\u2028separator", "Line separator"),
        ("  padded  ", "padded"),
        ("<b>bold</b> & <img src='x'>", "<b>bold</b> & <img src='x'>"),  # shown, not read
        ("שקשוקה", "שקשוקה"),  # right-to-left text itself is kept
        ("", ""),
    ],
)
def test_titles_as_shown_on_one_line(title: str, shown: str) -> None:
    assert display_line(title) == shown


def test_a_long_title_is_elided() -> None:
    shown = display_line("word " * 300_000)
    assert len(shown) <= MAX_DISPLAY_TITLE and shown.endswith(ELLIPSIS)
    assert display_line("x" * 1_000, 10) == "x" * 9 + ELLIPSIS


def test_a_megabyte_title_costs_no_more_than_a_short_one() -> None:
    title = "\u202e" + "x" * 1_000_000
    start = time.perf_counter()
    for _ in range(100):
        display_line(title)
    assert (time.perf_counter() - start) / 100 < 0.005


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from(BIDI)))
def test_display_never_holds_a_control_or_break_and_never_grows(title: str) -> None:
    shown = display_line(title)
    assert not set(shown) & set(BIDI)
    assert "\n" not in shown and "\r" not in shown
    assert len(shown) <= MAX_DISPLAY_TITLE
    assert len(shown) <= len(strip_bidi_controls(title)) + 1
