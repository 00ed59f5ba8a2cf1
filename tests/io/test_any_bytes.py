"""Whatever bytes a file holds, import_file returns recipes or raises RecipeImportError."""

from __future__ import annotations

import gzip
import io
import json
import tempfile
import zipfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from recipe_manager.io import IMPORT_SUFFIXES, RecipeImportError, import_file

# Raw bytes rarely get past the first check, so recipe-shaped input goes in too, with the
# values that break number parsing: infinities, other scripts' digits, hundreds of digits.
_number_words = st.builds(
    "".join,
    st.tuples(
        st.sampled_from(["", "PT", "P", "serves "]),
        st.text("0123456789²½٣.,", max_size=8) | st.integers(1, 600).map("9".__mul__),
        st.sampled_from(["", "M", "H", " hours", " minutes", " servings", " people"]),
    ),
)
_leaf = (
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20) | _number_words
)
_json_values = st.recursive(
    _leaf,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(["@type", "text", "name", "itemListElement"]), children)
    ),
    max_leaves=6,
)
_schema_keys = st.sampled_from(
    ["name", "recipeYield", "recipeIngredient", "recipeInstructions", "prepTime", "totalTime"]
)
_recipe_json = st.dictionaries(_schema_keys, _json_values).map(
    lambda node: json.dumps({"@type": "Recipe", "name": "Soup", **node})
)
_meta_lines = st.lists(
    st.builds(
        "{}: {}".format,
        st.sampled_from([">> servings", ">> time", "Serves", "Prep time", "Yield", "== Sauce"]),
        _number_words,
    ),
    max_size=4,
).map(lambda lines: "Soup\n" + "\n".join(lines) + "\n\n- 2 eggs\n@eggs{2}\n\n1. Whisk them.\n")


def _paprika_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        record = {"name": "Soup", "ingredients": "2 eggs", "servings": "4", "prep_time": "5 min"}
        archive.writestr("Soup.paprikarecipe", gzip.compress(json.dumps(record).encode()))
    return buffer.getvalue()


def _damaged(data: bytes, changes: list[tuple[int, int]]) -> bytes:
    damaged = bytearray(data)
    for at, value in changes:
        damaged[at % len(damaged)] = value
    return bytes(damaged)


_PAPRIKA = _paprika_zip()
_damaged_zips = st.lists(st.tuples(st.integers(0, len(_PAPRIKA)), st.integers(0, 255))).map(
    lambda changes: _damaged(_PAPRIKA, changes)
)
_contents = (
    st.binary(max_size=400)
    | _damaged_zips
    | st.text(max_size=400).map(str.encode)
    | _meta_lines.map(str.encode)
    | _recipe_json.map(str.encode)
    | _recipe_json.map(
        lambda data: f'<html><script type="application/ld+json">{data}</script></html>'.encode()
    )
)


@settings(max_examples=400, deadline=None)
@given(suffix=st.sampled_from(IMPORT_SUFFIXES), data=_contents)
def test_any_bytes_give_recipes_or_a_recipe_import_error(suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            import_file(path)
        except RecipeImportError as error:
            assert path.name in str(error)
