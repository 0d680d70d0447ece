"""Outline: headings (ATX, Setext; not in code, comments or front matter) with FILE lines, read
from the text before the first render and from the page after it, the tree, and the click
signal. The expected headings are what real kramdown (through Jekyll) shows for POST."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from tileditor.core.render import render
from tileditor.ui.outline_panel import ID_ROLE, Heading, OutlinePanel, find_headings

POST = """---
title: "x"
tags: [a]
---

# Intro {#intro}

#NoSpace is text in GFM

Setext one
==========
text

Setext two
----------

```bash
# a shell comment, not a heading
```

{% highlight python %}
# nor this
{% endhighlight %}

{::comment}
# hidden by kramdown
{:/comment}

<!--
# hidden by HTML
-->

## Closing ##
### Deeper
{: .no_toc}
"""

# kramdown 2.4 / kramdown-parser-gfm 1.1 through Jekyll 4.3 (Liquid first) gives exactly these
# headings for POST's body: #NoSpace is text, the fence, highlight, {::comment} and <!-- -->
# hide theirs.
PAGE = [(1, "intro", "Intro"), (1, "setext-one", "Setext one"), (2, "setext-two", "Setext two"),
        (2, "closing", "Closing"), (3, "deeper", "Deeper")]
LINES = [6, 10, 14, 33, 34]


def page_ids(html: str) -> list[str]:
    return re.findall(r'<h[1-6]\b[^>]*\sid="([^"]*)"', html)


def test_find_headings_with_file_lines():
    assert find_headings(POST) == [Heading(level, line, text)
                                   for (level, _id, text), line in zip(PAGE, LINES, strict=True)]


def test_body_only_text_uses_first_line():
    body = POST.split("---\n", 2)[2]
    got = find_headings(body, first_line=5)
    assert [h.file_line for h in got] == LINES


def test_fences_as_kramdown_closes_them():
    # ~~~~ closed by ~~~: kramdown's regex backtracks to a 3-tilde fence, so B is code.
    assert [h.text for h in find_headings("# A\n~~~~\n# B\n~~~\n# C")] == ["A", "C"]
    # A fence that never closes is a paragraph line; the heading after it is a heading.
    assert [h.text for h in find_headings("# A\n```\n# B\n")] == ["A", "B"]


def test_comments_hide_headings_before_and_after_a_render(qtbot):
    text = ("# Shown\n\n{::comment}\n# In a kramdown comment\n{:/comment}\n\n"
            "<!--\n# In an HTML comment\n-->\n\n## Also shown\n")
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.set_text(text)
    assert [h.text for h in panel.headings()] == ["Shown", "Also shown"]
    result = render(text)
    panel.show_render(result)
    assert [h.text for h in panel.headings()] == ["Shown", "Also shown"]
    assert [h.file_line for h in panel.headings()] == [1, 11]
    # After a render, the text no longer decides (the next render does).
    panel.set_text("# Other\n")
    assert [h.text for h in panel.headings()] == ["Shown", "Also shown"]
    panel.forget_render()
    panel.set_text("# Other\n")
    assert [h.text for h in panel.headings()] == ["Other"]


def test_outline_ids_are_the_page_ids(qtbot):
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    result = render(POST)
    panel.show_render(result)
    got = panel.headings()
    assert [(h.level, h.id, h.text) for h in got] == PAGE
    assert [h.id for h in got] == page_ids(result.html)
    assert [h.file_line for h in got] == LINES
    tops = [panel.topLevelItem(i) for i in range(panel.topLevelItemCount())]
    items = sorted([it for top in tops for it in (top, *_descendants(top))],
                   key=lambda it: it.data(0, Qt.ItemDataRole.UserRole))
    assert [it.data(0, ID_ROLE) for it in items] == [hid for _l, hid, _t in PAGE]


def test_headings_the_toc_leaves_out_stay_in_the_outline(qtbot):
    # `{: .no_toc}` keeps a heading out of the page's TOC (RenderResult.headings), not off the page.
    result = render("# One\n\n## Two\n{: .no_toc}\n")
    assert [hid for _l, hid, _t in result.headings] == ["one"]
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.show_render(result)
    assert [(h.text, h.id, h.file_line) for h in panel.headings()] == [("One", "one", 1),
                                                                       ("Two", "two", 3)]


def test_nested_heading_takes_its_block_line(qtbot):
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.show_render(render("intro\n\n> # Quoted\n"))
    assert [(h.text, h.file_line) for h in panel.headings()] == [("Quoted", 3)]


def _descendants(item):
    for i in range(item.childCount()):
        yield item.child(i)
        yield from _descendants(item.child(i))


@pytest.mark.corpus
def test_corpus_posts_give_headings_inside_the_file(corpus):
    from tests.helpers.corpus import corpus_posts

    posts = corpus_posts()[:300]
    assert posts
    for path in posts:
        text = path.read_text(encoding="utf-8", errors="replace")
        lines = text.split("\n")
        for h in find_headings(text):
            assert 1 <= h.file_line <= len(lines)
            assert h.text and h.text in lines[h.file_line - 1]


def test_panel_tree_and_click(qtbot):
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.set_text(POST)
    top = [panel.topLevelItem(i).text(0) for i in range(panel.topLevelItemCount())]
    assert top == ["Intro", "Setext one"]
    setext = panel.topLevelItem(1)
    assert [setext.child(i).text(0) for i in range(setext.childCount())] == [
        "Setext two", "Closing"]
    assert setext.child(1).child(0).text(0) == "Deeper"
    with qtbot.waitSignal(panel.heading_activated, timeout=1000) as blocker:
        panel.itemClicked.emit(setext.child(1), 0)
    assert blocker.args == [33]
    panel.set_current_line(20)
    assert panel.currentItem().text(0) == "Setext two"


def test_panel_click_with_mouse(qtbot):
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_text("# One\n\n## Two\n", first_line=3)
    item = panel.topLevelItem(0).child(0)
    rect = panel.visualItemRect(item)
    with qtbot.waitSignal(panel.heading_activated, timeout=1000) as blocker:
        qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [5]


def test_window_outline_lists_the_page_and_a_click_moves_the_editor(qtbot, window):
    text = ("---\ntitle: Outline\n---\n\n# First\n\n{::comment}\n# Hidden\n{:/comment}\n\n"
            "<!--\n# Also hidden\n-->\n\n## Second {#second-id}\n\nbody\n")
    editor, outline = window.editor, window.outline
    editor.replace_range(0, len(editor.text()), text)
    qtbot.waitUntil(lambda: [h.id for h in outline.headings()] == ["first", "second-id"],
                    timeout=10000)
    assert [h.id for h in outline.headings()] == page_ids(window.session.last_result.html)
    second = outline.topLevelItem(0).child(0)
    assert second.text(0) == "Second"
    window.outline_dock.show()
    window.outline_dock.raise_()
    qtbot.waitUntil(lambda: outline.isVisible(), timeout=2000)
    rect = outline.visualItemRect(second)
    qtbot.mouseClick(outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: editor.cursor_line_column()[0] == 15, timeout=2000)
    assert editor.text().split("\n")[14] == "## Second {#second-id}"


def test_heading_cut_from_a_paragraph_keeps_its_own_line(qtbot):
    # The page numbers "# Head" with its paragraph's line; the text puts it back on its own.
    text = "para\n# Head\nmore\n\n## Two\n"
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.show_render(render(text), text)
    assert [(h.text, h.file_line) for h in panel.headings()] == [("Head", 2), ("Two", 5)]


def test_window_reads_the_outline_of_a_render_on_the_preview_thread(qtbot, window, monkeypatch):
    # A 5,000-line post's outline costs tens of milliseconds: never on the UI thread.
    import threading

    from tileditor.core import outline as core_outline

    threads = []
    original = core_outline.headings_from_page

    def recording(*args, **kwargs):
        threads.append(threading.get_ident())
        return original(*args, **kwargs)

    monkeypatch.setattr(core_outline, "headings_from_page", recording)
    text = "---\ntitle: T\n---\n\n# One\n\npara\n# Two\n\n## Three\n"
    window.editor.replace_range(0, len(window.editor.text()), text)
    qtbot.waitUntil(lambda: [(h.text, h.file_line) for h in window.outline.headings()]
                    == [("One", 5), ("Two", 8), ("Three", 10)], timeout=10000)
    assert threads and threading.get_ident() not in threads
