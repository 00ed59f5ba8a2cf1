"""Any recipe comes back from disk unchanged; photos can't lead the app out of the library."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recipe_manager.domain import Component, Recipe, parse_ingredient
from recipe_manager.storage import LibraryWriteError, RecipeLibrary

# Everything JSON can hold as UTF-8: any character but a lone surrogate.
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
lines = st.lists(text, max_size=5)
counts = st.none() | st.integers(min_value=0, max_value=100_000)  # MAX_WHOLE_NUMBER

components = st.builds(
    Component,
    title=text,
    servings=counts,
    ingredients=lines.map(lambda items: [parse_ingredient(item) for item in items]),
    steps=lines,
)
recipes = st.builds(
    Recipe,
    title=text,
    id=st.just("") | st.text("0123456789abcdef", min_size=1, max_size=32),
    summary=text,
    servings=counts,
    yield_text=text,
    components=st.lists(components, max_size=3),
    notes=lines,
    tags=lines,
    category=text,
    cuisine=text,
    method=text,
    source=text,
    prep_minutes=counts,
    cook_minutes=counts,
    total_minutes=counts,
    image=text,
    created=text,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(batch=st.lists(recipes, min_size=1, max_size=4))
def test_recipes_round_trip_through_save_and_load(library_path: Path, batch: list[Recipe]) -> None:
    library = RecipeLibrary(library_path, backups=0)
    ids = library.add_many(batch)
    reopened = RecipeLibrary(library_path, backups=0)
    for recipe, recipe_id in zip(batch, ids, strict=True):
        stored = reopened.get(recipe_id)
        expected = recipe.copy(id=recipe_id, created=stored.created, updated=stored.updated)
        assert stored == expected
        assert stored.to_dict() == expected.to_dict()
        assert stored.created == (recipe.created or stored.updated)
    edited = reopened.get(ids[0])
    edited.components.append(Component(title="Sauce:", steps=["Stir."]))
    reopened.update(edited)
    assert RecipeLibrary(library_path, backups=0).get(ids[0]).components == edited.components


@pytest.fixture
def library(library_path: Path) -> RecipeLibrary:
    return RecipeLibrary(library_path)


def photo(tmp_path: Path, name: str = "scones.jpg") -> Path:
    source = tmp_path / name
    source.write_bytes(b"\xff\xd8\xff not really a jpeg")
    return source


def test_a_photo_is_copied_in_and_stored_relative(library: RecipeLibrary, tmp_path: Path) -> None:
    stored = library.add_media(photo(tmp_path))
    assert stored.startswith("media/") and not os.path.isabs(stored)
    assert library.media_path(stored) == (library.media_folder / stored[6:]).resolve()


@pytest.mark.parametrize(
    "stored",
    [
        "../../etc/passwd",
        "media/../../../etc/passwd",
        "/etc/passwd",
        "media/../recipes.json",
        "media",
        "media/",
        "media/missing.jpg",
        "..",
        "",
    ],
)
def test_a_stored_path_outside_the_media_folder_is_refused(
    library: RecipeLibrary, stored: str
) -> None:
    library.media_folder.mkdir(parents=True, exist_ok=True)
    assert library.media_path(stored) is None


def test_a_link_out_of_the_media_folder_is_refused(library: RecipeLibrary, tmp_path: Path) -> None:
    library.media_folder.mkdir(parents=True)
    secret = tmp_path / "secret.jpg"
    secret.write_bytes(b"private")
    (library.media_folder / "link.jpg").symlink_to(secret)
    assert library.media_path("media/link.jpg") is None


def test_photos_in_a_subfolder_are_refused(library: RecipeLibrary, tmp_path: Path) -> None:
    (library.media_folder / "sub").mkdir(parents=True)
    (library.media_folder / "sub" / "x.jpg").write_bytes(b"x")
    assert library.media_path("media/sub/x.jpg") is None


def test_only_photos_are_copied_in(library: RecipeLibrary, tmp_path: Path) -> None:
    with pytest.raises(LibraryWriteError, match="not a photo"):
        library.add_media(photo(tmp_path, "notes.txt"))
    assert not library.media_folder.exists()
