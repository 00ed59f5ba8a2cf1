"""Keeping the screen awake while a cook reads from across the room, on each platform.

Linux and the BSDs ask the desktop's screen saver over D-Bus, Windows sets the thread's
execution state, macOS runs `caffeinate`. Where none answers, nothing happens, silently.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Protocol

from PySide6.QtCore import QProcess

APP_NAME = "Recipe Manager"


class Inhibitor(Protocol):
    def inhibit(self, reason: str) -> bool: ...
    def release(self) -> None: ...


class FreedesktopInhibitor:
    """org.freedesktop.ScreenSaver.Inhibit over QtDBus, on a connection of our own.

    The service lifts an inhibition when the connection that asked for it closes, so
    releasing closes that connection. That also spares UnInhibit, whose uint32 cookie
    PySide6 can only send as a signed int, which services reject.
    """

    _count = 0

    def __init__(self) -> None:
        FreedesktopInhibitor._count += 1
        self._name = f"recipe-manager-screen-awake-{FreedesktopInhibitor._count}"
        self._connected = False

    def inhibit(self, reason: str) -> bool:
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage
        except ImportError:
            return False
        bus = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, self._name)
        self._connected = True
        if not bus.isConnected():
            self.release()
            return False
        screensaver = QDBusInterface(
            "org.freedesktop.ScreenSaver",
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver",
            bus,
        )
        reply = screensaver.call("Inhibit", APP_NAME, reason)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            self.release()
            return False
        return True

    def release(self) -> None:
        if self._connected:
            from PySide6.QtDBus import QDBusConnection

            QDBusConnection.disconnectFromBus(self._name)
            self._connected = False


class WindowsInhibitor:
    """SetThreadExecutionState: the display stays on while the flag is set."""

    _CONTINUOUS, _DISPLAY_REQUIRED = 0x80000000, 0x00000002

    def inhibit(self, reason: str) -> bool:
        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        return bool(kernel.SetThreadExecutionState(self._CONTINUOUS | self._DISPLAY_REQUIRED))

    def release(self) -> None:
        ctypes.windll.kernel32.SetThreadExecutionState(self._CONTINUOUS)  # type: ignore[attr-defined]


class MacInhibitor:
    """`caffeinate -d` for as long as it runs."""

    def __init__(self) -> None:
        self._process: QProcess | None = None

    def inhibit(self, reason: str) -> bool:
        self._process = QProcess()
        self._process.start("caffeinate", ["-d"])
        return self._process.waitForStarted(2000)

    def release(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.waitForFinished(2000)
            self._process = None


def platform_inhibitor() -> Inhibitor | None:
    if sys.platform == "win32":
        return WindowsInhibitor()
    if sys.platform == "darwin":
        return MacInhibitor()
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return FreedesktopInhibitor()
    return None


class ScreenAwake:
    """Keeps the screen from sleeping between `acquire` and `release`; silently nothing
    where the platform offers no way (or no session bus)."""

    def __init__(self, reason: str, inhibitor: Inhibitor | None = None) -> None:
        self.reason = reason
        self._inhibitor = inhibitor if inhibitor is not None else platform_inhibitor()
        self.active = False

    def acquire(self) -> None:
        if self.active or self._inhibitor is None:
            return
        try:
            self.active = self._inhibitor.inhibit(self.reason)
        except (OSError, AttributeError, RuntimeError):
            self.active = False

    def release(self) -> None:
        if not self.active or self._inhibitor is None:
            return
        self.active = False
        try:
            self._inhibitor.release()
        except (OSError, AttributeError, RuntimeError):
            return
