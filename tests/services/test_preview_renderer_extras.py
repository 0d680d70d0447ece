"""extras_fn runs on the preview thread with each result, so the UI thread only reads it."""

import threading

from tileditor.core.render import RenderResult
from tileditor.services.preview_renderer import PreviewRenderer


def test_extras_are_computed_on_the_worker_thread(qtbot):
    seen = {}

    def render_fn(text, site, post_path):
        return RenderResult(html=text.upper())

    def extras_fn(result, site, post_path, text):
        seen["thread"] = threading.get_ident()
        return {"len": len(result.html), "path": post_path, "text": text}

    renderer = PreviewRenderer(render_fn=render_fn, extras_fn=extras_fn)
    try:
        with qtbot.waitSignal(renderer.finished, timeout=5000) as blocker:
            gen = renderer.request("hello", None, "p.md")
        assert blocker.args == [gen, RenderResult(html="HELLO")]
        assert renderer.extras_for(gen) == {"len": 5, "path": "p.md", "text": "hello"}
        assert seen["thread"] != threading.get_ident()
    finally:
        renderer.stop()


def test_without_extras_fn_nothing_is_stored(qtbot):
    renderer = PreviewRenderer(render_fn=lambda t, s, p: RenderResult(html=t))
    try:
        with qtbot.waitSignal(renderer.finished, timeout=5000):
            gen = renderer.request("x")
        assert renderer.extras_for(gen) is None
    finally:
        renderer.stop()
