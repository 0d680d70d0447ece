"""Scroll mapping between editor lines and the preview: scroll_to_line lands on the block whose
data-line is the nearest <= line, a click on a block reports its line, and the block
splitter's first lines are the data-line values of a full render (pure)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from tileditor.core.render import render
from tileditor.core.render.incremental import IncrementalRenderer, split_blocks
from tileditor.ui.preview_pane import PreviewPane

JS_TIMEOUT = 10000


def long_post(n: int = 150) -> str:
    return "---\ntitle: Long\n---\n" + "\n".join(
        f"Paragraph {i} line one.\nline two.\n" for i in range(n))


def js(qtbot, pane, code):
    box = []
    pane.run_app_js(code, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=JS_TIMEOUT)
    return box[0]


@pytest.fixture
def pane(qapp, qtbot):
    view = PreviewPane()
    view.resize(800, 500)
    view.show()
    with qtbot.waitSignal(view.rendered, timeout=JS_TIMEOUT):
        view.show_result(IncrementalRenderer().render(long_post()), {"title": "Long"})
    yield view
    view.close()
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_block_lines_are_the_rendered_data_lines():
    text = long_post(40) + "\n```\ncode\n\nmore\n```\n\n- a\n\n- b\n\n> q\n"
    result = render(text)
    offset = text[: text.index("\n---", 3) + 5].count("\n")
    body = text[text.index("\n---", 3) + 5:]
    blocks = split_blocks(body)
    data_lines = [int(v) for v in re.findall(r'data-line="(\d+)"', result.html)]
    # Each block starts where a rendered block starts; a merged block (a loose list, a
    # quote after it) holds several rendered blocks, all inside its own lines.
    assert {offset + 1 + b.line for b in blocks} <= set(data_lines)
    spans = [(offset + 1 + b.line, offset + b.line + b.lines) for b in blocks]
    assert all(any(a <= v <= z for a, z in spans) for v in data_lines)
    # The fence with a blank line inside stays one block.
    assert any("code\n\nmore" in body[b.start:b.end] for b in blocks)


@pytest.mark.parametrize("line", [4, 5, 6, 150, 151, 299])
def test_scroll_to_line_lands_on_nearest_block_at_or_before(qtbot, pane, line):
    box = []
    pane.scroll_to_line(line, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=JS_TIMEOUT)
    top = js(qtbot, pane, """(() => {
        const els = Array.from(document.querySelectorAll('#tileditor-content [data-line]'));
        const below = els.filter(e => e.getBoundingClientRect().top >= -1);
        return below.length ? parseInt(below[0].getAttribute('data-line'), 10) : -1;
    })()""")
    lines = [int(v) for v in js(qtbot, pane, """JSON.stringify(Array.from(
        document.querySelectorAll('#tileditor-content [data-line]')).map(
        e => parseInt(e.getAttribute('data-line'), 10)))""").strip("[]").split(",")]
    expected = max(v for v in lines if v <= line)
    max_scroll = js(qtbot, pane, "document.documentElement.scrollHeight - window.innerHeight")
    if box[0] < max_scroll - 1:  # near the end the page cannot scroll the block to the top
        assert top == expected


def test_click_on_a_block_reports_its_line(qtbot, pane):
    with qtbot.waitSignal(pane.line_clicked, timeout=JS_TIMEOUT) as blocker:
        js(qtbot, pane, """(() => {
            const el = document.querySelector('#tileditor-content [data-line="40"]');
            el.dispatchEvent(new MouseEvent('click', {bubbles: true}));
            return true;
        })()""")
    assert blocker.args == [40]
