"""Heading ids over `<`, `>`, `&`, entities and inline HTML, as kramdown-parser-gfm makes them
from its raw text (issue 9): an element's own text counts, markup does not, and the space
next to a leading or trailing element stays. Expected HTML is Debian kramdown 2.4 (GFM parser,
Jekyll's options) output, pasted so the tests need no Ruby."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same
from tileditor.core.render import render

KRAMDOWN = {
    '## <img src="a.png"> pic\n':
        '<h2 id="-pic"><img src="a.png" /> pic</h2>',
    '## pic <img src="a.png">\n':
        '<h2 id="pic-">pic <img src="a.png" /></h2>',
    '## a <!-- c -->\n':
        '<h2 id="a-">a <!-- c --></h2>',
    '## a < b and c > d\n':
        '<h2 id="a--b-and-c--d">a &lt; b and c &gt; d</h2>',
    '## A & B\n':
        '<h2 id="a--b">A &amp; B</h2>',
    '## AT&T rocks\n':
        '<h2 id="att-rocks">AT&amp;T rocks</h2>',
    '## a &amp; b &lt;tag&gt;\n':
        '<h2 id="a--b-tag">a &amp; b &lt;tag&gt;</h2>',
    '## x <u>y</u> z\n':
        '<h2 id="x-y-z">x <u>y</u> z</h2>',
    '## <b>bold</b> text\n':
        '<h2 id="bold-text"><b>bold</b> text</h2>',
    '## x <br> y\n':
        '<h2 id="x--y">x <br /> y</h2>',
    '## a &copy; b &#169; c\n':
        '<h2 id="a--b--c">a © b © c</h2>',
    '## x <kbd>Ctrl</kbd>+<kbd>C</kbd>\n':
        '<h2 id="x-ctrlc">x <kbd>Ctrl</kbd>+<kbd>C</kbd></h2>',
    '## x $$a<b$$ y\n':
        '<h2 id="x-ab-y">x \\(a&lt;b\\) y</h2>',
}


@pytest.mark.parametrize("source", list(KRAMDOWN))
def test_heading_id_over_html_and_entities(source):
    assert_same(source, KRAMDOWN[source])


def test_toc_entry_of_such_a_heading_links_its_id_and_shows_trimmed_text():
    result = render('## <img src="a.png"> pic\n')
    assert result.headings == [(2, "-pic", "pic")]
    assert 'href="#-pic"' in result.toc_html
