"""Placeholders, escapes and markers never reach the page, heading ids or the TOC (issue 8,
the stash helper). Expected HTML is real kramdown's (2.4, GFM parser, Jekyll's options, and
`input: kramdown` where marked), pasted here."""

from __future__ import annotations

import pytest

from tests.helpers.render import canon, kramdown_site
from tileditor.core.render import IncrementalRenderer, render

_LEAKS = ("\x02", "\x03", "wzxhzdk", "klzzwxh", "tlial", "tlsep", "tlnohead", "data-tl-")

KRAMDOWN = [
    ("# foo \\*baz\\*\n", '<h1 id="foo-baz">foo *baz*</h1>', None),
    ("## The \\<vector\\> header\n",
     '<h2 id="the-vector-header">The &lt;vector&gt; header</h2>', None),
    ("# a \\_b\\_ and \\# c\n", '<h1 id="a-_b_-and--c">a _b_ and # c</h1>', None),
    ("# a \\_b\\_ and \\# c\n", '<h1 id="a-b-and--c">a _b_ and # c</h1>', {"input": "kramdown"}),
    ("# foo \\*baz\\*\n", '<h1 id="foo-baz">foo *baz*</h1>', {"input": "kramdown"}),
    ("para\n{: foo}\n", "<p>para</p>", None),
    ("{:ald: .x}\npara\n{: ald unknown}\n", '<p class="x">para</p>', None),
    ("text *em*{: foo} more\n", "<p>text <em>em</em> more</p>", None),
    ("* x\n{: .c #i toc}\n\n# A \\*star\\*\n",
     '<ul class="c" id="i">\n  <li><a href="#a-star" id="i-a-star">A *star*</a></li>\n</ul>\n\n'
     '<h1 id="a-star">A *star*</h1>', None),
    ("<div>\n{: .x}\n</div>\n", "<div>\n{: .x}\n</div>", None),
]


@pytest.mark.parametrize(("source", "expected", "config"), KRAMDOWN)
def test_html_and_ids_as_kramdown_with_nothing_leaking(source, expected, config):
    result = render(source, site=kramdown_site(config))
    assert canon(result.html) == canon(expected)
    for text in (result.html, result.toc_html, repr(result.headings)):
        assert not [mark for mark in _LEAKS if mark in text]


def test_headings_and_sidebar_show_the_escaped_characters():
    result = render("# foo \\*baz\\*\n\n## The \\<vector\\> header\n\n### 100\\% \\$x\\$ \\| y\n")
    assert result.headings == [(1, "foo-baz", "foo *baz*"),
                               (2, "the-vector-header", "The <vector> header"),
                               (3, "100-x--y", "100\\% $x$ | y")]
    assert '<a href="#foo-baz">foo *baz*</a>' in result.toc_html
    assert '<a href="#the-vector-header">The &lt;vector&gt; header</a>' in result.toc_html


def test_the_incremental_preview_gives_the_same_ids():
    text = "# foo \\*baz\\*\n\npara\n\n## The \\<vector\\> header\n"
    renderer = IncrementalRenderer()
    first = renderer.render(text)
    edited = renderer.render(text.replace("para", "para two"))
    assert edited.html == render(text.replace("para", "para two")).html
    assert first.headings == edited.headings == [
        (1, "foo-baz", "foo *baz*"), (2, "the-vector-header", "The <vector> header")]
