"""Cyclic garbage dies on the UI thread: once the app installs the policy, a cycle dropped
while worker threads allocate is not collected in a worker (where a Qt object in it would be
destroyed on the wrong thread: the rare exit-139 crash), and the UI thread's timer collects it
soon after; a paused listing job holds the timer off."""

from __future__ import annotations

import gc
import threading

from tileditor.services import gc_policy


class _Cycle:
    def __init__(self, died_on: list):
        self.me = self
        self.died_on = died_on

    def __del__(self):
        self.died_on.append(threading.current_thread())


def _allocate_in_a_worker(n: int = 20_000) -> list:
    """Containers kept alive: what moves gc's generation-0 count past its threshold (freed
    ones take their count back), as a render or a listing job does."""
    kept: list = []

    def churn():
        kept.extend([i] for i in range(n))

    t = threading.Thread(target=churn)
    t.start()
    t.join()
    return kept


def test_a_cycle_is_collected_on_the_ui_thread_not_in_a_worker(qtbot, qapp):
    collector = gc_policy.install(qapp)
    assert collector is not None and gc_policy.on_ui_thread() and not gc.isenabled()
    died_on: list = []
    _Cycle(died_on)
    kept = _allocate_in_a_worker()  # automatic collection would collect it in the worker
    assert died_on == []
    qtbot.waitUntil(lambda: died_on != [], timeout=5000)
    assert died_on == [threading.main_thread()]
    del kept


def test_the_timer_waits_while_a_job_has_collection_paused(qtbot, qapp):
    collector = gc_policy.install(qapp)
    died_on: list = []
    release = threading.Event()
    entered = threading.Event()

    def job():
        with gc_policy.collector_paused():
            entered.set()
            release.wait(5)

    worker = threading.Thread(target=job)
    worker.start()
    entered.wait(5)
    try:
        _Cycle(died_on)
        kept = _allocate_in_a_worker()
        assert collector.collect() == 0
        qtbot.wait(2 * gc_policy.INTERVAL_MS)
        assert died_on == []
    finally:
        release.set()
        worker.join()
    assert not gc.isenabled()  # the pause did not turn automatic collection back on
    gc.unfreeze()  # the pause froze the cycle with everything else (it is in gen 2 now)
    gc.collect()
    assert died_on == [threading.main_thread()]
    del kept
