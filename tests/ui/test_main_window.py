"""The main window as a cook meets it: both seeds listed, the chosen one readable in full."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton
from window_helpers import open_window, select, titles

from recipe_manager.domain import Component, Recipe, parse_ingredient
from recipe_manager.storage import RecipeLibrary


def test_a_fresh_library_lists_both_seed_recipes(qtbot, library_path: Path) -> None:
    window = open_window(qtbot, library_path)
    assert titles(window) == ["Crispy Pork Belly", "Sweet Soy and Garlic Crispy Pork Belly"]
    assert library_path.exists()
    assert window.findChild(QLabel, "recipeCount").text() == "2 recipes"


def test_the_detail_shows_the_whole_recipe(qtbot, library_path: Path) -> None:
    window = open_window(qtbot, library_path)
    text = select(window, "Crispy Pork Belly")
    assert text.splitlines()[0] == "Crispy Pork Belly"
    assert "Serves 6" in text
    assert "2kg pork belly (for us this was 3 large pieces) – skin on" in text
    assert "Chilli Garlic Dipping Sauce" in text
    assert "1-2 birds eye chilli peppers – finely chopped" in text
    assert "9.  Serve cut into 1cm thick slices." in text
    assert "Notes" in text
    assert "stir-fried vegetables" in text


def test_the_recipe_without_servings_is_shown_in_batches(qtbot, library_path: Path) -> None:
    window = open_window(qtbot, library_path)
    text = select(window, "Sweet Soy and Garlic Crispy Pork Belly")
    assert "Serves" not in text
    assert "Pork · Chinese · Slow Roast" in text
    assert window.servings_spin.value() == 1
    assert window.servings_spin.text() == "×1 batch"
    window.servings_spin.setValue(3)
    assert window.servings_spin.text() == "×3 batches"
    assert "×3 batches" in window.recipe_detail.toPlainText()


def test_markup_in_a_recipe_is_shown_as_typed(qtbot, library_path: Path) -> None:
    title = "<b>Bold</b> & <i>stew</i>"
    RecipeLibrary(library_path).add(
        Recipe(
            title=title,
            summary="<script>alert(1)</script>",
            components=[Component(ingredients=[parse_ingredient("<img src=x> salt")])],
            notes=["<a href='http://example.com'>link</a>"],
        )
    )
    window = open_window(qtbot, library_path)
    assert titles(window) == [title]
    text = select(window, title)
    assert title in text
    assert "<script>alert(1)</script>" in text
    assert "<img src=x> salt" in text
    assert "<a href='http://example.com'>link</a>" in text


def test_a_corrupt_old_library_file_is_kept_reported_and_the_window_opens(
    qtbot, tmp_path: Path
) -> None:
    old = tmp_path / "recipes.json"
    old.write_text("this is not a library")
    window = open_window(qtbot, old)
    assert old.read_text() == "this is not a library"
    banner = window.findChild(QLabel, "libraryBanner")
    assert banner.isVisible()
    assert str(old) in banner.text()
    assert titles(window) == []
    assert window.action_new.isEnabled()


def test_a_library_whose_parent_is_missing_is_asked_about(qtbot, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    window = open_window(qtbot, blocker / "recipes" / "library")
    box = window.findChild(QMessageBox, "missingLibraryBox")
    assert box is not None and str(blocker / "recipes" / "library") in box.text()
    box.findChild(QPushButton, "createLibraryButton").click()
    banner = window.findChild(QLabel, "libraryBanner")
    assert banner.isVisible() and str(blocker / "recipes") in banner.text()


def test_an_old_library_from_a_newer_app_is_left_as_it_is(qtbot, tmp_path: Path) -> None:
    content = '{"meta": {"1": {"schema": 7}}, "recipes": {}}'
    old = tmp_path / "recipes.json"
    old.write_text(content)
    window = open_window(qtbot, old)
    banner = window.findChild(QLabel, "libraryBanner")
    assert "newer version" in banner.text()
    assert old.read_text() == content


_BUILT_BEFORE_FIRST_PAINT = """
import json, sys
from pathlib import Path
from recipe_manager.app import create_application, _new_window
app = create_application(sys.argv[:1])
window = _new_window(Path(sys.argv[1]))
print(json.dumps(sorted(name for name in sys.modules if name.startswith("recipe_manager"))))
"""

#: Modules the empty window of the first paint does not need (the rule in DEVELOPERS.md:
#: nothing but the window is built before its first paint); each cost 10-40 ms of start-up.
_AFTER_FIRST_PAINT = [
    "recipe_manager.ui.recipe_html",
    "recipe_manager.ui.recipe_list_delegate",
    "recipe_manager.ui.timers",
    "recipe_manager.domain.formatting",
    "recipe_manager.domain.timers",
]


def test_the_window_before_its_first_paint_loads_no_recipe_formatting(tmp_path: Path) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", _BUILT_BEFORE_FIRST_PAINT, str(tmp_path / "library")],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
        timeout=120,
    )
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert "recipe_manager.ui.main_window" in loaded
    assert [name for name in _AFTER_FIRST_PAINT if name in loaded] == []


def test_ingredient_groups_with_one_method_read_groups_first(qtbot, library_path: Path) -> None:
    # The shape a recipe site's groups ("For the salad", "For the dressing") import as.
    def group(title: str, lines: list[str]) -> Component:
        return Component(title=title, ingredients=[parse_ingredient(x) for x in lines])

    RecipeLibrary(library_path).add(
        Recipe(
            title="Citrus Salad",
            servings=4,
            components=[
                Component(steps=["Whisk the dressing.", "Toss the salad with it."]),
                group("For the Salad", ["1 head romaine lettuce", "2 avocados"]),
                group("For the Dressing", ["3 tbsp olive oil"]),
            ],
        )
    )
    window = open_window(qtbot, library_path)
    window.servings_spin.setValue(8)
    lines = [line.strip() for line in select(window, "Citrus Salad").splitlines()]
    body = lines[lines.index("Ingredients") :]
    assert body[: body.index("Method")] == [
        "Ingredients", "For the Salad:", "2 heads romaine lettuce", "4 avocados",
        "For the Dressing:", "6 tbsp olive oil",
    ]  # fmt: skip
    assert "1.  Whisk the dressing." in lines
    assert lines.count("Ingredients") == 1


def test_a_record_found_bad_after_the_list_shows_leaves_it_and_is_named(
    qtbot, library_path: Path
) -> None:
    """The started app lists recipes from each record's outline and checks every document on
    a worker afterwards: one that fails leaves the list and the banner says which file."""
    from recipe_manager.storage.device_files import version_line
    from recipe_manager.storage.merge import RECIPE, Version

    other = "d" * 32
    lines = []
    for key, title, servings in (("good", "Good Soup", b"4"), ("bad", "Broken Stew", b"NaN")):
        document = Recipe(title=title, servings=4, id=key).to_dict()
        line = version_line(Version(RECIPE, key, 5, other, document, {}))
        lines.append(line.replace(b'"servings":4', b'"servings":' + servings))
    devices = library_path / "devices"
    devices.mkdir(parents=True)
    (devices / f"{other}.journal.jsonl").write_bytes(b"".join(lines))
    from recipe_manager.app import _new_window

    window = _new_window(library_path)  # started as `main()` starts it
    qtbot.addWidget(window)
    window.load_library_after_first_paint()
    window.show()
    banner = window.findChild(QLabel, "libraryBanner")
    qtbot.waitUntil(lambda: titles(window) == ["Good Soup"], timeout=10000)
    qtbot.waitUntil(banner.isVisible, timeout=10000)
    assert f"{other}.journal.jsonl" in banner.text() and "NaN" in banner.text()
    # The browse counts and the search index, held while the checks ran, follow them.
    qtbot.waitUntil(lambda: not window.browse.is_counting(), timeout=10000)
    counted = window.browse.model
    labels = [counted.index(row, 0).data() for row in range(counted.rowCount())]
    assert labels[0] == "All recipes (1)"
    window.search_field.setText("soup")
    assert titles(window) == ["Good Soup"]


def test_a_window_built_with_build_main_window_has_checked_every_record(
    qtbot, library_path: Path
) -> None:
    """`build_main_window` loads before it returns: a bad record is already left out."""
    from recipe_manager.storage.device_files import version_line
    from recipe_manager.storage.merge import RECIPE, Version

    other = "d" * 32
    document = Recipe(title="Broken Stew", servings=4, id="bad").to_dict()
    line = version_line(Version(RECIPE, "bad", 5, other, document, {}))
    devices = library_path / "devices"
    devices.mkdir(parents=True)
    (devices / f"{other}.journal.jsonl").write_bytes(
        line.replace(b'"servings":4', b'"servings":NaN')
    )
    window = open_window(qtbot, library_path)
    banner = window.findChild(QLabel, "libraryBanner")
    assert "Broken Stew" not in titles(window)
    assert banner.isVisible() and "NaN" in banner.text()


def test_a_search_typed_while_the_records_are_checked_applies_once_they_are(
    qtbot, library_path: Path, monkeypatch
) -> None:
    """Searching reads every document: typed before the worker has checked them, the words
    stay in the field and the list follows once the checks are done (the UI thread never
    decodes the whole library at once)."""
    import threading

    from recipe_manager.app import _new_window
    from recipe_manager.storage import RecipeLibrary as Library

    seeded = Library(library_path)
    seeded.add_many([Recipe(title="Pea Soup"), Recipe(title="Fish Pie")])
    seeded.close()
    release = threading.Event()
    finish = Library.finish_reading

    def held(self, **options):
        release.wait(10)
        return finish(self, **options)

    monkeypatch.setattr(Library, "finish_reading", held)
    window = _new_window(library_path)
    qtbot.addWidget(window)
    window.load_library_after_first_paint()
    window.show()
    qtbot.waitUntil(lambda: len(titles(window)) == 2, timeout=10000)
    window.search_field.setText("soup")
    assert sorted(titles(window)) == ["Fish Pie", "Pea Soup"]  # not yet filtered
    release.set()
    qtbot.waitUntil(lambda: titles(window) == ["Pea Soup"], timeout=10000)


def test_a_flood_of_keywords_is_named_briefly_under_the_title(qtbot, library_path: Path) -> None:
    tags = [f"party idea {n}" for n in range(30)]
    RecipeLibrary(library_path).add(Recipe(title="Cheesecake", tags=tags))
    window = open_window(qtbot, library_path)
    text = select(window, "Cheesecake")
    assert "party idea 0, party idea 1" in text and "and 24 more tags" in text
    assert "party idea 29" not in text
