"""IndexLoader: jobs on a worker thread, results in request order on the Qt thread, the newest
request replacing one still waiting, the grace wait, failures and shutdown."""

from __future__ import annotations

import gc
import threading

from tileditor.core.site import ScanCancelled
from tileditor.services import gc_policy
from tileditor.services.index_loader import IndexLoader


def _gated(gate: threading.Event, value, ran: list):
    def job(cancel):
        ran.append(value)
        while not gate.wait(0.01):
            if cancel.is_set():
                raise ScanCancelled
        return value

    return job


def test_results_arrive_on_the_qt_thread_in_order_and_waiting_jobs_are_replaced(qtbot):
    loader = IndexLoader()
    got, ran, gate = [], [], threading.Event()
    loader.loaded.connect(lambda g, r: got.append((g, r, threading.current_thread().name)))
    first = loader.request(_gated(gate, "a", ran))
    qtbot.waitUntil(lambda: ran == ["a"], timeout=3000)
    loader.request(_gated(gate, "b", ran))  # waiting
    third = loader.request(_gated(gate, "c", ran))  # replaces "b" before it ever ran
    assert loader.loading
    gate.set()
    qtbot.waitUntil(lambda: len(got) == 2, timeout=3000)
    main = threading.main_thread().name
    assert got == [(first, "a", main), (third, "c", main)] and ran == ["a", "c"]
    assert not loader.loading
    loader.shutdown()


def test_grace_wait_delivers_before_returning(qtbot):
    loader = IndexLoader()
    got = []
    loader.loaded.connect(lambda g, r: got.append(r))
    loader.request(lambda cancel: 42, wait_ms=2000)
    assert got == [42] and not loader.loading
    qtbot.wait(50)
    assert got == [42]  # the queued notice of the same result delivers nothing twice
    gate, ran = threading.Event(), []
    loader.request(_gated(gate, "slow", ran), wait_ms=30)
    assert got == [42] and loader.loading  # not in time: it arrives later
    gate.set()
    qtbot.waitUntil(lambda: got == [42, "slow"], timeout=3000)
    loader.shutdown()


def test_a_failing_job_reports_and_the_next_one_still_runs(qtbot):
    loader = IndexLoader()
    failed, got = [], []
    loader.failed.connect(lambda g, m: failed.append(m))
    loader.loaded.connect(lambda g, r: got.append(r))

    def broken(cancel):
        raise OSError("disk on fire")

    loader.request(broken)
    qtbot.waitUntil(lambda: bool(failed), timeout=3000)
    assert "disk on fire" in failed[0]
    loader.request(lambda cancel: "fine")
    qtbot.waitUntil(lambda: got == ["fine"], timeout=3000)
    loader.shutdown()


def test_shutdown_cancels_the_running_job_and_drops_its_result(qtbot):
    loader = IndexLoader()
    got, ran, gate = [], [], threading.Event()
    loader.loaded.connect(lambda g, r: got.append(r))
    loader.request(_gated(gate, "never", ran))
    qtbot.waitUntil(lambda: ran == ["never"], timeout=3000)
    loader.shutdown()
    assert not any(t.name == "repo-index" and t.is_alive() for t in threading.enumerate())
    qtbot.wait(50)
    assert got == [] and not loader.loading


def test_the_collector_waits_during_a_job_and_is_back_after(qtbot):
    loader = IndexLoader()
    seen = []
    loader.request(lambda cancel: seen.append((gc.isenabled(), gc_policy.paused())),
                   wait_ms=2000)
    assert seen == [(False, True)] and not gc_policy.paused()
    # Back: automatic, or run by the UI thread's timer once the app has handed it over.
    assert gc.isenabled() != gc_policy.on_ui_thread()
    loader.shutdown()


def test_wait_blocks_for_the_newest_result_and_delivers_it_on_the_qt_thread(qtbot):
    loader = IndexLoader()
    assert loader.wait() is None  # nothing requested: nothing to wait for
    got, ran, gate = [], [], threading.Event()
    loader.loaded.connect(lambda g, r: got.append(r))
    loader.request(_gated(gate, "listing", ran))
    from_thread = []
    other = threading.Thread(target=lambda: from_thread.append(loader.wait()))
    other.start()
    threading.Timer(0.1, gate.set).start()
    assert loader.wait() == "listing"
    assert got == ["listing"] and not loader.loading  # delivered before wait() returned
    other.join(5)
    assert from_thread == ["listing"]

    def waits_for_itself(cancel):
        return loader.wait()

    loader.request(waits_for_itself)
    assert loader.wait() is None  # the job's own wait does not deadlock: it got None
    loader.shutdown()
