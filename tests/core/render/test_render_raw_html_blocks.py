"""Raw HTML blocks as kramdown reads them: elements left open at the end of the text are
closed; declarations, processing instructions and CDATA outside raw HTML are text.

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


# kramdown parses no declaration as HTML: a block-level `<!DOCTYPE html>` is a paragraph's text.
DECLS = [
    ("<!DOCTYPE html>\n", "<p>&lt;!DOCTYPE html&gt;</p>"),
    ("<!doctype html>\n<p>x</p>\n", "<p>&lt;!doctype html&gt;</p>\n<p>x</p>"),
    ("a <!DOCTYPE html> b\n", "<p>a &lt;!DOCTYPE html&gt; b</p>"),
]


@pytest.mark.parametrize(("md", "html"), DECLS)
def test_declaration_is_text(md, html):
    assert re.sub(r' data-line="\d+"', "", render(md).html).strip() == html


def test_multiline_processing_instruction_is_text():
    # GFM spec 149, real kramdown: `<p>&lt;?php</p><p>echo ‘&gt;’;</p><p>?&gt; okay</p>`
    html = re.sub(r' data-line="\d+"', "", render("<?php\n\n  echo '>';\n\n?>\nokay\n").html)
    assert html.startswith("<p>&lt;?php</p>") and "<?php" not in html


# In running text kramdown's HTML_SPAN_START knows no processing instruction, declaration or
# CDATA section (text), and reads a tag before the line breaks and escapes inside it.
SPANS = [
    ("foo <?php echo $a; ?>\n", "<p>foo &lt;?php echo $a; ?&gt;</p>"),
    ("foo <![CDATA[>&<]]>\n", "<p>foo &lt;![CDATA[&gt;&amp;&lt;]]&gt;</p>"),
    ('<a href="foo  \nbar">\n', '<p><a href="foo  \nbar"></a></p>'),
    ('<a href="foo\\\nbar">\n', '<p><a href="foo\\\nbar"></a></p>'),
    ('<a href="\\"">\n', "<p>&lt;a href=\u201d\"\u201d&gt;</p>"),
]


@pytest.mark.parametrize(("md", "html"), SPANS)
def test_span_html_as_kramdown_reads_it(md, html):
    assert re.sub(r' data-line="\d+"', "", render(md).html).strip() == html
