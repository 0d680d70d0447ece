"""MarkdownHighlighter: formats Qt actually applied to block layouts."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QTextCharFormat

from tileditor.ui.editor_pane import EditorPane
from tileditor.ui.markdown_highlighter import FENCE_BASE, FRONT_MATTER


@pytest.fixture
def editor(qtbot):
    e = EditorPane()
    qtbot.addWidget(e)
    return e


def formats(editor, line):
    block = editor.document().findBlockByNumber(line)
    return [(r.start, r.length, QTextCharFormat(r.format)) for r in block.layout().formats()]


def bold_spans(editor, line):
    return [(s, n) for s, n, f in formats(editor, line) if f.fontWeight() == QFont.Weight.Bold]


def color_at(editor, line, col):
    for s, n, f in formats(editor, line):
        if s <= col < s + n and f.foreground().style():
            return f.foreground().color().name()
    return None


TEXT = """---
title: "TIL :: x"
---
# Heading one
#NoSpace heading
plain **strong** and `code` and {% include x %} and {: .notice}

```python
# not a heading
```

Setext title
============
<center>html</center> [link](http://x)
"""


def test_heading_front_matter_fence_and_inline(editor, qtbot):
    editor.set_text(TEXT)
    qtbot.wait(10)  # the setext refresh runs from the event loop
    doc = editor.document()
    h = editor.highlighter.formats
    assert doc.findBlockByNumber(1).userState() == FRONT_MATTER
    assert doc.findBlockByNumber(3).userState() != FRONT_MATTER
    assert bold_spans(editor, 3)  # "# Heading one"
    assert color_at(editor, 3, 5) == h["heading"].foreground().color().name()
    # kramdown's GFM input (Jekyll's default) needs a space after the marks: text, as on the page
    assert color_at(editor, 4, 3) != h["heading"].foreground().color().name()
    line = TEXT.splitlines()[5]
    assert (line.index("**"), len("**strong**")) in bold_spans(editor, 5)
    assert color_at(editor, 5, line.index("`code`") + 1) == h["code"].foreground().color().name()
    assert color_at(editor, 5, line.index("{%") + 2) == h["liquid"].foreground().color().name()
    assert color_at(editor, 5, line.index("{:") + 2) == h["ial"].foreground().color().name()
    # inside the fence: no heading even though the line starts with '#'
    assert doc.findBlockByNumber(8).userState() >= FENCE_BASE
    assert not bold_spans(editor, 8)
    assert doc.findBlockByNumber(11).userState() < FENCE_BASE
    assert color_at(editor, 11, 2) == h["heading"].foreground().color().name()  # setext text
    assert color_at(editor, 13, 1) == h["html"].foreground().color().name()
    assert color_at(editor, 13, len("<center>html</center> ") + 1) == \
        h["link"].foreground().color().name()


def test_fence_state_follows_edits(editor, qtbot):
    editor.set_text("```\ncode\n```\n# after")
    assert bold_spans(editor, 3)
    editor.replace_range(8, 12, "")  # delete the closing fence: the rest becomes code
    assert editor.document().findBlockByNumber(2).userState() >= FENCE_BASE
    assert not bold_spans(editor, 2)


def test_front_matter_only_at_file_top(editor):
    editor.set_text("---\na: b\n---\n", first_line=5)
    assert editor.document().findBlockByNumber(1).userState() != FRONT_MATTER


def test_setext_heading_follows_its_underline(editor, qtbot):
    editor.set_text("Title\n")
    assert not bold_spans(editor, 0)
    editor.insert_at(6, "=====")
    qtbot.waitUntil(lambda: bool(bold_spans(editor, 0)), timeout=1000)
    editor.replace_range(6, 11, "")
    qtbot.waitUntil(lambda: not bold_spans(editor, 0), timeout=1000)
    assert editor.text() == "Title\n"


def test_setext_heading_needs_a_blank_line_above(editor, qtbot):
    # kramdown reads "para\nTitle\n===" as one paragraph: the editor follows the page.
    editor.set_text("para\n\nTitle\n=====\n")
    qtbot.waitUntil(lambda: bool(bold_spans(editor, 2)), timeout=1000)
    editor.replace_range(5, 6, "")  # remove the blank line: "Title" continues the paragraph
    assert editor.text() == "para\nTitle\n=====\n"
    qtbot.waitUntil(lambda: not bold_spans(editor, 1), timeout=1000)
    editor.insert_at(5, "\n")
    qtbot.waitUntil(lambda: bool(bold_spans(editor, 2)), timeout=1000)


def test_fence_closes_as_the_renderer_reads_it(editor):
    # A longer run closes a fence; a closer indented 4 spaces does not; a quoted fence opens.
    editor.set_text("```\ncode\n````\n# after\n\n~~~\n    ~~~\n~~~\n> ```\n> x\n> ```\n")
    doc = editor.document()
    assert doc.findBlockByNumber(2).userState() == -1 and bold_spans(editor, 3)
    assert doc.findBlockByNumber(6).userState() >= FENCE_BASE
    assert doc.findBlockByNumber(7).userState() == -1
    assert doc.findBlockByNumber(9).userState() >= FENCE_BASE
    assert doc.findBlockByNumber(10).userState() == -1
