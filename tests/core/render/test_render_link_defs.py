"""Link definitions as kramdown reads them (kramdown's suite, span/01_link/link_defs; GFM
spec 165-182 through kramdown): only where a block may start, a URL with spaces or in `<>`,
a quoted title on the same or the next line, no definition where a bare URL holds a space
then a quote. Expected HTML is real kramdown 2.4 (GFM parser, Jekyll's options) output,
pasted so the tests need no Ruby."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same

KRAMDOWN = {
    'para\n[a]: /x\n\n[b]: my file.png "t"\n[c]: /u "t" more\n\n[a] [b] [c]\n':
        "<p>para\n[a]: /x</p><p>[c]: /u “t” more</p>"
        '<p><a href="my file.png" title="t">a</a> [c]</p>',
    "[foo]: /url '\ntitle\nline1\n'\n\n[foo]\n":
        "<p>[foo]: /url ‘\ntitle\nline1\n‘</p><p>[foo]</p>",
    "[o3]: <some spaces.html>\n[o7]: some spaces\n            \"title\"\n\n[x][o3] [y][o7]\n":
        '<p><a href="some spaces.html">x</a> <a href="some spaces" title="title">y</a></p>',
    "Foo\n[bar]: /baz\n\n[bar]\n": "<p>Foo\n[bar]: /baz</p><p>[bar]</p>",
}


@pytest.mark.parametrize("source", list(KRAMDOWN))
def test_link_definitions_as_kramdown(source):
    assert_same(source, KRAMDOWN[source])
