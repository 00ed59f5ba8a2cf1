"""The limits every recipe passes before it is stored: clear messages, nothing unsaveable."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recipe_manager.domain import Component, LimitError, Recipe, check_recipe, parse_ingredient
from recipe_manager.domain.limits import MAX_FIELD_CHARS, MAX_LINES_PER_RECIPE


def _recipe(**changes: object) -> Recipe:
    recipe = Recipe(
        title="Pork belly",
        servings=4,
        components=[Component(ingredients=[parse_ingredient("1 kg pork belly")], steps=["Roast."])],
    )
    for key, value in changes.items():
        setattr(recipe, key, value)
    return recipe


def test_an_ordinary_recipe_passes() -> None:
    check_recipe(_recipe())


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"title": "x" * (MAX_FIELD_CHARS + 1)}, "characters"),
        ({"servings": 3_000_000_000}, "number"),
        ({"title": "bad \ud800 surrogate"}, "cannot be stored"),
        ({"notes": ["a"] * 10, "prep_minutes": 10**5000}, "bits"),
    ],
)
def test_what_could_not_be_shown_or_saved_is_refused_with_a_reason(
    changes: dict[str, object], words: str
) -> None:
    with pytest.raises(LimitError, match=words):
        check_recipe(_recipe(**changes))


def test_too_many_lines_is_refused() -> None:
    lines = [parse_ingredient("salt")] * (MAX_LINES_PER_RECIPE + 1)
    with pytest.raises(LimitError, match="lines"):
        check_recipe(_recipe(components=[Component(ingredients=lines)]))


def _reference_walk(value: object, depth: int = 0) -> int:
    """The limits walk as first written: one call per value, values before keys."""
    from recipe_manager.domain.limits import MAX_JSON_DEPTH, MAX_WHOLE_NUMBER

    if depth > MAX_JSON_DEPTH:
        raise LimitError("deep")
    if isinstance(value, str):
        if len(value) > MAX_FIELD_CHARS:
            raise LimitError("field")
        return len(value)
    if isinstance(value, bool) or value is None:
        return 0
    if isinstance(value, int | float):
        if value != value or abs(value) > MAX_WHOLE_NUMBER or abs(value) == float("inf"):
            raise LimitError("number")
        return 0
    if isinstance(value, list):
        return sum(_reference_walk(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return sum(_reference_walk(v, depth + 1) for v in value.values()) + sum(
            _reference_walk(k, depth + 1) for k in value
        )
    raise LimitError("type")


_SHORT = st.text(max_size=5) | st.sampled_from(["x" * MAX_FIELD_CHARS, "y" * (MAX_FIELD_CHARS + 1)])
_LEAVES = _SHORT | st.integers(-200_000, 200_000) | st.floats() | st.booleans() | st.none()
_VALUES = st.recursive(
    _LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_SHORT, inner, max_size=4),
    max_leaves=30,
)


def _nested(value: object, depth: int) -> object:
    for _ in range(depth):
        value = [value]
    return value


@settings(max_examples=300, deadline=None)
@given(value=_VALUES, depth=st.sampled_from([0, 1, 60, 62, 63, 64, 65]))
def test_the_limits_walk_counts_and_refuses_as_one_call_per_value_would(
    value: object, depth: int
) -> None:
    """Whatever the shape and depth: the same total of characters, or a refusal of the same
    kind (the walk takes lists and dicts of strings in one loop)."""
    from recipe_manager.domain.limits import _walk

    document = _nested(value, depth)
    try:
        expected: object = _reference_walk(document)
    except LimitError as error:
        expected = str(error)
    try:
        found: object = _walk(document, "here", 0)
    except LimitError as error:
        found = {"deep": "deep", "characters": "field", "number": "number", "holds": "type"}
        found = next(kind for word, kind in found.items() if word in str(error))
    assert found == expected
