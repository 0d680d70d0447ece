"""Empty list items (`- ` with nothing after the marker) as kramdown reads them: an item of
its own, its text column four in (LIST_ITEM_IAL_CHECK), so a line eight spaces in is code
in it; `-` with no space after it is no item (a setext underline).

Expected HTML is real kramdown 2.4's (GFM input), compared after tests.helpers.render.canon
with Jekyll's rouge wrapper taken off our code blocks.
"""

import re

import pytest

from tests.helpers.render import canon
from tileditor.core.render import render

CASES = [
    ('- a\n- \n- b\n',
     '<ul>\n  <li>a</li>\n  <li></li>\n  <li>b</li>\n</ul>'),
    ('- > a\n- \n- \n        test\n- b\n',
     '<ul>\n  <li>\n    <blockquote>\n      <p>a</p>\n    </blockquote>\n  </li>\n  <li></li>\n  <li>\n    <pre><code>test\n</code></pre>\n  </li>\n  <li>b</li>\n</ul>'),
    ('- foo\n-   \n- bar\n',
     '<ul>\n  <li>foo</li>\n  <li></li>\n  <li>bar</li>\n</ul>'),
    ('1. a\n2. \n3. c\n',
     '<ol>\n  <li>a</li>\n  <li></li>\n  <li>c</li>\n</ol>'),
    ('- \n  foo\n',
     '<ul>\n  <li>foo</li>\n</ul>'),
    ('* \n\n* one\n\n* two\n\n^\n',
     '<ul>\n  <li></li>\n  <li>\n    <p>one</p>\n  </li>\n  <li>\n    <p>two</p>\n  </li>\n</ul>'),
    ('- a\n-\n',
     '<ul>\n  <li>\n    <h2 id="a">a</h2>\n  </li>\n</ul>'),
]
_ROUGE = re.compile(r'<div class="language-plaintext highlighter-rouge"><div class="highlight">'
                    r'<pre class="highlight">(.*?)</pre></div></div>', re.S)


@pytest.mark.parametrize(("md", "html"), CASES)
def test_empty_item_reads_as_kramdown(md, html):
    ours = _ROUGE.sub(r"<pre>\1</pre>", render(md).html)
    assert canon(ours) == canon(html)
