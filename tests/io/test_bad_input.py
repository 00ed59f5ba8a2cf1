"""Bad input: one clear RecipeImportError naming the file, nothing run, fetched or changed."""

from __future__ import annotations

import gzip
import io
import json
import socket
import zipfile
from pathlib import Path

import pytest

from recipe_manager.io import RecipeImportError, import_file
from recipe_manager.io import paprika as paprika_module


def _fails(path: Path, words: str) -> str:
    before = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(RecipeImportError) as caught:
        import_file(path)
    message = str(caught.value)
    assert path.name in message and words in message
    assert isinstance(caught.value, ValueError)
    assert sorted(p.name for p in path.parent.iterdir()) == before
    return message


def test_page_without_a_recipe(tmp_path: Path) -> None:
    path = tmp_path / "about.html"
    path.write_text("<html><body><h1>About us</h1><p>We like food.</p></body></html>")
    _fails(path, "no recipe found")


def test_truncated_json(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    path.write_text('{"format": "recipe-manager", "schema": 1, "recipes": [{"title": "Sou')
    _fails(path, "JSON is broken at line 1")


def test_truncated_paprika(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Soup.paprikarecipe", gzip.compress(b'{"name": "Soup"}' * 50))
    path = tmp_path / "cut.paprikarecipes"
    path.write_bytes(buffer.getvalue()[:-40])
    _fails(path, "broken or truncated")


def test_two_gigabyte_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:
        handle.truncate(2 * 1024**3)  # sparse: takes no disk space
    _fails(path, "over the 32 MB limit")


def test_zip_bomb_stops_at_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paprika_module, "MAX_ENTRY_BYTES", 1024 * 1024)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Bomb.paprikarecipe", gzip.compress(b"0" * (20 * 1024 * 1024)))
    path = tmp_path / "bomb.paprikarecipes"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 100_000
    _fails(path, "unpacks to more than 1 MB")


def test_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(b"<html><h1>Cr\xe8me br\xfbl\xe9e</h1></html>")
    _fails(path, "not valid UTF-8")


def test_plain_text_falls_back_to_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(
        "Crème brûlée\n\n• 4 egg yolks\n• 500 ml cream\n\n1. Bake it.\n".encode("cp1252")
    )
    (recipe,) = import_file(path)
    assert recipe.title == "Crème brûlée"


def test_json_nested_ten_thousand_deep(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 10_000 + "]" * 10_000)
    _fails(path, "nested 10000 levels deep")


def test_json_that_is_not_a_recipe(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"@type": "Person", "name": "Ann"}))
    _fails(path, "no schema.org Recipe")


def test_native_file_with_a_wrong_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps({"format": "recipe-manager", "schema": 1, "recipes": [{"title": 3}]})
    )
    _fails(path, "recipe 1: 'title' must be text")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(RecipeImportError, match="does not exist"):
        import_file(tmp_path / "nothing.json")
    with pytest.raises(RecipeImportError, match="folder"):
        import_file(tmp_path)


def test_scripts_never_run_and_nothing_is_fetched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the importer tried to open a connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    recipe = {
        "@context": "https://schema.org",
        "@type": "Recipe",
        "name": "Toast <script>alert(1)</script>",
        "image": "https://example.com/toast.jpg",
        "recipeIngredient": ["1 slice bread"],
        "recipeInstructions": "Toast it.",
    }
    data = json.dumps(recipe).replace("</", "<\\/")  # as pages escape it
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><script>document.write('<h1>Hacked</h1>')</script>"
        f'<script type="application/ld+json">{data}</script>'
        '<img src="https://example.com/a.png"><iframe src="https://example.com"></iframe>'
        "</head><body></body></html>"
    )
    (imported,) = import_file(path)
    assert imported.title == "Toast alert(1)"  # markup removed, the words kept as text
    assert imported.image == ""
