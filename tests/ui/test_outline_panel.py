"""Outline: heading detection (ATX, `#Title`, Setext, not in code or front matter) with FILE
lines, the tree, and the click signal."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tileditor.ui.outline_panel import Heading, OutlinePanel, find_headings

POST = """---
title: "x"
tags: [a]
---

# Intro {#intro}

#NoSpace
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

- list item
---

## Closing ##
### Deeper {: .no_toc}
"""


def test_find_headings_with_file_lines():
    assert find_headings(POST) == [
        Heading(1, 6, "Intro"),
        Heading(1, 8, "NoSpace"),
        Heading(1, 9, "Setext one"),
        Heading(2, 12, "Setext two"),
        Heading(2, 26, "Closing"),
        Heading(3, 27, "Deeper"),
    ]


def test_body_only_text_uses_first_line():
    body = POST.split("---\n", 2)[2]
    got = find_headings(body, first_line=5)
    assert [h.file_line for h in got] == [6, 8, 9, 12, 26, 27]


def test_unclosed_fence_hides_the_rest():
    assert find_headings("# A\n~~~~\n# B\n~~~\n# C") == [Heading(1, 1, "A")]


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
            assert h.text and h.text in lines[h.file_line - 1] or \
                lines[h.file_line].strip().startswith(("=", "-"))


def test_panel_tree_and_click(qtbot):
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.set_text(POST)
    top = [panel.topLevelItem(i).text(0) for i in range(panel.topLevelItemCount())]
    assert top == ["Intro", "NoSpace", "Setext one"]
    setext = panel.topLevelItem(2)
    assert setext.child(0).text(0) == "Setext two"
    assert setext.child(1).child(0).text(0) == "Deeper"
    with qtbot.waitSignal(panel.heading_activated, timeout=1000) as blocker:
        panel.itemClicked.emit(setext.child(1), 0)
    assert blocker.args == [26]
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
