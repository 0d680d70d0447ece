"""kramdown's tables (parse_table, kept by the GFM parser; kramdown's suite, block/14_table):
no header needed, a separator of any width, rows without the trailing pipe, ragged rows
padded, separator rows starting a tbody or the tfoot, a body needed (a header and a
separator alone stay a paragraph), every line needing a pipe outside code (a code span over
two lines counted as kramdown counts it). Expected HTML is real kramdown 2.4 (GFM parser,
Jekyll's options) output, pasted so the tests need no Ruby."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same, html_of

_CODE = '<code class="language-plaintext highlighter-rouge">'

KRAMDOWN = {
    "| a | b\n|-----\n| c | d\n":
        "<table><thead><tr><th>a</th><th>b</th></tr></thead>"
        "<tbody><tr><td>c</td><td>d</td></tr></tbody></table>",
    "| a | b |\n|---|---|\n": "<p>| a | b |\n|—|—|</p>",
    "|-|-|\n| a | b |\n": "<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table>",
    "| cell1 ||\n|| cell2 | cell3\n":
        "<table><tbody><tr><td>cell1</td><td>\u00a0</td><td>\u00a0</td></tr>"
        "<tr><td>\u00a0</td><td>cell2</td><td>cell3</td></tr></tbody></table>",
    "| h |\n|---|\n| a |\n|---|\n| b |\n|===|\n| f |\n":
        "<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>a</td></tr></tbody>"
        "<tbody><tr><td>b</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>",
    "| default | left | center | right | default\n|-| :- |:-: | -: | - | :-: | :-\n"
    "| cell1 | cell2 | cell3 | cell4 | cell5\n":
        '<table><thead><tr><th>default</th><th style="text-align: left">left</th>'
        '<th style="text-align: center">center</th><th style="text-align: right">right</th>'
        '<th>default</th></tr></thead><tbody><tr><td>cell1</td>'
        '<td style="text-align: left">cell2</td><td style="text-align: center">cell3</td>'
        '<td style="text-align: right">cell4</td><td>cell5</td></tr></tbody></table>',
    "cell 1 \\| cell `2 | cell 3\ncell 1` | cell 2 | cell 3\n":
        f"<p>cell 1 | cell {_CODE}2 | cell 3\ncell 1</code> | cell 2 | cell 3</p>",
    "cell 1 | `code | span`\n":
        f"<table><tbody><tr><td>cell 1</td><td>{_CODE}code | span</code></td></tr></tbody>"
        "</table>",
    '| Key | Value type |\n|--------|---|\n| `Type` | `"GROUP"`\\|`"UNKNOWN"` |\n':
        f"<table><thead><tr><th>Key</th><th>Value type</th></tr></thead><tbody><tr>"
        f'<td>{_CODE}Type</code></td><td>{_CODE}"GROUP"</code>|{_CODE}"UNKNOWN"</code></td>'
        "</tr></tbody></table>",
    # A pipe inside a span HTML element is no table's (kramdown parses the lines with the
    # codespan and span_html parsers first); an unclosed one holds the rest.
    "Use <code>ls | grep</code> to filter.\n": "<p>Use <code>ls | grep</code> to filter.</p>",
    "Use <kbd>a|b</kbd> x\n": "<p>Use <kbd>a|b</kbd> x</p>",
    "a <b>x | y\n": "<p>a <b>x | y</b></p>",
    "a <br> | b\n": "<table><tbody><tr><td>a <br /></td><td>b</td></tr></tbody></table>",
    # No block boundary under the table (a heading, list, quote right below): no table.
    "| a |\n|---|\n| 1 |\n# H\n": '<p>| a |\n|—|\n| 1 |</p><h1 id="h">H</h1>',
    "| a |\n|---|\n| 1 |\n- i\n": "<p>| a |\n|—|\n| 1 |</p><ul><li>i</li></ul>",
    "| a |\n|---|\n| 1 |\n\n# H\n":
        '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>'
        '<h1 id="h">H</h1>',
    # A `$$` line that is no math block (text follows its `$$`) may be a row; kramdown
    # splits its cells before it reads math.
    "$$a$$ | b\n": "<table><tbody><tr><td>\\(a\\)</td><td>b</td></tr></tbody></table>",
    "para\n\n$$a|b$$ c\n":
        "<p>para</p><table><tbody><tr><td>$$a</td><td>b$$ c</td></tr></tbody></table>",
    # A line without a pipe under the table: no table at all.
    "| a | b |\n|---|---|\n| 1 | 2 |\npara\n": "<p>| a | b |\n|—|—|\n| 1 | 2 |\npara</p>",
}


@pytest.mark.parametrize("source", list(KRAMDOWN))
def test_tables_as_kramdown(source):
    assert_same(source, KRAMDOWN[source])


def test_an_empty_cell_holds_a_no_break_space():
    # canon() reads the NBSP as whitespace; kramdown's convert_td prints it.
    assert "<td>cell1</td>\n<td>\u00a0</td>" in html_of("| cell1 ||\n|| cell2 | cell3\n")
