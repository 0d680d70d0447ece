"""Autolinks as kramdown's AUTOLINK_START finds them (issue 9; the GFM spec suite's autolink
misses): only mailto/http(s)/ftp(s) URLs and plain addresses link, a URL keeps the
backslashes typed in it. Expected HTML is Debian kramdown 2.4 (GFM parser, Jekyll's options)
output, pasted so the tests need no Ruby."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same

KRAMDOWN = {
    '<irc://foo.bar:2233/baz>\n': '<p>&lt;irc://foo.bar:2233/baz&gt;</p>',
    '<MAILTO:FOO@BAR.BAZ>\n': '<p>&lt;MAILTO:FOO@BAR.BAZ&gt;</p>',
    '<made-up-scheme://foo,bar>\n': '<p>&lt;made-up-scheme://foo,bar&gt;</p>',
    '<foo+special@Bar.baz-bar0.com>\n': '<p>&lt;foo+special@Bar.baz-bar0.com&gt;</p>',
    # (kramdown also takes `<http://a.b/\\>`, the `>` escaped: the escape pattern runs first
    # here, and the autolink stays below links so `[a](<http://a.b>)` is a link.)
    '<http://example.com/\\[\\]x>\n':
        '<p><a href="http://example.com/\\[\\]x">http://example.com/\\[\\]x</a></p>',
    '<https://a.b/x_y_z> and <ftp://f.g/h>\n':
        '<p><a href="https://a.b/x_y_z">https://a.b/x_y_z</a> and '
        '<a href="ftp://f.g/h">ftp://f.g/h</a></p>',
    '<me@ex.com> and <mailto:x@y.z>\n':
        '<p><a href="mailto:me@ex.com">me@ex.com</a> and <a href="mailto:x@y.z">x@y.z</a></p>',
    '<https://a.b\nc>\n': '<p>&lt;https://a.b\nc&gt;</p>',
}


@pytest.mark.parametrize("source", list(KRAMDOWN))
def test_autolink_as_kramdown_finds_it(source):
    assert_same(source, KRAMDOWN[source])
