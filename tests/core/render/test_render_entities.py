"""Character references as kramdown reads them (GFM spec 321 and 323 through kramdown): a
name in kramdown's table, `&#NN;` and `&#xHH;` are characters (Jekyll's entity_output
as_char; `<`, `>`, `&` stay references); an HTML 5 name such as `&Dcaron;` or `&#X22;` is
text. Expected HTML is real kramdown 2.4 (GFM parser, Jekyll's options) output, pasted so
the tests need no Ruby."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same, html_of

KRAMDOWN = {
    "&nbsp; &amp; &copy; &AElig; &Dcaron;\n&frac34; &HilbertSpace; &DifferentialD;\n":
        "<p>\u00a0 &amp; © Æ &amp;Dcaron;\n¾ &amp;HilbertSpace; &amp;DifferentialD;</p>",
    "&#X22; &#XD06; &#xcab; &#35;\n": "<p>&amp;#X22; &amp;#XD06; ಫ #</p>",
    "AT&T and a &b c\n": "<p>AT&amp;T and a &amp;b c</p>",
    "`&Dcaron;` [x](http://a.b/?a=1&b=2)\n":
        '<p><code class="language-plaintext highlighter-rouge">&amp;Dcaron;</code> '
        '<a href="http://a.b/?a=1&amp;b=2">x</a></p>',
}


@pytest.mark.parametrize("source", list(KRAMDOWN))
def test_entities_as_kramdown(source):
    assert_same(source, KRAMDOWN[source])


def test_known_entities_are_characters_but_markup_ones():
    # canon() decodes references, so the raw HTML is checked: as_char prints the character,
    # but `<`, `>` and `&` as written.
    assert html_of("&copy; &lt; &#60; &quot;\n").endswith(">© &lt; &#60; \"</p>")
