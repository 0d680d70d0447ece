"""PreviewPane with IncrementalResults: block patches land where a full load would put the
same content, later data-lines move, a patch from a version the page does not show falls back
to the whole-content path, and show_result's UI-thread time stays small for a long post."""

from __future__ import annotations

import random
import re
import time

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from tileditor.core.render.incremental import IncrementalRenderer
from tileditor.ui.preview_pane import PreviewPane

JS_TIMEOUT = 10000
META = {"title": "Incremental", "toc": False}
_MARKS = re.compile(r"<!--tl[bt]-->")


def post(sections: int) -> str:
    parts = ["---\ntitle: Incremental\n---\n"]
    for i in range(sections):
        parts.append(f"## Part {i}\n\nParagraph {i} with *emphasis* and `code`.\nMore text.\n\n"
                     f"- item {i}\n- item\n\n```python\nx = {i}\n```\n")
    return "\n".join(parts)


def js(qtbot, pane, code):
    box = []
    pane.run_app_js(code, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=JS_TIMEOUT)
    return box[0]


def show(qtbot, pane, result):
    with qtbot.waitSignal(pane.rendered, timeout=JS_TIMEOUT):
        pane.show_result(result, META)


def content(qtbot, pane) -> str:
    raw = js(qtbot, pane, "document.getElementById('tileditor-content').innerHTML")
    return re.sub(r"\s+", " ", _MARKS.sub("", raw)).strip()


@pytest.fixture
def pane(qapp):
    view = PreviewPane()
    view.resize(900, 600)
    view.show()
    yield view
    view.close()
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_patched_page_equals_a_fresh_load(qtbot, pane, qapp):
    rng = random.Random(5)
    text = post(30)
    inc = IncrementalRenderer()
    show(qtbot, pane, inc.render(text))
    patched = 0
    for _ in range(8):
        pos = text.index("More text.", rng.randrange(len(text) // 2))
        text = text[:pos] + rng.choice(["x", "new\n", "\n\nA new paragraph.\n\n", "- "]) + text[pos:]
        result = inc.render(text)
        patched += result.patch is not None
        show(qtbot, pane, result)
    assert patched >= 6
    after_patches = content(qtbot, pane)
    fresh = PreviewPane()
    try:
        show(qtbot, fresh, IncrementalRenderer().render(text))
        assert content(qtbot, fresh) == after_patches
    finally:
        fresh.deleteLater()


def test_a_patch_from_an_unseen_version_falls_back(qtbot, pane):
    text = post(10)
    inc = IncrementalRenderer()
    show(qtbot, pane, inc.render(text))
    pos = text.index("More text.")
    inc.render(text[:pos] + "skipped " + text[pos:])  # never shown: the next patch's base
    text = text[:pos] + "skipped shown " + text[pos:]
    result = inc.render(text)
    assert result.patch is not None
    show(qtbot, pane, result)
    assert "skipped shown" in content(qtbot, pane)


def test_show_result_ui_time_does_not_grow_with_the_post(qtbot, pane):
    timings = {}
    for sections in (40, 700):  # about 300 and 5,000 lines
        text = post(sections)
        inc = IncrementalRenderer()
        show(qtbot, pane, inc.render(text))
        samples = []
        pos = text.index("More text.", len(text) // 2)
        for ch in "abcdefghij":
            pos += 1
            text = text[:pos] + ch + text[pos:]
            result = inc.render(text)
            # CPU time of this thread: other processes on a shared machine do not count.
            start = time.thread_time()
            with qtbot.waitSignal(pane.rendered, timeout=JS_TIMEOUT):
                pane.show_result(result, META)
                samples.append(time.thread_time() - start)
            assert result.patch is not None
        timings[sections] = sorted(samples)[len(samples) // 2]
    # The call itself (the UI thread's share) is small and about flat in post length.
    assert timings[700] < 0.008, timings
    assert timings[700] < timings[40] * 4 + 0.002, timings


def test_heading_edit_patches_the_sidebar_toc(qtbot, pane):
    meta = {"title": "Incremental", "toc": True, "toc_label": "On this page"}
    text = post(20)
    inc = IncrementalRenderer()
    with qtbot.waitSignal(pane.rendered, timeout=JS_TIMEOUT):
        pane.show_result(inc.render(text), meta)
    pos = text.index("## Part 7") + len("## Part 7")
    text = text[:pos] + " renamed" + text[pos:]
    result = inc.render(text)
    assert result.patch is not None
    with qtbot.waitSignal(pane.rendered, timeout=JS_TIMEOUT):
        pane.show_result(result, meta)
    toc = js(qtbot, pane, "document.querySelector('#tileditor-content nav.toc').textContent")
    assert "Part 7 renamed" in toc
    assert js(qtbot, pane, "document.querySelectorAll('#tileditor-content nav.toc').length") == 1
    patched = content(qtbot, pane)
    fresh = PreviewPane()
    try:
        with qtbot.waitSignal(fresh.rendered, timeout=JS_TIMEOUT):
            fresh.show_result(IncrementalRenderer().render(text), meta)
        assert content(qtbot, fresh) == patched
    finally:
        fresh.deleteLater()
