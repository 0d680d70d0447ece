"""Leak guard: a test that leaves a QThread running, a QTimer active or a Python thread
(a watchdog observer, a worker) alive after its teardown fails. Timers and Qt threads are
seen through their start() (wrapped once per session); Python threads by comparing
threading.enumerate() before and after the test. A short settle lets deleteLater() and
threads that are already stopping finish first."""

from __future__ import annotations

import threading
import time
import weakref

_started_timers: weakref.WeakSet = weakref.WeakSet()
_started_qthreads: weakref.WeakSet = weakref.WeakSet()
_installed = False
# Timers meant to run for the life of the process (one per application, never a leak).
PROCESS_TIMERS = {"uiThreadCollectorTimer"}  # tileditor.services.gc_policy


def install() -> bool:
    """Wrap QTimer.start and QThread.start to remember what they started (once)."""
    global _installed
    if _installed:
        return True
    try:
        from PySide6.QtCore import QThread, QTimer
    except ImportError:  # core-only environment: Python threads are still checked
        return False
    timer_start, thread_start = QTimer.start, QThread.start

    def start_timer(self, *args, **kwargs):
        _started_timers.add(self)
        return timer_start(self, *args, **kwargs)

    def start_thread(self, *args, **kwargs):
        _started_qthreads.add(self)
        return thread_start(self, *args, **kwargs)

    QTimer.start = start_timer
    QThread.start = start_thread
    _installed = True
    return True


class Snapshot:
    """What was running when a test began."""

    def __init__(self) -> None:
        self.threads = set(threading.enumerate())
        self.timers = set(_live(_started_timers, "isActive"))
        self.qthreads = set(_live(_started_qthreads, "isRunning"))

    def leaks(self, settle_s: float = 2.0) -> list[str]:
        """What the test left running, after letting stopping work finish for settle_s."""
        deadline = time.monotonic() + settle_s
        while True:
            _flush_qt()
            found = self._new()
            if not found or time.monotonic() > deadline:
                return found
            time.sleep(0.02)

    def _new(self) -> list[str]:
        out = [f"thread {t.name!r} ({type(t).__name__})"
               for t in threading.enumerate()
               if t not in self.threads and t.is_alive() and not _foreign(t)]
        out += [f"QTimer {_describe(t)}" for t in _live(_started_timers, "isActive")
                if t not in self.timers and t.objectName() not in PROCESS_TIMERS]
        out += [f"QThread {_describe(t)}" for t in _live(_started_qthreads, "isRunning")
                if t not in self.qthreads]
        return out


def _foreign(thread: threading.Thread) -> bool:
    """A thread Python did not start (a Qt pool thread that once ran a Python slot): it shows
    as a _DummyThread that is alive forever; Qt threads are checked through QThread instead."""
    return isinstance(thread, threading._DummyThread)


def _live(objects, running: str):
    try:
        import shiboken6
    except ImportError:
        return []
    alive = []
    for obj in list(objects):
        try:
            if shiboken6.isValid(obj) and getattr(obj, running)():
                alive.append(obj)
        except RuntimeError:  # deleted between the two checks
            continue
    return alive


def _describe(obj) -> str:
    parent = obj.parent()
    owner = f" in {type(parent).__name__} {parent.objectName()!r}" if parent is not None else ""
    return f"{type(obj).__name__} {obj.objectName()!r}{owner}"


def _flush_qt() -> None:
    try:
        from PySide6.QtCore import QCoreApplication, QEvent
    except ImportError:
        return
    app = QCoreApplication.instance()
    if app is None:
        return
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
