"""kramdown's `$$` math blocks (issue 9): blank lines inside, inside quotes and list items,
left alone inside raw HTML. Expected HTML is Debian kramdown 2.4 (GFM parser, Jekyll's
options) output, pasted here so the tests need no Ruby."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same, html_of

KRAMDOWN = {
    # One display math for the whole block; the TeX is never read as Markdown.
    '$$\n\ns = a + b\n\n$$\n':
        '\\[s = a + b\\]',
    '$$\na < b & c *x* _y_\n\n\\text{**not bold**}\n$$\n':
        '\\[a &lt; b &amp; c *x* _y_\n\n\\text{**not bold**}\\]',
    # Inside a blockquote: the quote's first line and a blank quote line are boundaries.
    '> $$x^2 \\geq 0$$\n':
        '<blockquote>\n\\[x^2 \\geq 0\\]\n</blockquote>',
    'a\n> $$x$$\n':
        '<p>a</p>\n<blockquote>\n\\[x\\]\n</blockquote>',
    '> $$\n>\n> x\n>\n> $$\n':
        '<blockquote>\n\\[x\\]\n</blockquote>',
    '> $$x$$\ntext\n':
        '<blockquote>\n  <p>\\(x\\)\ntext</p>\n</blockquote>',
    # As a list item's paragraph, or its first block: display, and the list goes on.
    '- a\n\n  $$x^2 \\geq 0$$\n':
        '<ul>\n  <li>\n    <p>a</p>\n\n\\[x^2 \\geq 0\\]\n  </li>\n</ul>',
    '- a\n\n  $$x$$\n\n  c\n':
        '<ul>\n  <li>\n    <p>a</p>\n\n\\[x\\]\n\n    <p>c</p>\n  </li>\n</ul>',
    '1. a\n\n   $$\n   x\n   $$\n2. b\n':
        '<ol>\n  <li>\n    <p>a</p>\n\n\\[x\\]\n  </li>\n  <li>\n    <p>b</p>\n  </li>\n</ol>',
    '- $$x$$\n- b\n':
        '<ul>\n  <li>\n\\[x\\]\n  </li>\n  <li>b</li>\n</ul>',
    '- a\n  - b\n\n    $$x$$\n':
        '<ul>\n  <li>a\n    <ul>\n      <li>\n        <p>b</p>\n\n\\[x\\]\n      </li>\n'
        '    </ul>\n  </li>\n</ul>',
    # Not after a block boundary, or text going on: inline math in a paragraph.
    '- a\n  $$x$$\n':
        '<ul>\n  <li>a\n\\(x\\)</li>\n</ul>',
    '- a\n\n  $$x$$\nb\n':
        '<ul>\n  <li>\n    <p>a</p>\n\n    <p>\\(x\\)\nb</p>\n  </li>\n</ul>',
    '$$\na\n\nb\n$$\ntext after\n':
        '<p>$$\na</p>\n\n<p>b\n$$\ntext after</p>',
    # Raw HTML: kramdown leaves `$$` to MathJax.
    '<center>\n\n$$x$$\n\n</center>\n':
        '<center>\n\n$$x$$\n\n</center>',
    '<center>\n$$x$$\n</center>\n':
        '<center>\n$$x$$\n</center>',
    # An IAL on display math: kramdown's <div>.
    '$$x$$\n{: .cls}\n':
        '<div class="cls">\\[x\\]\n</div>',
}


@pytest.mark.parametrize("source", list(KRAMDOWN))
def test_math_block_as_kramdown_reads_it(source):
    assert_same(source, KRAMDOWN[source])


def test_math_in_a_list_keeps_no_paragraph_without_data_lines():
    # The <p> around the placeholder goes whether or not data-line tagging ran.
    assert html_of("- a\n\n  $$x$$\n", data_lines=False).count("<p>") == 1
    assert "<p>" not in html_of("$$\n\nx\n\n$$\n", data_lines=False)


# kramdown's parse_block_math takes the backslash of an escaped math block and declines, so
# the paragraph reads the `$$...$$` as inline math (kramdown's suite, span/math/normal).
ESCAPED_BLOCKS = {
    "\\$$5+5$$\n": "<p>\\(5+5\\)</p>",
    "\\$\\$5+5$$\n": "<p>$$5+5$$</p>",
    "\\$$5+5$$ x\n": "<p>$$5+5$$ x</p>",
}


@pytest.mark.parametrize("source", list(ESCAPED_BLOCKS))
def test_an_escaped_math_block_is_inline_math(source):
    assert_same(source, ESCAPED_BLOCKS[source])
