"""Photos, a 10,000-line recipe and a megabyte title: how long the window waits.

Each interaction is timed to a repainted frame (the action, processEvents, a repaint of the
detail pane), against an idle frame of the same window measured in the same run; the
photo figures are also compared with decoding the full photo once (what every selection,
servings step and unit toggle used to cost).

    .venv/bin/python bench/hardening_bench.py [--runs 15] [--json]

Goals (issue 14): select / servings / toggle with a 12-megapixel photo <= 16 ms; a 10,000-line
recipe shows in under a second and no event while it is laid out, nor any servings step or
keystroke in its editor, holds the window for more than a few frames.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

FRAME_MS = 16.0
LINES = 9_998


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _frame(app: Any, viewport: Any, action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    app.processEvents()
    viewport.repaint()
    return time.perf_counter() - start


def _drain(app: Any, done: Callable[[], bool], limit_s: float = 120) -> tuple[float, float]:
    """Run events until `done`; (total seconds, longest single event pass)."""
    start = time.perf_counter()
    longest = 0.0
    while not done():
        if time.perf_counter() - start > limit_s:
            raise RuntimeError("never finished")
        t = time.perf_counter()
        app.processEvents()
        longest = max(longest, time.perf_counter() - t)
    return time.perf_counter() - start, longest


def _settle(app: Any) -> None:
    """Wait for the start-up work off the UI thread (pint's warm-up, thumbnails), which
    would otherwise take the interpreter's lock from the frames being measured."""
    import threading

    from PySide6.QtCore import QThreadPool

    for thread in threading.enumerate():
        if thread.name == "pint-warm-up":
            thread.join()
    QThreadPool.globalInstance().waitForDone()
    app.processEvents()


def _phone_photo(path: Path) -> Path:
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(4000, 3000, QImage.Format.Format_RGB32)
    image.fill(QColor("#c8553d"))
    painter = QPainter(image)
    for n in range(0, 4000, 40):
        painter.setPen(QColor((n * 7) % 255, (n * 3) % 255, 120))
        painter.drawLine(n, 0, 4000 - n, 3000)
    painter.end()
    image.save(str(path), "JPG", 90)
    return path


def bench_photo(app: Any, folder: Path, runs: int) -> dict[str, float]:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPixmap

    from recipe_manager.app import build_main_window
    from recipe_manager.domain import Component, Recipe, parse_ingredient
    from recipe_manager.storage import RecipeLibrary

    library_path = folder / "photo" / "recipes.json"
    library_path.parent.mkdir(parents=True)
    photo = _phone_photo(folder / "phone.jpg")
    library = RecipeLibrary(library_path)
    component = Component(
        ingredients=[parse_ingredient(x) for x in ("500 g pork belly", "2 tbsp soy sauce")],
        steps=["Roast at 220C for 30 minutes."],
    )
    image = library.add_media(photo)
    library.add(Recipe(title="A with photo", servings=4, image=image, components=[component]))
    library.add(Recipe(title="B without", servings=2, components=[component]))
    library.close()

    # What the old way paid on every render: the whole photo decoded, then scaled.
    def full_decode() -> None:
        QPixmap(str(photo)).scaledToWidth(240, Qt.TransformationMode.SmoothTransformation)

    decode = [_time(full_decode) for _ in range(3)]

    window = build_main_window(library_path)
    window.show()
    _drain(app, lambda: window.current_recipe is not None)
    view, viewport = window.recipe_list, window.recipe_detail.viewport()
    first = time.perf_counter()
    _drain(app, lambda: "<img" in window.recipe_detail.toHtml())
    thumbnail_first = time.perf_counter() - first
    model = view.model()
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    _settle(app)
    for system in (1, 2, 0):  # each unit system's tables load once, as in use
        window.unit_system.setCurrentIndex(system)

    def select(title: str) -> Callable[[], None]:
        return lambda: view.setCurrentIndex(model.index(rows[title], 0))

    samples: dict[str, list[float]] = {
        "idle": [],
        "select": [],
        "servings": [],
        "toggle": [],
        "select_cold": [],
    }
    for run in range(runs):
        # Cold: as if the recipe had never been shown (no line formatted yet).
        _frame(app, viewport, select("B without"))
        window._lines_shown.clear()
        samples["select_cold"].append(_frame(app, viewport, select("A with photo")))
        samples["idle"].append(_frame(app, viewport, lambda: None))
        _frame(app, viewport, select("B without"))
        samples["select"].append(_frame(app, viewport, select("A with photo")))
        samples["servings"].append(
            _frame(app, viewport, lambda r=run: window.servings_spin.setValue(5 + r % 20))
        )
        samples["toggle"].append(
            _frame(app, viewport, lambda r=run: window.unit_system.setCurrentIndex((r + 1) % 3))
        )
    assert "<img" in window.recipe_detail.toHtml()
    window.close()
    result = {f"photo_{k}_median_ms": _ms(statistics.median(v)) for k, v in samples.items()}
    result |= {f"photo_{k}_worst_ms": _ms(max(v)) for k, v in samples.items() if k != "idle"}
    result["photo_full_decode_ms"] = _ms(min(decode))
    result["photo_thumbnail_first_made_ms"] = _ms(thumbnail_first)
    return result


def _time(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def bench_big_recipe(app: Any, folder: Path) -> dict[str, float]:
    from PySide6.QtTest import QTest

    from recipe_manager.app import build_main_window
    from recipe_manager.domain import Component, Recipe, parse_ingredient
    from recipe_manager.storage import RecipeLibrary

    library_path = folder / "big" / "recipes.json"
    library_path.parent.mkdir(parents=True)
    lines = [f"{n % 7 + 1} cups flour number {n}, sifted" for n in range(LINES)]
    component = Component(
        ingredients=[parse_ingredient(line) for line in lines],
        steps=["Mix for 10 minutes.", "Bake at 180C for 1 hour."],
    )
    library = RecipeLibrary(library_path)
    library.add(Recipe(title="A small one", servings=2, components=[Component(steps=["Eat."])]))
    library.add(Recipe(title="Big", servings=4, components=[component]))
    library.close()

    window = build_main_window(library_path)
    window.show()
    _drain(app, lambda: window.current_recipe is not None)
    view, viewport = window.recipe_list, window.recipe_detail.viewport()
    model = view.model()
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    detail = window.recipe_detail
    _settle(app)
    result: dict[str, float] = {}

    # Show: from choosing it to the first screenful painted, then to every line laid out.
    shows, completes, longest_show = [], [], []
    for _ in range(3):
        _frame(app, viewport, lambda: view.setCurrentIndex(model.index(rows["A small one"], 0)))
        shows.append(
            _frame(app, viewport, lambda: view.setCurrentIndex(model.index(rows["Big"], 0)))
        )
        total, longest = _drain(app, detail.is_complete)
        completes.append(total)
        longest_show.append(longest)
    result["big_show_first_screen_ms"] = _ms(min(shows))
    result["big_show_complete_ms"] = _ms(min(completes))
    result["big_show_longest_event_ms"] = _ms(min(longest_show))

    # A servings step and a unit toggle, scrolled halfway: the screen at once, the rest idle.
    bar = detail.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    for name, actions in (
        ("servings", [lambda v=v: window.servings_spin.setValue(v) for v in (5, 6, 7)]),
        ("toggle", [lambda i=i: window.unit_system.setCurrentIndex(i) for i in (1, 2, 0)]),
    ):
        screens, totals, longest_all = [], [], []
        for action in actions:
            screens.append(_frame(app, viewport, action))
            total, longest = _drain(app, detail.is_complete)
            totals.append(total)
            longest_all.append(longest)
        result[f"big_{name}_screen_ms"] = _ms(statistics.median(screens))
        result[f"big_{name}_complete_ms"] = _ms(statistics.median(totals))
        result[f"big_{name}_longest_event_ms"] = _ms(max(longest_all))

    # The editor: open it, type, and wait for the live reading to catch up.
    start = time.perf_counter()
    editor = window.editing.open_editor(window.current_recipe)
    app.processEvents()
    result["big_editor_open_ms"] = _ms(time.perf_counter() - start)
    from PySide6.QtWidgets import QPlainTextEdit

    box = editor.findChild(QPlainTextEdit, "ingredientsEdit")
    preview = editor.findChild(type(detail), "ingredientPreview")
    _drain(app, preview.is_complete)
    box.setFocus()
    box.moveCursor(box.textCursor().MoveOperation.Start)
    keys, catch_up, longest_keys = [], [], []
    for digit in "1234":
        keys.append(_frame(app, box.viewport(), lambda d=digit: QTest.keyClicks(box, d)))
        total, longest = _drain(
            app, lambda d=digit: preview.is_complete() and d in preview.toPlainText()[:40]
        )
        catch_up.append(total)
        longest_keys.append(longest)
    result["big_editor_keystroke_ms"] = _ms(statistics.median(keys))
    result["big_editor_keystroke_worst_ms"] = _ms(max(keys))
    result["big_editor_reading_caught_up_ms"] = _ms(statistics.median(catch_up))
    result["big_editor_longest_event_ms"] = _ms(max(longest_keys))
    editor.done(0)

    # A megabyte title pasted into the editor.
    start = time.perf_counter()
    editor = window.editing.open_editor(Recipe(title="x " * 500_000, id="pasted"))
    editor.grab()
    editor.accept()
    app.processEvents()
    result["megabyte_title_editor_open_and_save_ms"] = _ms(time.perf_counter() - start)
    editor.done(0)
    window.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    folder = Path(tempfile.mkdtemp(prefix="hardening-bench-"))
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    app = QApplication([])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings")
    )
    results = bench_photo(app, folder, args.runs) | bench_big_recipe(app, folder)
    idle = results["photo_idle_median_ms"] or 0.1
    for name in ("select", "servings", "toggle"):
        results[f"photo_{name}_to_idle_ratio"] = round(results[f"photo_{name}_median_ms"] / idle, 1)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    width = max(map(len, results))
    for name, value in results.items():
        print(f"{name:<{width}}  {value}")
    print(
        f"\n(frame budget {FRAME_MS} ms; idle frame of the same window "
        f"{results['photo_idle_median_ms']} ms)"
    )


if __name__ == "__main__":
    main()
