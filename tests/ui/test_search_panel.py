"""Search across posts through the real window: Ctrl+Shift+F opens the Search dock, a term
found only in the body of one post of a generated 2,000-post repo is listed with its line, and
activating the hit opens that post with the cursor on that line."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.helpers.window import close_window, open_window


@pytest.fixture
def big_blog(tmp_path) -> Path:
    root = tmp_path / "big"
    posts = root / "_posts"
    posts.mkdir(parents=True)
    (root / "_config.yml").write_text("title: big\n", encoding="utf-8")
    for n in range(2000):
        day = 1 + n % 28
        body = "\n".join(f"Line {k} of post {n} about tables and lists." for k in range(12))
        (posts / f"2024-{1 + n % 12:02d}-{day:02d}-post-{n}.md").write_text(
            f"---\ntitle: Post {n}\ntags: [t{n % 7}]\n---\n{body}\n", encoding="utf-8")
    target = posts / "2024-05-05-needle.md"
    target.write_text("---\ntitle: Needle\n---\nfirst\nsecond\nthe zyzzyva hides here\n",
                      encoding="utf-8")
    return root


def test_search_finds_a_body_only_term_and_opens_its_line(qtbot, big_blog, tmp_path, prompter):
    w = open_window(qtbot, big_blog, None, tmp_path, prompter)
    try:
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow, timeout=3000)
        qtbot.keyClick(w.editor, Qt.Key.Key_F,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        panel = w.findChild(type(w.search.panel), "searchPanel")
        qtbot.waitUntil(panel.input.hasFocus, timeout=3000)
        qtbot.keyClicks(panel.input, "zyzzyva")
        with qtbot.waitSignal(w.search.runner.finished, timeout=20000):
            qtbot.keyClick(panel.input, Qt.Key.Key_Return)
        assert panel.hit_count() == 1
        assert panel.model.item(0).text() == "_posts/2024-05-05-needle.md:6: the zyzzyva hides here"
        assert "1 lines in 1 posts" in panel.status.text()
        panel.activate_row(0)
        assert w.session.document.path == big_blog / "_posts" / "2024-05-05-needle.md"
        assert w.editor.cursor_line_column()[0] == 6
        # Many hits stream in and the count is reported.
        panel.input.setText("tables")
        with qtbot.waitSignal(w.search.runner.finished, timeout=20000) as done:
            panel.request_search()
        assert done.args[0] == 24000 and panel.hit_count() == 5000
    finally:
        close_window(w, prompter)
