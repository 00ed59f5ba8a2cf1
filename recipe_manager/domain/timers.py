"""Durations in a step's text ("1½- 2 hours", "20 to 25 minutes", "overnight"), found where
they are written so that the detail pane and cook mode can turn them into timers.

A range counts down to its low end (the first time to look) and keeps its high end to say
"up to 2 h". "Overnight" is not a countdown: it comes back as a reminder, with `seconds`
None and `reminder` True, so that nobody is woken at 3 a.m. by a timer they never wanted.
Numbers that are not times ("1cm", "180°C", "3 large pieces") are left alone.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from fractions import Fraction

from .quantities import UNICODE_FRACTIONS, format_fraction, read_amount, read_number


@dataclass(frozen=True, slots=True)
class StepTimer:
    """A duration in a step: `label` is `text[start:end]`, the words exactly as written.

    `seconds` is the low end (None for a reminder such as "overnight"); `seconds_max` is the
    high end of a range, else None.
    """

    seconds: int | None
    seconds_max: int | None
    label: str
    start: int
    end: int
    reminder: bool = False


_UNI = "".join(UNICODE_FRACTIONS)
_UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
# The words after a number that make it a time; "m" and "s" alone are not (metres, sizes).
_UNIT = re.compile(
    r"(?i)[ \t]*(?:-[ \t]*)?(?:(?P<hour>hours?|hrs?|h)|(?P<minute>minutes?|mins?)"
    r"|(?P<second>seconds?|secs?)|(?P<day>days?))(?![^\W\d_])"
)
# Where a number may start: not inside a word or another number ("1cm", "A4", "2.5").
_NUMBER_START = re.compile(rf"(?<![\w.,/{_UNI}])(?=[\d{_UNI}])")
_WORD_AMOUNT = re.compile(
    r"(?i)\b(?P<words>one\s+and\s+a\s+half|half\s+an?|"
    r"a\s+couple\s+of|a\s+few|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty|thirty|forty|forty[- ]five|fifty|sixty)"
    r"(?=\s+(?:more\s+)?(?:hours?|minutes?|mins?|seconds?|days?)\b)"
)
_WORD_VALUES = {
    "a": (Fraction(1), None),
    "an": (Fraction(1), None),
    "one": (Fraction(1), None),
    "two": (Fraction(2), None),
    "three": (Fraction(3), None),
    "four": (Fraction(4), None),
    "five": (Fraction(5), None),
    "six": (Fraction(6), None),
    "seven": (Fraction(7), None),
    "eight": (Fraction(8), None),
    "nine": (Fraction(9), None),
    "ten": (Fraction(10), None),
    "eleven": (Fraction(11), None),
    "twelve": (Fraction(12), None),
    "fifteen": (Fraction(15), None),
    "twenty": (Fraction(20), None),
    "thirty": (Fraction(30), None),
    "forty": (Fraction(40), None),
    "forty five": (Fraction(45), None),
    "fifty": (Fraction(50), None),
    "sixty": (Fraction(60), None),
    "half a": (Fraction(1, 2), None),
    "half an": (Fraction(1, 2), None),
    "one and a half": (Fraction(3, 2), None),
    "a couple of": (Fraction(2), None),
    "a few": (Fraction(2), Fraction(5)),
}
_OR_TWO = re.compile(r"(?i)\s+or\s+two\b")
_GLUED_MINUTES = re.compile(r"(?i)m(?![^\W\d_])")
_MORE = re.compile(r"(?i)\s+more(?=\s)")
_AND_A_HALF = re.compile(r"(?i)\s+and\s+a\s+half\b")
# "1 hour 30 minutes", "1 hr, 15 mins", "2 hours and 10 minutes"
_COMPOUND_JOIN = re.compile(r"(?i)\s*,?\s*(?:and\s+)?")
_RANGE_JOIN = re.compile(r"(?i)\s*(?:-|–|—|\bto\b|\bor\b)\s*")
_REMINDER = re.compile(r"(?i)\bover[- ]?night\b")


@dataclass(frozen=True, slots=True)
class _Span:
    low: Fraction
    high: Fraction | None
    start: int
    end: int


def find_timers(text: str) -> list[StepTimer]:
    """Every duration in `text`, in order of appearance; never raises."""
    found: list[StepTimer] = []
    taken_until = 0
    for start in _candidate_starts(text):
        if start < taken_until:
            continue
        span = _read_duration_range(text, start)
        if span is None:
            continue
        seconds = round(span.low)
        seconds_max = round(span.high) if span.high is not None else None
        if seconds <= 0:
            continue
        taken_until = span.end
        label = text[span.start : span.end]
        if seconds >= _DAY:
            # Days are not a countdown: how long something keeps ("best eaten within a few
            # days") is no timer at all; a step that takes days ("marinate for 2 days") is a
            # reminder that never rings, like "overnight".
            if not _KEEPING.search(text, max(0, span.start - _KEEPING_REACH), span.start):
                found.append(StepTimer(None, None, label, span.start, span.end, True))
            continue
        found.append(StepTimer(seconds, seconds_max, label, span.start, span.end))
    for match in _REMINDER.finditer(text):
        found.append(StepTimer(None, None, match.group(), match.start(), match.end(), True))
    return sorted(found, key=lambda timer: timer.start)


_DAY = 24 * 60 * 60
# Words before a duration that say how long food keeps, not how long a step takes.
_KEEPING = re.compile(
    r"(?i)\b(?:keeps?|kept|stores?|stored|storage|within|lasts?|fresh|good|up\s+to)"
    r"(?:\s+(?:for|about|around|up\s+to|to))*\s*$"
)
_KEEPING_REACH = 32

# Any word that can end a duration; a number with none of these shortly after it cannot
# start one, so it is not read at all (a run of thousands of numbers stays cheap).
_TIME_WORD = re.compile(r"(?i)(?:hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|days?)(?![^\W\d_])")
# The longest stretch from a duration's first number to its unit word ("1 1/2 - 2 1/2 hours").
_REACH = 48


def _candidate_starts(text: str) -> list[int]:
    words = [match.start() for match in _TIME_WORD.finditer(text)]
    starts = {match.start() for match in _NUMBER_START.finditer(text)}
    starts.update(match.start() for match in _WORD_AMOUNT.finditer(text))
    near = []
    for start in sorted(starts):
        index = bisect.bisect_right(words, start)
        if index < len(words) and words[index] - start <= _REACH:
            near.append(start)
    return near


def _read_duration_range(text: str, pos: int) -> _Span | None:
    """A duration, or a range of whole durations ("45 minutes to 1 hour")."""
    first = _read_duration(text, pos)
    if first is None or first.high is not None:
        return first
    join = _RANGE_JOIN.match(text, first.end)
    if join is None:
        return first
    second = _read_duration(text, join.end())
    if second is None or second.high is not None or second.low <= first.low:
        return first
    return _Span(first.low, second.low, first.start, second.end)


def _read_duration(text: str, pos: int) -> _Span | None:
    """Seconds for "1½- 2 hours", "1 hour 30 minutes", "an hour and a half" at `pos`."""
    amount = _read_amount(text, pos)
    if amount is None:
        return None
    low, high, end = amount
    more = _MORE.match(text, end)
    unit = _UNIT.match(text, more.end() if more else end)
    if unit is None:
        return None
    size = _UNIT_SECONDS[unit.lastgroup or "second"]
    low, high, end = low * size, high * size if high is not None else None, unit.end()
    half = _AND_A_HALF.match(text, end)
    if half is not None and high is None:
        return _Span(low + Fraction(size, 2), None, pos, half.end())
    or_two = _OR_TWO.match(text, end)
    if or_two is not None and high is None and low == size:
        return _Span(low, Fraction(2 * size), pos, or_two.end())
    if high is None:
        extra = _read_smaller(text, end, size)
        if extra is not None:
            seconds, end = extra
            low += seconds
    return _Span(low, high, pos, end)


def _read_amount(text: str, pos: int) -> tuple[Fraction, Fraction | None, int] | None:
    if text[pos].isdigit() or text[pos] in UNICODE_FRACTIONS:
        amount = read_amount(text, pos)
        if amount is None:
            return None
        return amount.low, amount.high, amount.end
    words = _WORD_AMOUNT.match(text, pos)
    if words is None:
        return None
    phrase = " ".join(words["words"].lower().replace("-", " ").split())
    low, high = _WORD_VALUES[phrase]
    return low, high, words.end()


def _read_smaller(text: str, pos: int, size: int) -> tuple[Fraction, int] | None:
    """The "30 minutes" of "1 hour 30 minutes": a number and a smaller unit right after."""
    join = _COMPOUND_JOIN.match(text, pos)
    start = join.end() if join else pos
    if start >= len(text) or not text[start].isdigit():
        return None
    number = read_number(text, start)
    if number is None:
        return None
    value, end = number
    unit = _UNIT.match(text, end)
    if unit is None and size == _UNIT_SECONDS["hour"] and start == pos and value < 60:
        glued_m = _GLUED_MINUTES.match(text, end)
        return value * 60, glued_m.end() if glued_m else end
    if unit is None or _UNIT_SECONDS[unit.lastgroup or "second"] >= size:
        return None
    return value * _UNIT_SECONDS[unit.lastgroup or "second"], unit.end()


def format_duration(seconds: int) -> str:
    """A duration as a cook says it: "45 s", "15 min", "1½ h", "1 h 20 min", "2 d"."""
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        minutes, rest = divmod(seconds, 60)
        return f"{minutes} min" if not rest else f"{minutes} min {rest} s"
    if seconds >= 86400 and seconds % 86400 == 0:
        return f"{seconds // 86400} d"
    hours, rest = divmod(seconds, 3600)
    if rest % 900 == 0:
        return f"{format_fraction(Fraction(seconds, 3600))} h"
    minutes = round(rest / 60)
    return f"{hours} h {minutes} min"


def describe_timer(timer: StepTimer) -> str:
    """The timer's length for its name: "1½–2 h", "15 min", "overnight"."""
    if timer.seconds is None:
        return timer.label.lower()
    low = format_duration(timer.seconds)
    if timer.seconds_max is None:
        return low
    high = format_duration(timer.seconds_max)
    low_number, _, low_unit = low.partition(" ")
    high_number, _, high_unit = high.partition(" ")
    if low_unit == high_unit and " " not in low_unit:
        return f"{low_number}–{high_number} {low_unit}"
    return f"{low}–{high}"


# Timer names ---------------------------------------------------------------------------

# Words that start a cooking action, to find what a timer is for.
_VERB_WORDS = """
    add allow bake baste beat blanch blend boil braise brine bring broil brown chill chop
    combine continue cook cool cover cure drain dry ferment freeze fry grill heat increase
    infuse keep knead leave let lower marinate microwave mix pat place poach proof prove
    put reduce refrigerate remove rest return rinse rise roast rub saute sauté scald score
    sear season serve set simmer slice soak stand steam steep stew stir toast transfer turn
    wait warm whisk wrap
"""
_STOP_WORDS = "until while for at about approximately around over before after when or then another"
_COOKING_VERBS = frozenset(_VERB_WORDS.split())
_NAME_STOPS = frozenset(_STOP_WORDS.split())
_TRAILING_WORDS = frozenset({"to", "the", "a", "an", "in", "on", "of", "with", "into"})
_CLAUSE_BREAK = re.compile(r"(?i)\s*(?:[,;:]|\band\b|\bthen\b)\s*")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_MAX_NAME_WORDS = 5


def timer_name(text: str, timer: StepTimer) -> str:
    """What a timer is for, from the step's words: "Roast the pork", "Allow to rest".

    The nearest clause before the duration that starts with a cooking verb names it (the
    clause after it when the duration opens the sentence, as in "After 2 hours, remove the
    pork"); "" when no clause has one, so the caller can fall back to the step number.
    """
    sentence_start = 0
    for match in _SENTENCE_END.finditer(text, 0, timer.start):
        sentence_start = match.end()
    before = text[sentence_start : timer.start]
    if before.count("(") > before.count(")"):
        before = before[: before.rfind("(")]
    clauses = [clause for clause in _CLAUSE_BREAK.split(before) if clause.strip()]
    for clause in reversed(clauses):
        name = _verb_phrase(clause)
        if name:
            return name
    sentence_end = _SENTENCE_END.search(text, timer.end)
    after = text[timer.end : sentence_end.start() if sentence_end else len(text)]
    for clause in _CLAUSE_BREAK.split(after):
        name = _verb_phrase(clause)
        if name:
            return name
    return ""


def _verb_phrase(clause: str) -> str:
    words = clause.replace("(", " ").replace(")", " ").split()
    for index, word in enumerate(words):
        if word.lower().strip(".,") in _COOKING_VERBS:
            phrase: list[str] = []
            for following in words[index:]:
                if phrase and following.lower() in _NAME_STOPS:
                    break
                phrase.append(following)
                if len(phrase) == _MAX_NAME_WORDS:
                    break
            while len(phrase) > 1 and phrase[-1].lower() in _TRAILING_WORDS:
                phrase.pop()
            name = " ".join(phrase).strip(" ,.;:-–—")
            return name[:1].upper() + name[1:]
    return ""
