"""kramdown closes the elements a raw HTML block leaves open at the end of the text.

Expected HTML is real kramdown 2.4's (GFM input, hard_wrap: false); data-line attributes,
the blank line between blocks and kramdown's `<br />` spelling aside.
"""

import re

import pytest

from tileditor.core.render import render

CASES = [
    ("<div>\n*foo*\n\n*bar*\n", "<div>\n*foo*\n\n*bar*\n</div>"),
    ("  <div>\n\n    <div>\n", "<div>\n\n    <div>\n</div></div>"),
    (" <div>\n  *hello*\n         <foo><a>\n",
     "<div>\n  *hello*\n         <foo><a>\n</a></foo></div>"),
    ("<div>\n<span>x\n", "<div>\n<span>x\n</span></div>"),
    ("<div>\n<br>\n<p>x\n", "<div>\n<br>\n<p>x\n</p></div>"),  # a void element stays open
    ("a\n\n<div>\nx\n\n<span>y\n", "<p>a</p>\n<div>\nx\n\n<span>y\n</span></div>"),
    ("<div>\nx\n</div>\n", "<div>\nx\n</div>"),  # closed: unchanged
]


@pytest.mark.parametrize(("md", "html"), CASES)
def test_unclosed_raw_block_is_closed_at_the_end(md, html):
    assert re.sub(r' data-line="\d+"', "", render(md).html).strip() == html
