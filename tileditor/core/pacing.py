"""Background work that hands the interpreter back to the UI thread. A worker thread busy in
Python (listing 20,000 posts, stat-ing a repo) keeps the GIL for up to the switch interval
(5 ms) each time the UI thread asks for it, and the UI thread asks again after every call into
Qt: a timer slot or a repaint then waits tens of ms. A loop that calls `pace()` for each item
gives the GIL away about every `SLICE_S` (1 ms) of its own work with a sleep short enough to cost
little, and long enough that a waiting thread really gets it (a zero sleep releases the GIL but
the releasing thread, already running, usually takes it straight back).
Must not import PySide6."""

from __future__ import annotations

import threading
import time

SLICE_S = 0.001  # work between two hand-overs (0.5 ms cost more and gained nothing measurable)
PAUSE_S = 0.00005  # the hand-over itself (the kernel rounds it up to ~60-100 us)

_main = threading.main_thread()


class Pacer:
    """`pacer()` in a worker's loop: sleeps PAUSE_S once SLICE_S has passed since the last
    sleep. A no-op on the main thread (nothing there to yield to) and with `slice_s=0`."""

    __slots__ = ("_next", "_slice", "_pause", "_on")

    def __init__(self, slice_s: float | None = None, pause_s: float | None = None):
        slice_s = SLICE_S if slice_s is None else slice_s
        self._slice, self._pause = slice_s, PAUSE_S if pause_s is None else pause_s
        self._on = slice_s > 0 and threading.current_thread() is not _main
        self._next = time.perf_counter() + slice_s

    def __call__(self) -> None:
        if self._on:
            now = time.perf_counter()
            if now >= self._next:
                time.sleep(self._pause)
                self._next = time.perf_counter() + self._slice


def paced(iterable, pacer: Pacer | None = None):
    """The items of `iterable`, with a hand-over of the GIL about every SLICE_S of the
    caller's work between them."""
    pacer = pacer or Pacer()
    for item in iterable:
        pacer()
        yield item
