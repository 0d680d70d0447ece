"""List nesting as kramdown reads it (issue 9). Expected HTML is Debian kramdown 2.4 (GFM
parser, Jekyll's options) output, pasted so the tests need no Ruby."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same

LAZY_MARKERS = {
    # Another marker kind, under the item's column, after the item has a nested list: lazy
    # text of the innermost item, not a new list.
    '1. Step\n    - A\n  - B\n':
        '<ol>\n  <li>Step\n    <ul>\n      <li>A\n      - B</li>\n    </ul>\n  </li>\n</ol>',
    '1. Step\n   - A\n  - B\n':
        '<ol>\n  <li>Step\n    <ul>\n      <li>A\n       - B</li>\n    </ul>\n  </li>\n</ol>',
    '- Step\n  1. A\n 2. B\n':
        '<ul>\n  <li>Step\n    <ol>\n      <li>A\n    2. B</li>\n    </ol>\n  </li>\n</ul>',
    '- a\n  1. b\n     - c\n   - d\n':
        '<ul>\n  <li>a\n    <ol>\n      <li>b\n        <ul>\n          <li>c\n      - d</li>\n'
        '        </ul>\n      </li>\n    </ol>\n  </li>\n</ul>',
    '1. Step\n    - A\n  - B\n  - C\n2. Next\n':
        '<ol>\n  <li>Step\n    <ul>\n      <li>A\n      - B\n      - C</li>\n    </ul>\n  </li>\n'
        '  <li>Next</li>\n</ol>',
    # The same marker kind is a sibling; without a nested list yet, a nested list; after a
    # blank line, a new list.
    '1. Step\n   - A\n  2. B\n':
        '<ol>\n  <li>Step\n    <ul>\n      <li>A</li>\n    </ul>\n  </li>\n  <li>B</li>\n</ol>',
    '1. Step\n- B\n':
        '<ol>\n  <li>Step\n    <ul>\n      <li>B</li>\n    </ul>\n  </li>\n</ol>',
    '1. Step\n   - A\n\n  - B\n':
        '<ol>\n  <li>Step\n    <ul>\n      <li>A</li>\n    </ul>\n  </li>\n</ol>\n\n<ul>\n'
        '  <li>B</li>\n</ul>',
}


@pytest.mark.parametrize("source", list(LAZY_MARKERS))
def test_marker_under_a_nested_list_as_kramdown_reads_it(source):
    assert_same(source, LAZY_MARKERS[source])

UNDER_INLINE_HTML = {
    # GFM lists interrupt a paragraph that opens with span HTML; raw HTML blocks keep theirs.
    '<u>Note</u>: x\n- a\n- b\n':
        '<p><u>Note</u>: x</p>\n<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>',
    '<U>Note</U>: x\n- a\n':
        '<p><u>Note</u>: x</p>\n<ul>\n  <li>a</li>\n</ul>',
    'x\n<u>Note</u>: x\n- a\n':
        '<p>x\n<u>Note</u>: x</p>\n<ul>\n  <li>a</li>\n</ul>',
    '<kbd>x</kbd> y\n1. a\n':
        '<p><kbd>x</kbd> y</p>\n<ol>\n  <li>a</li>\n</ol>',
    '<img src="a.png">\n- a\n':
        '<p><img src="a.png" /></p>\n<ul>\n  <li>a</li>\n</ul>',
    '<font color="red">x</font>\n- a\n':
        '<font color="red">x</font>\n<ul>\n  <li>a</li>\n</ul>',
    '<div>\n- a\n</div>\n':
        '<div>\n- a\n</div>',
    '<center>\n- a\n</center>\n':
        '<center>\n- a\n</center>',
}


@pytest.mark.parametrize("source", list(UNDER_INLINE_HTML))
def test_list_right_under_a_line_of_html(source):
    assert_same(source, UNDER_INLINE_HTML[source])


def _plain(code: str) -> str:
    """kramdown's rouge block for plaintext `code` (shared by the cases below)."""
    return ('<div class="language-plaintext highlighter-rouge"><div class="highlight">'
            f'<pre class="highlight"><code>{code}\n</code></pre></div></div>')


FENCE_IN_ITEM = {
    '1. a\n   ```\n   x\n   ```\n   b\n2. c\n':
        '<ol>\n  <li>a\n    ' + _plain('x') + '\n    <p>b</p>\n  </li>\n  <li>c</li>\n</ol>',
    '- a\n  ```\n  x\n  ```\n  b\n\n- c\n':
        '<ul>\n  <li>a\n    ' + _plain('x') + '\n    <p>b</p>\n  </li>\n  <li>c</li>\n</ul>',
    '- a\n  ```\n  x\n  ```\n\n  b\n':
        '<ul>\n  <li>a\n    ' + _plain('x') + '\n\n    <p>b</p>\n  </li>\n</ul>',
    '- a\n  ```\n  x\n  ```\n  b\n  c\n':
        '<ul>\n  <li>a\n    ' + _plain('x') + '\n    <p>b\nc</p>\n  </li>\n</ul>',
    '* text\n  ```bash\n  ls\n  ```\n  more text\n  ```bash\n  pwd\n  ```\n':
        '<ul>\n  <li>text\n    <div class="language-bash highlighter-rouge"><div class="highlight"><pre class="highlight"><code><span class="nb">ls</span>\n</code></pre></div>    </div>\n    <p>more text</p>\n    <div class="language-bash highlighter-rouge"><div class="highlight"><pre class="highlight"><code><span class="nb">pwd</span>\n</code></pre></div>    </div>\n  </li>\n</ul>',
    '- x\n\n- a\n  ```\n  y\n  ```\n  b\n':
        '<ul>\n  <li>\n    <p>x</p>\n  </li>\n  <li>\n    <p>a</p>\n    ' + _plain('y') + '\n    <p>b</p>\n  </li>\n</ul>',
    '- a\n  - b\n    ```\n    y\n    ```\n    c\n- d\n':
        '<ul>\n  <li>a\n    <ul>\n      <li>b\n        ' + _plain('y') + '\n        <p>c</p>\n      </li>\n    </ul>\n  </li>\n  <li>d</li>\n</ul>',
    '1. a\n   ```\n   y\n   ```\n':
        '<ol>\n  <li>a\n    ' + _plain('y') + '\n  </li>\n</ol>',
    '- a\n  ```\n  y\n  ```\n  b\n\n  c\n':
        '<ul>\n  <li>a\n    ' + _plain('y') + '\n    <p>b</p>\n\n    <p>c</p>\n  </li>\n</ul>',
    '- a `x`\n  ```\n  y\n  ```\n  **b** and *c*\n':
        '<ul>\n  <li>a <code class="language-plaintext highlighter-rouge">x</code>\n    ' + _plain('y') + '\n    <p><strong>b</strong> and <em>c</em></p>\n  </li>\n</ul>',
}


@pytest.mark.parametrize("source", list(FENCE_IN_ITEM))
def test_fence_right_under_item_text_is_a_block_of_the_item(source):
    assert_same(source, FENCE_IN_ITEM[source])


_TABLE = ('<table>\n  <thead>\n    <tr>\n      <th>x</th>\n      <th>y</th>\n    </tr>\n'
          '  </thead>\n  <tbody>\n    <tr>\n      <td>1</td>\n      <td>2</td>\n    </tr>\n'
          '  </tbody>\n</table>')
TABLE_THEN_ITEM = {
    # The next item ends the table in an item; it was read as one more table row.
    '- a\n\n  | x | y |\n  |---|---|\n  | 1 | 2 |\n- b\n':
        '<ul>\n  <li>\n    <p>a</p>\n\n    ' + _TABLE + '\n  </li>\n  <li>\n    <p>b</p>\n'
        '  </li>\n</ul>',
    '- a\n- b\n\n  | x | y |\n  |---|---|\n  | 1 | 2 |\n- c `d`\n':
        '<ul>\n  <li>a</li>\n  <li>\n    <p>b</p>\n\n    ' + _TABLE + '\n  </li>\n'
        '  <li>c <code class="language-plaintext highlighter-rouge">d</code></li>\n</ul>',
}


@pytest.mark.parametrize("source", list(TABLE_THEN_ITEM))
def test_the_next_item_ends_a_table_in_an_item(source):
    assert_same(source, TABLE_THEN_ITEM[source])


# kramdown's text column counts every space after the marker: `1.     text` is text at 7
# (CommonMark would make it code at 3).
WIDE_MARKERS = {
    '1.     indented code\n\n   paragraph\n\n       more code\n':
        '<ol>\n  <li>indented code</li>\n</ol>\n\n<p>paragraph</p>\n\n<div class="language-plaintext highlighter-rouge"><div class="highlight"><pre class="highlight"><code>   more code\n</code></pre></div></div>',
    '-     a\n\n      b\n':
        '<ul>\n  <li>\n    <p>a</p>\n\n    <p>b</p>\n  </li>\n</ul>',
}


@pytest.mark.parametrize("source", list(WIDE_MARKERS))
def test_every_space_after_the_marker_counts(source):
    assert_same(source, WIDE_MARKERS[source])


# An item's text can be a setext heading (real kramdown 2.4).
ITEM_HEADINGS = {
    "* A header\n  ===\n": '<ul><li><h1 id="a-header">A header</h1></li></ul>',
    "* A header\n  ---\n  para\n": '<ul><li><h2 id="a-header">A header</h2><p>para</p></li></ul>',
    "1. A\n   ---\n": '<ol><li><h2 id="a">A</h2></li></ol>',
    # in a loose list the text under the heading is a paragraph, not code
    "* a\n\n*   A header\n    =========\n    a para\n":
        '<ul><li><p>a</p></li><li><h1 id="a-header">A header</h1><p>a para</p></li></ul>',
}


@pytest.mark.parametrize("source", list(ITEM_HEADINGS))
def test_an_item_text_can_be_a_setext_heading(source):
    assert_same(source, ITEM_HEADINGS[source])


# An item whose first nested list came on lazy lines (indented less than its text) has found
# no nested list yet: the next line indented to its text that starts a list starts a second
# list beside the first (kramdown's parse_list value segments), and a lazy list line after it
# is text. Two spaces per level under `1.` is how such posts are often written.
SEGMENTS = {
    '1. Step\n  - a\n    - b\n':
        '<ol>\n  <li>Step\n    <ul>\n      <li>a</li>\n    </ul>\n    <ul>\n      <li>b</li>\n'
        '    </ul>\n  </li>\n</ol>\n',
    '1. Step\n  - a\n    - b\n  - c\n2. Next\n':
        '<ol>\n  <li>Step\n    <ul>\n      <li>a</li>\n    </ul>\n    <ul>\n      <li>b\n'
        '      - c</li>\n    </ul>\n  </li>\n  <li>Next</li>\n</ol>\n',
    '1. Step\n  - a\n  - b\n    - c\n':
        '<ol>\n  <li>Step\n    <ul>\n      <li>a</li>\n      <li>b</li>\n    </ul>\n    <ul>\n'
        '      <li>c</li>\n    </ul>\n  </li>\n</ol>\n',
    '10. Step\n  - a\n     - b\n':
        '<ol>\n  <li>Step\n    <ul>\n      <li>a</li>\n    </ul>\n    <ul>\n      <li>b</li>\n'
        '    </ul>\n  </li>\n</ol>\n',
}


@pytest.mark.parametrize("source", list(SEGMENTS))
def test_a_list_indented_to_the_text_after_lazy_lines_is_a_second_list(source):
    assert_same(source, SEGMENTS[source])


# After an item holds a nested list, a lazy line of another marker kind is pushed its text
# column plus 4 deeper and read there: a nested list when an item's text column is near.
PUSHED_DEEPER = {
    '* b0\n    1. g1\n1. a2\n':
        '<ul>\n  <li>b0\n    <ol>\n      <li>g1\n        <ol>\n          <li>a2</li>\n'
        '        </ol>\n      </li>\n    </ol>\n  </li>\n</ul>\n',
    '1. c0\n      2. e1\n - a2\n  - b3\n':
        '<ol>\n  <li>c0\n    <ol>\n      <li>e1\n        <ul>\n          <li>a2</li>\n'
        '          <li>b3</li>\n        </ul>\n      </li>\n    </ol>\n  </li>\n</ol>\n',
    '1. f0\n      10. d1\n    - h2\n  - d3\n':
        '<ol>\n  <li>f0\n    <ol>\n      <li>d1\n        <ul>\n          <li>h2</li>\n'
        '        </ul>\n        <ul>\n          <li>d3</li>\n        </ul>\n      </li>\n'
        '    </ol>\n  </li>\n</ol>\n',
    # inside an item's list: pushed in that list's coordinates (the outer item's text
    # column taken off), so `d` lands in `c`
    '  * a\n    2. b\n\n        1. c\n    - d\n':
        '<ul>\n  <li>a\n    <ol>\n      <li>\n        <p>b</p>\n\n        <ol>\n'
        '          <li>c\n            <ul>\n              <li>d</li>\n            </ul>\n'
        '          </li>\n        </ol>\n      </li>\n    </ol>\n  </li>\n</ul>\n',
}


@pytest.mark.parametrize("source", list(PUSHED_DEEPER))
def test_a_lazy_list_line_after_a_nested_list_is_read_deeper(source):
    assert_same(source, PUSHED_DEEPER[source])


def test_after_a_blank_line_the_lazy_list_takes_one_more_item():
    # kramdown reads `    - b` in Step's content, where the lazy list's `  - a` sits as typed
    assert_same('1. Step\n  - a\n\n    - b\n',
                '<ol>\n  <li>Step\n    <ul>\n      <li>\n        <p>a</p>\n      </li>\n'
                '      <li>\n        <p>b</p>\n      </li>\n    </ul>\n  </li>\n</ol>\n')


# A list opened on lazy lines sits in its item's content as typed; a line indented to the
# item's text loses that indentation there (`        - c` is 5 in, under `b`), and a line
# that fits the outer list's own item pattern is that list's next item.
LAZY_LIST_COLUMNS = {
    '2. a\n- b\n        - c\n- d\n':
        '<ol>\n  <li>a\n    <ul>\n      <li>b\n        <ul>\n          <li>c</li>\n'
        '        </ul>\n      </li>\n      <li>d</li>\n    </ul>\n  </li>\n</ol>\n',
    '10. a\n- b\n   2. c\n':
        '<ol>\n  <li>a\n    <ul>\n      <li>b</li>\n    </ul>\n  </li>\n  <li>c</li>\n</ol>\n',
}


@pytest.mark.parametrize("source", list(LAZY_LIST_COLUMNS))
def test_a_lazy_list_reads_columns_in_its_item_content(source):
    assert_same(source, LAZY_LIST_COLUMNS[source])
