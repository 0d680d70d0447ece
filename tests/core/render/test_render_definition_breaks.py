"""A link, footnote or abbreviation definition that takes a whole block leaves kramdown's
:eob element: the list, definition list or code block before it is not continued after it.
Expected HTML is real kramdown 2.4's (Jekyll's options, GFM input)."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same

_CODE = ('<div class="language-plaintext highlighter-rouge"><div class="highlight">'
         '<pre class="highlight"><code>{}\n</code></pre></div></div>')

KRAMDOWN = {
    "* a\n\n[x]: /y\n\n* b\n": "<ul><li>a</li></ul><ul><li>b</li></ul>",
    "* a\n\n[^t]: n\n\n* b\n": "<ul><li>a</li></ul><ul><li>b</li></ul>",
    "* a\n\n*[X]: y\n\n* b\n": "<ul><li>a</li></ul><ul><li>b</li></ul>",
    "1. a\n\n[x]: /y\n\n2. b\n": "<ol><li>a</li></ol><ol><li>b</li></ol>",
    "term\n: a\n\n[x]: /y\n\n: b\n": "<dl><dt>term</dt><dd>a</dd></dl><p>: b</p>",
    "    a\n\n[x]: /y\n\n    b\n": _CODE.format("a") + _CODE.format("b"),
    "* a\n\n[x]: /y\n\n    b\n": "<ul><li>a</li></ul>" + _CODE.format("b"),
    "* a\n\n  [x]: /y\n\n  b\n": "<ul><li><p>a</p><p>b</p></li></ul>",
}


@pytest.mark.parametrize("source", list(KRAMDOWN))
def test_a_definition_ends_the_block_before_it(source):
    assert_same(source, KRAMDOWN[source])


# kramdown's :eob of a definition is no block boundary (after_block_boundary?): a table or
# setext heading cannot start on the line right under one (real kramdown 2.4).
NO_BOUNDARY = {
    "[5]: test\n|no|table|here|\n": "<p>|no|table|here|</p>",
    "*[A]: b\n| a | b |\n": "<p>| a | b |</p>",
    "[5]: test\nHead\n===\n": "<p>Head\n===</p>",
    "[5]: test\n\n| a |\n": "<table><tbody><tr><td>a</td></tr></tbody></table>",
}


@pytest.mark.parametrize("source", list(NO_BOUNDARY))
def test_no_table_or_setext_heading_right_under_a_definition(source):
    assert_same(source, NO_BOUNDARY[source])
