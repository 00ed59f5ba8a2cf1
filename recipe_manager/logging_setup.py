"""A log file in the user's log folder, and a message box instead of a silent death.

Started from a launcher, the app has no terminal (on Windows and in the bundle, not even a
stderr): an error that is only printed is lost and the window just vanishes. So every log
record, Qt warning and uncaught exception goes to a file, and an uncaught exception is also
shown in a message box that names that file, so the user can send it.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import platform
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from .paths import APP_ID

LOG_FILE_NAME = f"{APP_ID}.log"
_MAX_LOG_BYTES = 1_000_000
_LOG_BACKUPS = 3
# Qt platforms with no screen: a modal box there would wait for a click that never comes.
_HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc")
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

logger = logging.getLogger("recipe_manager")
_installed: dict[str, object] = {}
# Non-empty while a box is up: an error raised by showing it must not open another.
_showing: list[str] = []


def log_folder() -> Path:
    """The platform's user log folder for the app (under $XDG_STATE_HOME on Linux)."""
    from platformdirs import user_log_path

    return user_log_path(APP_ID, appauthor=False)


def setup_logging(show_dialogs: bool | None = None) -> Path:
    """Log to the user's log file, and report uncaught exceptions there and in a message box.

    `show_dialogs` None decides at crash time: no box on a headless Qt platform (tests,
    `--screenshot`), where it would block. Safe to call again: the previous setup is replaced.
    Returns the log file's path.
    """
    path = log_folder() / LOG_FILE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    reset_logging()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=_MAX_LOG_BYTES, backupCount=_LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _installed["handler"] = handler
    if sys.stderr is None:
        # pythonw and windowed bundles have no stderr: stray prints would raise, not vanish.
        sys.stderr = _LogStream(logging.WARNING)
        _installed["stderr"] = sys.stderr
    else:
        console = logging.StreamHandler()
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter(_FORMAT))
        root.addHandler(console)
        _installed["console"] = console
    if sys.stdout is None:
        sys.stdout = _LogStream(logging.INFO)
        _installed["stdout"] = sys.stdout

    report = _crash_reporter(path, show_dialogs)
    _installed["excepthooks"] = (sys.excepthook, threading.excepthook)
    sys.excepthook = report
    threading.excepthook = lambda args: report(args.exc_type, args.exc_value, args.exc_traceback)
    _install_qt_message_handler(path, show_dialogs)
    from . import __version__

    logger.info(
        "Recipe Manager %s starting: Python %s on %s",
        __version__,
        platform.python_version(),
        f"{platform.system()} {platform.release()}",
    )
    return path


def reset_logging() -> None:
    """Undo setup_logging: hooks, handlers and streams as they were before it."""
    hooks = _installed.pop("excepthooks", None)
    if isinstance(hooks, tuple):
        sys.excepthook, threading.excepthook = hooks
    if "qt_handler" in _installed:
        from PySide6.QtCore import qInstallMessageHandler

        qInstallMessageHandler(_installed.pop("qt_handler"))
    root = logging.getLogger()
    for key in ("handler", "console"):
        handler = _installed.pop(key, None)
        if isinstance(handler, logging.Handler):
            root.removeHandler(handler)
            handler.close()
    for name in ("stderr", "stdout"):
        stream = _installed.pop(name, None)
        if stream is not None and getattr(sys, name) is stream:
            setattr(sys, name, None)


class _LogStream:
    """A write-only text stream that sends each line to the log."""

    def __init__(self, level: int) -> None:
        self._level = level
        self._pending = ""

    def write(self, text: str) -> int:
        self._pending += text
        *lines, self._pending = self._pending.split("\n")
        for line in lines:
            if line:
                logger.log(self._level, "%s", line)
        return len(text)

    def flush(self) -> None:
        if self._pending:
            logger.log(self._level, "%s", self._pending)
            self._pending = ""


def _crash_reporter(
    log_path: Path, show_dialogs: bool | None
) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    def report(
        exc_type: type[BaseException],
        exc_value: BaseException,
        exc_traceback: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc_value, exc_traceback)
            return
        logger.critical("Uncaught exception", exc_info=(exc_type, exc_value, exc_traceback))
        _flush_log()
        summary = "".join(_exception_summary(exc_type, exc_value))
        show_error(
            f"Recipe Manager ran into an unexpected error:\n\n{summary}\n\n"
            f"The details are in this file:\n{log_path}",
            show_dialogs,
        )

    return report


def _exception_summary(exc_type: type[BaseException], exc_value: BaseException) -> str:
    text = str(exc_value)
    return f"{exc_type.__name__}: {text}" if text else exc_type.__name__


def show_error(text: str, show_dialogs: bool | None = None) -> None:
    """The error in a message box when a screen can show one, else on stderr if there is one."""
    if not _showing and _dialogs_possible(show_dialogs):
        _showing.append(text)
        try:
            from PySide6.QtWidgets import QApplication, QMessageBox

            if QApplication.instance() is None:
                # The error came before the app had started: the box needs an application.
                _installed["app"] = QApplication([APP_ID])
            # The static box guesses rich text, and an error may quote a recipe: escaped.
            from .ui.plain import rich_text_of

            QMessageBox.critical(None, "Recipe Manager", rich_text_of(text))
            return
        except Exception:
            logger.exception("Could not show the error in a message box")
        finally:
            _showing.clear()
    if sys.__stderr__ is not None:
        print(text, file=sys.__stderr__)


def _dialogs_possible(show_dialogs: bool | None) -> bool:
    if show_dialogs is not None:
        return show_dialogs
    if threading.current_thread() is not threading.main_thread():
        return False
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        platform_name = QGuiApplication.platformName()
    else:
        platform_name = os.environ.get("QT_QPA_PLATFORM", "")
    return platform_name.split(":")[0] not in _HEADLESS_PLATFORMS


def _install_qt_message_handler(log_path: Path, show_dialogs: bool | None) -> None:
    """Qt's own warnings and fatal errors go to the log too; a fatal one is also shown."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    qt_logger = logging.getLogger("qt")

    def handle(message_type: QtMsgType, _context: object, message: str) -> None:
        qt_logger.log(levels.get(message_type, logging.WARNING), "%s", message)
        if message_type == QtMsgType.QtFatalMsg:
            _flush_log()
            show_error(
                f"Recipe Manager has to close:\n\n{message}\n\n"
                f"The details are in this file:\n{log_path}",
                show_dialogs,
            )

    _installed["qt_handler"] = qInstallMessageHandler(handle)


def _flush_log() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()
