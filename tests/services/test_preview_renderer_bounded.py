"""Issue 15, items 12-13: a render past the time limit is cut off with a message and never
waited for (not even by stop()), later requests still render, and a render error (the
RecursionError of 10,000 nested list levels) says what failed and at which post line."""

from __future__ import annotations

import threading
import time

from tileditor.core.render import RenderResult
from tileditor.services.preview_renderer import PreviewRenderer

NESTED = "---\ntitle: deep\n---\n" + "- " * 10_000 + "a\n"


class SlowWhenAsked:
    def __init__(self, seconds: float = 3.0) -> None:
        self.seconds = seconds
        self.started = threading.Event()
        self._released = threading.Event()

    def __call__(self, text, site, post_path):
        if text == "slow":
            self.started.set()
            self._released.wait(self.seconds)
        return RenderResult(html=f"<p>{text}</p>")

    def release(self) -> None:
        """Ends the slow render early, so the abandoned worker is gone before the next test."""
        self._released.set()


def test_a_render_past_the_limit_is_cut_off_and_the_next_one_renders(qtbot):
    slow = SlowWhenAsked()
    r = PreviewRenderer(render_fn=slow, time_limit=0.3)
    try:
        t0 = time.monotonic()
        with qtbot.waitSignal(r.failed, timeout=2000) as blocker:
            gen = r.request("slow")
        assert time.monotonic() - t0 < 1.5
        assert blocker.args[0] == gen
        assert "took over 0.3 s and was stopped" in blocker.args[1]
        assert r.abandoned_count() == 1
        with qtbot.waitSignal(r.finished, timeout=2000) as blocker:
            gen = r.request("fast")
        assert blocker.args == [gen, RenderResult(html="<p>fast</p>")]
    finally:
        t0 = time.monotonic()
        r.stop()
        assert time.monotonic() - t0 < 0.5
        slow.release()


def test_stop_never_waits_for_a_render_in_flight(qtbot):
    slow = SlowWhenAsked(seconds=5.0)
    r = PreviewRenderer(render_fn=slow)
    results = []
    r.finished.connect(lambda g, res: results.append(res))
    r.request("slow")
    assert slow.started.wait(2.0)
    t0 = time.monotonic()
    r.stop()
    assert time.monotonic() - t0 < 0.5  # the old QThread.wait() took the full 5 s
    assert not r.is_running()
    qtbot.wait(100)
    assert results == []
    slow.release()


def test_recursion_error_is_reported_with_its_line(qtbot):
    r = PreviewRenderer()
    try:
        with qtbot.waitSignal(r.failed, timeout=20000) as blocker:
            r.request(NESTED)
        summary = blocker.args[1].splitlines()[0]
        assert "RecursionError" in summary and "at line 4" in summary, summary
        assert "last page that rendered" in summary
        with qtbot.waitSignal(r.finished, timeout=10000) as blocker:
            r.request("---\ntitle: deep\n---\n- a\n")
        assert "<li>a</li>" in blocker.args[1].html
    finally:
        r.stop()
