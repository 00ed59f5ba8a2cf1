"""Builds the application and wires the library, the domain and the window together."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from pathlib import Path

from . import __version__
from .logging_setup import setup_logging
from .paths import APP_ID, default_library_path, icon_path, seed_library_path

SCREENSHOT_SIZE = (1180, 760)


def build_main_window(library_path: Path):
    """The whole main window on that library, created and seeded when it does not exist.

    Needs a running QApplication. The library is loaded before this returns.
    """
    window = _new_window(Path(library_path))
    window.load_library()
    return window


def _new_window(library_path: Path):
    from PySide6.QtCore import QSettings

    from .ui.main_window import MainWindow

    return MainWindow(library_path, seed_library_path(), QSettings())


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=APP_ID, description="Keep, scale and convert your recipes."
    )
    parser.add_argument(
        "--library",
        type=Path,
        metavar="PATH",
        help="the library folder to open (default: $RECIPE_MANAGER_LIBRARY, else the recipes "
        "folder in your user data folder); a new one starts with the starter recipes; a 0.1 "
        "recipes.json file moves into a folder beside it",
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="PNG",
        help="draw the main window off screen into this PNG file and exit",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser.parse_args(argv)


def create_application(argv: list[str]):
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName(APP_ID)
    app.setApplicationName(APP_ID)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(icon_path())))
    return app


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    setup_logging()
    if arguments.screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = create_application(sys.argv[:1])
    library_path = arguments.library or default_library_path()
    if arguments.library is None:
        # The user data folder is ours to make; a folder named with --library is the cook's,
        # and one that is missing is asked about, never made silently.
        with contextlib.suppress(OSError):
            library_path.parent.mkdir(parents=True, exist_ok=True)
    if arguments.screenshot is not None:
        return take_screenshot(build_main_window(library_path), arguments.screenshot)

    window = _new_window(library_path)
    # A full garbage collection over 10,000 loaded recipes takes 20-40 ms, a dropped frame
    # wherever it lands; the loaded library lives as long as the app, so stop scanning it.
    window.library_loaded.connect(gc.freeze)
    window.load_library_after_first_paint()
    window.show()
    return app.exec()


def take_screenshot(window, target: Path) -> int:
    from PySide6.QtWidgets import QApplication

    window.resize(*SCREENSHOT_SIZE)
    window.show()
    for _ in range(5):
        QApplication.processEvents()
    if not window.grab().save(str(target)):
        print(f"Could not write the screenshot to {target}", file=sys.stderr)
        return 1
    window.close()
    return 0
