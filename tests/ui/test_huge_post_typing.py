"""Typing in a post past the preview's size limit (issue 15 item 11): no keystroke reads the
whole text out of Qt (~10 ms per MB each, which starved the recovery writer of a 20 MB post),
yet the document, the dirty flag, a snapshot and a save all hold exactly what was typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.window import save, type_at_end
from tileditor.ui import post_session

HUGE = 40_000  # stands for LAZY_TEXT_CHARS (2 MB, whose window takes ~20 s to open here)
LINE = "A paragraph line with `code`, **bold** and [a link](https://example.org/x) in it.\n"


@pytest.fixture(autouse=True)
def _huge_is_smaller(monkeypatch):
    monkeypatch.setattr(post_session, "LAZY_TEXT_CHARS", HUGE)


@pytest.fixture
def post(tmp_site) -> Path:
    path = next((tmp_site / "_posts").rglob("*.md"))
    head = path.read_text(encoding="utf-8").split("---\n")[1]
    body = LINE * (HUGE // len(LINE) + 50)
    path.write_text(f"---\n{head}---\n\n{body}tail", encoding="utf-8")
    return path


def test_keys_in_a_huge_post_never_copy_the_whole_text_out_of_qt(qtbot, window, post, prompter):
    doc = window.editor.document()
    reads = []
    real = doc.toRawText
    doc.toRawText = lambda: reads.append(1) or real()  # the wrapper Qt hands back each time
    assert window.editor.document() is doc
    before = post.read_bytes()
    type_at_end(qtbot, window, " typed here")
    assert reads == []
    assert window.session.document.dirty
    expected = before.decode("utf-8") + " typed here"
    assert window.session.document.text == expected == window.editor.qt_text()
    window.autosaver.flush()
    assert [e.text for e in window.recovery.entries()] == [expected]
    save(qtbot, window)
    qtbot.waitUntil(lambda: post.read_bytes() == expected.encode("utf-8"), timeout=10000)
    assert not window.session.document.dirty


def test_every_key_in_a_post_past_the_preview_limit_gets_rendered(qtbot, window, post,
                                                                   monkeypatch):
    """The preview shows its preview-off note, and `rendered` follows each keystroke as in
    any post (it never came, so whatever waited for it after a key waited for ever)."""
    monkeypatch.setattr(post_session, "PREVIEW_LIMIT_CHARS", HUGE)
    doc = window.editor.document()
    reads = []
    real = doc.toRawText
    doc.toRawText = lambda: reads.append(1) or real()
    for key in "ab":
        with qtbot.waitSignal(window.preview.rendered, timeout=10000):
            type_at_end(qtbot, window, key)
    assert reads == []
    with qtbot.waitCallback() as body:
        window.preview.run_app_js("document.body.innerText", body)
    assert "The preview is off for this post" in body.args[0]
