"""PreviewRenderer: coalescing, stale-result dropping, errors and a clean thread stop."""

from __future__ import annotations

import threading
import time

import pytest

from tileditor.core.render import RenderResult
from tileditor.services.preview_renderer import PreviewRenderer


class FakeRender:
    """Records which texts were rendered and on which thread; slow enough to coalesce."""

    def __init__(self, delay: float = 0.01):
        self.delay = delay
        self.texts: list[str] = []
        self.calls: list[tuple] = []  # (text, site, post_path)
        self.threads: set[int] = set()

    def __call__(self, text, site, post_path):
        self.threads.add(threading.get_ident())
        self.texts.append(text)
        self.calls.append((text, site, post_path))
        time.sleep(self.delay)
        if text == "boom":
            raise ValueError("bad post")
        return RenderResult(html=f"<p>{text}</p>")


@pytest.fixture
def make_renderer():
    made: list[PreviewRenderer] = []

    def make(fn):
        r = PreviewRenderer(render_fn=fn)
        made.append(r)
        return r

    yield make
    for r in made:
        r.stop()
        assert not r.is_running()


def test_hundred_requests_coalesce_and_last_wins(qtbot, make_renderer):
    fake = FakeRender(delay=0.02)
    r = make_renderer(fake)
    results = []
    r.finished.connect(lambda g, res: results.append((g, res)))
    for i in range(100):
        r.request(f"text {i}", "SITE", "post.md")
    qtbot.waitUntil(lambda: bool(results) and results[-1][0] == 100, timeout=5000)
    qtbot.wait(50)
    assert fake.texts[-1] == "text 99"
    assert len(fake.texts) <= 3, fake.texts
    assert r.render_count == len(fake.texts)
    # Only the newest generation reaches the UI.
    assert [g for g, _ in results] == [100]
    assert results[-1][1] == RenderResult(html="<p>text 99</p>")
    assert fake.calls[-1] == ("text 99", "SITE", "post.md")
    assert threading.get_ident() not in fake.threads


def test_stale_result_is_dropped(qtbot, make_renderer):
    fake = FakeRender(delay=0.15)
    r = make_renderer(fake)
    results = []
    r.finished.connect(lambda g, res: results.append(g))
    g1 = r.request("first")
    qtbot.waitUntil(lambda: fake.texts == ["first"], timeout=2000)
    g2 = r.request("second")  # arrives while "first" is rendering
    qtbot.waitUntil(lambda: g2 in results, timeout=3000)
    assert fake.texts == ["first", "second"]
    assert g1 not in results


def test_failure_is_reported_and_thread_keeps_working(qtbot, make_renderer):
    r = make_renderer(FakeRender(delay=0))
    with qtbot.waitSignal(r.failed, timeout=2000) as blocker:
        r.request("boom")
    assert "bad post" in blocker.args[1]
    with qtbot.waitSignal(r.finished, timeout=2000) as blocker:
        r.request("fine")
    assert blocker.args[1].html == "<p>fine</p>"


def test_stop_ends_thread_and_ignores_later_requests(qtbot):
    r = PreviewRenderer(render_fn=FakeRender(delay=0))
    r.stop()
    assert not r.is_running()
    r.request("after stop")  # must not hang nor raise
    assert r.render_count == 0
    r.stop()


def test_default_render_fn_is_the_core_render(qtbot, make_renderer, tmp_site):
    pytest.importorskip("tileditor.core.render")
    r = make_renderer(None)
    post = tmp_site / "_posts" / "2025" / "2025-04-22-TIL25_ANewChapter.md"
    with qtbot.waitSignal(r.finished, timeout=10000) as blocker:
        r.request(post.read_text(encoding="utf-8"), None, post)
    result = blocker.args[1]
    assert 'data-line="' in result.html
    assert "with a break" in result.html


def test_a_worker_abandoned_by_stop_never_emits_on_the_bridge_again(qtbot):
    """Its last emits (`done`, `exited`) could run while the UI thread deleted the bridge: a
    use-after-free that crashed the interpreter (exit 139). After stop() the gate is shut, and
    the renderer can be deleted while the render is still running."""
    release, started = threading.Event(), threading.Event()

    def render_fn(text, site, post_path):
        started.set()
        release.wait(10)
        return RenderResult(html=text)

    renderer = PreviewRenderer(render_fn=render_fn)
    seen: list[str] = []
    renderer._bridge.done.connect(lambda *a: seen.append("done"))
    renderer._bridge.exited.connect(lambda *a: seen.append("exited"))
    renderer.request("a")
    assert started.wait(5)
    worker = renderer._worker
    renderer.stop()
    release.set()  # the render ends after stop(): its `exited` went out unguarded before
    worker.join(5)
    qtbot.wait(50)
    assert not worker.is_alive() and seen == []
    renderer.deleteLater()


def test_held_renderer_starts_its_worker_at_release_with_the_latest_request(qtbot):
    # The window holds its renderer while the first post opens (the worker's imports would
    # make the UI thread wait for the GIL): nothing runs until release(), then the newest text.
    fake = FakeRender(delay=0.0)
    r = PreviewRenderer(render_fn=fake, held=True)
    try:
        got = []
        r.finished.connect(lambda g, res: got.append(res.html))
        r.request("first")
        r.request("second")
        qtbot.wait(50)
        assert not r.is_running() and fake.texts == [] and got == []
        r.release()
        assert r.is_running()
        qtbot.waitUntil(lambda: got == ["<p>second</p>"], timeout=5000)
        assert fake.texts == ["second"]
        r.release()  # a second release changes nothing
        r.request("third")
        qtbot.waitUntil(lambda: got[-1:] == ["<p>third</p>"], timeout=5000)
    finally:
        r.stop()
    assert not r.is_running()


def test_held_renderer_stopped_before_release_never_starts(qtbot):
    r = PreviewRenderer(render_fn=FakeRender(), held=True)
    r.request("x")
    r.stop()
    r.release()
    assert not r.is_running()
