"""Storage speed at 10,000 recipes, against the floor a single-file JSON store can reach.

    .venv/bin/python bench/storage_bench.py [--count 10000] [--runs 15]

Opening: our open (lock, clean-up, parse, schema check, index) against `json.loads` of the
same file's bytes. Saving one recipe: our `update()` against `json.dumps` of the whole
library plus one atomic replace (temporary file, fsync, rename, folder fsync). Both ratios
must stay within 1.5. Then the longest the main thread is held up while a worker thread
saves, which must stay under a frame (16.7 ms at 60 Hz): the UI never waits on disk.

A stall is one save's longest gap between ticks of the main thread, each tick a 1 ms sleep
that gives up the GIL as an idle event loop does; a long C call on the worker (encoding,
joining bytes, a garbage collection) shows as a long gap. One save's worst gap depends on
where the switch interval happens to fall, so each kind of save runs many times and the
spread of their worst gaps is reported: median, 90th percentile and worst.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_library import generate_library

from recipe_manager.storage import RecipeLibrary

FRAME_MS = 1000 / 60
LIMIT = 1.5


def median_seconds(action: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def dumps_and_replace(path: Path, data: object) -> None:
    """The floor: serialise everything, then one atomic replace of the whole file."""
    payload = json.dumps(data, ensure_ascii=False).encode("utf-8")
    descriptor, temp_name = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp_name, path)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def longest_stall_ms(save: Callable[[], object]) -> float:
    """The longest gap between 1 ms ticks of this thread while another thread saves."""
    worker = threading.Thread(target=save)
    longest = 0.0
    last = time.perf_counter()
    worker.start()
    while worker.is_alive():
        time.sleep(0.001)
        now = time.perf_counter()
        longest = max(longest, now - last)
        last = now
    worker.join()
    return longest * 1000


def spread(stalls: list[float]) -> str:
    """Median, 90th percentile and worst of per-save worst gaps: one lucky run proves nothing."""
    ordered = sorted(stalls)
    p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
    median = statistics.median(ordered)
    verdict = "ok" if ordered[-1] < FRAME_MS else "OVER A FRAME"
    return (
        f"median {median:5.1f}  p90 {p90:5.1f}  worst {ordered[-1]:5.1f} ms"
        f"  over {len(ordered):2} saves  {verdict}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--stall-runs", type=int, default=40)
    parser.add_argument("--cold-runs", type=int, default=6)
    arguments = parser.parse_args(argv)
    runs = arguments.runs

    with tempfile.TemporaryDirectory(prefix="storage-bench-") as folder:
        path = generate_library(Path(folder) / "recipes.json", arguments.count)
        baseline_path = Path(folder) / "baseline" / "recipes.json"
        baseline_path.parent.mkdir()
        raw = path.read_bytes()
        data = json.loads(raw)
        print(f"{arguments.count} recipes, {len(raw) / 1e6:.1f} MB, median of {runs} runs")

        loads = median_seconds(lambda: json.loads(path.read_bytes()), runs)
        opening = median_seconds(lambda: RecipeLibrary(path, backups=0).close(), runs)

        library = RecipeLibrary(path, backups=3)
        recipe = library.recipes()[arguments.count // 2]
        start = time.perf_counter()
        library.update(recipe)
        first_save = time.perf_counter() - start
        save = median_seconds(lambda: library.update(recipe), runs)
        floor = median_seconds(lambda: dumps_and_replace(baseline_path, data), runs)

        idle = [longest_stall_ms(lambda: time.sleep(0.03)) for _ in range(arguments.stall_runs)]
        stalls = {
            "update": [
                longest_stall_ms(lambda: library.update(recipe))
                for _ in range(arguments.stall_runs)
            ],
            "add + get": [
                longest_stall_ms(lambda: library.get(library.add(recipe.copy(id=""))))
                for _ in range(arguments.stall_runs)
            ],
            "first save": [],
        }
        library.close()
        for _ in range(arguments.cold_runs):
            cold = RecipeLibrary(path, backups=3)
            stalls["first save"].append(longest_stall_ms(partial(cold.update, recipe)))
            cold.close()

    rows = [
        ("open", opening, "json.loads", loads),
        ("save one recipe", save, "json.dumps + atomic replace", floor),
    ]
    for name, ours, baseline_name, baseline in rows:
        ratio = ours / baseline
        verdict = "ok" if ratio <= LIMIT else "TOO SLOW"
        print(
            f"{name:>16}: {ours * 1000:7.1f} ms  vs {baseline_name} {baseline * 1000:7.1f} ms"
            f"  ratio {ratio:.2f} (limit {LIMIT}) {verdict}"
        )
    print(
        f"{'first save':>16}: {first_save * 1000:7.1f} ms  "
        "(encodes every recipe once and takes the session's backup)"
    )
    print(f"UI stall: main thread's longest gap per save on a worker (frame {FRAME_MS:.1f} ms)")
    print(f"{'no save':>16}: {spread(idle)}")
    for name, found in stalls.items():
        print(f"{name:>16}: {spread(found)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
