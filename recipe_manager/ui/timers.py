"""Kitchen timers: countdowns started from the durations in a recipe's steps.

One `KitchenTimers` model belongs to the main window, so timers survive switching recipes;
any number of `TimerPanel` views show it (the dock, and cook mode in large type). A timer
that reaches zero flashes in every panel, shows a tray notification where there is a tray,
and sounds where the platform has a sound, again and again until someone dismisses it.
"""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

from PySide6.QtCore import QDateTime, QObject, QProcess, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from ..domain.countdown import Countdown, CountdownState
from ..domain.display import display_line
from ..domain.timers import StepTimer, describe_timer, find_timers, format_duration, timer_name

TIMER_SCHEME = "timer"
TICK_MS = 250
SOUND_EVERY_TICKS = 12  # every 3 s while a timer is alerting
FLASH_COLOURS = ("#d32f2f", "#ffeb3b")
_FREEDESKTOP_SOUND = Path("/usr/share/sounds/freedesktop/stereo/alarm-clock-elapsed.oga")
_MAC_SOUND = Path("/System/Library/Sounds/Glass.aiff")


# Links in step text --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimerRequest:
    """What a timer link asks for: a countdown (`seconds`) or a reminder (`seconds` None)."""

    name: str
    seconds: int | None
    seconds_max: int | None = None


def timer_title(step: str, timer: StepTimer, fallback: str) -> str:
    """ "Roast the pork — 1½–2 h": what the step says the time is for, else `fallback`."""
    return f"{timer_name(step, timer) or fallback} — {describe_timer(timer)}"


def timer_url(request: TimerRequest) -> str:
    """A `timer:` URL carrying the request, percent-encoded so it is safe in an attribute."""
    query = [f"name={quote(request.name, safe='')}"]
    if request.seconds is not None:
        query.append(f"seconds={request.seconds}")
    if request.seconds_max is not None:
        query.append(f"max={request.seconds_max}")
    return f"{TIMER_SCHEME}:start?{'&'.join(query)}"


def parse_timer_url(url: QUrl | str) -> TimerRequest | None:
    """The request in a link made by `timer_url`, or None for any other link."""
    text = (
        url.toString(QUrl.ComponentFormattingOption.FullyEncoded) if isinstance(url, QUrl) else url
    )
    parts = urlsplit(text)
    if parts.scheme != TIMER_SCHEME:
        return None
    query = parse_qs(parts.query)

    def number(key: str) -> int | None:
        values = query.get(key)
        return int(values[0]) if values and values[0].isdigit() else None

    names = query.get("name") or ["Timer"]
    return TimerRequest(names[0], number("seconds"), number("max"))


def link_timers(text: str, fallback_name: str) -> str:
    """The step as escaped HTML with each duration a `timer:` link.

    `text` is the raw step (never pre-escaped): every character of it is escaped, and the
    only markup in the result is our own anchors. `fallback_name` names timers whose step
    says nothing about what they are for ("Crispy Pork Belly, step 3").
    """
    parts: list[str] = []
    position = 0
    for timer in find_timers(text):
        request = TimerRequest(
            timer_title(text, timer, fallback_name), timer.seconds, timer.seconds_max
        )
        parts.append(escape(text[position : timer.start]))
        parts.append(
            f'<a href="{escape(timer_url(request))}">{escape(text[timer.start : timer.end])}</a>'
        )
        position = timer.end
    parts.append(escape(text[position:]))
    return "".join(parts)


# The model -----------------------------------------------------------------------------


#: The states of a countdown; the domain owns them (kept under this name for the views).
TimerState = CountdownState


class KitchenTimer(QObject):
    """One named countdown on screen: a domain `Countdown` on the wall clock, and a signal
    when it changes."""

    changed = Signal()

    def __init__(
        self,
        request: TimerRequest | None = None,
        parent: QObject | None = None,
        countdown: Countdown | None = None,
    ) -> None:
        super().__init__(parent)
        if countdown is None:
            assert request is not None
            countdown = Countdown.start(
                request.name, request.seconds, request.seconds_max, time.time()
            )
        self.countdown = countdown
        self.started_at = QDateTime.fromSecsSinceEpoch(round(countdown.started_at)).time()

    @property
    def name(self) -> str:
        return self.countdown.name

    @property
    def seconds(self) -> int | None:
        return self.countdown.seconds

    @property
    def seconds_max(self) -> int | None:
        return self.countdown.seconds_max

    @property
    def state(self) -> CountdownState:
        return self.countdown.state

    def remaining(self) -> float:
        """Seconds left (0 once it has rung; the length while paused)."""
        return self.countdown.remaining(time.time())

    def pause(self) -> None:
        if self.countdown.pause(time.time()):
            self.changed.emit()

    def resume(self) -> None:
        if self.countdown.resume(time.time()):
            self.changed.emit()

    def reset(self) -> None:
        """Back to the full length, paused: a reset timer waits to be started again."""
        if self.countdown.reset():
            self.changed.emit()

    def continue_to_high_end(self) -> None:
        """After the low end of a range has rung, count on to the high end ("up to 2 h")."""
        if self.countdown.continue_to_high_end(time.time()):
            self.changed.emit()

    def advance(self) -> bool:
        """Advance; True when it has just reached zero."""
        if self.countdown.advance(time.time()):
            self.changed.emit()
            return True
        return False


class KitchenTimers(QObject):
    """Every running timer of the app, one clock for all, and the alert when one rings.

    `sound` is called every few seconds while any timer is ringing; tests replace it.
    """

    added = Signal(KitchenTimer)
    removed = Signal(KitchenTimer)
    rang = Signal(KitchenTimer)
    ticked = Signal(int)
    #: Any timer started, cancelled, paused, resumed or rung: time to save them.
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timers: list[KitchenTimer] = []
        self._ticks = 0
        self.sound: Callable[[], None] = play_alert_sound
        self._tray: QSystemTrayIcon | None = None
        self._clock = QTimer(self)
        self._clock.setInterval(TICK_MS)
        self._clock.timeout.connect(self._tick)

    def timers(self) -> list[KitchenTimer]:
        return list(self._timers)

    def start(self, request: TimerRequest) -> KitchenTimer:
        """Start a countdown now, or note a reminder when the request has no length."""
        return self._take(KitchenTimer(request, self))

    def _take(self, timer: KitchenTimer) -> KitchenTimer:
        self._timers.append(timer)
        timer.changed.connect(self.changed)
        self.added.emit(timer)
        self._clock.start()
        self.changed.emit()
        return timer

    def running(self) -> list[KitchenTimer]:
        """The timers a cook would miss: counting down, paused or ringing (not reminders)."""
        return [timer for timer in self._timers if timer.countdown.counting]

    def snapshot(self) -> list[dict]:
        """Every timer as plain data, to bring back after a restart."""
        return [timer.countdown.to_dict() for timer in self._timers]

    def restore(self, saved: list) -> int:
        """Bring back saved timers (those that ran out meanwhile ring at once); returns how
        many came back. Damaged entries are skipped."""
        count = 0
        for data in saved:
            countdown = Countdown.from_dict(data)
            if countdown is not None:
                self._take(KitchenTimer(parent=self, countdown=countdown))
                count += 1
        if count:
            self._tick()
        return count

    def cancel(self, timer: KitchenTimer) -> None:
        """Remove a timer; cancelling a ringing one is how it is dismissed."""
        if timer in self._timers:
            self._timers.remove(timer)
            self.removed.emit(timer)
            timer.deleteLater()
            self.changed.emit()
        if not self.alerting():
            self._hide_tray()
        if not self._timers:
            self._clock.stop()

    def alerting(self) -> list[KitchenTimer]:
        return [timer for timer in self._timers if timer.state is TimerState.ALERTING]

    def _tick(self) -> None:
        self._ticks += 1
        for timer in list(self._timers):
            if timer.advance():
                self._notify(timer)
                self.rang.emit(timer)
        ringing = self.alerting()
        if ringing and self._ticks % SOUND_EVERY_TICKS == 0:
            self.sound()
        self.ticked.emit(self._ticks)

    def _notify(self, timer: KitchenTimer) -> None:
        self.sound()
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self._tray is None:
            icon = QApplication.windowIcon()
            if icon.isNull():
                icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self._tray = QSystemTrayIcon(QIcon(icon), self)
        self._tray.show()
        message = "Time is up."
        if timer.seconds_max is not None:
            message = f"Time to check: it may need up to {format_duration(timer.seconds_max)}."
        self._tray.showMessage(
            display_line(timer.name), message, QSystemTrayIcon.MessageIcon.Warning, 30_000
        )

    def _hide_tray(self) -> None:
        if self._tray is not None:
            self._tray.hide()


@cache
def _sound_command() -> tuple[str, list[str]] | None:
    """The platform's own alarm sound player, if it has one."""
    if sys.platform.startswith("linux"):
        if shutil.which("canberra-gtk-play"):
            return "canberra-gtk-play", ["-i", "alarm-clock-elapsed", "-d", "Kitchen timer"]
        if _FREEDESKTOP_SOUND.exists():
            for player in ("pw-play", "paplay"):
                if shutil.which(player):
                    return player, [str(_FREEDESKTOP_SOUND)]
    if sys.platform == "darwin" and _MAC_SOUND.exists():
        return "afplay", [str(_MAC_SOUND)]
    return None


def play_alert_sound() -> None:
    """An alarm sound where the platform has one, else the system bell (Windows beeps)."""
    command = _sound_command()
    if command is None:
        QApplication.beep()
    else:
        QProcess.startDetached(*command)


def format_clock(seconds: float) -> str:
    """A countdown's face: "1:29:59", "14:59", "0:05" (rounding up, so 0:00 means done)."""
    whole = int(-(-seconds // 1))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


# The views -----------------------------------------------------------------------------


class TimerRow(QFrame):
    """One timer: its name, its countdown, and pause, reset and cancel (or dismiss)."""

    def __init__(
        self, timer: KitchenTimer, timers: KitchenTimers, point_size: int, compact: bool = False
    ) -> None:
        super().__init__()
        self.timer = timer
        self._timers = timers
        self.setObjectName("timerRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.name_label = QLabel(timer.name, objectName="timerName", wordWrap=True)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.clock_label = QLabel(objectName="timerClock")
        self.note_label = QLabel(objectName="timerNote", wordWrap=True)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.pause_button = QPushButton("Pause", objectName="timerPause")
        self.reset_button = QPushButton("Reset", objectName="timerReset")
        self.more_button = QPushButton(objectName="timerMore")
        self.cancel_button = QPushButton("Cancel", objectName="timerCancel")
        self.pause_button.clicked.connect(self._pause_clicked)
        self.reset_button.clicked.connect(timer.reset)
        self.more_button.clicked.connect(timer.continue_to_high_end)
        self.cancel_button.clicked.connect(lambda: timers.cancel(timer))

        font = self.font()
        font.setPointSize(point_size)
        self.setFont(font)
        # Fonts are set on each child: a style sheet above the panel stops them inheriting.
        for widget in (self.note_label, *self._buttons()):
            widget.setFont(font)
        clock_font = QFont(font)
        clock_font.setPointSize(round(point_size * (1.6 if compact else 2.2)))
        clock_font.setBold(True)
        self.clock_label.setFont(clock_font)
        name_font = QFont(font)
        name_font.setBold(True)
        self.name_label.setFont(name_font)

        buttons = QHBoxLayout()
        for button in self._buttons():
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        if compact:
            # Cook mode: name and clock on one line, note and buttons on the next, so that
            # three timers fit beside a step.
            top = QHBoxLayout()
            top.addWidget(self.name_label, 1)
            top.addWidget(self.clock_label)
            bottom = QHBoxLayout()
            bottom.addWidget(self.note_label, 1)
            bottom.addLayout(buttons)
            layout.addLayout(top)
            layout.addLayout(bottom)
        else:
            layout.addWidget(self.name_label)
            layout.addWidget(self.clock_label)
            layout.addWidget(self.note_label)
            layout.addLayout(buttons)
        self._flash_on = False
        timer.changed.connect(self.refresh)
        timers.ticked.connect(self._ticked)
        self.refresh()

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.pause_button, self.reset_button, self.more_button, self.cancel_button)

    def _pause_clicked(self) -> None:
        if self.timer.state is TimerState.RUNNING:
            self.timer.pause()
        else:
            self.timer.resume()

    def _ticked(self, ticks: int) -> None:
        if self.timer.state is TimerState.ALERTING:
            self._flash_on = ticks % 2 == 0
        self.refresh()

    def refresh(self) -> None:
        timer = self.timer
        state = timer.state
        self.pause_button.setText("Resume" if state is TimerState.PAUSED else "Pause")
        self.pause_button.setVisible(state in (TimerState.RUNNING, TimerState.PAUSED))
        self.reset_button.setVisible(state in (TimerState.RUNNING, TimerState.PAUSED))
        can_continue = state is TimerState.ALERTING and timer.seconds_max is not None
        self.more_button.setVisible(can_continue)
        if can_continue and timer.seconds_max is not None and timer.seconds is not None:
            self.more_button.setText(f"Keep going to {format_duration(timer.seconds_max)}")
        self.cancel_button.setText(
            "Dismiss"
            if state is TimerState.ALERTING
            else "Done"
            if state is TimerState.REMINDER
            else "Cancel"
        )
        if state is TimerState.REMINDER:
            self.clock_label.setText(f"since {timer.started_at.toString('HH:mm')}")
            self.note_label.setText("A reminder, not a countdown.")
        elif state is TimerState.ALERTING:
            self.clock_label.setText("Time's up!")
            self.note_label.setText(
                f"Check it now; it may need up to {format_duration(timer.seconds_max)}."
                if timer.seconds_max is not None
                else ""
            )
        else:
            self.clock_label.setText(format_clock(timer.remaining()))
            note = "Paused. " if state is TimerState.PAUSED else ""
            if timer.seconds_max is not None and timer.seconds is not None:
                note += (
                    f"Rings at {format_duration(timer.seconds)}, "
                    f"up to {format_duration(timer.seconds_max)}."
                )
            self.note_label.setText(note.strip())
        self.note_label.setVisible(bool(self.note_label.text()))
        self._paint(state is TimerState.ALERTING)

    def _paint(self, alerting: bool) -> None:
        if alerting:
            background = FLASH_COLOURS[0] if self._flash_on else FLASH_COLOURS[1]
            foreground = "#ffffff" if self._flash_on else "#000000"
            self.setStyleSheet(
                f"QFrame#timerRow {{ background: {background}; border-radius: 6px; }}"
                f" QFrame#timerRow QLabel {{ color: {foreground}; }}"
            )
        else:
            self.setStyleSheet("")

    @property
    def flashing(self) -> bool:
        return self.timer.state is TimerState.ALERTING


class TimerPanel(QWidget):
    """The timers of a `KitchenTimers`, one row each; `point_size` scales it for cook mode."""

    def __init__(
        self,
        timers: KitchenTimers,
        parent: QWidget | None = None,
        point_size: int = 11,
        compact: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("timerPanel")
        self.timers = timers
        self._point_size = point_size
        self._compact = compact
        self._rows: dict[KitchenTimer, TimerRow] = {}
        self.empty_label = QLabel(
            "No timers. Click a time in a step to start one.", objectName="timersEmpty"
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)
        inner = QWidget()
        self._rows_layout = QVBoxLayout(inner)
        self._rows_layout.setContentsMargins(4, 4, 4, 4)
        self._rows_layout.addWidget(self.empty_label)
        self._rows_layout.addStretch(1)
        scroll = QScrollArea(objectName="timerScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        timers.added.connect(self._add_row)
        timers.removed.connect(self._remove_row)
        timers.rang.connect(self._rang)
        for timer in timers.timers():
            self._add_row(timer)

    def rows(self) -> list[TimerRow]:
        return list(self._rows.values())

    def _add_row(self, timer: KitchenTimer) -> None:
        row = TimerRow(timer, self.timers, self._point_size, self._compact)
        self._rows[timer] = row
        self._rows_layout.insertWidget(self._rows_layout.count() - 1, row)
        self.empty_label.hide()

    def _remove_row(self, timer: KitchenTimer) -> None:
        row = self._rows.pop(timer, None)
        if row is not None:
            row.hide()
            row.deleteLater()
        self.empty_label.setVisible(not self._rows)

    def _rang(self, _timer: KitchenTimer) -> None:
        if self.isVisible():
            QApplication.alert(self.window())


class TimerDock(QDockWidget):
    """The main window's timer panel; it shows itself when a timer starts or rings."""

    def __init__(self, timers: KitchenTimers, parent: QWidget | None = None) -> None:
        super().__init__("Timers", parent)
        self.setObjectName("timerDock")
        self.timers = timers
        self.panel = TimerPanel(timers, self)
        self.setWidget(self.panel)
        self.setMinimumWidth(260)
        timers.added.connect(lambda _timer: self._reveal())
        timers.rang.connect(lambda _timer: self._reveal())

    def _reveal(self) -> None:
        self.show()
        self.raise_()
