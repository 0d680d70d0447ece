"""A block IAL next to a raw HTML block puts its attributes on the HTML element, as kramdown
does (kramdown's suite, block/11_ial/nested): its class added to the element's own, another
attribute replacing the element's; a span element alone on its line keeps its `<p>`. Expected
HTML is real kramdown 2.4 (GFM parser, Jekyll's options) output, pasted so the tests need
no Ruby."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same, html_of

KRAMDOWN = {
    "{:.cls}\n<div>\ntest\n</div>\n{:#id}\n": '<div class="cls" id="id">\ntest\n</div>',
    '{: .b title="t"}\n<div class="a" title="x">\nq\n</div>\n':
        '<div class="a b" title="t">\nq\n</div>',
    "{:.c}\n<span>s</span>\n": '<p class="c"><span>s</span></p>',
    "{: #math-id}\n$$5+5$$\n": '<div id="math-id">\\[5+5\\]</div>',
    "para\n\n<div>\nraw\n</div>\n": "<p>para</p><div>\nraw\n</div>",
}


@pytest.mark.parametrize("source", list(KRAMDOWN))
def test_block_ial_on_raw_html_as_kramdown(source):
    assert_same(source, KRAMDOWN[source])


def test_data_line_still_goes_first_on_the_element():
    assert html_of("{:.cls}\n<div>\ntest\n</div>\n").startswith('<div data-line="2" class="cls">')
