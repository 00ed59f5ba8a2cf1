"""The merge as a pure function: no files, no clock. Any order of arrival, the same library.

Histories are random edits, deletes and syncs among three computers; each computer makes
its versions the way the library does (a new version follows what its author saw).
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from recipe_manager.storage.merge import (
    RECIPE,
    Version,
    copy_id,
    merge_versions,
    newest_per_device,
    resolve,
    seen_after,
)

DEVICES = ("a" * 32, "b" * 32, "c" * 32)
KEYS = ("soup", "cake", "stew")


def version(key: str, time: int, device: str, title: str | None, **seen: int) -> Version:
    document = None if title is None else {"id": key, "title": title}
    return Version(RECIPE, key, time, device, document, seen)


def shown(versions: list[Version]) -> dict[str, str]:
    return {
        entry_id: (entry.version.document or {}).get("title", "")
        for entry_id, entry in merge_versions(versions).get(RECIPE, {}).items()
    }


def test_the_newest_wins_by_time_then_computer() -> None:
    a, b = DEVICES[0], DEVICES[1]
    first = version("soup", 10, a, "Soup")
    later = version("soup", 20, b, "Better soup", **{a: 10})
    assert shown([first, later]) == {"soup": "Better soup"}
    tie_a, tie_b = version("cake", 5, a, "A's cake"), version("cake", 5, b, "B's cake")
    assert shown([tie_a, tie_b])["cake"] == "B's cake"  # same time: the larger computer id


def test_a_deletion_wins_over_older_versions_and_never_comes_back() -> None:
    a, b = DEVICES[0], DEVICES[1]
    made = version("soup", 10, a, "Soup")
    deleted = version("soup", 20, b, None, **{a: 10})
    assert shown([made, deleted]) == {}
    assert shown([deleted, made]) == {}


def test_concurrent_edits_are_both_kept() -> None:
    a, b = DEVICES[0], DEVICES[1]
    base = version("soup", 10, a, "Soup")
    mine = version("soup", 20, a, "Soup with leeks", **{a: 10})
    theirs = version("soup", 15, b, "Soup with kale", **{a: 10})
    result = shown([base, mine, theirs])
    assert result == {"soup": "Soup with leeks", copy_id(theirs): "Soup with kale"}


def test_an_edit_that_saw_the_other_leaves_no_copy() -> None:
    a, b = DEVICES[0], DEVICES[1]
    theirs = version("soup", 15, b, "Soup with kale")
    mine = version("soup", 20, a, "Soup with kale and leeks", **{b: 15})
    assert shown([theirs, mine]) == {"soup": "Soup with kale and leeks"}


def test_a_copy_once_written_under_its_id_is_that_record() -> None:
    a, b = DEVICES[0], DEVICES[1]
    mine = version("soup", 20, a, "Leeks")
    theirs = version("soup", 15, b, "Kale")
    removed = Version(RECIPE, copy_id(theirs), 30, a, None, {})
    assert shown([mine, theirs, removed]) == {"soup": "Leeks"}


def test_a_deletion_concurrent_with_an_edit_keeps_the_edit() -> None:
    a, b = DEVICES[0], DEVICES[1]
    made = version("soup", 10, a, "Soup")
    deleted = version("soup", 30, a, None, **{a: 10})
    edited = version("soup", 20, b, "Soup, edited", **{a: 10})
    assert list(shown([made, deleted, edited]).values()) == ["Soup, edited"]


# Random histories ----------------------------------------------------------------------------

operations = st.lists(
    st.tuples(
        st.sampled_from(("edit", "delete", "sync")),
        st.integers(0, 2),
        st.sampled_from(KEYS),
        st.integers(0, 2),
        st.integers(0, 3),  # how far this computer's clock is behind
    ),
    max_size=40,
)


class Computer:
    """A computer with its own clock and the versions it has received so far."""

    def __init__(self, device: str) -> None:
        self.device = device
        self.known: set[Version] = set()
        self.last_time = 0

    def change(self, key: str, title: str | None, clock: int, skew: int) -> Version:
        group = [v for v in self.known if v.key == key]
        candidates = newest_per_device(group)
        winner = resolve(candidates).winner if candidates else None
        own = candidates.get(self.device)
        time = max(clock - skew, self.last_time + 1, max((v.time for v in group), default=0) + 1)
        self.last_time = time
        made = version(key, time, self.device, title)
        made = Version(
            RECIPE,
            key,
            time,
            self.device,
            made.document,
            seen_after(winner, self.device, own.time if own else None),
        )
        self.known.add(made)
        return made


def play(history: list[tuple[str, int, str, int, int]]) -> tuple[list[Computer], list[Version]]:
    computers = [Computer(device) for device in DEVICES]
    written: list[Version] = []
    for clock, (action, who, key, other, skew) in enumerate(history, start=1):
        computer = computers[who]
        if action == "sync":
            computers[other].known |= computer.known
        else:
            title = None if action == "delete" else f"{key} by {who} at {clock}"
            written.append(computer.change(key, title, clock * 10, skew * 15))
    return computers, written


@settings(max_examples=300, deadline=None)
@given(history=operations, seed=st.integers(0, 10**6))
def test_any_order_of_arrival_gives_the_same_library(history: list, seed: int) -> None:
    _computers, written = play(history)
    expected = merge_versions(written)
    shuffled = list(written)
    random.Random(seed).shuffle(shuffled)
    assert _plain(merge_versions(shuffled)) == _plain(expected)
    # A version arriving twice (a sync tool's conflict copy of a file) changes nothing.
    assert _plain(merge_versions(shuffled + written[: len(written) // 2])) == _plain(expected)


@settings(max_examples=300, deadline=None)
@given(history=operations)
def test_every_computer_ends_with_the_same_library_and_nothing_typed_is_dropped(
    history: list,
) -> None:
    computers, written = play(history)
    everything = set(written)
    for computer in computers:
        computer.known |= everything
    libraries = [_plain(merge_versions(computer.known)) for computer in computers]
    assert libraries[0] == libraries[1] == libraries[2]
    shown_versions = {
        id(entry.version) for kind in merge_versions(everything).values() for entry in kind.values()
    }
    for made in written:
        if made.document is None or id(made) in shown_versions:
            continue
        # Not shown: then someone saw it before writing a later version (knowingly replaced).
        assert any(
            other.seen.get(made.device, -1) >= made.time for other in written if other is not made
        ), made


@settings(max_examples=200, deadline=None)
@given(history=operations)
def test_a_deletion_seen_by_everyone_stays_deleted(history: list) -> None:
    _computers, written = play(history)
    for key in KEYS:
        last = [v for v in written if v.key == key]
        if not last:
            continue
        newest = max(last, key=lambda v: (v.time, v.device))
        others_seen = all(newest.seen.get(v.device, -1) >= v.time for v in last if v is not newest)
        if newest.document is None and others_seen:
            assert key not in _plain(merge_versions(written)).get(RECIPE, {})


def _plain(merged: dict) -> dict:
    return {
        kind: {entry_id: (e.version.token, e.conflict_of) for entry_id, e in entries.items()}
        for kind, entries in merged.items()
    }
