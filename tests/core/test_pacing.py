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


def _turns(pace) -> int:
    """How many times the main thread got the GIL back (after a 0.1 ms sleep that releases
    it) while a worker ran Python for 0.3 s calling `pace`."""
    turns, started = 0, threading.Event()

    def work():
        started.set()
        _busy(0.3, pace())

    t = threading.Thread(target=work)
    t.start()
    started.wait()
    while t.is_alive():
        time.sleep(0.0001)  # coming back needs the worker to give the GIL up
        turns += 1
    t.join()
    return turns


def test_a_worker_hands_the_gil_back_about_every_slice():
    paced_turns = sorted(_turns(lambda: Pacer(slice_s=0.001)) for _ in range(3))
    unpaced = sorted(_turns(lambda: (lambda: None)) for _ in range(3))
    # Unpaced, the main thread gets the GIL once per switch interval (5 ms): ~60 turns in
    # 0.3 s; paced, about once a slice (~250). Medians of three: the machine may be loaded.
    assert unpaced[1] < 150
    assert paced_turns[1] > 2 * unpaced[1]


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
