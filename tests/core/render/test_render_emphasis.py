"""Emphasis as kramdown's parse_emphasis reads it (issue 9): no element inside one of its own
kind (the inner delimiters stay text), closers not after a space, `_` not inside words, a
`**` left open retrying as `*`. Expected HTML is Debian kramdown 2.4 (GFM parser, Jekyll's
options) output, pasted so the tests need no Ruby."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.render import assert_same, html_of

_DATA_LINE = re.compile(r' (?:data-line|id)="[^"]*"')  # ids count earlier headings

KRAMDOWN = {
    '- *int *ptr;*\n':
        '<ul>\n  <li><em>int *ptr;</em></li>\n</ul>',
    '**fast mode ** and **safe mode**\n':
        '<p><strong>fast mode ** and **safe mode</strong></p>',
    '**a*\n':
        '<p><em>*a</em></p>',
    'x **a* b\n':
        '<p>x <em>*a</em> b</p>',
    '***a** b*\n':
        '<p><em><strong>a</strong> b</em></p>',
    '***a* b**\n':
        '<p><strong><em>a</em> b</strong></p>',
    '*a **b*\n':
        '<p><em>a **b</em></p>',
    '**a *b**\n':
        '<p><strong>a *b</strong></p>',
    '*a **b** c* and **a *b* c**\n':
        '<p><em>a <strong>b</strong> c</em> and <strong>a <em>b</em> c</strong></p>',
    'x*y*z and x_y_z and snake_case_var\n':
        '<p>x<em>y</em>z and x_y_z and snake_case_var</p>',
    '_a_b and a-_b_ and *a*b\n':
        '<p><em>a_b and a-_b</em> and <em>a</em>b</p>',
    '*a *\n':
        '<p>*a *</p>',
    '**a  \nb** and x ***y  \n** z\n':
        '<p><strong>a<br />\nb</strong> and x ***y<br />\n** z</p>',
    '_a_, __b__ and ___c___\n':
        '<p><em>a</em>, <strong>b</strong> and <strong><em>c</em></strong></p>',
}


@pytest.mark.parametrize("source", list(KRAMDOWN))
def test_emphasis_as_kramdown_reads_it(source):
    assert_same(source, KRAMDOWN[source])


_ATOMS = st.sampled_from(["*", "**", "_", "__", "***", "a", "b", " ", "x_y", "-", "`c`",
                          "[l](u)", "\\*", "<u>x</u>", "  \n", "\n", "한"])
_TEXT = st.lists(_ATOMS, min_size=1, max_size=12).map("".join).filter(
    lambda t: t.strip() and t.lstrip()[0] not in "*-_+#>" and t.rstrip()[-1] != "\\")


@settings(max_examples=200, deadline=None)
@given(_TEXT, _TEXT)
def test_a_paragraph_renders_the_same_whatever_came_before(first, second):
    # One processor serves every text of a conversion: what it learnt of one text must not
    # pair the delimiters of the next.
    alone = _DATA_LINE.sub("", html_of("x " + second + "\n"))
    both = _DATA_LINE.sub("", html_of("x " + first + "\n\nx " + second + "\n"))
    assert both.endswith(alone)
