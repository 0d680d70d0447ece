"""Raw HTML blocks as kramdown reads them: elements left open at the end of the text are
closed; declarations, processing instructions and CDATA outside raw HTML are text.

Expected HTML is real kramdown 2.4's (GFM input, hard_wrap: false); data-line attributes,
the blank line between blocks and kramdown's `<br />` spelling aside.
"""

import re

import pytest

from tests.helpers.render import canon
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


# A known element that is not one of kramdown's HTML_SPAN_ELEMENTS opens a raw block at the
# start of a line, with no <p> around it (real kramdown 2.4 output).
KNOWN_BLOCKS = [
    ("<textarea>This\n\nis\n</textarea>\n", "<textarea>This\n\nis\n</textarea>"),
    ("<textarea>a</textarea> text\n", "<textarea>a</textarea>\n<p>text</p>"),
    ("<li>a</li>\n", "<li>a</li>"),
    ('<link rel="x">\n', '<link rel="x">'),
    ('<meta name="x">\n', '<meta name="x">'),
    ("<tr><td>a</td></tr>\n", "<tr><td>a</td></tr>"),
    ("This is a <textarea>inline</textarea>\n", "<p>This is a <textarea>inline</textarea></p>"),
]


@pytest.mark.parametrize(("md", "html"), KNOWN_BLOCKS)
def test_known_block_element_is_not_wrapped(md, html):
    assert re.sub(r' data-line="\d+"', "", render(md).html).strip() == html


# kramdown's paragraphs end at a line-start tag other than a span element or a lowercase
# `<script>` (LAZY_END_HTML_SPAN_ELEMENTS): the script stays in the text, raw (real kramdown 2.4).
SCRIPT_IN_TEXT = [
    ("para.\n<script>\nx *a*\n</script>\n", "<p>para.\n<script>\nx *a*\n</script></p>"),
    ("a\n<script>x</script> *b*\n", "<p>a\n<script>x</script> <em>b</em></p>"),
    ("> q\n<script>x</script>\n",
     "<blockquote>\n<p>q\n<script>x</script></p>\n</blockquote>"),
    ("# h\n<script>x</script>\n", '<h1 id="h">h</h1>\n<script>x</script>'),
    ("a\n<SCRIPT>x</SCRIPT>\n", "<p>a</p>\n<SCRIPT>x</SCRIPT>"),  # the pattern is case-sensitive
    ("a\n\n<script>x</script>\n", "<p>a</p>\n<script>x</script>"),
]


@pytest.mark.parametrize(("md", "html"), SCRIPT_IN_TEXT)
def test_script_under_a_text_line_stays_in_it(md, html):
    assert re.sub(r' data-line="\d+"', "", render(md).html).strip() == html


# Inside a raw block kramdown's parse_raw_html reads a closing tag of no open element, and a
# `<` its HTML_TAG_RE reads no tag in, as text (real kramdown 2.4).
RAW_TEXT = [
    ("<div>\n</p>\n</div>\n", "<div>\n&lt;/p&gt;\n</div>"),
    ("<div><p>a</p></p></div>\n", "<div><p>a</p>&lt;/p&gt;</div>"),
    ("<div>\n<http://example.com>\n</div>\n", "<div>\n&lt;http://example.com&gt;\n</div>"),
    ("<div>\n<a href=http://x.com>y</a>\n</div>\n",
     "<div>\n&lt;a href=http://x.com&gt;y&lt;/a&gt;\n</div>"),
    ('<div>\n<img src="a.png" alt="b">\n</div>\n', '<div>\n<img src="a.png" alt="b">\n</div>'),
    # kramdown starts nothing at `<!` in raw HTML but a comment: declarations, CDATA are text
    ("<div>\n<!DOCTYPE x>\n</div>\n", "<div>\n&lt;!DOCTYPE x&gt;\n</div>"),
    ("<figure>\n<![CDATA[\nx < y\n]]>\n</figure>\n",
     "<figure>\n&lt;![CDATA[\nx &lt; y\n]]&gt;\n</figure>"),
    ("<div>\n<?php x ?>\n</div>\n", "<div>\n<?php x ?>\n</div>"),
]


@pytest.mark.parametrize(("md", "html"), RAW_TEXT)
def test_what_is_no_tag_in_a_raw_block_is_text(md, html):
    assert re.sub(r' data-line="\d+"', "", render(md).html).strip() == html


def test_markdown_span_on_a_cell_among_others_on_its_line():
    # kramdown's suite, block/09_html/content_model/tables: the <th markdown="span"> line
    # holds its closing tag too; its row is still parsed (real kramdown 2.4 output).
    md = ('<table>\n<tr>\n  <th markdown="span">*Usage*</th>\n  <th>x</th>\n</tr>\n<tr>\n'
          '  <td markdown="1">\n# Some more\n  </td>\n</tr>\n</table>\n')
    html = re.sub(r"\s+", "", re.sub(r' data-line="\d+"', "", render(md).html))
    assert html.startswith("<table><tr><th><em>Usage</em></th><th>x</th></tr>")


@pytest.mark.parametrize(("md", "html"), [
    # never closed (the end tag not typed yet): the rest of the text is its content
    ("<script>\nxhr = 1;\n", "<script>\nxhr = 1;\n</script>"),
    ("<style>\na { x: 1 }\n", "<style>\na { x: 1 }\n</style>"),
])
def test_an_unclosed_script_or_style_holds_the_rest(md, html):
    assert canon(render(md).html) == canon(html)
