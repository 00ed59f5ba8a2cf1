"""The main window on a fresh, seeded library, for every UI test that asks for `window`."""

from __future__ import annotations

from pathlib import Path

import pytest
from window_helpers import open_window


@pytest.fixture
def window(qtbot, library_path: Path):
    return open_window(qtbot, library_path)
