"""Gives the C heap's free pages back to the system after a big release.

glibc keeps the memory free() returns inside its heaps (the main one and each thread's arena)
unless it sits at the very top, so an unloaded spelling dictionary (hunspell's Korean one is
~50 MiB in many small blocks) stays resident: malloc_trim() hands those pages back.
Elsewhere (musl, macOS, Windows) there is no malloc_trim and nothing happens. QtCore only."""

from __future__ import annotations

import ctypes
import threading

from PySide6.QtCore import QObject, QTimer

IDLE_MS = 500  # after the last schedule(): one trim for releases that come together


def _find_malloc_trim():
    try:
        return ctypes.CDLL(None).malloc_trim  # the C library this interpreter runs on
    except (AttributeError, OSError, TypeError):
        return None


_malloc_trim = _find_malloc_trim()


def trim_heap() -> bool:
    """Return the heap's free pages to the system now (blocking: ~1-8 ms in a 5,000-line
    session; ctypes lets go of the GIL meanwhile). False where the C library cannot."""
    if _malloc_trim is None:
        return False
    _malloc_trim(0)
    return True


class HeapTrimmer(QObject):
    """schedule() (re)starts a quiet period; when it ends the heap is trimmed on a short-lived
    thread, so the UI thread never waits for it."""

    def __init__(self, parent: QObject | None = None, idle_ms: int = IDLE_MS):
        super().__init__(parent)
        self.trims = 0
        self._thread: threading.Thread | None = None
        self._timer = QTimer(self, singleShot=True, interval=idle_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    def schedule(self, *_signal_args) -> None:
        if _malloc_trim is not None:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def wait(self, timeout_s: float = 5.0) -> None:
        """Until a trim under way has finished (tests)."""
        if self._thread is not None:
            self._thread.join(timeout_s)

    def _on_timer_timeout(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            self._timer.start()  # one at a time: try again after another quiet period
            return
        self.trims += 1
        self._thread = threading.Thread(target=trim_heap, name="heap-trim", daemon=True)
        self._thread.start()
