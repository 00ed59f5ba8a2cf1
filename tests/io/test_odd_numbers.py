"""Numbers no recipe states (infinity, NaN, "²", hundreds of digits) and zips Python can't
open: each is dropped or refused with a RecipeImportError, never another exception."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest

from recipe_manager.io import RecipeImportError, import_file
from recipe_manager.io import reading as reading_module

_HUGE = "9" * 400
_PAGE = '<html><body><script type="application/ld+json">{}</script></body></html>'


def _schema(**fields: object) -> str:
    node = {"@type": "Recipe", "name": "Soup", "recipeIngredient": ["2 eggs"], **fields}
    return json.dumps(node)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "overflow.json",
            _schema(recipeYield=0).replace('"recipeYield": 0', '"recipeYield": 1e999'),
        ),
        ("nan.json", _schema(recipeYield=0).replace('"recipeYield": 0', '"recipeYield": NaN')),
        ("superscript.json", _schema(recipeYield="²")),
        ("superscript.html", _PAGE.format(_schema(recipeYield="²"))),
        ("superscript.cook", ">> servings: ²\n\n@eggs{2}\n"),
        ("long.json", _schema(recipeYield="9" * 5000)),
        ("long_words.json", _schema(recipeYield="9" * 5000 + " servings")),
        ("long_heading.json", _schema(recipeIngredient=[f"Sauce (serves {'9' * 5000}):"])),
    ],
)
def test_yield_that_is_no_number_is_left_out(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text)
    (recipe,) = import_file(path)
    assert recipe.servings is None


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("infinite.json", _schema(prepTime=0).replace('"prepTime": 0', '"prepTime": Infinity')),
        ("nan.json", _schema(prepTime=0).replace('"prepTime": 0', '"prepTime": NaN')),
        ("iso.json", _schema(prepTime=f"PT{_HUGE}M")),
        ("words.json", _schema(prepTime=f"{_HUGE} hours")),
        ("words.cook", f">> prep time: {_HUGE} hours\n\n@eggs{{2}}\n"),
        ("words.txt", f"Soup\nPrep time: {_HUGE} hours\n\n- 2 eggs\n\n1. Whisk the eggs well.\n"),
    ],
)
def test_duration_that_is_no_number_is_left_out(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text)
    (recipe,) = import_file(path)
    assert recipe.prep_minutes is None


def test_paprika_duration_that_is_no_number_is_left_out(tmp_path: Path) -> None:
    record = {"name": "Soup", "ingredients": "2 eggs", "prep_time": f"{_HUGE} hours"}
    path = tmp_path / "huge.paprikarecipes"
    path.write_bytes(_zip(gzip.compress(json.dumps(record).encode())))
    (recipe,) = import_file(path)
    assert recipe.prep_minutes is None


def _zip(payload: bytes, *, flag_bits: int = 0, method: int = zipfile.ZIP_STORED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Soup.paprikarecipe", payload)
    data = bytearray(buffer.getvalue())
    # Patch the flags and method in both the local header and the central directory, as
    # zipfile can't write an encrypted or Deflate64 entry itself.
    for signature, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = data.index(signature)
        data[start + flags_at : start + flags_at + 2] = flag_bits.to_bytes(2, "little")
        data[start + flags_at + 2 : start + flags_at + 4] = method.to_bytes(2, "little")
    return bytes(data)


@pytest.mark.parametrize(
    ("flag_bits", "method", "words"),
    [(0x1, zipfile.ZIP_STORED, "encrypted"), (0, 9, "compression method")],
)
def test_paprika_entry_zipfile_cannot_open(
    tmp_path: Path, flag_bits: int, method: int, words: str
) -> None:
    path = tmp_path / "locked.paprikarecipes"
    path.write_bytes(_zip(b'{"name": "Soup"}', flag_bits=flag_bits, method=method))
    with pytest.raises(RecipeImportError) as caught:
        import_file(path)
    assert path.name in str(caught.value) and words in str(caught.value)


@pytest.mark.parametrize(
    "error", [ValueError("x"), OverflowError("x"), RuntimeError("x"), RecursionError("x")]
)
def test_a_reader_failing_otherwise_still_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(reading_module, "recipe_from_cooklang", broken)
    path = tmp_path / "soup.cook"
    path.write_text("@eggs{2}\n")
    with pytest.raises(RecipeImportError) as caught:
        import_file(path)
    assert path.name in str(caught.value)
