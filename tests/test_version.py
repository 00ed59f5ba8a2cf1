"""One version number, in pyproject.toml, that the app reports and the changelog records."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import recipe_manager

REPO_ROOT = Path(__file__).resolve().parents[1]
VERSION = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
    "version"
]


def test_the_package_reports_the_pyproject_version() -> None:
    assert recipe_manager.__version__ == VERSION


def test_the_changelog_has_an_entry_for_this_version() -> None:
    changelog = (REPO_ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in changelog
    assert re.search(rf"^## \[{re.escape(VERSION)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog, re.M)
