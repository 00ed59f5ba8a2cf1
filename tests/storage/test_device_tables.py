"""Each computer's TinyDB file: compaction folds the journal into it, nothing is lost or shown
twice, and reading another computer's file keeps every guarantee of reading its journal."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from storage_helpers import make_recipe, titles
from test_bad_files import BAD_LINES, GOOD, OTHER
from tinydb import TinyDB
from tinydb.storages import JSONStorage, MemoryStorage

from recipe_manager.storage import RecipeLibrary, open_library_safely
from recipe_manager.storage import library as library_module


def table_file(records: list[bytes], *, meta: dict | None = None, cut: int | None = None) -> bytes:
    """Another computer's table file in the layout we write: one document per line."""
    head = meta or {"app": "recipe-manager", "layout": 2, "device": OTHER.id, "name": "other"}
    lines = [b"{", b'"_meta":' + json.dumps({"1": head}).encode() + b",", b'"recipes":{']
    for number, line in enumerate(records, 1):
        comma = b"," if number < len(records) else b""
        lines.append(b'"%d":' % number + line.rstrip(b"\n") + comma)
    lines += [b"},", b'"plan":{}', b"}", b""]
    data = b"\n".join(lines)
    return data if cut is None else data[:cut]


def good(recipe_id: str, title: str) -> bytes:
    document = {**make_recipe(title).to_dict(), "id": recipe_id}
    return json.dumps({**GOOD, "id": recipe_id, "doc": document}).encode()


def test_compaction_writes_a_tinydb_database_and_cuts_the_journal(library_path: Path) -> None:
    library = RecipeLibrary(library_path, backups=0)
    ids = library.add_many([make_recipe(f"Recipe {n}") for n in range(30)])
    library.delete(ids[0])
    library.put_plan_entry({"id": "p1", "day": "2025-03-01", "recipe": ids[1]})
    library.compact()
    assert library.own_file.read_bytes().count(b"\n") == 1  # the journal's header alone
    # Plain TinyDB reads it: one document per record's newest version, per kind.
    with TinyDB(library.own_table, storage=JSONStorage, access_mode="r") as database:
        recipes = database.table("recipes").all()
        plan = database.table("plan").all()
    assert len(recipes) == 30 and [d["id"] for d in plan] == ["p1"]
    assert sum(d["doc"] is None for d in recipes) == 1  # the deletion is kept: it must win
    library.add(make_recipe("After compaction"))
    library.close()
    again = RecipeLibrary(library_path, backups=0)
    assert len(again) == 30 and "After compaction" in titles(again.recipes())
    assert [e["id"] for e in again.plan_entries()] == ["p1"]


def test_killed_between_the_table_and_the_journal_cut_loses_and_doubles_nothing(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = RecipeLibrary(library_path, backups=0)
    library.add_many([make_recipe(f"Recipe {n}") for n in range(20)])

    def killed(*_args: object, **_kwargs: object) -> None:
        raise OSError(5, "killed here")

    monkeypatch.setattr(library_module, "replace_file", killed)
    library.compact()
    monkeypatch.undo()
    assert library.own_table.is_file() and library.own_file.read_bytes().count(b"\n") == 21
    library.close()
    again = RecipeLibrary(library_path, backups=0)
    shown = [r.title for r in again.recipes()]
    assert len(shown) == len(set(shown)) == 20
    again.compact()
    assert again.own_file.read_bytes().count(b"\n") == 1
    assert len(RecipeLibrary(library_path, backups=0)) == 20


def test_a_save_during_compaction_is_kept(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = RecipeLibrary(library_path, backups=0)
    library.add_many([make_recipe(f"Recipe {n}") for n in range(20)])
    real = library_module.write_table_file

    def with_a_save_meanwhile(*args: object, **kwargs: object) -> None:
        library.add(make_recipe("Saved meanwhile"))
        real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(library_module, "write_table_file", with_a_save_meanwhile)
    library.compact()
    assert library.own_file.read_bytes().count(b"\n") == 2  # header and the later save
    library.close()
    assert "Saved meanwhile" in titles(RecipeLibrary(library_path, backups=0).recipes())


def test_this_computers_file_from_before_tables_moves_into_the_journal(
    library_path: Path,
) -> None:
    library = RecipeLibrary(library_path, backups=0)
    library.add_many([make_recipe(f"Old {n}") for n in range(5)])
    library.close()
    old = library.own_file.with_name(library.own_file.name.replace(".journal", ""))
    library.own_file.rename(old)
    again = RecipeLibrary(library_path, backups=0)
    assert len(again) == 5 and not old.exists()
    again.add(make_recipe("New"))
    again.close()
    assert len(RecipeLibrary(library_path, backups=0)) == 6


@pytest.mark.parametrize("bad", list(BAD_LINES.values()), ids=list(BAD_LINES))
def test_a_bad_document_in_another_computers_table_is_left_out_and_named(
    library_path: Path, bad: bytes
) -> None:
    mine = RecipeLibrary(library_path, backups=0)
    mine.add(make_recipe("Mine"))
    theirs = library_path / "devices" / f"{OTHER.id}.json"
    data = table_file([good("g", "Theirs"), bad, good("h", "Also theirs")])
    theirs.write_bytes(data)
    result = open_library_safely(library_path)
    assert titles(result.library.recipes()) == {"Mine", "Theirs", "Also theirs"}
    assert result.problem and f"{OTHER.id}.json" in result.problem
    assert theirs.read_bytes() == data  # untouched
    result.library.add(make_recipe("After"))
    result.library.close()


def test_a_table_in_tinydbs_own_layout_is_read_with_the_same_checks(library_path: Path) -> None:
    RecipeLibrary(library_path, backups=0).add(make_recipe("Mine"))
    path = library_path / "devices" / f"{OTHER.id}.json"
    with TinyDB(storage=MemoryStorage) as database:
        database.table("recipes").insert(json.loads(good("g", "Theirs")))
        data = database.storage.read()
    path.write_text(json.dumps(data))
    assert titles(RecipeLibrary(library_path, backups=0).recipes()) == {"Mine", "Theirs"}
    path.write_text(json.dumps(data).replace('"Theirs"', "NaN"))
    library = RecipeLibrary(library_path, backups=0)
    assert titles(library.recipes()) == {"Mine"}
    assert any(f"{OTHER.id}.json" in p for p in library.problems)


def test_a_half_synced_table_gives_what_it_holds_and_is_read_again(library_path: Path) -> None:
    desk = RecipeLibrary(library_path, backups=0)
    whole = table_file([good("g", "One"), good("h", "Two"), good("i", "Three")])
    path = library_path / "devices" / f"{OTHER.id}.json"
    path.write_bytes(whole[: whole.index(b'"3":') + 30])
    desk.reload_if_changed()
    assert titles(desk.recipes()) == {"One", "Two"} and not desk.problems
    path.write_bytes(whole)
    assert desk.reload_if_changed()
    assert titles(desk.recipes()) == {"One", "Two", "Three"}


def test_a_table_from_a_newer_app_is_left_out_and_named(library_path: Path) -> None:
    path = library_path / "devices" / f"{OTHER.id}.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(table_file([good("g", "From the future")], meta={"layout": 99}))
    library = RecipeLibrary(library_path, backups=0)
    assert len(library) == 0
    assert any("newer version" in p for p in library.problems)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_like_a_table_does_not_hang(library_path: Path) -> None:
    (library_path / "devices").mkdir(parents=True)
    os.mkfifo(library_path / "devices" / f"{OTHER.id}.json")
    library = RecipeLibrary(library_path, backups=0)
    assert any("not a regular file" in p for p in library.problems)
