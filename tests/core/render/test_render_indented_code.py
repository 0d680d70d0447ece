"""Indented code as kramdown's parse_codeblock reads it (kramdown's suite, block/06_codeblock):
lazy lines join the block, a line indented less than four columns joins the line before it
with a space, and the last line keeps its trailing spaces. Expected HTML is real kramdown 2.4
(GFM parser, Jekyll's options) output, pasted so the tests need no Ruby."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same, html_of


def _code(text: str) -> str:
    return ('<div class="language-plaintext highlighter-rouge"><div class="highlight">'
            f'<pre class="highlight"><code>{text}\n</code></pre></div></div>')


KRAMDOWN = {
    "a\n\n    code\nlazy\n": "<p>a</p>" + _code("code lazy"),
    "    This is some\n other code\n": _code("This is some  other code"),
    # Not a heading, list, rule or quote: all code, as kramdown's CODEBLOCK_MATCH takes them.
    "    code\n# Heading\n": _code("code # Heading"),
    "    code\nlazy line\n- not a list\n": _code("code lazy line - not a list"),
    "    code\n---\n": _code("code ---"),
    "    code\n> q\n": _code("code &gt; q"),
    "    code\n<span>x</span>\n": _code("code &lt;span&gt;x&lt;/span&gt;"),
    "> a\n>\n>     code\n> lazy\n": "<blockquote><p>a</p>" + _code("code lazy") + "</blockquote>",
    # A block element's tag ends the code block.
    "    code\n<div>x</div>\n": _code("code") + "<div>x</div>",
    "    code\n\n- list\n": _code("code") + "<ul><li>list</li></ul>",
}


@pytest.mark.parametrize("source", list(KRAMDOWN))
def test_indented_code_lazy_lines_as_kramdown(source):
    assert_same(source, KRAMDOWN[source])


EXACT = {
    # canon() collapses whitespace, so these compare the code text itself.
    "    test  ": "test  \n",
    "    test  \ntest\n": "test   test\n",
    "    a  \n    b \n\n    c \n\npara\n": "a  \nb \n\nc \n",
}


@pytest.mark.parametrize("source", list(EXACT))
def test_indented_code_keeps_trailing_spaces(source):
    html = html_of(source)
    assert html.split("<code>")[1].split("</code>")[0] == EXACT[source]
