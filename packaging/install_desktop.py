"""Put Recipe Manager in the Linux desktop's application menu, or take it out again.

Installs resources/recipe-manager.desktop into $XDG_DATA_HOME/applications with Exec set to
the absolute path of the installed `recipe-manager` command (launchers do not search the
user's PATH the way a shell does), and the icon into the hicolor theme of $XDG_DATA_HOME.
Only the standard library: it runs with any python3, with or without the project's venv.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

APP_ID = "recipe-manager"
ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Characters that make the desktop-entry spec require the Exec argument to be quoted.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def data_home() -> Path:
    """$XDG_DATA_HOME, else ~/.local/share, as the XDG base directory spec says."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def installed_files(base: Path) -> dict[Path, Path]:
    """Each file this installs, target path → source path in the checkout."""
    icons = base / "icons" / "hicolor"
    files = {
        base / "applications" / f"{APP_ID}.desktop": RESOURCES / f"{APP_ID}.desktop",
        icons / "scalable" / "apps" / f"{APP_ID}.svg": RESOURCES / f"{APP_ID}.svg",
    }
    for size in PNG_SIZES:
        source = RESOURCES / "icons" / f"{APP_ID}-{size}.png"
        files[icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = source
    return files


def find_command(explicit: str | None) -> Path:
    """The command the launcher starts: as given, else `recipe-manager` on PATH or in ~/.local/bin.

    pipx and `pip install --user` put it in ~/.local/bin, which is not always on PATH yet.
    """
    if explicit:
        candidate = Path(explicit).expanduser().absolute()
        if not (candidate.is_file() and os.access(candidate, os.X_OK)):
            raise SystemExit(f"{candidate} is not an executable file.")
        return candidate
    found = shutil.which(APP_ID)
    if found:
        return Path(found).absolute()
    local = Path.home() / ".local" / "bin" / APP_ID
    if local.is_file() and os.access(local, os.X_OK):
        return local
    raise SystemExit(
        f"No `{APP_ID}` command found. Install the app first (for example `pipx install .`), "
        "or name the program to start: make install-desktop DESKTOP_EXEC=/path/to/recipe-manager"
    )


def exec_value(command: Path) -> str:
    """The command as a desktop-entry Exec value: quoted and escaped as the spec requires."""
    text = str(command)
    if any(character in _RESERVED for character in text):
        for character in '\\"`$':
            text = text.replace(character, "\\" + character)
        text = f'"{text}"'
    # Exec is a string value: its own backslashes are escaped once more.
    return text.replace("\\", "\\\\")


def desktop_entry(template: str, command: Path) -> str:
    """The launcher's text: the template with Exec and TryExec set to the installed command.

    The app takes no file arguments, so Exec gets no field codes. TryExec makes menus hide
    the launcher if the command is uninstalled.
    """
    lines, group = [], ""
    for line in template.splitlines():
        stripped = line.strip()
        if stripped.startswith("["):
            group = stripped
        key = stripped.split("=", 1)[0].strip()
        if group == "[Desktop Entry]" and key == "TryExec":
            continue
        if group == "[Desktop Entry]" and key == "Exec":
            lines.append("TryExec=" + str(command).replace("\\", "\\\\"))
            lines.append(f"Exec={exec_value(command)}")
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


def install(base: Path, command: Path) -> list[Path]:
    written = []
    for target, source in installed_files(base).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.suffix == ".desktop":
            target.write_text(desktop_entry(source.read_text(encoding="utf-8"), command), "utf-8")
        else:
            shutil.copyfile(source, target)
        written.append(target)
    refresh_caches(base)
    return written


def uninstall(base: Path) -> list[Path]:
    removed = []
    for target in installed_files(base):
        if target.exists():
            target.unlink()
            removed.append(target)
    refresh_caches(base)
    return removed


def refresh_caches(base: Path) -> None:
    """Tell the menu and the icon theme to look again; desktops without these tools rescan."""
    applications = base / "applications"
    hicolor = base / "icons" / "hicolor"
    if applications.is_dir() and shutil.which("update-desktop-database"):
        subprocess.run(["update-desktop-database", "-q", str(applications)], check=False)
    if (hicolor / "index.theme").is_file() and shutil.which("gtk-update-icon-cache"):
        subprocess.run(["gtk-update-icon-cache", "-q", "-t", str(hicolor)], check=False)
    if hicolor.is_dir():
        hicolor.touch()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("install", "uninstall"))
    parser.add_argument(
        "--exec",
        dest="command",
        metavar="PATH",
        help="the program the launcher starts (default: recipe-manager on PATH or ~/.local/bin)",
    )
    arguments = parser.parse_args(argv)
    base = data_home()
    if arguments.action == "install":
        command = find_command(arguments.command)
        for path in install(base, command):
            print(f"installed {path}")
        print(f"The launcher starts {command}. Find Recipe Manager in your application menu.")
    else:
        for path in uninstall(base):
            print(f"removed {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
