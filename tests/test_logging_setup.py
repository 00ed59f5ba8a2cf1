"""A crash leaves a log file and says where it is, in a box on a screen, never a modal in tests."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from recipe_manager import logging_setup
from recipe_manager.logging_setup import reset_logging, setup_logging


@pytest.fixture
def state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    yield tmp_path / "state"
    reset_logging()


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every QMessageBox.critical text, recorded instead of shown."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    return shown


def raise_and_report(error: BaseException) -> None:
    try:
        raise error
    except BaseException:
        sys.excepthook(*sys.exc_info())


def test_log_file_is_in_the_user_log_folder(state_home: Path) -> None:
    log_path = setup_logging(show_dialogs=False)
    assert log_path == state_home / "recipe-manager" / "log" / "recipe-manager.log"
    assert "starting" in log_path.read_text(encoding="utf-8")


def test_uncaught_exception_is_logged_and_shown_with_the_log_path(
    state_home: Path, qapp: object, boxes: list[str]
) -> None:
    log_path = setup_logging(show_dialogs=True)
    raise_and_report(ValueError("the soufflé fell"))
    log = log_path.read_text(encoding="utf-8")
    assert "Uncaught exception" in log
    assert "Traceback" in log
    assert "ValueError: the soufflé fell" in log
    [text] = boxes
    assert str(log_path) in text
    assert "ValueError: the soufflé fell" in text


def test_no_box_on_a_headless_platform(
    state_home: Path, qapp: object, boxes: list[str], capfd: pytest.CaptureFixture[str]
) -> None:
    log_path = setup_logging()
    raise_and_report(RuntimeError("no screen"))
    assert boxes == []
    assert "RuntimeError: no screen" in log_path.read_text(encoding="utf-8")
    assert str(log_path) in capfd.readouterr().err


def test_exception_in_a_thread_is_logged_without_a_box(
    state_home: Path, qapp: object, boxes: list[str]
) -> None:
    log_path = setup_logging(show_dialogs=None)

    def fail() -> None:
        raise OSError("disk full")

    worker = threading.Thread(target=fail)
    worker.start()
    worker.join()
    assert "OSError: disk full" in log_path.read_text(encoding="utf-8")
    assert boxes == []


def test_qt_warnings_go_to_the_log(state_home: Path, qapp: object) -> None:
    from PySide6.QtCore import qWarning

    log_path = setup_logging(show_dialogs=False)
    qWarning("a Qt warning for the log")
    assert "a Qt warning for the log" in log_path.read_text(encoding="utf-8")


def test_prints_without_a_stderr_go_to_the_log(
    state_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "stdout", None)
    log_path = setup_logging(show_dialogs=False)
    print("written to a missing stderr", file=sys.stderr)
    print("written to a missing stdout")
    sys.stderr.flush()
    log = log_path.read_text(encoding="utf-8")
    assert "WARNING recipe_manager: written to a missing stderr" in log
    assert "INFO recipe_manager: written to a missing stdout" in log


def test_reset_restores_the_hooks(state_home: Path) -> None:
    before = (sys.excepthook, threading.excepthook, sys.stderr)
    setup_logging(show_dialogs=False)
    setup_logging(show_dialogs=False)
    reset_logging()
    assert (sys.excepthook, threading.excepthook, sys.stderr) == before
    assert not any(
        getattr(handler, "baseFilename", "").endswith("recipe-manager.log")
        for handler in logging_setup.logging.getLogger().handlers
    )


def test_a_crashing_program_exits_with_the_log_path_on_stderr(tmp_path: Path) -> None:
    """The whole path a gui-script takes: setup, then an exception nobody catches."""
    env = {
        **os.environ,
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    script = (
        "from recipe_manager.logging_setup import setup_logging\n"
        "setup_logging()\n"
        "raise RuntimeError('crashed on purpose')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    log_path = tmp_path / "state" / "recipe-manager" / "log" / "recipe-manager.log"
    assert result.returncode == 1
    assert str(log_path) in result.stderr
    assert "RuntimeError: crashed on purpose" in log_path.read_text(encoding="utf-8")
