"""Each way a user gets the app starts it on a fresh home folder: the wheel and the bundle.

The wheel test builds the wheel, installs it (not editable) into a clean venv and starts the
installed `recipe-manager` command off screen; it is part of `make test`. The bundle test
needs a bundle built first and runs from `make bundle-smoke`, which sets
RECIPE_MANAGER_BUNDLE to dist/recipe-manager.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
VERSION = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
    "version"
]
SEED_TITLES = {
    recipe["title"]
    for recipe in json.loads((REPO_ROOT / "data" / "seed-recipes.json").read_text("utf-8"))[
        "recipes"
    ]
}
SHIPPED_FOLDERS = ("data", "resources")
INSTALL_TIMEOUT = 600
BUNDLE_VARIABLE = "RECIPE_MANAGER_BUNDLE"
PIP_WHEEL = (sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps")


def shipped_files(root: Path) -> set[str]:
    """Every file under data/ and resources/ of `root`, relative to it."""
    return {
        path.relative_to(root).as_posix()
        for folder in SHIPPED_FOLDERS
        for path in (root / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def fresh_home_env(home: Path) -> dict[str, str]:
    """This environment, with HOME and every XDG folder inside `home` and Qt off screen."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("XDG_", "PYTHON", "RECIPE_MANAGER_", "VIRTUAL_ENV", "QT_"))
    }
    runtime = home / "runtime"
    runtime.mkdir(parents=True, mode=0o700)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        XDG_RUNTIME_DIR=str(runtime),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def run_checked(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result


def start_off_screen(command: Path, home: Path) -> Path:
    """Run `command --screenshot` as a new user would, with nothing of ours around it."""
    work = home / "work"
    work.mkdir(parents=True)
    screenshot = work / "window.png"
    run_checked(
        [str(command), "--screenshot", str(screenshot)],
        env=fresh_home_env(home),
        cwd=work,
        timeout=120,
    )
    return screenshot


def assert_real_picture(png: Path) -> None:
    """A PNG of a window-sized picture with more than a handful of colours in it."""
    from PySide6.QtGui import QImage

    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(png))
    assert not image.isNull()
    assert image.width() >= 640 and image.height() >= 400, (image.width(), image.height())
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 20


def assert_fresh_user_folders(home: Path) -> None:
    """The seeded library in the user data folder, and the log in the user log folder."""
    library = home / ".local" / "share" / "recipe-manager" / "recipes"
    assert library.is_dir(), f"no library at {library}"
    files = list((library / "devices").glob("*.jsonl"))
    assert len(files) == 1, files
    records = [json.loads(line) for line in files[0].read_text("utf-8").splitlines()[1:]]
    assert len(records) == 2
    assert {record["doc"]["title"] for record in records} == SEED_TITLES
    log = home / ".local" / "state" / "recipe-manager" / "log" / "recipe-manager.log"
    assert log.is_file(), f"no log at {log}"


def tree_snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        path.relative_to(folder).as_posix(): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
    }


@pytest.fixture(scope="module")
def wheel_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean venv (no system site-packages) holding the wheel built from this checkout."""
    work = tmp_path_factory.mktemp("wheel")
    wheelhouse = work / "wheelhouse"
    run_checked(
        [*PIP_WHEEL, "-w", str(wheelhouse), str(REPO_ROOT)],
        timeout=INSTALL_TIMEOUT,
    )
    [wheel] = wheelhouse.glob("recipe_manager-*.whl")
    venv = work / "venv"
    run_checked([sys.executable, "-m", "venv", str(venv)], timeout=INSTALL_TIMEOUT)
    run_checked(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        timeout=INSTALL_TIMEOUT,
        cwd=work,
    )
    return venv


@pytest.mark.timeout(INSTALL_TIMEOUT)
def test_wheel_installs_the_seeds_icons_and_every_resource(wheel_venv: Path) -> None:
    result = run_checked(
        [
            str(wheel_venv / "bin" / "python"),
            "-c",
            "import pathlib, recipe_manager; print(pathlib.Path(recipe_manager.__file__).parent)",
        ],
        cwd=wheel_venv,
        env=fresh_home_env(wheel_venv / "probe-home"),
    )
    package = Path(result.stdout.strip())
    assert package.is_relative_to(wheel_venv), f"imported {package}, not the installed copy"
    assert (package / "data" / "seed-recipes.json").is_file()
    assert (package / "resources" / "recipe-manager.svg").is_file()
    assert shipped_files(package) == shipped_files(REPO_ROOT)


@pytest.mark.timeout(INSTALL_TIMEOUT)
def test_wheel_command_starts_on_a_fresh_home_folder(wheel_venv: Path, tmp_path: Path) -> None:
    command = wheel_venv / "bin" / "recipe-manager"
    version = run_checked([str(command), "--version"], env=fresh_home_env(tmp_path / "v"))
    assert version.stdout.split() == ["recipe-manager", VERSION]
    home = tmp_path / "home"
    assert_real_picture(start_off_screen(command, home))
    assert_fresh_user_folders(home)


@pytest.fixture
def bundle_dir() -> Path:
    location = os.environ.get(BUNDLE_VARIABLE)
    if not location:
        pytest.skip(f"no bundle: `make bundle-smoke` builds one and sets {BUNDLE_VARIABLE}")
    return Path(location)


def bundle_program(bundle: Path) -> Path:
    return bundle / ("recipe-manager.exe" if sys.platform == "win32" else "recipe-manager")


@pytest.mark.timeout(300)
def test_bundle_starts_on_a_fresh_home_folder_and_writes_nothing_inside(
    bundle_dir: Path, tmp_path: Path
) -> None:
    before = tree_snapshot(bundle_dir)
    home = tmp_path / "home"
    assert_real_picture(start_off_screen(bundle_program(bundle_dir), home))
    assert_fresh_user_folders(home)
    assert tree_snapshot(bundle_dir) == before


@pytest.mark.timeout(300)
def test_bundle_carries_the_version_seeds_and_resources(bundle_dir: Path, tmp_path: Path) -> None:
    result = run_checked(
        [str(bundle_program(bundle_dir)), "--version"], env=fresh_home_env(tmp_path / "home")
    )
    assert result.stdout.split() == ["recipe-manager", VERSION]
    [package] = bundle_dir.rglob("recipe_manager")
    assert shipped_files(package) == shipped_files(REPO_ROOT)


def test_bundle_leaves_out_the_qt_modules_the_app_does_not_use(bundle_dir: Path) -> None:
    names = {path.name for path in bundle_dir.rglob("*")}
    for unused in ("QtNetwork", "QtQml", "QtQuick", "QtPdf", "QtSql", "QtOpenGLWidgets"):
        assert not any(name.startswith(f"{unused}.") for name in names), unused
    # and keeps the ones loaded only later: printing, and cook mode keeping the screen awake
    for used in ("QtPrintSupport", "QtDBus"):
        assert any(name.startswith(f"{used}.") for name in names), used


def test_bundle_holds_every_module_of_the_app(bundle_dir: Path) -> None:
    """The app imports most of its modules on first use, which PyInstaller cannot follow."""
    viewer = Path(sys.executable).with_name("pyi-archive_viewer")
    listing = run_checked([str(viewer), "-r", "-b", str(bundle_program(bundle_dir))], env=None)
    bundled = {line.strip() for line in listing.stdout.splitlines()}
    package = REPO_ROOT / "recipe_manager"
    for source in package.rglob("*.py"):
        parts = source.relative_to(REPO_ROOT).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        assert module in bundled, f"{module} is missing from the bundle"
