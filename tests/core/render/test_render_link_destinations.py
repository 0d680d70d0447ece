"""A link's destination and title as kramdown reads them (tileditor/core/render/kramdown/
link_urls.py): backslashes kept, escaped parentheses counted, `("t")` a destination.

Expected HTML is real kramdown 2.4's (GFM input, hard_wrap: false), compared after
tests.helpers.render.canon.
"""

import pytest

from tests.helpers.render import canon
from tileditor.core.render import render

CASES = [
    ('[foo](/bar\\* "ti\\*tle")\n',
     '<p><a href="/bar\\*" title="ti\\*tle">foo</a></p>'),
    ('[link](<foo\\>)\n',
     '<p><a href="foo\\">link</a></p>'),
    ('[link](\\(foo\\))\n',
     '<p><a href="\\(foo\\)">link</a></p>'),
    ('[link](foo\\)\\:)\n',
     '<p><a href="foo\\">link</a>:)</p>'),
    ('[link]("title")\n',
     '<p><a href="&quot;title&quot;">link</a></p>'),
    ('[link](/url "title \\"&quot;")\n',
     '<p><a href="/url" title="title \\&quot;&quot;">link</a></p>'),
    ('[x](https://en.wikipedia.org/wiki/A\\_b)\n',
     '<p><a href="https://en.wikipedia.org/wiki/A\\_b">x</a></p>'),
    ('[a](foo bar)\n',
     '<p><a href="foo bar">a</a></p>'),
    ("[a](/u 'it\\'s')\n",
     '<p><a href="/u" title="it\\\'s">a</a></p>'),
    ('[a](<b c> "t")\n',
     '<p><a href="b c" title="t">a</a></p>'),
    ('[a](<b)c\n',
     '<p><a href="&lt;b">a</a>c</p>'),
    ('[a](https://x.org/wiki/A_(b))\n',
     '<p><a href="https://x.org/wiki/A_(b)">a</a></p>'),
    ('![i](<a b.png>)\n',
     '<p><img src="a b.png" alt="i" /></p>'),
    ('[a](b "c) d")\n',
     '<p><a href="b" title="c) d">a</a></p>'),
    ('[link](/url\xa0"title")\n',
     '<p><a href="/url\xa0&quot;title&quot;">link</a></p>'),
]


@pytest.mark.parametrize(("md", "html"), CASES)
def test_destination_reads_as_kramdown(md, html):
    assert canon(render(md).html) == canon(html)


def test_a_long_data_uri_still_links():
    uri = "data:image/png;base64," + "A" * 5000
    assert f'src="{uri}"' in render(f"![x]({uri})\n").html
