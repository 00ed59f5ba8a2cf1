"""A line in another language keeps the author's words; English words go only into English
lines; the counted noun is the one a phrase follows; small grams are whole grams."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recipe_manager.domain import format_ingredient, parse_ingredient
from recipe_manager.domain.formatting import recipe_context
from recipe_manager.domain.nouns import is_english_line
from recipe_manager.domain.nouns_en import COUNTED_NOUNS

THIRD = Fraction(1, 3)

# (line, factor, system, shown): lines made up in the shapes recipes in these languages use.
LINES = [
    # No English plural on a Danish, Norwegian or Swedish line, even for a loanword.
    ("1 rød chili, finthakket", 2, "original", "2 rød chili, finthakket"),
    ("1 stk. grøn chili", 3, "metric", "3 stk. grøn chili"),
    ("2 röda chili", THIRD, "original", "1 röda chili"),
    # Their unit words stay as written (Danish "deciliter" has no English "s").
    ("1 deciliter fløde", 3, "original", "3 deciliter fløde"),
    ("1 Tasse Milch und etwas Zucker", 2, "original", "2 Tasse Milch und etwas Zucker"),
    # No "a pinch of" and no "a generous" in another language: the smallest spoon, the step.
    ("¼ ts kanel", THIRD, "original", "⅛ ts kanel"),
    ("¼ tsk kardemumma", THIRD, "metric", "⅛ tsk kardemumma"),
    ("1 c.à.c. de sel", Fraction(1, 10), "original", "⅛ c.à.c. de sel"),
    ("¼ TL Zimt", THIRD, "original", "⅛ TL Zimt"),
    # English lines still get them.
    ("¼ tsp cinnamon", THIRD, "original", "a pinch of cinnamon"),
    ("1 red chilli, finely chopped", 2, "original", "2 red chillies, finely chopped"),
    # The counted noun is the one a phrase follows, not the phrase's last word.
    ("1 onion cut into wedges", 2, "original", "2 onions cut into wedges"),
    ("1 lemon halved", 3, "original", "3 lemons halved"),
    ("3 tomatoes roughly chopped", THIRD, "original", "1 tomato roughly chopped"),
    ("1 shallot, peeled", 2, "original", "2 shallots, peeled"),
    # A counted word naming a further noun is a modifier: the last noun counts.
    ("1 orange bell pepper, diced", 2, "original", "2 orange bell peppers, diced"),
    ("2 lemon wedges", Fraction(1, 2), "original", "1 lemon wedge"),
    # A count of cloves or cans after "or" scales with the first and agrees.
    (
        "1 tbsp garlic paste, or 3 cloves crushed",
        THIRD,
        "original",
        "1 tsp garlic paste, or 1 clove crushed",
    ),
    ("2 eggs or 1 can chickpeas", 2, "original", "4 eggs or 2 cans chickpeas"),
    ("6 whole cloves", THIRD, "original", "2 whole cloves"),
    # Grams and millilitres from 1 to 10 are whole (a kitchen scale's 1 g).
    ("8 g instant yeast", THIRD, "original", "3 g instant yeast"),
    ("7 g dried yeast", Fraction(1, 2), "metric", "4 g dried yeast"),
    ("5 grams salt", Fraction(1, 2), "original", "3 grams salt"),
    ("15 ml fish sauce", Fraction(1, 2), "metric", "8 ml fish sauce"),
    ("2.5 g saffron", 1, "metric", "2.5 g saffron"),  # the author's own number stays
]


@pytest.mark.parametrize(("line", "factor", "system", "expected"), LINES)
def test_line_shows_as_a_cook_of_its_language_writes(
    line: str, factor: int | Fraction, system: str, expected: str
) -> None:
    assert format_ingredient(parse_ingredient(line), Fraction(factor), system) == expected


@pytest.mark.parametrize(
    ("line", "english"),
    [
        ("2 red onions, finely chopped", True),
        ("1 tsp herbes de Provence", True),
        ("1 can chili con carne", True),
        ("⅓ cup whole milk", True),
        ("To pour over the cake", True),
        ("2 rød løg", False),
        ("1 EL Olivenöl", False),
        ("2 cucharadas de aceite", False),
        ("1 gousse d'ail", False),
        ("2 tl suiker en een snufje zout", False),
        ("3 ss smør", False),
        ("1 de la y", False),
        ("砂糖 30 克", False),
    ],
)
def test_a_line_language_is_guessed_from_its_words(line: str, english: bool) -> None:
    assert is_english_line(line) is english


def test_page_language_decides_over_the_line_words() -> None:
    """A Danish page's "1 chili" gets no English plural though its words look English."""
    line = parse_ingredient("1 chili")
    danish = recipe_context([], language="da-DK")
    assert format_ingredient(line, Fraction(2), context=danish) == "2 chili"
    english = recipe_context([], language="en-GB")
    assert format_ingredient(line, Fraction(2), context=english) == "2 chilies"


_SCANDINAVIAN = ["rød", "grøn", "röd", "hakket"]


@given(
    noun=st.sampled_from(sorted(COUNTED_NOUNS)),
    adjective=st.sampled_from(_SCANDINAVIAN),
    count=st.integers(1, 12),
    factor=st.sampled_from([Fraction(1, 3), Fraction(1, 2), Fraction(2), Fraction(3)]),
    system=st.sampled_from(["original", "metric", "us"]),
)
def test_foreign_line_keeps_every_word_of_the_author(
    noun: str, adjective: str, count: int, factor: Fraction, system: str
) -> None:
    """Whatever the count and factor, a non-English count line changes only its number."""
    line = f"{count} {adjective} {noun}"
    shown = format_ingredient(parse_ingredient(line), factor, system)
    assert shown.split(" ", 1)[1] == f"{adjective} {noun}"


@given(
    grams=st.integers(1, 200).map(lambda tenths: Fraction(tenths, 10)),
    factor=st.sampled_from([Fraction(1, 3), Fraction(1, 2), Fraction(2, 3), Fraction(3, 2)]),
    system=st.sampled_from(["original", "metric"]),
)
def test_grams_from_one_to_ten_are_whole(grams: Fraction, factor: Fraction, system: str) -> None:
    """Scaled grams between 1 and 10 show as whole grams, within half a gram of the exact."""
    exact = grams * factor
    shown = format_ingredient(parse_ingredient(f"{float(grams):g} g sugar"), factor, system)
    number = shown.split(" ", 1)[0]
    if 1 <= exact < Fraction(19, 2):
        assert re.fullmatch(r"\d+", number), shown
        assert abs(int(number) - exact) <= Fraction(1, 2)
