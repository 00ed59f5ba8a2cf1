"""Test setup: Qt off screen, and every user folder inside the test's own temporary folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
_SANDBOX = Path(tempfile.mkdtemp(prefix="recipe-manager-tests-"))
for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[variable] = str(_SANDBOX / variable.lower())
os.environ.pop("RECIPE_MANAGER_LIBRARY", None)

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def fresh_settings(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    """Each test starts with no remembered window state, units or zoom."""
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        return
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    QSettings().clear()


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    """A library folder this computer has never opened, in a folder that exists."""
    return tmp_path / "recipes"
