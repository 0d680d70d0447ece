"""A setext underline under a list item's text makes a heading inside the item, as kramdown
reads the item's lines (`- Foo` then `---`, lazy or indented: `<li><h2>Foo</h2></li>`).

Expected HTML is real kramdown 2.4's (GFM input), compared after tests.helpers.render.canon.
"""

import pytest

from tests.helpers.render import canon
from tileditor.core.render import render

CASES = [
    ('- Foo\n---\n',
     '<ul>\n  <li>\n    <h2 id="foo">Foo</h2>\n  </li>\n</ul>'),
    ('- foo\n-----\n',
     '<ul>\n  <li>\n    <h2 id="foo">foo</h2>\n  </li>\n</ul>'),
    ('- a\n  b\n  ---\n',
     '<ul>\n  <li>a\nb\n—</li>\n</ul>'),
    ('1. Step\n   ===\n',
     '<ol>\n  <li>\n    <h1 id="step">Step</h1>\n  </li>\n</ol>'),
    ('- foo\n-\n- bar\n',
     '<ul>\n  <li>\n    <h2 id="foo">foo</h2>\n  </li>\n  <li>bar</li>\n</ul>'),
]


@pytest.mark.parametrize(("md", "html"), CASES)
def test_underline_in_an_item_reads_as_kramdown(md, html):
    assert canon(render(md).html) == canon(html)
