"""Kitchen timers: links in step text, countdowns that finish and ring until dismissed."""

from __future__ import annotations

from html import escape

import pytest
from PySide6.QtCore import Qt, QUrl

from recipe_manager.paths import seed_library_path
from recipe_manager.storage import read_seed_recipes
from recipe_manager.ui.timers import (
    KitchenTimers,
    TimerDock,
    TimerPanel,
    TimerRequest,
    TimerState,
    format_clock,
    link_timers,
    parse_timer_url,
    timer_url,
)


@pytest.fixture
def timers(qtbot) -> KitchenTimers:
    model = KitchenTimers()
    model.sounds = 0

    def count_sound() -> None:
        model.sounds += 1

    model.sound = count_sound
    yield model
    for timer in model.timers():
        model.cancel(timer)


def roast_step() -> str:
    crispy = read_seed_recipes(seed_library_path())[0]
    return crispy.components[0].steps[6]


def test_links_wrap_durations_and_escape_everything_else() -> None:
    step = "Roast <b>the</b> pork & rest for 1½- 2 hours, then 15 minutes."
    html = link_timers(step, "Step 7")
    assert "<b>" not in html
    assert "&lt;b&gt;the&lt;/b&gt; pork &amp; rest" in html
    assert html.count("<a href=") == 2
    assert ">1½- 2 hours</a>" in html and ">15 minutes</a>" in html
    assert link_timers("No times here <i>", "x") == escape("No times here <i>")


def test_link_carries_name_and_range() -> None:
    html = link_timers(roast_step(), "Crispy Pork Belly, step 7")
    href = html.split('href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    request = parse_timer_url(QUrl(href))
    assert request == TimerRequest("Roast the pork — 1½–2 h", 5400, 7200)


def test_url_round_trip_and_other_links() -> None:
    request = TimerRequest("Rest & serve — 5 min?", 300)
    assert parse_timer_url(timer_url(request)) == request
    assert parse_timer_url(QUrl(timer_url(request))) == request
    assert parse_timer_url("https://example.com/?seconds=3") is None
    reminder = TimerRequest("Leave it — overnight", None)
    assert parse_timer_url(timer_url(reminder)) == reminder


def test_a_short_timer_finishes_flashes_and_rings_until_dismissed(qtbot, timers) -> None:
    panel = TimerPanel(timers)
    qtbot.addWidget(panel)
    panel.show()
    timer = timers.start(TimerRequest("Rest the pork — 1 s", 1))
    [row] = panel.rows()
    assert row.name_label.text() == "Rest the pork — 1 s"
    assert row.clock_label.text() in ("0:01", "0:00")
    with qtbot.waitSignal(timers.rang, timeout=3000):
        pass
    assert timer.state is TimerState.ALERTING
    assert row.flashing and row.clock_label.text() == "Time's up!"
    assert row.cancel_button.text() == "Dismiss"
    sheets = set()
    qtbot.waitUntil(
        lambda: sheets.add(row.styleSheet()) or len(sheets) == 2, timeout=3000
    )  # it flashes between two colours
    qtbot.waitUntil(lambda: timers.sounds >= 2, timeout=5000)  # rings again, not once
    qtbot.mouseClick(row.cancel_button, Qt.MouseButton.LeftButton)
    assert timers.timers() == [] and panel.rows() == []
    assert timers.alerting() == []


def test_several_run_at_once_pause_reset_cancel(qtbot, timers) -> None:
    panel = TimerPanel(timers, point_size=20)
    qtbot.addWidget(panel)
    first = timers.start(TimerRequest("Roast — 1½ h", 5400))
    second = timers.start(TimerRequest("Rest — 15 min", 900))
    third = timers.start(TimerRequest("Boil — 10 min", 600))
    rows = {row.timer: row for row in panel.rows()}
    assert len(rows) == 3
    qtbot.mouseClick(rows[first].pause_button, Qt.MouseButton.LeftButton)
    assert first.state is TimerState.PAUSED and rows[first].pause_button.text() == "Resume"
    paused_at = first.remaining()
    qtbot.wait(300)
    assert first.remaining() == paused_at
    assert second.remaining() < 900
    qtbot.mouseClick(rows[first].pause_button, Qt.MouseButton.LeftButton)
    assert first.state is TimerState.RUNNING
    qtbot.wait(300)
    qtbot.mouseClick(rows[second].reset_button, Qt.MouseButton.LeftButton)
    assert second.remaining() == 900 and second.state is TimerState.PAUSED
    assert rows[second].clock_label.text() == "15:00"
    qtbot.mouseClick(rows[third].cancel_button, Qt.MouseButton.LeftButton)
    assert timers.timers() == [first, second]


def test_a_range_rings_at_the_low_end_and_can_go_on_to_the_high(qtbot, timers) -> None:
    panel = TimerPanel(timers)
    qtbot.addWidget(panel)
    timer = timers.start(TimerRequest("Cook — 1–3 s", 1, 3))
    [row] = panel.rows()
    assert row.note_label.text() == "Rings at 1 s, up to 3 s."
    qtbot.waitUntil(lambda: timer.state is TimerState.ALERTING, timeout=3000)
    assert "up to 3 s" in row.note_label.text()
    assert row.more_button.isVisibleTo(panel)
    qtbot.mouseClick(row.more_button, Qt.MouseButton.LeftButton)
    assert timer.state is TimerState.RUNNING and 1 < timer.remaining() <= 2
    qtbot.waitUntil(lambda: timer.state is TimerState.ALERTING, timeout=4000)


def test_overnight_is_a_reminder_that_never_rings(qtbot, timers) -> None:
    panel = TimerPanel(timers)
    qtbot.addWidget(panel)
    reminder = timers.start(TimerRequest("Leave it — overnight", None))
    [row] = panel.rows()
    assert reminder.state is TimerState.REMINDER
    assert row.clock_label.text().startswith("since ")
    assert row.cancel_button.text() == "Done"
    qtbot.wait(600)
    assert timers.alerting() == [] and timers.sounds == 0


def test_a_second_panel_shows_the_same_timers_and_the_dock_reveals_itself(qtbot, timers) -> None:
    dock = TimerDock(timers)
    qtbot.addWidget(dock)
    dock.hide()
    timers.start(TimerRequest("Simmer — 20 min", 1200))
    assert dock.isVisible()
    late_panel = TimerPanel(timers, point_size=24)
    qtbot.addWidget(late_panel)
    assert [row.name_label.text() for row in late_panel.rows()] == ["Simmer — 20 min"]


@pytest.mark.parametrize(
    ("seconds", "face"), [(5399.2, "1:30:00"), (899.5, "15:00"), (4.1, "0:05"), (0, "0:00")]
)
def test_clock_faces(seconds: float, face: str) -> None:
    assert format_clock(seconds) == face
