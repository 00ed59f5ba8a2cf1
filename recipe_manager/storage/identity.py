"""This computer's identity: made once, kept in the user's configuration folder.

Two computers sharing a synced library folder are told apart by this id, never by anything
in the library itself: a sync tool copies the library, and a copied identity would make two
computers write one file. Two user accounts, or two processes with different
`XDG_CONFIG_HOME`, are two computers.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import uuid
from dataclasses import dataclass
from pathlib import Path

from ..paths import APP_ID
from .errors import LibraryWriteError

IDENTITY_FILE = "computer.json"
KNOWN_LIBRARIES_FILE = "libraries.json"
_ID = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True, slots=True)
class Computer:
    """Who writes: a random id (the device file's name) and a name people recognise."""

    id: str
    name: str


def config_folder() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_ID, appauthor=False)


def this_computer() -> Computer:
    """The identity kept in the config folder, made on first use (race-free between processes)."""
    folder = config_folder()
    path = folder / IDENTITY_FILE
    found = _read_identity(path)
    if found is not None:
        return found
    made = Computer(uuid.uuid4().hex, _host_name())
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temp = folder / f".{IDENTITY_FILE}.{made.id}.tmp"
        temp.write_text(json.dumps({"id": made.id, "name": made.name}), encoding="utf-8")
        try:
            # A hard link never replaces: of two processes starting at once, one wins and
            # both then read the winner's identity.
            os.link(temp, path)
        except FileExistsError:
            pass
        except OSError:
            # File systems without hard links: an exclusive create does the same.
            with (
                contextlib.suppress(FileExistsError),
                open(path, "x", encoding="utf-8") as handle,
            ):
                handle.write(temp.read_text(encoding="utf-8"))
                handle.flush()
                os.fsync(handle.fileno())
        finally:
            with contextlib.suppress(OSError):
                temp.unlink()
    except OSError as error:
        raise LibraryWriteError(
            f"this computer's identity could not be kept in {folder}: {error.strerror or error}"
        ) from error
    return _read_identity(path) or made


def _read_identity(path: Path) -> Computer | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not _ID.match(str(data.get("id", ""))):
        return None
    name = data.get("name")
    return Computer(data["id"], name if isinstance(name, str) and name else data["id"][:8])


def _host_name() -> str:
    name = socket.gethostname().split(".")[0].strip()
    return name[:60] or "another computer"


def known_libraries() -> set[str]:
    """Library folders this computer has opened (resolved paths), to tell 'missing' from 'new'."""
    try:
        data = json.loads((config_folder() / KNOWN_LIBRARIES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {item for item in data if isinstance(item, str)} if isinstance(data, list) else set()


def remember_library(folder: Path) -> None:
    """Note a library folder as opened here; failing to is never an error worth a save."""
    key = str(folder)
    known = known_libraries()
    if key in known:
        return
    known.add(key)
    target = config_folder() / KNOWN_LIBRARIES_FILE
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
        temp.write_text(json.dumps(sorted(known)), encoding="utf-8")
        os.replace(temp, target)
