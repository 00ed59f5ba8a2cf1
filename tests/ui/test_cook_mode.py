"""Cook mode: one step at a time, keys and buttons, the step's ingredients, timers, awake."""

from __future__ import annotations

from fractions import Fraction

import pytest
from PySide6.QtCore import Qt

from recipe_manager.domain import UnitSystem, View
from recipe_manager.domain.cook_steps import cook_steps, ingredients_named
from recipe_manager.paths import seed_library_path
from recipe_manager.storage import read_seed_recipes
from recipe_manager.ui.cook_mode import CookMode
from recipe_manager.ui.screen_awake import ScreenAwake
from recipe_manager.ui.timers import KitchenTimers, TimerRequest


class FakeInhibitor:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def inhibit(self, reason: str) -> bool:
        self.calls.append(f"inhibit {reason}")
        return True

    def release(self) -> None:
        self.calls.append("release")


@pytest.fixture
def seeds():
    return read_seed_recipes(seed_library_path())


@pytest.fixture
def timers(qtbot) -> KitchenTimers:
    model = KitchenTimers()
    model.sound = lambda: None
    yield model
    for timer in model.timers():
        model.cancel(timer)


def open_cook_mode(qtbot, recipe, timers, factor=Fraction(1), system="original"):
    inhibitor = FakeInhibitor()
    cook = CookMode(
        recipe,
        View(Fraction(factor), UnitSystem.of(system)),
        timers,
        screen_awake=ScreenAwake("Cooking", inhibitor),
    )
    qtbot.addWidget(cook)
    cook.open()
    qtbot.waitExposed(cook)
    return cook, inhibitor


def test_open_step_through_with_keys_and_leave(qtbot, seeds, timers) -> None:
    crispy = seeds[0]
    cook, inhibitor = open_cook_mode(qtbot, crispy, timers)
    assert cook.isFullScreen()
    assert cook.step_label.text() == "Step 1 of 10"
    assert inhibitor.calls == ["inhibit Cooking"] and cook.screen_awake.active
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown):
        qtbot.keyClick(cook, key)
    assert cook.step_label.text() == "Step 4 of 10"
    for key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
        qtbot.keyClick(cook, key)
    assert cook.step_label.text() == "Step 2 of 10"
    qtbot.mouseClick(cook.next_button, Qt.MouseButton.LeftButton)
    assert cook.index == 2
    qtbot.mouseClick(cook.back_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(cook.back_button, Qt.MouseButton.LeftButton)
    assert cook.index == 0 and not cook.back_button.isEnabled()
    qtbot.keyClick(cook, Qt.Key.Key_End)
    assert cook.step_label.text() == "Step 10 of 10" and not cook.next_button.isEnabled()
    assert "Chilli Garlic Dipping Sauce" in cook.title_label.text()
    with qtbot.waitSignal(cook.closed, timeout=2000):
        qtbot.keyClick(cook, Qt.Key.Key_Escape)
    assert inhibitor.calls == ["inhibit Cooking", "release"]
    assert not cook.screen_awake.active


def test_the_steps_ingredients_at_the_chosen_servings_and_units(qtbot, seeds, timers) -> None:
    crispy = seeds[0]
    cook, _ = open_cook_mode(qtbot, crispy, timers, Fraction(1, 2), "metric")
    cook.index = 3
    cook._show_step()
    assert cook.named_ingredient_lines() == [
        "1 kg pork belly (for us this was 3 large pieces) – skin on",
        "2 tbsp miso",
        "1 tbsp five-spice powder",
        "1 tbsp honey",
        "1 tbsp soy sauce (you could substitute coconut aminos if you prefer)",
    ]
    assert "2 tbsp miso" in cook.ingredients_view.toPlainText()
    cook.index = 4
    cook._show_step()
    assert "180°C" in cook.step_text.toPlainText()  # oven stays an oven in metric
    cook.close()


def test_readable_from_a_step_away_at_1366_by_768(qtbot, seeds, timers) -> None:
    cook, _ = open_cook_mode(qtbot, seeds[0], timers)
    cook.showNormal()
    cook.resize(1366, 768)
    qtbot.waitUntil(lambda: cook.width() == 1366)
    for index in range(len(cook.steps)):
        cook.index = index
        cook._show_step()
        # about 20 pt or more, even for the longest step, and it all fits without scrolling
        assert cook.step_pixel_size() >= 26
        assert cook.step_text.verticalScrollBar().maximum() == 0
    assert cook.next_button.height() >= 70
    cook.close()


def test_a_time_in_the_step_starts_a_timer_that_runs_on_after_leaving(qtbot, seeds, timers) -> None:
    crispy = seeds[0]
    cook, _ = open_cook_mode(qtbot, crispy, timers)
    cook.index = 6
    cook._show_step()
    html = cook.step_text.toHtml()
    assert html.count('href="timer:') == 2
    href = html.split('href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    from PySide6.QtCore import QUrl

    cook.step_text.anchorClicked.emit(QUrl(href))
    [timer] = timers.timers()
    assert timer.name == "Roast the pork — 1½–2 h"
    assert [row.timer for row in cook.timer_panel.rows()] == [timer]
    cook.close()
    assert timers.timers() == [timer]


def test_timers_already_running_show_in_cook_mode(qtbot, seeds, timers) -> None:
    timers.start(TimerRequest("Boil — 10 min", 600))
    cook, _ = open_cook_mode(qtbot, seeds[1], timers)
    assert [row.name_label.text() for row in cook.timer_panel.rows()] == ["Boil — 10 min"]
    cook.close()


def test_named_ingredients_from_the_seeds(seeds) -> None:
    crispy, sweet_soy = seeds
    named = {
        step.number: [step.ingredients[index].name for index in step.named]
        for step in cook_steps(sweet_soy)
    }
    assert named[4] == [
        "pork belly",
        "soy sauce",
        "Garlic",
        "ginger",
        "sugar",
        "red pepper flakes",
        "water",
    ]
    assert named[2] == []
    last = cook_steps(crispy)[-1]
    assert len(last.named) == len(last.ingredients)  # "mix all the ingredients"
    sauce = crispy.components[0].ingredients
    assert ingredients_named("spoon the sauce over", sauce) == []


def test_screen_awake_is_silently_nothing_without_a_way(qtbot) -> None:
    awake = ScreenAwake("Cooking", None)
    awake._inhibitor = None
    awake.acquire()
    awake.release()
    assert not awake.active


def test_a_recipe_without_steps(qtbot, timers) -> None:
    from recipe_manager.domain import Recipe

    cook, _ = open_cook_mode(qtbot, Recipe(title="Toast"), timers)
    assert cook.step_label.text() == "No steps"
    qtbot.keyClick(cook, Qt.Key.Key_Right)
    cook.close()


def test_a_long_title_never_widens_cook_mode_past_a_small_screen(qtbot, seeds, timers) -> None:
    # A 70-character title at cook mode's large type pushed Next and Leave off a 1024-pixel
    # screen: the title wraps instead, and every control stays in the window.
    long = seeds[0].copy(
        title="Summer Citrus Salad with Lemon-Shallot Vinaigrette (Erewhon Copycat)"
    )
    cook, _ = open_cook_mode(qtbot, long, timers)
    assert cook.minimumSizeHint().width() <= 1024
    assert cook.title_label.text().startswith("Summer Citrus Salad")
    cook.resize(1024, 600)
    for button in (cook.next_button, cook.back_button, cook.leave_button):
        corner = button.mapTo(cook, button.rect().bottomRight())
        assert cook.rect().contains(corner), button.objectName()


def test_a_step_too_long_to_fit_leaves_room_for_its_scroll_bar(qtbot) -> None:
    # At the smallest type the step still does not fit: it will scroll, and its lines are
    # laid out narrower by the scroll bar's width, not under it ("turn|s" was cut off).
    from PySide6.QtWidgets import QTextBrowser

    view = QTextBrowser()
    qtbot.addWidget(view)
    view.resize(400, 200)
    view.show()
    qtbot.waitExposed(view)
    view.setPlainText("Stir the noodles until the bottom turns golden brown. " * 40)
    CookMode._fit(view, 40, 26)
    assert view.document().size().height() > view.viewport().height()
    bar = view.verticalScrollBar().sizeHint().width()
    assert view.document().textWidth() <= view.viewport().width() - bar
