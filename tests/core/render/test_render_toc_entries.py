"""kramdown's TOC entries (converter fix_for_toc_entry): a footnote marker is left out of
the entry and a link gives way to its content. Expected lists are real kramdown 2.4's
(GFM input), whitespace between tags aside."""

from __future__ import annotations

import re

import pytest

from tileditor.core.render import render

CASES = [
    ("# Header[^1] level 1\n\n[^1]: note\n",
     '<ul id="markdown-toc"><li><a href="#header-level-1" id="markdown-toc-header-level-1">'
     "Header level 1</a></li></ul>"),
    ("# a [b *c*](x) d\n",
     '<ul id="markdown-toc"><li><a href="#a-b-c-d" id="markdown-toc-a-b-c-d">a b <em>c</em> d'
     "</a></li></ul>"),
    ("# [Header]\n\n[header]: test.html\n",
     '<ul id="markdown-toc"><li><a href="#header" id="markdown-toc-header">Header</a></li></ul>'),
]


@pytest.mark.parametrize(("heading", "toc"), CASES)
def test_toc_entry_drops_footnotes_and_links(heading, toc):
    html = render("* toc\n{:toc}\n\n" + heading).html
    found = re.search(r"<ul[^>]*markdown-toc.*?</ul>", html, re.S).group(0)
    assert re.sub(r">\s+<", "><", re.sub(r' data-line="\d+"', "", found)) == toc


def test_the_sidebar_toc_shows_a_code_span_as_written():
    # The theme's sidebar TOC (toc: true) is serialised apart from the page: `vector<int>`
    # once escaped, as in the heading itself, not `&amp;lt;` (shown as "&lt;" on screen).
    result = render("---\ntoc: true\n---\n## The `vector<int>` type\n")
    assert "vector&lt;int&gt;</code>" in result.toc_html
    assert "&amp;lt;" not in result.toc_html
    assert result.headings == [(2, "the-vectorint-type", "The vector<int> type")]
