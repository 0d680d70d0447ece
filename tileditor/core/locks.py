"""Liveness by advisory lock: a file held with flock(2) by a running process is free again the
moment that process ends (even by SIGKILL), so "is its owner alive?" never depends on pids,
which the system reuses. Must not import PySide6."""

from __future__ import annotations

import os
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not a POSIX system: nothing is ever seen as held
    fcntl = None  # type: ignore[assignment]


def lock_fd(fd: int) -> bool:
    """Take an exclusive lock on an open file without waiting; False when someone holds it.
    flock locks belong to the open file description, so two opens in one process conflict too
    (two windows of one test process behave like two processes)."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return True  # a file system without flock: treat as free, the callers' age checks rule
    return True


def try_lock(path: Path | str, create: bool = False, patience: float = 0.0) -> int | None:
    """An open fd holding the lock on `path`, or None when it is held elsewhere or missing.
    `patience` seconds of retrying: a fork (any subprocess this process starts: git, the web
    engine's helpers) briefly shares every open fd, locks included, until the child execs, so a
    lock that is really free can read as held for a moment."""
    flags = os.O_RDWR | (os.O_CREAT if create else 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), 0o600)
    except PermissionError:
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return None
    except OSError:
        return None
    deadline = time.monotonic() + patience
    while not lock_fd(fd):
        if time.monotonic() >= deadline:
            os.close(fd)
            return None
        time.sleep(0.01)
    return fd


def is_held(path: Path | str) -> bool:
    """True while another open file description holds the lock on `path`."""
    fd = try_lock(path)
    if fd is None:
        return Path(path).exists()
    os.close(fd)
    return False


def release(fd: int | None) -> None:
    if fd is None:
        return
    try:
        os.close(fd)  # closing the last descriptor drops the flock
    except OSError:
        pass
