"""Closing hashes of an ATX heading as kramdown-parser-gfm drops them (issue 9; the GFM spec
suite's heading text misses): one run at the end, only after a space or tab, so `# Learning
C#` keeps its `#`. Expected HTML is Debian kramdown 2.4 (GFM parser, Jekyll's options)
output, pasted so the tests need no Ruby."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same

KRAMDOWN = {
    '# Learning C#\n': '<h1 id="learning-c">Learning C#</h1>',
    '# foo#\n': '<h1 id="foo">foo#</h1>',
    '## foo ##\n': '<h2 id="foo">foo</h2>',
    '### foo \\###\n': '<h3 id="foo-">foo ###</h3>',
    '# a # b #\n': '<h1 id="a--b">a # b</h1>',
    '# x #####   \n': '<h1 id="x">x</h1>',
    'para\n# H #\nmore\n': '<p>para</p>\n<h1 id="h">H</h1>\n<p>more</p>',
    '# C# {#cs}\n': '<h1 id="cs">C#</h1>',
}


@pytest.mark.parametrize("source", list(KRAMDOWN))
def test_closing_hashes_as_kramdown_drops_them(source):
    assert_same(source, KRAMDOWN[source])
