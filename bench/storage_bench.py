"""The folder library at 1,000 / 10,000 / 100,000 recipes: save, start, memory.

Every figure is printed with the baseline it is judged against, measured in the same run:

- a save (update one recipe, acknowledged = appended and fsynced) against writing and
  fsyncing one small file of the same size (goal: within 1.5x), and the bytes it writes;
- start time to the full list (open the folder, merge, `summaries()`) against `json.loads`
  of the same recipes as one JSON document, checking every record at open (`RecipeLibrary`'s
  default) and as the window opens (`defer_checks`: each record's outline, then
  `finish_reading` on a worker once the list is shown, timed apart);
- memory: the process's peak RSS growth for the open library.

    python bench/storage_bench.py [--sizes 1000,10000,100000] [--runs 21]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from recipe_manager.domain import Component, Recipe, parse_ingredient
from recipe_manager.storage import Computer, RecipeLibrary

ME = Computer("b" * 32, "bench")


def recipe(number: int) -> Recipe:
    """About 1.5 KB, as large as a real recipe."""
    return Recipe(
        title=f"Recipe {number}",
        servings=number % 12 + 1,
        category=f"Category {number % 9}",
        tags=["dinner", "weeknight", "make ahead"],
        components=[
            Component(
                ingredients=[parse_ingredient(f"{n} tbsp chopped herb {n}") for n in range(16)],
                steps=[f"Step {n}: stir over a low heat until it thickens." for n in range(9)],
            )
        ],
        notes=["Keeps for three days in the fridge; reheat gently with a splash of water."],
    )


def fsync_small_file(folder: Path, size: int) -> float:
    path = folder / "small.bin"
    payload = b"x" * size
    start = time.perf_counter()
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        os.write(descriptor, payload)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    return time.perf_counter() - start


def bench(count: int, runs: int, base: Path) -> dict[str, float]:
    folder = base / f"lib-{count}"
    library = RecipeLibrary(folder, computer=ME, backups=0)
    batch = 5_000
    for start in range(0, count, batch):
        library.add_many([recipe(n) for n in range(start, min(count, start + batch))])
    library.compact()  # the journal folded into the TinyDB file: a start reads that
    library.close()
    table_mb = library.own_table.stat().st_size / 1e6

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    library = RecipeLibrary(folder, computer=ME, backups=0)
    rows = library.summaries()
    start_s = time.perf_counter() - start
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    assert len(rows) == count

    documents = [dict(row.document) for row in rows]
    blob = json.dumps(documents).encode()
    t0 = time.perf_counter()
    json.loads(blob)
    loads_s = time.perf_counter() - t0

    target = library.recipes()[0] if count <= 10_000 else library.get(rows[0].id)
    saves, written, baselines = [], [], []
    for n in range(runs):
        size = library.own_file.stat().st_size
        edited = target.copy(title=f"Edit {n}")  # the editor's recipe, made before the save
        t0 = time.perf_counter()
        library.update(edited)
        saves.append(time.perf_counter() - t0)
        written.append(library.own_file.stat().st_size - size)
        baselines.append(fsync_small_file(base, written[-1]))
    library.close()
    # Measured last, so that the figures above are taken as they always were.
    start = time.perf_counter()
    deferred = RecipeLibrary(folder, computer=ME, backups=0, defer_checks=True)
    assert len(deferred.summaries()) == count
    deferred_s = time.perf_counter() - start
    start = time.perf_counter()
    deferred.finish_reading()
    finish_s = time.perf_counter() - start
    deferred.close()
    save = statistics.median(saves)
    fsync = statistics.median(baselines)
    return {
        "count": count,
        "save_ms": save * 1000,
        "fsync_ms": fsync * 1000,
        "save_ratio": save / fsync,
        "bytes_per_save": statistics.median(written),
        "start_s": start_s,
        "loads_s": loads_s,
        "start_ratio": start_s / loads_s,
        "deferred_s": deferred_s,
        "deferred_ratio": deferred_s / loads_s,
        "finish_s": finish_s,
        "rss_mb": rss_kb / 1024,
        "table_mb": table_mb,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=21)
    arguments = parser.parse_args(argv)
    os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="bench-config-"))
    os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp(prefix="bench-cache-"))
    print(
        "| recipes | save (median) | fsync of one small file | ratio | bytes per save "
        "| start to full list | json.loads of same | ratio | window's start (defer_checks) "
        "| ratio | its checks after | peak RSS growth | TinyDB file |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory(prefix="storage-bench-") as temp:
        for count in (int(size) for size in arguments.sizes.split(",")):
            r = bench(count, arguments.runs, Path(temp))
            print(
                f"| {count:,} | {r['save_ms']:.2f} ms | {r['fsync_ms']:.2f} ms "
                f"| {r['save_ratio']:.2f}x | {r['bytes_per_save']:,.0f} B "
                f"| {r['start_s']:.2f} s | {r['loads_s']:.2f} s | {r['start_ratio']:.2f}x "
                f"| {r['deferred_s']:.2f} s | {r['deferred_ratio']:.2f}x | {r['finish_s']:.2f} s "
                f"| {r['rss_mb']:.0f} MB | {r['table_mb']:.0f} MB |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
