"""kramdown's footnote placement: the first list marked `{:footnotes}` gives way to the
notes (to nothing when there are none); `{:toc}` wins when a list has both. Expected order is
real kramdown 2.4's (kramdown's suite, span/04_footnote/placement)."""

from __future__ import annotations

import re

from tileditor.core.render import render


def _tags(md: str) -> list[str]:
    return re.findall(r"<(ul|ol|p|div|h1)\b", render(md).html)


def test_the_notes_go_where_the_marked_list_was():
    md = "* here\n{:footnotes}\n\nSome para with a[^1] note.\n\n[^1]: Note text\n\nMore.\n"
    assert _tags(md) == ["div", "ol", "p", "p", "p"]


def test_with_no_notes_the_marked_list_goes():
    assert _tags("* here\n{:footnotes}\n\npara\n") == ["p"]


def test_the_toc_wins():
    html = render("* x\n{:toc footnotes}\n\n# h[^1]\n\n[^1]: n\n").html
    assert 'id="markdown-toc"' in html and html.index("markdown-toc") < html.index("footnotes")
