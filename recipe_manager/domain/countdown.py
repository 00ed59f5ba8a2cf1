"""A kitchen timer's countdown, in pure Python: what is left, paused or ringing, at any time.

A running countdown is a wall-clock deadline, not a number of seconds left: the time keeps
running while the app is closed or the computer sleeps, so a timer saved when the app quits
comes back after a restart with the right time left (or ringing, if it ran out meanwhile).
Every method takes `now` (seconds since the epoch, as `time.time()` gives) so that tests and
the app agree on one clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any


class CountdownState(Enum):
    RUNNING = "running"
    PAUSED = "paused"
    ALERTING = "alerting"
    REMINDER = "reminder"


@dataclass(slots=True)
class Countdown:
    """One named countdown (or a reminder such as "overnight", which never counts down).

    `seconds` is what it rings at (the low end of a range), `seconds_max` the high end it
    may run on to. `deadline` is when a running countdown rings; `left` what a paused one
    has left.
    """

    name: str
    seconds: int | None
    seconds_max: int | None
    state: CountdownState
    started_at: float
    deadline: float = 0.0
    left: float = 0.0

    @classmethod
    def start(
        cls, name: str, seconds: int | None, seconds_max: int | None, now: float
    ) -> Countdown:
        """Running from `now`; a reminder when there is no length."""
        if seconds is None:
            return cls(name, None, seconds_max, CountdownState.REMINDER, now)
        return cls(name, seconds, seconds_max, CountdownState.RUNNING, now, now + seconds, seconds)

    def remaining(self, now: float) -> float:
        """Seconds left: 0 once it has rung (or for a reminder); the rest while paused."""
        if self.state is CountdownState.RUNNING:
            return max(0.0, self.deadline - now)
        if self.state is CountdownState.PAUSED:
            return self.left
        return 0.0

    def pause(self, now: float) -> bool:
        if self.state is not CountdownState.RUNNING:
            return False
        self.left = self.remaining(now)
        self.state = CountdownState.PAUSED
        return True

    def resume(self, now: float) -> bool:
        if self.state is not CountdownState.PAUSED:
            return False
        self.deadline = now + self.left
        self.state = CountdownState.RUNNING
        return True

    def reset(self) -> bool:
        """Back to the full length, paused: a reset timer waits to be started again."""
        if self.state is CountdownState.REMINDER:
            return False
        self.left = float(self.seconds or 0)
        self.state = CountdownState.PAUSED
        return True

    def continue_to_high_end(self, now: float) -> bool:
        """After the low end of a range has rung, count on to the high end ("up to 2 h")."""
        if (
            self.seconds is None
            or self.seconds_max is None
            or self.state is not CountdownState.ALERTING
        ):
            return False
        self.deadline = now + (self.seconds_max - self.seconds)
        self.seconds, self.seconds_max = self.seconds_max, None
        self.state = CountdownState.RUNNING
        return True

    def advance(self, now: float) -> bool:
        """True when it has just reached zero (it rings from then on)."""
        if self.state is CountdownState.RUNNING and self.deadline <= now:
            self.state = CountdownState.ALERTING
            return True
        return False

    @property
    def counting(self) -> bool:
        """Whether it still has something to say: running, paused or ringing."""
        return self.state is not CountdownState.REMINDER

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "seconds": self.seconds,
            "seconds_max": self.seconds_max,
            "state": self.state.value,
            "started_at": self.started_at,
            "deadline": self.deadline,
            "left": self.left,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Countdown | None:
        """A saved countdown, or None when the data is not one (a damaged settings file)."""
        if not isinstance(data, dict):
            return None
        try:
            state = CountdownState(data.get("state"))
            name = data["name"]
            seconds, seconds_max = data.get("seconds"), data.get("seconds_max")
            numbers = [float(data.get(key) or 0) for key in ("started_at", "deadline", "left")]
        except (KeyError, ValueError, TypeError):
            return None
        whole = all(
            value is None or (type(value) is int and value >= 0) for value in (seconds, seconds_max)
        )
        if not isinstance(name, str) or not whole:
            return None
        return cls(name, seconds, seconds_max, state, *numbers)
