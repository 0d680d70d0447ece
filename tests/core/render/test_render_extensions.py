"""kramdown's extensions (`{::comment}`, `{::nomarkdown}`, `{::options}`) in blocks and in
running text, and unknown ones kept as text (kramdown's suite, block/12_extension and
span/extension). Expected HTML is real kramdown 2.4 (GFM parser, Jekyll's options) output,
pasted so the tests need no Ruby."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same

KRAMDOWN = {
    # Unknown names: kramdown warns and keeps the tags as text.
    "paragraph\n\n{::something}\nanotherthing\n{:/something}\n\n{::something/}\nparagraph\n":
        "<p>paragraph</p><p>{::something}\nanotherthing\n{:/something}</p>"
        "<p>{::something/}\nparagraph</p>",
    "a {::something}b{:/something} c {::something/} d {::comment}unclosed\n":
        "<p>a {::something}b{:/something} c {::something/} d {::comment}unclosed</p>",
    # Span forms, at a line start too: the body runs to the first stop tag.
    "x {::comment}<b>&{:/} y {::nomarkdown type=\"latex\"}zz{:/} w "
    "{::nomarkdown type=\"html\"}<i>q</i>{:/}\n":
        "<p>x <!-- <b>& --> y  w <i>q</i></p>",
    "This is {::nomarkdown}*some*{:/} text.\n": "<p>This is *some* text.</p>",
    "{::comment}x{:/} rest\n": "<p><!-- x --> rest</p>",
    "para\n{::comment}y\nz{:/comment} tail\n": "<p>para\n<!-- y\nz --> tail</p>",
    "{::nomarkdown}<b>*a*</b>{:/}\n": "<p><b>*a*</b></p>",
    "{::comment}\nfoo {:/comment} bar\n": "<p><!-- \nfoo  --> bar</p>",
    "This is a {::comment}simple {:/other} paragraph{:/comment}.\n"
    "This is a {:/comment} simple {:/} paragraph.\n":
        "<p>This is a <!-- simple {:/other} paragraph -->.\n"
        "This is a {:/comment} simple {:/} paragraph.</p>",
    # Blocks: a comment's body as is; a nomarkdown body typed for another output prints
    # nothing; a self-closing tag opens no block.
    "{::comment}\na <b> & c\n{:/comment}\n": "<!-- a <b> & c -->",
    "a\n\n{::nomarkdown type=\"latex\"}\n\\\\x\n{:/}\n\nb\n": "<p>a</p><p>b</p>",
    "a\n\n{::nomarkdown this='is' .ignore /}\n\n{::nomarkdown type='html'}\n<em>bold</em>\n"
    "{:/}\n\npara\n":
        "<p>a</p><em>bold</em><p>para</p>",
    # `\}` inside the attributes is a brace, not the tag's end: the line is dropped whole
    'a\n\n{::options syntax_highlighter_opts="{default_lang: ruby\\}" /}\n\nb\n':
        "<p>a</p><p>b</p>",
}


@pytest.mark.parametrize("source", list(KRAMDOWN))
def test_extensions_as_kramdown(source):
    assert_same(source, KRAMDOWN[source])
