"""Two computers on a real Syncthing folder, working at once.

Two Syncthing daemons on 127.0.0.1 share one folder; two app processes, each with its own
home and configuration folder (so, two computers), add, edit and delete recipes on their
side at once. At the end both libraries must be identical and hold every acknowledged
recipe, no deleted recipe may be back, and nothing may have been asked or gone wrong.
Run with `make test-sync`; skipped where the `syncthing` command is not installed.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

SYNCTHING = shutil.which("syncthing")
APP = Path(__file__).with_name("sync_app_process.py")
FOLDER_ID = "recipes"
WORK_SECONDS = float(os.environ.get("RECIPE_MANAGER_SYNC_SECONDS", "20"))

pytestmark = [
    pytest.mark.skipif(
        SYNCTHING is None,
        reason="syncthing is not installed "
        "(apt-get install syncthing); `make test-sync` runs this test",
    ),
    pytest.mark.timeout(600),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Daemon:
    """One Syncthing instance with its own home, GUI/API and listen port on 127.0.0.1."""

    def __init__(self, home: Path, folder: Path) -> None:
        self.home, self.folder = home, folder
        self.api_port, self.listen_port = free_port(), free_port()
        self.api_key = os.urandom(12).hex()
        output = subprocess.run(
            [SYNCTHING, "generate", f"--home={home}"], capture_output=True, text=True, check=True
        )
        text = output.stdout + output.stderr
        self.device_id = text.split("Device ID:")[1].split()[0].strip()
        self.process: subprocess.Popen | None = None

    def configure(self, other: Daemon) -> None:
        config = self.home / "config.xml"
        tree = ET.parse(config)
        root = tree.getroot()
        for folder in root.findall("folder"):
            root.remove(folder)
        gui = root.find("gui")
        gui.find("address").text = f"127.0.0.1:{self.api_port}"
        gui.find("apikey").text = self.api_key
        options = root.find("options")
        for name, value in {
            "listenAddress": f"tcp://127.0.0.1:{self.listen_port}",
            "globalAnnounceEnabled": "false",
            "localAnnounceEnabled": "false",
            "relaysEnabled": "false",
            "natEnabled": "false",
            "startBrowser": "false",
            "urAccepted": "-1",
            "autoUpgradeIntervalH": "0",
            "crashReportingEnabled": "false",
        }.items():
            element = options.find(name)
            if element is None:
                element = ET.SubElement(options, name)
            element.text = value
        device = ET.SubElement(
            root,
            "device",
            id=other.device_id,
            name="other",
            compression="metadata",
            introducer="false",
        )
        ET.SubElement(device, "address").text = f"tcp://127.0.0.1:{other.listen_port}"
        folder = ET.Element(
            "folder",
            id=FOLDER_ID,
            label="Recipes",
            path=str(self.folder),
            type="sendreceive",
            rescanIntervalS="10",
            fsWatcherEnabled="true",
            fsWatcherDelayS="1",
        )
        ET.SubElement(folder, "device", id=self.device_id)
        ET.SubElement(folder, "device", id=other.device_id)
        root.insert(0, folder)
        tree.write(config)

    def start(self) -> None:
        env = dict(os.environ, STNODEFAULTFOLDER="1", STNOUPGRADE="1")
        self.process = subprocess.Popen(
            [
                SYNCTHING,
                "serve",
                f"--home={self.home}",
                "--no-browser",
                "--no-restart",
                "--no-default-folder",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                self.get("/rest/system/ping")
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("syncthing did not start")

    def get(self, path: str) -> dict:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.api_port}{path}", headers={"X-API-Key": self.api_key}
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            return json.loads(response.read() or b"{}")

    def scan(self) -> None:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.api_port}/rest/db/scan?folder={FOLDER_ID}",
            headers={"X-API-Key": self.api_key},
            method="POST",
        )
        urllib.request.urlopen(request, timeout=30).read()

    def idle(self) -> bool:
        status = self.get(f"/rest/db/status?folder={FOLDER_ID}")
        return status.get("state") == "idle" and status.get("needTotalItems", 1) == 0

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


class App:
    """One app process: its own HOME and XDG folders, so its own computer."""

    def __init__(self, home: Path, folder: Path, seed: int) -> None:
        env = dict(os.environ)
        env.update(
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CACHE_HOME=str(home / "cache"),
            XDG_STATE_HOME=str(home / "state"),
        )
        self.process = subprocess.Popen(
            [sys.executable, str(APP), str(folder), str(seed), str(WORK_SECONDS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.log: list[dict] = []

    def read_until(self, key: str) -> dict:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            message = json.loads(line)
            self.log.append(message)
            if key in message:
                return message
        raise AssertionError(f"the app ended before {key}")

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()


def wait_in_sync(daemons: list[Daemon], folders: list[Path], timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for daemon in daemons:
            daemon.scan()
        snapshots = [
            {p.name: p.read_bytes() for p in (f / "devices").glob("*.json*")} for f in folders
        ]
        if snapshots[0] == snapshots[1] and all(d.idle() for d in daemons):
            return
        time.sleep(1)
    raise AssertionError("the two folders never came into step")


def test_two_computers_on_syncthing_end_with_the_same_library(tmp_path: Path) -> None:
    folders = [tmp_path / f"computer{n}" / "Sync" / "recipes" for n in range(2)]
    for folder in folders:
        folder.mkdir(parents=True)
    daemons = [Daemon(tmp_path / f"st{n}", folders[n]) for n in range(2)]
    daemons[0].configure(daemons[1])
    daemons[1].configure(daemons[0])
    apps: list[App] = []
    try:
        for daemon in daemons:
            daemon.start()
        apps = [App(tmp_path / f"computer{n}", folders[n], seed=n + 1) for n in range(2)]
        for app in apps:
            app.read_until("opened")
        for app in apps:
            done = app.read_until("done")
            assert done["errors"] == 0, [m for m in app.log if m.get("op") == "error"]
        # Seconds for a change to show on the other computer.
        delays = []
        for n in range(3):
            start = time.monotonic()
            apps[n % 2].send(f"add Marker {n}")
            apps[n % 2].read_until("op")
            apps[1 - n % 2].send(f"has Marker {n}")
            apps[1 - n % 2].read_until("seen")
            delays.append(time.monotonic() - start)
        wait_in_sync(daemons, folders)
        states = []
        for app in apps:
            app.send("state")
            states.append(app.read_until("state"))
        added = {m["id"] for app in apps for m in app.log if m.get("op") == "add"}
        deleted = {m["id"] for app in apps for m in app.log if m.get("op") == "delete"}
        present = set(states[0]["state"])
        report = {
            "acknowledged": len(added - deleted),
            "present on each": [len(s["state"]) for s in states],
            "deleted": len(deleted),
            "deletions back": len(deleted & present),
            "seconds to show on the other": [round(d, 2) for d in delays],
            "problems": [s["problems"] for s in states],
        }
        print("\nSYNCTHING RESULT", json.dumps(report))
        assert states[0]["state"] == states[1]["state"]
        assert added - deleted <= present, f"lost {len(added - deleted - present)}"
        assert not deleted & present
        assert not states[0]["problems"] and not states[1]["problems"]
        conflict_files = [p for f in folders for p in f.rglob("*sync-conflict*")]
        assert not conflict_files, conflict_files
    finally:
        for app in apps:
            if app.process.poll() is None:
                app.send("quit")
                try:
                    app.process.wait(30)
                except subprocess.TimeoutExpired:
                    app.process.kill()
        for daemon in daemons:
            daemon.stop()
