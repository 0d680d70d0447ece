"""No link inside a link's text, as kramdown parses it: the inner `[b](c)` or `[b][ref]`
stays text, images stay allowed (a linked picture). Expected HTML is Debian kramdown 2.4 (GFM
parser) output, pasted so the tests need no Ruby; the bare Python-Markdown twins keep their
own nesting (tests/core/render/test_render_bounded.py compares those)."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same

KRAMDOWN = {
    "[foo [bar](/uri)][ref]\n\n[ref]: /uri\n": '<p><a href="/uri">foo [bar](/uri)</a></p>',
    "[![img](a.png)](http://x)\n": '<p><a href="http://x"><img src="a.png" alt="img" /></a></p>',
    "[a *[b](c)*](d) and [e](f)\n":
        '<p><a href="d">a <em>[b](c)</em></a> and <a href="f">e</a></p>',
}


@pytest.mark.parametrize("source", sorted(KRAMDOWN))
def test_links_inside_link_text_stay_text(source):
    assert_same(source, KRAMDOWN[source])
