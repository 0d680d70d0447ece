"""Abbreviations as kramdown reads them (parse_abbrev_definition, replace_abbreviations):
definitions are a block's first lines, one line each, maybe with no text; inside a paragraph
`*[` is text; an abbreviation stands between non-word characters, so `(X)HTML` is found.
Expected HTML is real kramdown 2.4's (GFM input)."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same

KRAMDOWN = {
    "para HTML\n*[HTML]: y\n": "<p>para HTML\n*[HTML]: y</p>",
    "*[HTML]:\nan HTML\n": "<p>an <abbr>HTML</abbr></p>",
    "*[HTML] : y\n\nan HTML\n": "<p>*[HTML] : y</p><p>an HTML</p>",
    "*[HTML]:\n  y\n\nan HTML\n": "<p>y</p><p>an <abbr>HTML</abbr></p>",
    "   *[HTML]: y\n\nan HTML\n": '<p>an <abbr title="y">HTML</abbr></p>',
    '*[HTML]: a\n*[HTML]: ""\n\nan HTML\n': '<p>an <abbr title="&quot;&quot;">HTML</abbr></p>',
    "*[(X)HTML]: y\n\nan (X)HTML, x(X)HTML\n":
        '<p>an <abbr title="y">(X)HTML</abbr>, x(X)HTML</p>',
    "*[OtHeR!]: o\n\nabout OtHeR!\n": '<p>about <abbr title="o">OtHeR!</abbr></p>',
    "*[HT]: y\n\nHT_a HT-a _HT\n": '<p>HT_a <abbr title="y">HT</abbr>-a _HT</p>',
}


@pytest.mark.parametrize("source", list(KRAMDOWN))
def test_abbreviations_as_kramdown(source):
    assert_same(source, KRAMDOWN[source])
