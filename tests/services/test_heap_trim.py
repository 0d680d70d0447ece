"""Free heap pages go back to the system: trim_heap() shrinks the resident set after many
blocks in the middle of the heap were freed (what glibc keeps otherwise), and HeapTrimmer
trims once, off the UI thread, after a quiet period that every schedule() restarts."""

from __future__ import annotations

import sys

import pytest

from tileditor.services import heap_trim

pytestmark = pytest.mark.skipif(heap_trim._malloc_trim is None or sys.platform != "linux",
                                reason="glibc's malloc_trim only")


def _rss_mib() -> float:
    with open("/proc/self/statm", encoding="ascii") as fh:
        return int(fh.read().split()[1]) * 4096 / 2**20


def test_trim_heap_returns_freed_blocks_in_the_middle_of_the_heap():
    blocks = [bytes(1500) + bytes([i % 256]) for i in range(60_000)]  # ~90 MiB of malloc'd
    kept = blocks[::50]  # every 50th stays: the free space is not at the top of the heap
    del blocks
    before = _rss_mib()
    assert heap_trim.trim_heap()
    assert before - _rss_mib() > 40
    assert len(kept) == 1200


def test_the_trimmer_trims_once_after_the_last_schedule(qtbot):
    trimmer = heap_trim.HeapTrimmer(idle_ms=100)
    for _ in range(5):
        trimmer.schedule()
        qtbot.wait(30)
    assert trimmer.trims == 0  # each schedule() restarted the quiet period
    qtbot.waitUntil(lambda: trimmer.trims == 1, timeout=3000)
    trimmer.wait()
    assert trimmer._thread is not None and not trimmer._thread.is_alive()
    qtbot.wait(250)
    assert trimmer.trims == 1
