"""Who runs Python's cyclic garbage collector, and when.

Qt objects must be destroyed on the thread that owns them. Left automatic, the collector runs
in whichever thread happens to allocate when a threshold is crossed (a render worker, the
listing job, the watchdog observer), and a cycle holding a window's Qt objects is then
destroyed there: a rare, random crash (exit 139) long after the window closed. So the app
turns automatic collection off and runs the same generational passes from a timer on the UI
thread (the pattern pyqtgraph's GarbageCollector uses for the same reason).

The listing job pauses collection while it builds a few hundred thousand long-lived objects
(each full pass over them would hold the GIL, and so the UI thread, for 0.2-0.9 s), then
freezes them out of the collector's sight. QtCore only: must not import QtWidgets or ui."""

from __future__ import annotations

import gc
import threading
import time
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500
# A full pass walks every tracked object (tens of ms in a big session) on the UI thread, where
# the automatic collector would have run only some of them there: full passes are spaced so
# that they take at most 1/FULL_PASS_DUTY of the UI thread's time, and never come closer
# than FULL_PASS_MIN_GAP_S.
FULL_PASS_DUTY = 50
FULL_PASS_MIN_GAP_S = 5.0

_lock = threading.Lock()
_pauses = 0
_collector: UiThreadCollector | None = None


@contextmanager
def collector_paused():
    """No collection while the block runs (in any thread); what it made is frozen after."""
    global _pauses
    with _lock:
        _pauses += 1
        if _pauses == 1:
            gc.disable()
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0:
                gc.freeze()
                if _collector is None:  # automatic collection is ours to give back
                    gc.enable()


def paused() -> bool:
    return _pauses > 0


def on_ui_thread() -> bool:
    """True once install() has handed collection to the UI thread's timer."""
    return _collector is not None


class UiThreadCollector(QObject):
    """Runs gc's generational passes from the UI thread, as the automatic collector would
    at its thresholds, every INTERVAL_MS."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.setObjectName("uiThreadCollector")
        self.thresholds = gc.get_threshold()
        self.full_passes = 0
        self._next_full = 0.0  # monotonic time before which no full pass runs
        self.timer = QTimer(self)
        self.timer.setObjectName("uiThreadCollectorTimer")
        self.timer.timeout.connect(self.collect)
        self.timer.start(interval_ms)

    def collect(self) -> int:
        """One check, as gc's own: a younger generation over its threshold is collected, and
        an older one too when its count is also over (full passes spaced, see above).
        Returns the objects found unreachable."""
        if paused():
            return 0
        found = 0
        c0, c1, c2 = gc.get_count()
        t0, t1, t2 = self.thresholds
        if c0 > t0:
            found += gc.collect(0)
            if c1 > t1:
                found += gc.collect(1)
                if c2 > t2 and time.monotonic() >= self._next_full:
                    found += self.full_pass()
        return found

    def full_pass(self) -> int:
        start = time.monotonic()
        found = gc.collect(2)
        took = time.monotonic() - start
        self.full_passes += 1
        self._next_full = start + max(FULL_PASS_MIN_GAP_S, took * FULL_PASS_DUTY)
        return found


def install(app: QCoreApplication | None = None) -> UiThreadCollector | None:
    """Hand cyclic collection to a timer on the UI thread (once per process; call it from the
    UI thread after the application object exists)."""
    global _collector
    app = app or QCoreApplication.instance()
    if app is None:
        return None
    with _lock:
        if _collector is None:
            _collector = UiThreadCollector(app)
            gc.disable()
    return _collector
