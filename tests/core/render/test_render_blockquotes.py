"""Blockquotes as kramdown reads them (issue 9): a quote takes the lines after it up to a
blank line (lazy lines) whatever block they start, and its content is parsed like a document
of its own (a list interrupts its paragraph). Expected HTML is Debian kramdown 2.4 (GFM
parser, Jekyll's options) output, pasted so the tests need no Ruby."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same

KRAMDOWN = {
    '> Steps\n- a\n- b\n':
        '<blockquote>\n  <p>Steps</p>\n  <ul>\n    <li>a</li>\n    <li>b</li>\n  </ul>\n'
        '</blockquote>',
    '> a\ntext\n- b\n':
        '<blockquote>\n  <p>a\ntext</p>\n  <ul>\n    <li>b</li>\n  </ul>\n</blockquote>',
    '> a\n1. x\n2. y\n\nafter\n':
        '<blockquote>\n  <p>a</p>\n  <ol>\n    <li>x</li>\n    <li>y</li>\n  </ol>\n'
        '</blockquote>\n\n<p>after</p>',
    '> a\n- x\n  - y\n- z\n':
        '<blockquote>\n  <p>a</p>\n  <ul>\n    <li>x\n      <ul>\n        <li>y</li>\n'
        '      </ul>\n    </li>\n    <li>z</li>\n  </ul>\n</blockquote>',
    '> a\n> - b\n> - c\n':
        '<blockquote>\n  <p>a</p>\n  <ul>\n    <li>b</li>\n    <li>c</li>\n  </ul>\n</blockquote>',
    '> a\n>\n> - b\n>   - c\n':
        '<blockquote>\n  <p>a</p>\n\n  <ul>\n    <li>b\n      <ul>\n        <li>c</li>\n'
        '      </ul>\n    </li>\n  </ul>\n</blockquote>',
    '> > a\n> - b\n':
        '<blockquote>\n  <blockquote>\n    <p>a</p>\n    <ul>\n      <li>b</li>\n    </ul>\n'
        '  </blockquote>\n</blockquote>',
    # Inside a list item the item's next marker ends the quote.
    '- a\n> q\n- b\n':
        '<ul>\n  <li>a\n    <blockquote>\n      <p>q</p>\n    </blockquote>\n  </li>\n'
        '  <li>b</li>\n</ul>',
    '> a\n# H\n':
        '<blockquote>\n  <p>a</p>\n  <h1 id="h">H</h1>\n</blockquote>',
    '> a\n---\n':
        '<blockquote>\n  <h2 id="a">a</h2>\n</blockquote>',
    # Block HTML ends the quote.
    '> a\n<div>x</div>\n- b\n':
        '<blockquote>\n  <p>a</p>\n</blockquote>\n<div>x</div>\n<ul>\n  <li>b</li>\n</ul>',
}


@pytest.mark.parametrize("source", list(KRAMDOWN))
def test_quote_takes_its_lazy_lines_and_lists(source):
    assert_same(source, KRAMDOWN[source])
