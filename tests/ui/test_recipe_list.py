"""The recipe list as a cook sees it at any size: what search, browse and order show, the marks
painted beside a title, long titles, and what is remembered.

The filter proxy works out its rows from per-row indexes and narrows the last result as the
cook types; a hypothesis property checks every sequence of typing, browsing, ordering and
library changes against the plain definition (every word in the text, in the browse row,
ordered by the choice with ties in title order).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QWidget,
)
from window_helpers import open_window, titles

from recipe_manager.domain import Recipe
from recipe_manager.domain.search import fold, natural_sort_key, query_words
from recipe_manager.storage import RecipeLibrary
from recipe_manager.storage.library import RecipeSummary
from recipe_manager.ui.browse import CATEGORY, FAVOURITES, TAG, document_keys
from recipe_manager.ui.recipe_list_delegate import STAR_COLOUR
from recipe_manager.ui.recipe_list_model import (
    RECIPE_ID_ROLE,
    SORT_FAVOURITES,
    SORT_RATING,
    SORT_TITLE,
    RecipeFilterProxy,
    RecipeListModel,
)
from recipe_manager.ui.screen_fit import FRAME_ALLOWANCE

WORDS = ("pork", "belly", "soup", "crème", "brûlée", "cake", "tofu", "rice")
CATEGORIES = ("Main", "Dessert", "")
TAGS = ("quick", "Vegan", "party")


# The proxy against the plain definition -------------------------------------------------------


@st.composite
def documents(draw, number: int) -> dict:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3))
    return {
        "id": f"r{number}",
        # Unique titles: the order of equal titles is not what is checked here.
        "title": f"{' '.join(words).title()} {number}",
        "category": draw(st.sampled_from(CATEGORIES)),
        "tags": draw(st.lists(st.sampled_from(TAGS), max_size=2, unique=True)),
        "favourite": draw(st.booleans()),
        "rating": draw(st.sampled_from((None, 1, 3, 5))),
        "components": [{"ingredients": [draw(st.sampled_from(WORDS)) + " 500 g"]}],
    }


def summary(document: dict) -> RecipeSummary:
    return RecipeSummary(id=document["id"], title=document["title"], document=document)


BROWSE_KEYS = (
    None,
    (FAVOURITES, ""),
    (CATEGORY, "main"),
    (CATEGORY, "dessert"),
    (TAG, "vegan"),
    (TAG, "quick"),
)
steps = st.one_of(
    st.tuples(st.just("type"), st.text(alphabet="porkbelyücèé ", max_size=8)),
    st.tuples(st.just("erase"), st.integers(1, 9)),
    st.tuples(st.just("browse"), st.sampled_from(BROWSE_KEYS)),
    st.tuples(st.just("sort"), st.sampled_from((SORT_TITLE, SORT_RATING, SORT_FAVOURITES))),
    st.tuples(st.just("mark"), st.integers(0, 50), st.booleans(), st.sampled_from((None, 4))),
    st.tuples(st.just("remove"), st.integers(0, 50)),
    st.tuples(st.just("add"), st.integers(100, 120)),
    st.tuples(st.just("index some"), st.integers(1, 5)),
)


def expected_ids(summaries: list, query: str, browse, sort: str) -> list[str]:
    words = query_words(query)
    rows = sorted(summaries, key=lambda s: natural_sort_key(s.title))
    rows = [
        s
        for s in rows
        if all(word in fold(s.search_text) for word in words)
        and (browse is None or browse in document_keys(s.document))
    ]
    if sort == SORT_RATING:
        rows.sort(key=lambda s: -(s.document["rating"] or 0))
    elif sort == SORT_FAVOURITES:
        rows.sort(key=lambda s: not s.document["favourite"])
    return [s.id for s in rows]


def shown_ids(proxy: RecipeFilterProxy) -> list[str]:
    return [proxy.index(row, 0).data(RECIPE_ID_ROLE) for row in range(proxy.rowCount())]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), count=st.integers(0, 12), actions=st.lists(steps, max_size=14))
def test_search_browse_and_order_show_what_the_plain_definition_says(
    qapp, data, count: int, actions: list
) -> None:
    library = {d["id"]: d for d in (data.draw(documents(n)) for n in range(count))}
    model = RecipeListModel()
    model.set_recipes([summary(d) for d in library.values()])
    proxy = RecipeFilterProxy(model)
    query, browse, sort = "", None, SORT_TITLE
    for action in actions:
        kind = action[0]
        if kind == "type":
            # More typed a character at a time, as the search box reports it.
            for end in range(1, len(action[1]) + 1):
                proxy.set_query(query + action[1][:end])
            query += action[1]
        elif kind == "erase":
            for _ in range(min(action[1], len(query))):
                query = query[:-1]
                proxy.set_query(query)
        elif kind == "browse":
            browse = action[1]
            proxy.set_browse(browse)
        elif kind == "sort":
            sort = action[1]
            proxy.set_sort(sort)
        elif kind == "mark" and library:
            document = dict(list(library.values())[action[1] % len(library)])
            document["favourite"], document["rating"] = action[2], action[3]
            library[document["id"]] = document
            model.replace_recipe(summary(document))
        elif kind == "remove" and library:
            gone = list(library)[action[1] % len(library)]
            del library[gone]
            model.remove_recipe(gone)
        elif kind == "add" and f"r{action[1]}" not in library:
            document = data.draw(documents(action[1]))
            library[document["id"]] = document
            model.add_recipe(summary(document))
        elif kind == "index some":
            model.prepare_search_texts(action[1])
        summaries = [summary(d) for d in library.values()]
        assert shown_ids(proxy) == expected_ids(summaries, query, browse, sort), action


def test_a_widening_search_brings_back_what_a_narrower_one_hid(qapp) -> None:
    documents_ = [
        {"id": "a", "title": "Pork Belly", "favourite": False, "rating": None},
        {"id": "b", "title": "Pork Pie", "favourite": True, "rating": 2},
        {"id": "c", "title": "Belly Dance Cake", "favourite": False, "rating": 5},
    ]
    model = RecipeListModel()
    model.set_recipes([summary(d) for d in documents_])
    proxy = RecipeFilterProxy(model)
    for text, ids in [
        ("p", ["a", "b"]),
        ("po", ["a", "b"]),
        ("pork b", ["a"]),
        ("pork", ["a", "b"]),
        ("belly", ["c", "a"]),
        ("", ["c", "a", "b"]),
    ]:
        proxy.set_query(text)
        assert shown_ids(proxy) == ids, text
    proxy.set_sort(SORT_RATING)
    assert shown_ids(proxy) == ["c", "b", "a"]
    proxy.set_browse((FAVOURITES, ""))
    assert shown_ids(proxy) == ["b"]
    # After a change to the library nothing is remembered: widening the search, or leaving
    # the browse row with the same words, must look beyond what was shown.
    proxy.set_query("pork p")
    assert shown_ids(proxy) == ["b"]
    model.replace_recipe(summary(documents_[0] | {"rating": 1}))
    proxy.set_query("pork")
    assert shown_ids(proxy) == ["b"]
    proxy.set_browse(None)
    assert shown_ids(proxy) == ["b", "a"]
    model.replace_recipe(summary(documents_[0]))
    proxy.set_query("p")
    assert shown_ids(proxy) == ["b", "a"]


# The window --------------------------------------------------------------------------------


def make_library(path: Path, *recipes: Recipe) -> None:
    library = RecipeLibrary(path)
    library.add_many(list(recipes))
    library.close()


def star_pixels(window, title: str) -> int:
    """Pixels of the stars' colour in the title's row of the list, as painted."""
    view = window.findChild(QAbstractItemView, "recipeList")
    index = view.model().index(titles(window).index(title), 0)
    rect = view.visualRect(index)
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    found = 0
    for y in range(int(rect.top() * ratio), int(rect.bottom() * ratio)):
        for x in range(int(rect.left() * ratio), int(rect.right() * ratio)):
            colour = QColor(image.pixel(x, y))
            if (
                abs(colour.red() - STAR_COLOUR.red()) < 40
                and abs(colour.green() - STAR_COLOUR.green()) < 40
                and abs(colour.blue() - STAR_COLOUR.blue()) < 40
            ):
                found += 1
    return found


def test_marks_are_painted_beside_the_title_and_only_where_there_are_marks(
    qtbot, library_path: Path
) -> None:
    make_library(
        library_path,
        Recipe(title="Plain Rice", servings=2),
        Recipe(title="Rated Cake", servings=8, rating=3),
        Recipe(title="Loved Soup", servings=4, favourite=True),
    )
    window = open_window(qtbot, library_path)
    qtbot.waitUntil(lambda: len(titles(window)) == 3)
    assert titles(window) == ["Loved Soup", "Plain Rice", "Rated Cake"]  # the title, no marks
    assert star_pixels(window, "Rated Cake") > 20
    assert star_pixels(window, "Loved Soup") > 20
    assert star_pixels(window, "Plain Rice") == 0


def test_a_long_title_is_elided_not_scrolled(qtbot, library_path: Path) -> None:
    long_title = "Slow-Roasted " * 12 + "Pork Belly"
    make_library(library_path, Recipe(title=long_title, servings=4, rating=5))
    window = open_window(qtbot, library_path)
    qtbot.waitUntil(lambda: titles(window) == [long_title])
    view = window.findChild(QAbstractItemView, "recipeList")
    assert not view.horizontalScrollBar().isVisible()
    assert long_title in view.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_the_list_order_is_remembered(qtbot, library_path: Path) -> None:
    window = open_window(qtbot, library_path)
    window.findChild(QComboBox, "recipeSort").setCurrentIndex(
        window.findChild(QComboBox, "recipeSort").findData(SORT_FAVOURITES)
    )
    window.close()
    again = open_window(qtbot, library_path)
    assert again.findChild(QComboBox, "recipeSort").currentData() == SORT_FAVOURITES
    assert again.proxy.sort_mode == SORT_FAVOURITES


def test_the_meal_plan_fits_a_1024x600_screen_with_every_control_shown(
    qtbot, library_path: Path
) -> None:
    window = open_window(qtbot, library_path)
    plan = window.cooks.open_meal_plan()
    assert plan is not None and plan.objectName() == "mealPlan"
    small = QSize(1024, 600) - FRAME_ALLOWANCE
    hint = plan.minimumSizeHint()
    assert hint.width() <= small.width() and hint.height() <= small.height(), hint
    plan.resize(small)
    qtbot.waitUntil(lambda: plan.size() == small)
    controls = [
        w
        for w in plan.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QAbstractSpinBox | QAbstractItemView | QLineEdit)
        and w.isVisible()
    ]
    assert len(controls) >= 7 + 6  # the days, the week buttons, servings, remove, dates, shop
    for control in controls:
        corner = control.mapTo(plan, control.rect().bottomRight())
        assert plan.rect().contains(corner), control.objectName()
        assert control.width() >= control.minimumSizeHint().width() - 1, control.objectName()
    # Where the screen itself is smaller than the plan likes, it opens on the screen.
    screen = plan.screen().availableGeometry()
    qtbot.waitUntil(lambda: screen.contains(plan.frameGeometry()) or not plan.isVisible())


def colour_pixels(window, title: str, colour: QColor, left_only: bool = True) -> int:
    """Pixels near `colour` in the title's row (its left square, where the photo goes)."""
    view = window.findChild(QAbstractItemView, "recipeList")
    rect = view.visualRect(view.model().index(titles(window).index(title), 0))
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    right = rect.left() + rect.height() if left_only else rect.right()
    found = 0
    for y in range(int(rect.top() * ratio), int(rect.bottom() * ratio)):
        for x in range(int(rect.left() * ratio), int(right * ratio)):
            pixel = QColor(image.pixel(x, y))
            if all(
                abs(a - b) < 30
                for a, b in zip(pixel.getRgb()[:3], colour.getRgb()[:3], strict=True)
            ):
                found += 1
    return found


def test_a_recipe_with_a_photo_shows_a_thumbnail_beside_its_title(
    qtbot, library_path: Path, tmp_path: Path
) -> None:
    green = QColor("#1f9d55")
    photo = tmp_path / "salad.png"
    image = QImage(1200, 900, QImage.Format.Format_RGB32)
    image.fill(green)
    assert image.save(str(photo))
    library = RecipeLibrary(library_path)
    stored = library.add_media(photo)
    library.add(Recipe(title="Green Salad", servings=2, image=stored))
    library.add(Recipe(title="Plain Rice", servings=2))
    library.close()
    window = open_window(qtbot, library_path)
    qtbot.waitUntil(lambda: len(titles(window)) == 2)
    assert titles(window) == ["Green Salad", "Plain Rice"]  # the display text stays the title
    qtbot.waitUntil(lambda: colour_pixels(window, "Green Salad", green) > 50, timeout=20_000)
    assert colour_pixels(window, "Plain Rice", green, left_only=False) == 0


def test_the_meal_plan_stays_above_the_window_and_closes_with_escape(
    qtbot, library_path: Path
) -> None:
    window = open_window(qtbot, library_path)
    plan = window.cooks.open_meal_plan()
    qtbot.waitExposed(plan)
    # A dialog-type window of the main one: the window manager keeps it above its parent,
    # so pressing on the recipe list to drag a recipe does not hide the plan behind it.
    assert plan.windowType() == Qt.WindowType.Dialog and plan.parentWidget() is window
    assert not plan.isModal()
    plan.activateWindow()
    qtbot.keyClick(plan, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not plan.isVisible())
    window.cooks.open_meal_plan()
    qtbot.waitUntil(plan.isVisible)
    qtbot.mouseClick(plan.findChild(QAbstractButton, "planClose"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not plan.isVisible())
