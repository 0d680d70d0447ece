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
