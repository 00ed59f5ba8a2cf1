"""Opening on each record's outline (`defer_checks`, the window's open) and checking every
document later (`finish_reading`) ends exactly where a full check at open does: the same
recipes shown, the same records left out and named, the same merge winners.

The bad records here are laid out as this app writes them (compact JSON, the title first),
so that only the full check can find what is wrong with them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from storage_helpers import make_recipe, titles

from recipe_manager.storage import Computer, RecipeLibrary, open_library_safely
from recipe_manager.storage.device_files import version_line
from recipe_manager.storage.device_tables import write_table_file
from recipe_manager.storage.merge import RECIPE, Version

A = Computer("a" * 32, "kitchen")
B = Computer("b" * 32, "laptop")
READER = Computer("c" * 32, "reader")

#: What can be wrong inside a document the outline does not look at.
BAD_VALUES = {
    "NaN": b"NaN",
    "1e999": b"1e999",
    "a huge number": b"9" * 5000,
    "a lone surrogate": b'"\\ud800"',
    "a repeated key": b'4,"title":"Again"',
    "nested 100 deep": b"[" * 100 + b"]" * 100,
    "not JSON": b"{oops",
    "a field beyond the limits": b'4,"summary":"' + b"x" * 1_100_000 + b'"',
}


def line_of(computer: Computer, key: str, time: int, title: str, bad: bytes | None) -> bytes:
    """A journal line as this app writes it, its servings replaced by `bad`."""
    document = make_recipe(title).to_dict()
    document["id"] = key
    line = version_line(Version(RECIPE, key, time, computer.id, document, {}))
    if bad is not None:
        line = line.replace(b'"servings":4', b'"servings":' + bad, 1)
    return line


def write_journal(folder: Path, computer: Computer, lines: list[bytes]) -> Path:
    devices = folder / "devices"
    devices.mkdir(parents=True, exist_ok=True)
    path = devices / f"{computer.id}.journal.jsonl"
    header = json.dumps({"meta": {"app": "recipe-manager", "layout": 2, "device": computer.id}})
    path.write_bytes(header.encode() + b"\n" + b"".join(lines))
    return path


def write_table(
    folder: Path, computer: Computer, versions: list[tuple[str, int, str]], bad: dict[str, bytes]
) -> Path:
    """A computer's table file of (id, time, title) versions, the documents of the ids in
    `bad` broken the same way as `line_of`'s."""
    devices = folder / "devices"
    devices.mkdir(parents=True, exist_ok=True)
    path = devices / f"{computer.id}.json"
    made = []
    for key, time, title in versions:
        document = make_recipe(title).to_dict()
        document["id"] = key
        made.append(Version(RECIPE, key, time, computer.id, document, {}))
    write_table_file(path, computer.id, computer.name, made)
    lines = path.read_bytes().split(b"\n")
    for number, line in enumerate(lines):
        for key, value in bad.items():
            if f'"id":"{key}",'.encode() in line:
                lines[number] = line.replace(b'"servings":4', b'"servings":' + value, 1)
    path.write_bytes(b"\n".join(lines))
    return path


def shown(library: RecipeLibrary) -> dict[str, tuple[str, str | None]]:
    return {s.id: (s.title, library.version_of(s.id)) for s in library.summaries()}


def both_ways(folder: Path) -> tuple[RecipeLibrary, RecipeLibrary]:
    full = RecipeLibrary(folder, computer=READER, read_only=True, backups=0)
    deferred = RecipeLibrary(folder, computer=READER, read_only=True, backups=0, defer_checks=True)
    return full, deferred


@pytest.mark.parametrize("bad", list(BAD_VALUES.values()), ids=list(BAD_VALUES))
@pytest.mark.parametrize("where", ["journal", "table"])
def test_a_bad_document_found_late_is_left_out_named_and_the_earlier_version_comes_back(
    library_path: Path, bad: bytes, where: str
) -> None:
    if where == "journal":
        write_journal(
            library_path,
            A,
            [
                line_of(A, "soup", 5, "Soup as first written", None),
                line_of(A, "cake", 6, "Cake", None),
                line_of(A, "soup", 9, "Soup broken", bad),
                line_of(A, "new", 10, "A recipe with nothing good", bad),
            ],
        )
    else:
        # The table holds the first version, the journal the broken edit, as after compaction.
        write_table(
            library_path, A, [("soup", 5, "Soup as first written"), ("cake", 6, "Cake")], {}
        )
        write_journal(library_path, A, [line_of(A, "soup", 9, "Soup broken", bad)])
        write_table(library_path, B, [("new", 10, "A recipe with nothing good")], {"new": bad})
    full, deferred = both_ways(library_path)
    assert deferred.finish_reading() is True
    assert titles(deferred.recipes()) == titles(full.recipes()) == {"Soup as first written", "Cake"}
    assert shown(deferred) == shown(full)
    assert sorted(deferred.problems) == sorted(full.problems)
    assert len(deferred.problems) == 2 and all("set aside" in p for p in deferred.problems)
    assert deferred.last_change.ids == {"soup", "new"}
    assert deferred.finish_reading() is False  # checked once


def test_before_the_check_a_bad_recipe_is_listed_by_its_title_and_refuses_to_open(
    library_path: Path,
) -> None:
    write_journal(library_path, A, [line_of(A, "x", 5, "Looks fine", BAD_VALUES["NaN"])])
    library = RecipeLibrary(library_path, computer=READER, backups=0, defer_checks=True)
    assert [s.title for s in library.summaries()] == ["Looks fine"]
    with pytest.raises(Exception, match="NaN"):
        library.get("x")
    assert library.finish_reading() is True
    assert len(library) == 0
    assert "NaN" in library.problems[0]


def test_the_same_versions_in_a_table_and_a_journal_are_shown_once_without_a_change(
    library_path: Path,
) -> None:
    """Compaction killed between writing the table and cutting the journal: every version is
    read twice, compared by raw text, and counted once."""
    versions = [(f"r{n}", n + 1, f"Recipe {n}") for n in range(50)]
    write_table(library_path, A, versions, {})
    write_journal(library_path, A, [line_of(A, key, t, title, None) for key, t, title in versions])
    full, deferred = both_ways(library_path)
    assert shown(deferred) == shown(full)
    assert len(deferred) == 50
    assert deferred.finish_reading() is False
    assert deferred.problems == full.problems == []


def test_the_window_open_checks_every_record_and_backs_up_only_after(library_path: Path) -> None:
    """`open_library_safely(defer_checks=True)` as the window calls it: the session backup
    waits for the checks and holds no record that failed them."""
    write_journal(
        library_path,
        A,
        [line_of(A, "a", 5, "Good", None), line_of(A, "b", 6, "Bad", BAD_VALUES["not JSON"])],
    )
    result = open_library_safely(library_path, defer_checks=True)
    library = result.library
    assert not library.list_backups()
    library.finish_reading()
    library.close()  # waits for the backup it started
    (backup,) = library.list_backups()
    assert [doc["title"] for doc in backup.load()["recipe"]] == ["Good"]
    library.add(make_recipe("After"))
    assert titles(library.recipes()) == {"Good", "After"}


@st.composite
def libraries(draw: st.DrawFn) -> list[tuple[Computer, str, str, int, str, bytes | None]]:
    """Versions of a few records by two computers, in their journals or tables, some bad."""
    versions = []
    for number in range(draw(st.integers(1, 14))):
        computer = draw(st.sampled_from([A, B]))
        place = draw(st.sampled_from(["journal", "table"]))
        key = draw(st.sampled_from(["x", "y", "z"]))
        time = draw(st.integers(1, 6))
        bad = draw(st.none() | st.sampled_from([b"NaN", b"{oops", b'4,"title":"Again"']))
        versions.append((computer, place, key, time, f"T{number}", bad))
    return versions


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(versions=libraries())
def test_checking_later_ends_where_checking_at_open_does(
    tmp_path_factory: pytest.TempPathFactory,
    versions: list[tuple[Computer, str, str, int, str, bytes | None]],
) -> None:
    folder = tmp_path_factory.mktemp("library")
    for computer in (A, B):
        mine = [v for v in versions if v[0] is computer]
        journal = [
            line_of(computer, k, t, title, bad) for _, p, k, t, title, bad in mine if p == "journal"
        ]
        table = [(k, t, title) for _, p, k, t, title, _ in mine if p == "table"]
        table_bad = {k: bad for _, p, k, _, _, bad in mine if p == "table" and bad is not None}
        if journal:
            write_journal(folder, computer, journal)
        if table:
            write_table(folder, computer, table, table_bad)
    full, deferred = both_ways(folder)
    deferred.finish_reading()
    assert shown(deferred) == shown(full)
    assert sorted(deferred.problems) == sorted(full.problems)
    assert titles(deferred.recipes()) == titles(full.recipes())
