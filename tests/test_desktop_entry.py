"""The Linux launcher: a valid desktop entry, installed into XDG folders and removed again."""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import stat
import struct
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = REPO_ROOT / "resources" / "recipe-manager.desktop"
INSTALLER = REPO_ROOT / "packaging" / "install_desktop.py"
ICONS = REPO_ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MAIN_CATEGORIES = {
    "AudioVideo",
    "Audio",
    "Video",
    "Development",
    "Education",
    "Game",
    "Graphics",
    "Network",
    "Office",
    "Science",
    "Settings",
    "System",
    "Utility",
}


def read_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def fake_command(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    command = folder / "recipe-manager"
    command.write_text("#!/bin/sh\nexit 0\n")
    command.chmod(command.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return command


def run_installer(*arguments: str, data_home: Path, path: str = "") -> str:
    env = {**os.environ, "XDG_DATA_HOME": str(data_home), "PATH": path or os.environ["PATH"]}
    result = subprocess.run(
        [sys.executable, str(INSTALLER), *arguments],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout


def installed_paths(data_home: Path) -> list[Path]:
    icons = data_home / "icons" / "hicolor"
    return [
        data_home / "applications" / "recipe-manager.desktop",
        icons / "scalable" / "apps" / "recipe-manager.svg",
        *(icons / f"{size}x{size}" / "apps" / "recipe-manager.png" for size in PNG_SIZES),
    ]


def test_template_has_the_keys_a_launcher_needs() -> None:
    entry = read_entry(TEMPLATE)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Recipe Manager"
    assert entry["Terminal"] == "false"
    assert entry["Icon"] == "recipe-manager"
    assert shlex.split(entry["Exec"])[0] == "recipe-manager"
    # Must equal the app's desktop file name, so the window is matched to this launcher.
    assert entry["StartupWMClass"] == "recipe-manager"
    categories = entry["Categories"]
    assert categories.endswith(";")
    assert MAIN_CATEGORIES & set(categories.split(";"))


def test_app_names_the_same_desktop_file(qapp: object) -> None:
    from recipe_manager.app import create_application

    app = create_application(["recipe-manager"])
    assert app.desktopFileName() == "recipe-manager"
    assert TEMPLATE.stem == "recipe-manager"


def validation_errors(path: Path) -> list[str]:
    """desktop-file-validate's errors, less its not knowing spec 1.5 before version 0.27."""
    result = subprocess.run(
        ["desktop-file-validate", str(path)], capture_output=True, text=True, check=False
    )
    return [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if "error:" in line and 'for key "Version"' not in line
    ]


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils absent")
def test_template_passes_desktop_file_validate() -> None:
    assert validation_errors(TEMPLATE) == []


def test_committed_icons_have_every_size() -> None:
    for size in PNG_SIZES:
        assert png_size(ICONS / f"recipe-manager-{size}.png") == (size, size)
    ico = (ICONS / "recipe-manager.ico").read_bytes()
    assert struct.unpack("<HHH", ico[:6])[:2] == (0, 1)
    assert struct.unpack("<HHH", ico[:6])[2] >= 5
    icns = (ICONS / "recipe-manager.icns").read_bytes()
    assert icns[:4] == b"icns"
    assert struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_install_and_uninstall_in_the_xdg_data_home(tmp_path: Path) -> None:
    data_home = tmp_path / "share"
    command = fake_command(tmp_path / "bin")
    output = run_installer("install", "--exec", str(command), data_home=data_home)
    assert str(command) in output
    for path in installed_paths(data_home):
        assert path.is_file(), path
    for size in PNG_SIZES:
        icon = data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "recipe-manager.png"
        assert png_size(icon) == (size, size)
    entry = read_entry(data_home / "applications" / "recipe-manager.desktop")
    assert entry["Exec"] == str(command)
    assert entry["TryExec"] == str(command)
    assert entry["StartupWMClass"] == "recipe-manager"
    assert entry["Icon"] == "recipe-manager"
    if shutil.which("desktop-file-validate"):
        assert validation_errors(data_home / "applications" / "recipe-manager.desktop") == []

    run_installer("uninstall", data_home=data_home)
    for path in installed_paths(data_home):
        assert not path.exists(), path


def test_install_finds_the_command_on_path(tmp_path: Path) -> None:
    command = fake_command(tmp_path / "pipx bin")
    run_installer("install", data_home=tmp_path / "share", path=f"{command.parent}:/usr/bin:/bin")
    entry = read_entry(tmp_path / "share" / "applications" / "recipe-manager.desktop")
    # A path with a space is quoted, as the desktop entry spec asks.
    assert entry["Exec"] == f'"{command}"'
    assert entry["TryExec"] == str(command)
    assert shlex.split(entry["Exec"]) == [str(command)]


def test_install_without_a_command_says_how_to_get_one(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "share"),
        "HOME": str(tmp_path / "home"),
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, str(INSTALLER), "install"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode != 0
    assert "pipx install" in result.stderr
    assert not (tmp_path / "share" / "applications").exists()


@pytest.mark.skipif(not shutil.which("make"), reason="make absent")
def test_make_targets_install_and_uninstall(tmp_path: Path) -> None:
    data_home = tmp_path / "share"
    command = fake_command(tmp_path / "bin")
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    makefile = ["make", "--no-print-directory", "-f", "packaging/packaging.mk"]
    subprocess.run(
        [*makefile, "install-desktop", f"DESKTOP_EXEC={command}"],
        cwd=REPO_ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert all(path.is_file() for path in installed_paths(data_home))
    subprocess.run(
        [*makefile, "uninstall-desktop"],
        cwd=REPO_ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert not any(path.exists() for path in installed_paths(data_home))
