"""Reading a library never crashes: bad records are left out and named, the rest opens.

Each case is a class of bad input, put where it can arrive: another computer's file (a
record line), and a 0.1 library file being moved in.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from storage_helpers import make_recipe, titles

from recipe_manager.storage import Computer, RecipeLibrary, open_library_safely

OTHER = Computer("e" * 32, "other")
GOOD = {"kind": "recipe", "time": 7, "device": OTHER.id, "seen": {}}


def record(recipe_id: str, doc_text: str) -> bytes:
    head = json.dumps({**GOOD, "id": recipe_id})[:-1]
    return f'{head}, "doc": {doc_text}}}\n'.encode()


BAD_LINES = {
    "not json": b"{this is not json\n",
    "a huge number": record("n", '{"title": "Big", "servings": ' + "9" * 5000 + "}"),
    "nested 100,000 deep": record(
        "d", '{"title": "Deep", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    ),
    "nested 100 deep": record("e", '{"title": "Deep", "x": ' + "[" * 100 + "]" * 100 + "}"),
    "1e999": record("i", '{"title": "Inf", "servings": 1e999}'),
    "NaN": record("nan", '{"title": "NaN", "servings": NaN}'),
    "a lone surrogate": record("s", '{"title": "\\ud800"}'),
    "a repeated key": record("k", '{"title": "One", "title": "Two"}'),
    "a field beyond the limits": record("f", json.dumps({"title": "x" * 1_000_000})),
    "a record that is a list": b"[1, 2, 3]\n",
    "invalid utf-8": b'{"kind": "recipe", "id": "\xff\xfe"}\n',
}


@pytest.mark.parametrize("bad", list(BAD_LINES.values()), ids=list(BAD_LINES))
def test_a_bad_record_from_another_computer_is_left_out_and_named(
    library_path: Path, bad: bytes
) -> None:
    mine = RecipeLibrary(library_path)
    mine.add(make_recipe("Mine"))
    theirs = library_path / "devices" / f"{OTHER.id}.jsonl"
    good = record("g", json.dumps(make_recipe("Theirs").to_dict()))
    theirs.write_bytes(good + bad + good.replace(b'"id": "g"', b'"id": "h"'))
    result = open_library_safely(library_path)
    library = result.library
    assert titles(library.recipes()) == {"Mine", "Theirs"}
    assert result.problem and f"{OTHER.id}.jsonl" in result.problem
    assert theirs.read_bytes().startswith(good)  # untouched
    # Every later save still works.
    library.add(make_recipe("After"))
    library.close()
    assert titles(RecipeLibrary(library_path).recipes()) == {"Mine", "Theirs", "After"}


def test_a_file_from_a_newer_app_is_left_out_and_named(library_path: Path) -> None:
    RecipeLibrary(library_path).add(make_recipe("Mine"))
    newer = library_path / "devices" / f"{OTHER.id}.jsonl"
    newer.write_text(json.dumps({"meta": {"layout": 99}}) + "\n" + "{}\n")
    library = RecipeLibrary(library_path)
    assert titles(library.recipes()) == {"Mine"}
    assert any("newer version" in p for p in library.problems)


LEGACY_BAD = {
    "empty": b"",
    "not json": b"{not json",
    "cut short": b'{"recipes": {"1": {"id": "x"',
    "a list": b"[1, 2, 3]",
    "no schema": b'{"recipes": {}}',
    "newer schema": b'{"meta": {"1": {"schema": 99}}, "recipes": {}}',
    "a huge number": b'{"_default": {"1": {"title": "x", "servings": ' + b"9" * 5000 + b"}}}",
    "nested 100,000 deep": b'{"_default": {"1": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}",
    "utf-16": "{}".encode("utf-16"),
}


@pytest.mark.parametrize("content", list(LEGACY_BAD.values()), ids=list(LEGACY_BAD))
def test_a_bad_old_library_file_is_left_as_it_is_and_the_app_opens(
    tmp_path: Path, content: bytes
) -> None:
    old = tmp_path / "recipes.json"
    old.write_bytes(content)
    result = open_library_safely(old)
    assert old.read_bytes() == content
    assert result.problem and "recipes.json" in result.problem
    assert len(result.library) == 0 and not result.read_only
    result.library.add(make_recipe("New"))


def test_bad_records_of_an_old_file_are_named_and_the_rest_moves_in(tmp_path: Path) -> None:
    old = tmp_path / "recipes.json"
    good = make_recipe("Good").to_dict() | {"id": "good"}
    text = (
        '{"meta": {"1": {"schema": 1}}, "recipes": {'
        f'"1": {json.dumps(good)},'
        '"2": {"id": "nan", "title": "Not a number", "servings": NaN},'
        '"3": {"id": "inf", "title": "Infinite", "servings": 1e999},'
        '"4": {"id": "sur", "title": "\\udc00"},'
        '"5": {"id": "twice", "title": "One", "title": "Two"},'
        f'"1": {json.dumps(good | {"id": "dup", "title": "Same key, other recipe"})}'
        "}}"
    )
    old.write_text(text)
    result = open_library_safely(old)
    assert titles(result.library.recipes()) == {"Good", "Same key, other recipe"}
    problem = result.problem or ""
    for title in ("Not a number", "Infinite", "One"):
        assert title in problem or "record" in problem
    assert problem.count("stays in recipes.json") == 4
    assert old.read_text() == text


def compact(recipe_id: str, doc_text: str) -> bytes:
    """A record laid out as this app writes it (no spaces), so the fast decoder's scan is
    what has to find the fault."""
    head = json.dumps({**GOOD, "id": recipe_id}, separators=(",", ":"))[:-1]
    return f'{head},"doc":{doc_text}}}'.encode()


COMPACT_BAD = {
    "a repeated title": compact("a", '{"title":"One","title":"Two"}'),
    "a repeated key in a part": compact(
        "b", '{"title":"T","components":[{"title":"x","title":"y"}]}'
    ),
    "a repeated key in a nested object": compact("c", '{"title":"T","x":{"a":1,"a":2}}'),
    "a repeated key spaced from its colon": compact("d", '{"title":"One","title" :"Two"}'),
    "a repeated key beside a quoted colon": compact("e", '{"title":"say \\":","title" :"Two"}'),
    "a repeated id of the record": compact("f", '{"title":"T"},"id":"g"'),
    "a repeated seen": compact("h", '{"title":"T"},"seen":{}'),
    "NaN": compact("i", '{"title":"T","servings":NaN}'),
    "1e999": compact("j", '{"title":"T","servings":1e999}'),
    "a lone surrogate": compact("k", '{"title":"\\ud800"}'),
    "nested 100 deep": compact("l", '{"title":"T","x":' + "[" * 100 + "]" * 100 + "}"),
    "a huge number": compact("m", '{"title":"T","servings":' + "9" * 5000 + "}"),
}


@pytest.mark.parametrize("bad", list(COMPACT_BAD.values()), ids=list(COMPACT_BAD))
def test_a_record_laid_out_as_this_app_writes_is_checked_as_carefully(bad: bytes) -> None:
    from recipe_manager.storage.device_files import BadRecordError, parse_line

    with pytest.raises(BadRecordError):
        parse_line(bad)


@given(
    document=st.dictionaries(
        st.text(max_size=8),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=12),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(st.text(max_size=4), inner, max_size=3)
            ),
            max_leaves=12,
        ),
        max_size=6,
    )
)
@settings(max_examples=300, deadline=None)
def test_the_fast_decoder_agrees_with_the_careful_one(document: dict) -> None:
    """Whatever a line holds, the fast path takes exactly what the careful decoder takes."""
    from recipe_manager.storage.device_files import (
        BadRecordError,
        decode_record,
        fast_record,
        parse_line,
    )

    document = {"title": "T", **document}
    for layout in ((",", ":"), (", ", ": ")):
        record = {**GOOD, "id": "p", "doc": document}
        line = json.dumps(record, separators=layout, ensure_ascii=False).encode()
        fast = fast_record(line)
        if fast is not None:
            assert fast == decode_record(line.decode())
        try:
            careful = decode_record(line.decode())
        except BadRecordError:
            assert fast is None
            continue
        assert parse_line(line).document == careful["doc"]
