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


# -- the nesting shortcut stands exactly for the recursion it replaces -----------------------
from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tileditor.core.render import render  # noqa: E402
from tileditor.core.render.kramdown import blockquotes  # noqa: E402

_PREFIX = st.lists(st.sampled_from([">", "> ", " >", ">  ", "   >"]), max_size=8).map("".join)
_CONTENT = st.sampled_from(["a", "b *c*", "# H", "- x", "1. y", "    code", "| p | q |",
                            "|---|---|", "```", "$$x$$", "<div>d</div>", "{: .c}", "", "---"])
_LINE = st.tuples(_PREFIX, _CONTENT).map(lambda pc: pc[0] + pc[1])


def _both(text: str) -> tuple[str, str]:
    try:
        blockquotes.NESTING_SHORTCUT = True
        fast = render(text).html
        blockquotes.NESTING_SHORTCUT = False
        slow = render(text).html
    finally:
        blockquotes.NESTING_SHORTCUT = True
    return fast, slow


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=12).map("\n".join))
@example(">>> a\n>> b\n> c")
@example(">>a\n><div>d</div>")  # a raw element ends the deeper quote
@example(">>>|a\n>> b")
@example(">> > >    code\n>>> x")
def test_the_nesting_shortcut_renders_what_the_recursion_renders(text):
    fast, slow = _both(text)
    assert fast == slow


def test_the_shortcut_keeps_the_depth_limit_where_the_recursion_has_it():
    """Nesting past the parser's recursion guard stops at the same level either way (and the
    rest is text), however deep the lines go."""
    text = ">" * 3000 + " deep\n\n" + "\n\n".join(">" * d + " a" for d in range(1, 40))
    fast, slow = _both(text)
    assert fast == slow and 100 < fast.count("<blockquote") < 3000 + 800
