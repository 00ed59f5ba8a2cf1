"""Search keys: what a cook types finds what they mean; titles sort as people count."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recipe_manager.domain.search import fold, matches, natural_sort_key, query_words


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Crème Brûlée", "creme brulee"),
        ("JALAPEÑO", "jalapeno"),
        ("Smörgåsbord", "smorgasbord"),
        ("Straße", "strasse"),
        ("Пельмени", "пельмени"),
        ("180°C", "180°c"),
    ],
)
def test_fold_drops_case_and_accents_but_keeps_letters(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_every_word_must_match_in_any_order() -> None:
    text = fold("Sweet Soy and Garlic Crispy Pork Belly\nChinese\n1 inch/2 cm ginger")
    assert matches(query_words("pork GINGER"), text)
    assert matches(query_words("  chinése  "), text)
    assert not matches(query_words("pork miso"), text)
    assert matches(query_words(""), text)


def test_titles_sort_naturally_ignoring_case_and_accents() -> None:
    titles = ["Soup 10", "soup 2", "Éclair", "apple pie", "Soup 1", "Zucchini", "eggs"]
    assert sorted(titles, key=natural_sort_key) == [
        "apple pie",
        "Éclair",
        "eggs",
        "Soup 1",
        "soup 2",
        "Soup 10",
        "Zucchini",
    ]


@given(st.integers(0, 10**15), st.integers(0, 10**15))
def test_numbers_in_titles_compare_by_value(a: int, b: int) -> None:
    assert (natural_sort_key(f"Soup {a}") < natural_sort_key(f"Soup {b}")) == (a < b)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80))
def test_a_short_text_folds_as_a_long_one_does(text: str) -> None:
    """Titles are folded by a loop, long texts by a regex: both remove the same marks."""
    long_text = text + " " * 400  # past the length that takes the regex
    assert fold(text) + " " * 400 == fold(long_text)
