"""core/pacing: a worker's loop gives the GIL away about every slice of its work, and the
thread waiting for it gets it then (not after the 5 ms switch interval)."""

from __future__ import annotations

import threading
import time

from tileditor.core.pacing import Pacer, paced


def _busy(seconds: float, pace) -> int:
    """Pure-Python work for `seconds`, calling `pace` between small steps; the steps."""
    end, n = time.perf_counter() + seconds, 0
    while time.perf_counter() < end:
        sum(range(50))
        pace()
        n += 1
    return n


def _worst_wait(pace) -> float:
    """The longest the main thread waited for the GIL (a 0.1 ms sleep, then back) while a
    worker ran Python for 0.3 s calling `pace`."""
    worst, started = 0.0, threading.Event()

    def work():
        started.set()
        _busy(0.3, pace())

    t = threading.Thread(target=work)
    t.start()
    started.wait()
    while t.is_alive():
        t0 = time.perf_counter()
        time.sleep(0.0001)  # releases the GIL; coming back needs the worker to give it up
        worst = max(worst, time.perf_counter() - t0)
    t.join()
    return worst


def test_a_worker_hands_the_gil_back_about_every_slice():
    waits = sorted(_worst_wait(lambda: Pacer(slice_s=0.001)) for _ in range(3))
    unpaced = sorted(_worst_wait(lambda: (lambda: None)) for _ in range(3))
    # Unpaced, the main thread waits for the switch interval (5 ms) each time; paced, about
    # a slice. Medians of three: the machine may be loaded.
    assert unpaced[1] > 0.004
    assert waits[1] < unpaced[1] / 2


def test_on_the_main_thread_and_with_no_slice_it_never_sleeps(monkeypatch):
    slept = []
    monkeypatch.setattr(time, "sleep", slept.append)
    _busy(0.01, Pacer(slice_s=0.0001))
    assert slept == []  # the main thread: nothing to hand over to
    done = []
    t = threading.Thread(target=lambda: done.append(_busy(0.01, Pacer(slice_s=0))))
    t.start()
    t.join()
    assert done and slept == []
    t = threading.Thread(target=lambda: done.append(list(paced(range(3)))))
    t.start()
    t.join()
    assert done[-1] == [0, 1, 2]
