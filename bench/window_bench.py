"""How fast the main window starts and answers on a 10,000-recipe library, against bare Qt.

The machine is noisy, so every figure is a ratio to a baseline measured in the same run:
startup against a bare PySide6 window in a fresh process (runs alternated, each app start
divided by the bare start just before it, the median of those ratios taken),
interactions against an idle frame (processEvents plus a repaint) of the same window.

    .venv/bin/python bench/window_bench.py [--count 10000] [--runs 7] [--json]
        [--interactions-only] [--library FILE]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

FRAME_BUDGET_MS = 16.0
FIRST_PAINT_LIMIT = 1.5
LIST_SHOWN_LIMIT = 3.0
SEARCH_TEXT = "pork belly"
CHILD_TIMEOUT_S = 60
HERE = Path(__file__).resolve().parent


# Children: each runs in its own process, prints one JSON line and exits -----------------------


def _watch_paints(app: Any, rows: int | None) -> None:
    """An application-wide event filter noting when the window, then the full list, first paint.

    It prints {"first_paint": t, "list_paint": t} (time.time()) and ends the process as soon
    as it has what it waits for: teardown is not what is measured.
    """
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QMainWindow

    paint = QEvent.Type.Paint

    class PaintWatcher(QObject):
        def __init__(self) -> None:
            super().__init__(app)
            self.marks: dict[str, float] = {}
            self.window: Any = None
            self.viewport: Any = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == paint:
                self._painted(watched, time.time())
            return False

        def _painted(self, watched: QObject, now: float) -> None:
            if self.window is None:
                if not isinstance(watched, QMainWindow):
                    return
                self.marks["first_paint"] = now
                self.window = watched
                if rows is not None:
                    found = [w for w in app.topLevelWidgets() if hasattr(w, "list_model")]
                    self.window = found[0]
                    self.viewport = self.window.recipe_list.viewport()
            elif watched is self.viewport and self.window.list_model.rowCount() == rows:
                self.marks["list_paint"] = now
            else:
                return
            if rows is None or "list_paint" in self.marks:
                print(json.dumps(self.marks), flush=True)
                os._exit(0)

    app.installEventFilter(PaintWatcher())


def child_bare() -> None:
    """The least any PySide6 window of this shape costs: import, build, show, first paint."""
    from PySide6.QtWidgets import QApplication, QListView, QMainWindow, QSplitter, QTextBrowser

    app = QApplication(sys.argv[:1])
    _watch_paints(app, None)
    window = QMainWindow()
    splitter = QSplitter()
    splitter.addWidget(QListView())
    splitter.addWidget(QTextBrowser())
    splitter.setSizes([320, 860])
    window.setCentralWidget(splitter)
    window.resize(1180, 760)
    window.show()
    app.exec()


def child_app(library: Path, rows: int) -> None:
    """The real start path, recipe_manager.app.main(), watched from outside."""
    from recipe_manager.app import create_application, main

    app = create_application(sys.argv[:1])
    _watch_paints(app, rows)
    main(["--library", str(library)])


def child_interact(library: Path, runs: int) -> None:
    """Search keystrokes, servings and unit changes, each timed to a repainted frame."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from recipe_manager.app import build_main_window, create_application
    from recipe_manager.domain import units
    from recipe_manager.ui.recipe_list_model import RECIPE_ID_ROLE

    app = create_application(sys.argv[:1])
    window = build_main_window(library)
    window.show()
    list_viewport = window.recipe_list.viewport()
    detail_viewport = window.recipe_detail.viewport()
    row = _row_with_servings(window, RECIPE_ID_ROLE)
    spin = window.servings_spin
    systems = {window.unit_system.itemData(i): i for i in range(window.unit_system.count())}

    cpu: dict[str, list[float]] = {}

    def frame(action: Callable[[], object], viewport: Any, name: str = "") -> float:
        """Wall-clock ms to a repainted frame; the UI thread's own CPU time is noted under
        `name` (on a shared machine the difference is time spent waiting for a core)."""
        start, start_cpu = time.perf_counter(), time.thread_time()
        action()
        QApplication.processEvents()
        viewport.repaint()
        if name:
            cpu.setdefault(name, []).append((time.thread_time() - start_cpu) * 1000)
        return (time.perf_counter() - start) * 1000

    def select() -> None:
        window.unit_system.setCurrentIndex(systems["original"])
        window.recipe_list.setCurrentIndex(window.proxy.index(row, 0))
        spin.setValue(window.current_recipe.servings)
        _settle(app)

    window.recipe_list.setCurrentIndex(window.proxy.index(row, 0))
    QApplication.processEvents()
    registry_was_built = units.registry_is_built()
    cold = frame(lambda: window.unit_system.setCurrentIndex(systems["metric"]), detail_viewport)
    _settle(app)
    warm_up_start = time.perf_counter()
    units.warm_up()
    warm_up_ms = (time.perf_counter() - warm_up_start) * 1000

    samples: dict[str, list[float]] = {
        name: []
        for name in (
            "idle_list",
            "idle_detail",
            "type",
            "erase",
            "servings",
            "units",
            "browse",
            "browse_type",
            "sort",
        )
    }
    # The browse panel is open (its default); its counts are gathered in idle slices after
    # the list is shown. Time the slowest slice while waiting for them.
    assert window.browse.isVisible()
    slices: list[float] = []
    while window.browse.is_counting():
        start = time.perf_counter()
        QApplication.processEvents()
        slices.append((time.perf_counter() - start) * 1000)
    browse_model = window.browse.model
    from recipe_manager.ui.browse import FILTER_ROLE

    browse_rows = [
        browse_model.index(r, 0)
        for r in range(browse_model.rowCount())
        if browse_model.index(r, 0).data(FILTER_ROLE) is not None
    ]
    category_rows = [index for index in browse_rows if index.data(FILTER_ROLE)[0] == "category"]
    all_row = browse_rows[0]
    window.search_field.setFocus()
    for _ in range(runs):
        select()
        servings = window.current_recipe.servings
        for _ in range(10):
            samples["idle_list"].append(frame(lambda: None, list_viewport, "idle_list"))
            samples["idle_detail"].append(frame(lambda: None, detail_viewport, "idle_detail"))
        for char in SEARCH_TEXT:
            samples["type"].append(
                frame(lambda c=char: QTest.keyClick(window.search_field, c), list_viewport, "type")
            )
        matches = window.proxy.rowCount()
        for _ in SEARCH_TEXT:
            samples["erase"].append(
                frame(
                    lambda: QTest.keyClick(window.search_field, Qt.Key.Key_Backspace),
                    list_viewport,
                    "erase",
                )
            )
        for index in category_rows[:4]:
            samples["browse"].append(
                frame(
                    lambda i=index: window.browse.view.setCurrentIndex(i), list_viewport, "browse"
                )
            )
            for char in SEARCH_TEXT[:4]:
                samples["browse_type"].append(
                    frame(
                        lambda c=char: QTest.keyClick(window.search_field, c),
                        list_viewport,
                        "browse_type",
                    )
                )
            window.search_field.clear()
            samples["browse"].append(
                frame(lambda: window.browse.view.setCurrentIndex(all_row), list_viewport, "browse")
            )
        for mode in ("rating", "favourites", "title"):
            index = window.sort_order.findData(mode)
            samples["sort"].append(
                frame(lambda i=index: window.sort_order.setCurrentIndex(i), list_viewport, "sort")
            )
        select()
        for value in (servings + 1, servings * 2, servings * 3, 1, 7, servings):
            samples["servings"].append(
                frame(lambda v=value: spin.setValue(v), detail_viewport, "servings")
            )
        for system in ("metric", "us", "original", "metric", "us", "original"):
            samples["units"].append(
                frame(
                    lambda s=system: window.unit_system.setCurrentIndex(systems[s]),
                    detail_viewport,
                    "units",
                )
            )
    print(
        json.dumps(
            {
                "samples": samples,
                "cpu_samples": cpu,
                "cold_metric_ms": cold,
                "registry_was_built": registry_was_built,
                "warm_up_ms": warm_up_ms,
                "recipe": window.current_recipe.title,
                "matches": matches,
                "browse_count_slice_max_ms": max(slices, default=0.0),
                "browse_rows": len(browse_rows),
            }
        ),
        flush=True,
    )
    os._exit(0)


def child_pint() -> None:
    """Build pint's registry once so its disk cache exists, as after the app's first run."""
    from recipe_manager.domain import units

    start = time.perf_counter()
    units.warm_up()
    print(json.dumps({"pint_cache_ms": (time.perf_counter() - start) * 1000}), flush=True)


def _row_with_servings(window: Any, id_role: int) -> int:
    """A recipe in the middle of the list that scales by servings, so the spinner renders."""
    middle = window.proxy.rowCount() // 2
    for row in range(middle, window.proxy.rowCount()):
        recipe_id = window.proxy.index(row, 0).data(id_role)
        if window.library.get(recipe_id).servings:
            return row
    return middle


def _settle(app: Any, quiet_calls: int = 3, limit_s: float = 2.0) -> None:
    """processEvents until a few calls in a row find nothing to do (or the limit passes)."""
    deadline = time.perf_counter() + limit_s
    quiet = 0
    while quiet < quiet_calls and time.perf_counter() < deadline:
        start = time.perf_counter()
        app.processEvents()
        quiet = quiet + 1 if time.perf_counter() - start < 0.001 else 0
        time.sleep(0.002)


# Parent: spawns the children, alternates them and summarises -----------------------------------


def _child_env(folder: Path) -> dict[str, str]:
    """Off screen, settings and data in a fresh folder (a first start); the pint cache shared."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CACHE_HOME=str(folder / "cache"))
    env.pop("RECIPE_MANAGER_LIBRARY", None)
    home = Path(tempfile.mkdtemp(prefix="home-", dir=folder))
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[variable] = str(home / variable.lower())
    return env


def _run_child(arguments: list[str], env: dict[str, str]) -> tuple[float, dict[str, Any]]:
    """Spawn this script as a child; returns the spawn time and the child's JSON line."""
    command = [sys.executable, str(Path(__file__).resolve()), *arguments]
    spawned = time.time()
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=CHILD_TIMEOUT_S, check=False
    )
    lines = result.stdout.strip().splitlines()
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"{' '.join(arguments)} failed ({result.returncode}):\n{result.stderr}")
    return spawned, json.loads(lines[-1])


def measure_startup(library: Path, count: int, runs: int, folder: Path) -> dict[str, list]:
    """Bare and app starts alternated, after one discarded pair that warms the disk cache."""
    times: dict[str, list[float]] = {"bare": [], "first_paint": [], "list_shown": []}
    for run in range(runs + 1):
        spawned, marks = _run_child(["--child", "bare"], _child_env(folder))
        bare = (marks["first_paint"] - spawned) * 1000
        app_arguments = ["--child", "app", "--library", str(library), "--count", str(count)]
        spawned, marks = _run_child(app_arguments, _child_env(folder))
        if run == 0:
            continue
        times["bare"].append(bare)
        times["first_paint"].append((marks["first_paint"] - spawned) * 1000)
        times["list_shown"].append((marks["list_paint"] - spawned) * 1000)
    return times


def summarise(values: list[float]) -> dict[str, float]:
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "n": len(values),
    }


# Which baseline each interaction is a ratio to: the idle frame repainting the same pane.
INTERACTION_BASELINES = {
    "idle_list": "idle_list",
    "idle_detail": "idle_detail",
    "type": "idle_list",
    "erase": "idle_list",
    "servings": "idle_detail",
    "units": "idle_detail",
    "browse": "idle_list",
    "browse_type": "idle_list",
    "sort": "idle_list",
}


def run_benchmark(
    library: Path, count: int, runs: int, folder: Path, startup_too: bool = True
) -> dict[str, Any]:
    """Startup first (alternated fresh processes), then the interactions in one more process."""
    # An installed app starts from compiled bytecode (pip compiles it at install), even where
    # PYTHONDONTWRITEBYTECODE keeps a checkout from writing it; measure the app as installed.
    compileall.compile_dir(str(HERE.parent / "recipe_manager"), quiet=1)
    _, primed = _run_child(["--child", "pint"], _child_env(folder))
    startup: dict[str, Any] = {}
    if startup_too:
        times = measure_startup(library, count, runs, folder)
        startup = {name: summarise(values) for name, values in times.items()}
        # Each app start is compared with the bare start just before it: the machine's speed
        # drifts between runs, and a ratio of medians would mix fast and slow moments.
        for name, entry in startup.items():
            entry["ratio"] = statistics.median(
                app / bare for app, bare in zip(times[name], times["bare"], strict=True)
            )
    _, interact = _run_child(
        ["--child", "interact", "--library", str(library), "--runs", str(runs)],
        _child_env(folder),
    )
    cpu = interact.pop("cpu_samples")
    stats = {
        name: summarise(values)
        | {
            "over_budget": sum(value > FRAME_BUDGET_MS for value in values),
            "cpu_median": statistics.median(cpu[name]),
            "cpu_max": max(cpu[name]),
        }
        for name, values in interact.pop("samples").items()
    }
    for name, baseline in INTERACTION_BASELINES.items():
        stats[name]["ratio"] = stats[name]["median"] / stats[baseline]["median"]
    return {
        "count": count,
        "runs": runs,
        "startup": startup,
        "interactions": interact | primed | {"stats": stats},
    }


def report(results: dict[str, Any]) -> str:
    """The results as a compact table, with the requirements checked."""
    count, runs = results["count"], results["runs"]
    startup, interact = results["startup"], results["interactions"]
    lines = [
        f"Startup to first paint, fresh process each, {count:,} recipes, "
        f"{runs} alternated runs (ms from spawn)",
        f"{'':42}{'median':>8}{'min':>8}{'max':>8}{'ratio':>8}  requirement",
    ]
    if not startup:
        lines = ["Startup not measured (--interactions-only)"]
    for name, label, limit in (
        ("bare", "bare PySide6 window (baseline)", None),
        ("first_paint", "app main(): main window", FIRST_PAINT_LIMIT),
        ("list_shown", f"app main(): list holding {count:,}", LIST_SHOWN_LIMIT),
    ):
        if not startup:
            break
        entry = startup[name]
        verdict = ""
        if limit is not None:
            verdict = f"≤ {limit}× bare: {'ok' if entry['ratio'] <= limit else 'FAILS'}"
        lines.append(
            f"{label:42}{entry['median']:8.0f}{entry['min']:8.0f}{entry['max']:8.0f}"
            f"{entry['ratio']:7.2f}×  {verdict}"
        )
    lines += [
        "",
        f"Interactions, {count:,} recipes, one process, {runs} rounds "
        f"(ms per event to a repainted frame; budget {FRAME_BUDGET_MS:.0f} ms; cpu: the UI "
        "thread's own time, without waiting for a core)",
        f"{'':42}{'median':>8}{'max':>8}{'n':>5}{'ratio':>8}{'>16ms':>7}"
        f"{'cpu med':>9}{'cpu max':>9}",
    ]
    stats = interact["stats"]
    for name, label in (
        ("idle_list", "idle frame: processEvents + list repaint"),
        ("idle_detail", "idle frame: processEvents + detail repaint"),
        ("type", f"search keystroke typing {SEARCH_TEXT!r}"),
        ("erase", "search keystroke Backspace"),
        ("servings", "servings spinner setValue"),
        ("units", "unit toggle, after units.warm_up()"),
        ("browse", "browse row chosen (a category, then All)"),
        ("browse_type", "search keystroke within a category"),
        ("sort", "list order changed (rating, favourites, title)"),
    ):
        entry = stats[name]
        lines.append(
            f"{label:42}{entry['median']:8.2f}{entry['max']:8.2f}{entry['n']:5d}"
            f"{entry['ratio']:7.1f}×{entry['over_budget']:7d}"
            f"{entry['cpu_median']:9.2f}{entry['cpu_max']:9.2f}"
        )
    state = "already built" if interact["registry_was_built"] else "not yet built"
    lines += [
        f"{'first toggle to metric, cold':42}{interact['cold_metric_ms']:8.2f}"
        f"  (pint registry {state} when toggled)",
        f"pint registry without its disk cache: {interact['pint_cache_ms']:.0f} ms (primed "
        f"before the runs); units.warm_up() before the toggles: {interact['warm_up_ms']:.1f} ms",
        f"browse panel open: {interact['browse_rows']} rows; slowest idle counting slice "
        f"{interact['browse_count_slice_max_ms']:.1f} ms",
        f"detail pane showed {interact['recipe']!r}; "
        f"{SEARCH_TEXT!r} matched {interact['matches']:,} recipes",
    ]
    return "\n".join(lines)


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="recipes in the library")
    parser.add_argument("--runs", type=int, default=7, help="runs of each kind (at least 5)")
    parser.add_argument("--library", type=Path, help="an existing library (else one is generated)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--interactions-only",
        action="store_true",
        help="skip the startup runs (quicker, while working on the list or the panes)",
    )
    parser.add_argument(
        "--child", choices=("bare", "app", "interact", "pint"), help=argparse.SUPPRESS
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    if arguments.child == "bare":
        child_bare()
    elif arguments.child == "app":
        child_app(arguments.library, arguments.count)
    elif arguments.child == "interact":
        child_interact(arguments.library, arguments.runs)
    elif arguments.child == "pint":
        child_pint()
    if arguments.child:
        return 0
    if arguments.runs < 5:
        print("--runs must be at least 5: medians of fewer runs are noise here", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="window-bench-") as folder:
        library = arguments.library
        if library is None:
            library = Path(folder) / "recipes.json"
            generator = [sys.executable, str(HERE / "generate_library.py"), str(library)]
            subprocess.run(
                [*generator, "--count", str(arguments.count)], check=True, stdout=subprocess.DEVNULL
            )
        results = run_benchmark(
            library,
            arguments.count,
            arguments.runs,
            Path(folder),
            startup_too=not arguments.interactions_only,
        )
    print(json.dumps(results, indent=2) if arguments.json else report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
