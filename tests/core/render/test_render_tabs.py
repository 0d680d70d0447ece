"""Tabs as kramdown keeps them: expanded to 4-column stops only in block syntax (indentation
and the markers after it, rules, table separators, definitions), kept as typed in running
text and in indented code. Expected HTML is real kramdown 2.4 (GFM parser, Jekyll's
options) output, pasted so the tests need no Ruby; canon() collapses whitespace, so the tab
itself is checked in the raw HTML."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same, html_of

KRAMDOWN = {
    "#### a\tb c\n": '<h4 id="a-b-c">a\tb c</h4>',
    "x a\tb\n": "<p>x a\tb</p>",
    "    c\td\n": '<div class="language-plaintext highlighter-rouge"><div class="highlight">'
                 '<pre class="highlight"><code>c\td\n</code></pre></div></div>',
    # Two trailing tabs are no line break (kramdown's needs two spaces).
    "a\t\t\nb\n": "<p>a\t\t\nb</p>",
    # Block syntax still reads tabs as columns.
    "-\titem\n": "<ul><li>item</li></ul>",
    "1.\tone\n\n\tcode\there\n": "<ol><li><p>one</p><p>code\there</p></li></ol>",
    "[id]:\thttp://x.com\n\n[id]\n": '<p><a href="http://x.com">id</a></p>',
    "right | center\n---:  \t|\t:---:\ncell1 | cell2\n":
        '<table><thead><tr><th style="text-align: right">right</th>'
        '<th style="text-align: center">center</th></tr></thead><tbody><tr>'
        '<td style="text-align: right">cell1</td><td style="text-align: center">cell2</td>'
        "</tr></tbody></table>",
}


@pytest.mark.parametrize("source", list(KRAMDOWN))
def test_tabs_as_kramdown(source):
    assert_same(source, KRAMDOWN[source])
    if "\t" in KRAMDOWN[source]:
        # The tab itself, which canon() would read as any whitespace.
        expected = KRAMDOWN[source].split("\t")[0].rsplit(">", 1)[-1]
        assert expected + "\t" in html_of(source)
