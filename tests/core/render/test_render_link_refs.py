"""Reference links and images as kramdown resolves them (tileditor/core/render/kramdown/
link_refs.py): ids as typed, spaces and line breaks before `[id]`, an undefined id linking
nothing (its `[` is text and reading goes on after it), images read left to right with links.

Expected HTML is real kramdown 2.4's (GFM input, hard_wrap: false), compared after
tests.helpers.render.canon.
"""

import pytest

from tests.helpers.render import canon
from tileditor.core.render import render

CASES = [
    ('[foo][bar][baz]\n\n[baz]: /url1\n[foo]: /url2\n',
     '<p>[foo]<a href="/url1">bar</a></p>'),
    ('[bar][foo\\!]\n\n[foo!]: /url\n',
     '<p>[bar]<a href="/url">foo!</a></p>'),
    ('[foo][ref\\[]\n\n[ref\\[]: /uri\n',
     '<p><a href="/uri">foo</a></p>'),
    ('[foo] \n[]\n\n[foo]: /url "title"\n',
     '<p><a href="/url" title="title">foo</a></p>'),
    ('![foo] \n[]\n\n[foo]: /url "title"\n',
     '<p><img src="/url" alt="foo" title="title" /></p>'),
    ('[foo][nope] and [foo]\n\n[foo]: /u\n',
     '<p>[foo][nope] and <a href="/u">foo</a></p>'),
    ('[a] [b]\n\n[a]: /a\n',
     '<p>[a] [b]</p>'),
    ('![i] and ![j][k]\n\n[i]: /i.png\n[k]: /k.png\n',
     '<p><img src="/i.png" alt="i" /> and <img src="/k.png" alt="j" /></p>'),
    ('[![i]](/x) [a [b] c](/y)\n\n[i]: /i.png\n[b]: /b\n',
     '<p><a href="/x"><img src="/i.png" alt="i" /></a> <a href="/y">a [b] c</a></p>'),
    ('[Text][Ref] and [Foo  Bar]\n\n[ref]: /r\n[foo bar]: /fb\n',
     '<p><a href="/r">Text</a> and <a href="/fb">Foo  Bar</a></p>'),
    ('[[*foo* bar]]\n\n[*foo* bar]: /url "title"\n',
     '<p>[<a href="/url" title="title"><em>foo</em> bar</a>]</p>'),
    ('[^1] and [ok][]\n\n[^1]: note\n[ok]: /ok\n',
     '<p><sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" rel="footnote">1</a></sup> and <a href="/ok">ok</a></p>\n\n<div class="footnotes" role="doc-endnotes">\n  <ol>\n    <li id="fn:1" role="doc-endnote">\n      <p>note\xa0<a href="#fnref:1" class="reversefootnote" role="doc-backlink">&#8617;</a></p>\n    </li>\n  </ol>\n</div>'),
]


@pytest.mark.parametrize(("md", "html"), CASES)
def test_reference_resolves_as_kramdown(md, html):
    assert canon(render(md).html) == canon(html)
