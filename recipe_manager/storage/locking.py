"""Locks between windows and processes on one library: one writer at a time, always.

Two locks per library folder. The session lock is held by the window that may change the
library for as long as it is open; a second window or program on the same file opens it
read-only. The write lock is held for the length of one save, so that even programs that
open the library without a session (scripts, imports, tests) never write at the same time,
and each save starts from the newest file.

Both are operating-system locks on an open file (`flock` on Linux and macOS, a locked byte
on Windows): the system drops them when the process dies, however it dies, so a crash
never leaves a stale lock. Each lock object opens the file itself, so two windows in one
process exclude each other just as two processes do.

The lock files live in the user's cache folder, named after what the file system says the
folder is (its device and inode numbers), not after a path: a bind mount, a symlink or
another spelling of the same folder reaches the same lock. They are not beside the library:
a sync tool would copy lock files between computers and replace them under a running app,
which would quietly break the lock on the very machine it guards.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..paths import APP_ID
from .errors import LibraryWriteError

WRITE_LOCK_TIMEOUT = 15.0
ANOTHER_INSTANCE = (
    "Another Recipe Manager window or program has this library open; "
    "this one shows it read-only until that one closes."
)

if sys.platform == "win32":
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import errno
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                return False
            raise
        return True

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)


class FileLock:
    """An exclusive lock on a small file, held by this object alone (not re-entrant)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._descriptor: int | None = None

    def try_acquire(self) -> bool:
        """Take the lock if it is free; never waits."""
        if self._descriptor is not None:
            raise RuntimeError(f"{self.path} is already held by this lock")
        descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            locked = _try_lock(descriptor)
        except BaseException:
            os.close(descriptor)
            raise
        if not locked:
            os.close(descriptor)
            return False
        self._descriptor = descriptor
        return True

    def acquire(self, timeout: float) -> bool:
        """Wait up to `timeout` seconds for the lock; True once held."""
        deadline = time.monotonic() + timeout
        delay = 0.002
        while not self.try_acquire():
            if time.monotonic() >= deadline:
                return False
            time.sleep(delay)
            delay = min(delay * 2, 0.05)
        return True

    def release(self) -> None:
        descriptor, self._descriptor = self._descriptor, None
        if descriptor is None:
            return
        try:
            with contextlib.suppress(OSError):
                _unlock(descriptor)
        finally:
            os.close(descriptor)


def lock_folder() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path(APP_ID, appauthor=False) / "locks"


def folder_key(folder: Path) -> str:
    """The folder as the file system knows it, whatever path reaches it."""
    try:
        info = os.stat(folder)
    except OSError:
        return "path:" + os.path.normcase(str(Path(folder).resolve()))
    if os.name == "nt" and not info.st_ino:
        return "path:" + os.path.normcase(str(Path(folder).resolve()))
    return f"{info.st_dev}:{info.st_ino}"


def _new_lock(library_path: Path, kind: str) -> FileLock:
    key = folder_key(library_path)
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    folder = lock_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LibraryWriteError(
            f"the lock folder {folder} could not be created: {error.strerror or error}"
        ) from error
    return FileLock(folder / f"{digest}.{kind}.lock")


def try_session_lock(library_path: Path) -> FileLock | None:
    """The session lock, held; None when another window or process holds it."""
    lock = _new_lock(library_path, "session")
    try:
        return lock if lock.try_acquire() else None
    except OSError as error:
        raise LibraryWriteError(f"the library could not be locked: {error}") from error


def write_lock(library_path: Path) -> FileLock:
    """A lock to hold around one save, with `holding`."""
    return _new_lock(library_path, "write")


@contextmanager
def holding(lock: FileLock) -> Iterator[None]:
    """Hold the write lock for one save, or raise LibraryWriteError if it never comes free."""
    try:
        acquired = lock.acquire(WRITE_LOCK_TIMEOUT)
    except OSError as error:
        raise LibraryWriteError(f"the library could not be locked: {error}") from error
    if not acquired:
        raise LibraryWriteError(
            "another program kept the library busy; nothing was saved, try again"
        )
    try:
        yield
    finally:
        lock.release()
