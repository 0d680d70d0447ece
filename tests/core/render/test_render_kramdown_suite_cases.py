"""Renderer cases from kramdown's own test suite and the GFM spec run through kramdown
(tools/differential.py): attribute lists, line breaks, rules, ATX headings and ids,
guillemets, escaped IALs, fenced whitespace. Expected HTML is real kramdown 2.4 (GFM parser,
Jekyll's options) output, pasted so the tests need no Ruby."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same, canon, html_of
from tileditor.core.render import render

ESCAPED_BRACES = {
    # kramdown's ALD_ANY_CHARS: `\}` is a brace inside an attribute list (kramdown's suite,
    # block/10_ald/simple); real kramdown's output, pasted.
    'p\n{: title="a\\}b" .c}\n': '<p title="a}b" class="c">p</p>',
    '{:id: .x key="v\\}w" }\n\nq\n{: id}\n': '<p class="x" key="v}w">q</p>',
    '*e*{: title="x\\}y"}\n': '<p><em title="x}y">e</em></p>',
    "Some paragraph\n\n{:id: ref1}\n   {:id: .class2 ref2 #id-with key='dfsd\\}' }\n":
        "<p>Some paragraph</p>",
}


@pytest.mark.parametrize("source", list(ESCAPED_BRACES))
def test_escaped_braces_in_attribute_lists(source):
    assert_same(source, ESCAPED_BRACES[source])


BACKSLASH_BREAKS = {
    # Backslashes ending a line, read left to right as kramdown does (kramdown's suite,
    # span/line_breaks/normal); real kramdown's output, pasted.
    "a\\\nb\n": "<p>a<br />\nb</p>",
    "c\\\\\nd\n": "<p>c<br />\nd</p>",
    "e\\\\   \nf\n": "<p>e\\ <br />\nf</p>",
    "g\\\\\\\nh\n": "<p>g\\<br />\nh</p>",
    "i\\\\\\\\\nj\n": "<p>i\\<br />\nj</p>",
    "Last Line\\\\\n": "<p>Last Line\\</p>",
}


@pytest.mark.parametrize("source", list(BACKSLASH_BREAKS))
def test_backslash_line_breaks_as_kramdown(source):
    assert_same(source, BACKSLASH_BREAKS[source])


RULES = {
    # kramdown's HR_START: any spaces or tabs between the three marks (kramdown's suite,
    # block/07_horizontal_rule); real kramdown's output, pasted.
    "- - -\n*      *      *\n_  _ _    _  _\n": "<hr /><hr /><hr />",
    "-\t-\t-\n*\t\t*\t\t*\n_\t\t_\t_\t\t\t_\t_\n": "<hr /><hr /><hr />",
    "para\n*    *    *\n": "<p>para</p><hr />",
}


@pytest.mark.parametrize("source", list(RULES))
def test_rules_with_wide_gaps_as_kramdown(source):
    assert_same(source, RULES[source])


def test_an_empty_id_ial_leaves_a_heading_without_id():
    # kramdown (pasted; its suite's block/04_header/with_auto_ids): '<h1>Header without
    # ID</h1>' - an empty id is set, so no id is made, and html_attributes prints none.
    assert_same('# Header without ID\n{: id=""}\n\n# Head\n{: id="x"}\n',
                '<h1>Header without ID</h1><h1 id="x">Head</h1>')


ATX_HEADERS = {
    # kramdown-parser-gfm's ATX_HEADER_START and parse_header_contents (kramdown's suite,
    # block/04_header/atx_header); real kramdown's output, pasted.
    "# \n\n#\n\n##\n\n# #\n": "<p>#</p><p>#</p><p>##</p><h1>#</h1>",
    "# a\n#\n": '<h1 id="a">a</h1><p>#</p>',
    "### Header ## {#Id}  \n\n### Header    ##    {#id}\n":
        '<h3 id="Id">Header</h3><h3 id="id">Header</h3>',
    "### Header {#9ab}\n\n### Header{#noid}\n\n### Header ##{#noid}\n":
        '<h3 id="header-9ab">Header {#9ab}</h3><h3 id="headernoid">Header{#noid}</h3>'
        '<h3 id="header-noid">Header ##{#noid}</h3>',
    "Setext {#s-1}\n===\n\n## a {#x.y}\n": '<h1 id="s-1">Setext</h1><h2 id="x.y">a</h2>',
}


@pytest.mark.parametrize("source", list(ATX_HEADERS))
def test_atx_headers_and_explicit_ids_as_kramdown(source):
    assert_same(source, ATX_HEADERS[source])


def test_spaced_guillemets_keep_a_no_break_space():
    # kramdown's laquo_space / raquo_space (pasted: '<p>a «\xa0b and c\xa0» d «e»</p>');
    # canon() reads the NBSP as a space, so the raw HTML is checked.
    assert "a \u00ab\u00a0b and c\u00a0\u00bb d \u00abe\u00bb" in html_of("a << b and c >> d <<e>>\n")


ESCAPED_IALS = {
    # `\{:` is an escaped brace, and an IAL after an escaped backslash follows text (kramdown's
    # suite, span/ial/simple); real kramdown's output, pasted.
    "This is an\\{: .escaped} span ial. a\\\\{: .x}\n":
        "<p>This is an{: .escaped} span ial. a\\{: .x}</p>",
    "*e*\\{: .y}\n": "<p><em>e</em>{: .y}</p>",
}


@pytest.mark.parametrize("source", list(ESCAPED_IALS))
def test_escaped_span_ials_are_text(source):
    assert_same(source, ESCAPED_IALS[source])


def test_fenced_code_keeps_whitespace_lines_and_an_empty_fence_has_no_newline():
    # kramdown (pasted; GFM spec 99 and 100): the whitespace-only line inside the fence is
    # kept as typed, an empty fence's <code> is empty; outside code such a line is blank.
    html = html_of("```\n\n  \n```\n\n```\n```\n\na\n  \nb\n")
    assert "<code>\n  \n</code>" in html
    assert "<code></code>" in html
    assert_same("a\n  \nb\n", "<p>a</p><p>b</p>")


_CODE_BAR = ('<div class="language-plaintext highlighter-rouge"><div class="highlight">'
             '<pre class="highlight"><code>bar\n</code></pre></div></div>')
ITEM_PARAGRAPHS = {
    # An item's text, a blank line, then indented code: kramdown's first paragraph is a <p>
    # (GFM spec 5, 248, 249 through kramdown); real kramdown's output, pasted.
    "- foo\n\n      bar\n": f"<ul><li><p>foo</p>{_CODE_BAR}</li></ul>",
    "1. foo\n\n       bar\n": f"<ol><li><p>foo</p>{_CODE_BAR}</li></ol>",
    "- foo\n\n      bar\n- baz\n": f"<ul><li><p>foo</p>{_CODE_BAR}</li><li><p>baz</p></li></ul>",
    "- a\n  - b\n": "<ul><li>a<ul><li>b</li></ul></li></ul>",
}


@pytest.mark.parametrize("source", list(ITEM_PARAGRAPHS))
def test_item_text_before_a_blank_line_and_code_is_a_paragraph(source):
    assert_same(source, ITEM_PARAGRAPHS[source])


STRIKES = {
    # kramdown-parser-gfm's STRIKETHROUGH_MATCH (kramdown's block/06_codeblock/error and the
    # parser's strikethrough case); real kramdown's output, pasted.
    "~~~This is another test~~~\n": "<p>~<del>This is another test</del>~</p>",
    "~~This is yet another test~~~\n": "<p><del>This is yet another test</del>~</p>",
    "~~ This is a test of it NOT working ~~\n": "<p>~~ This is a test of it NOT working ~~</p>",
    "~~~~~~ not codeblock\n": "<p>~~~~~~ not codeblock</p>",
    "~~a~~ and ~~*b*~~\n": "<p><del>a</del> and <del><em>b</em></del></p>",
}


@pytest.mark.parametrize("source", list(STRIKES))
def test_strikethrough_as_kramdown_gfm(source):
    assert_same(source, STRIKES[source])


ITEM_IALS = {
    # kramdown's LIST_ITEM_IAL opening an item's or a term's text (kramdown's suite,
    # block/08_list/item_ial and block/13_definition_list/item_ial); real kramdown's output.
    "* {:.cls} first\n* another {:.x}\n\n{:.t} term\n: {:#d} def\n":
        '<ul><li class="cls">first</li><li>another {:.x}</li></ul>'
        '<dl><dt class="t">term</dt><dd id="d">def</dd></dl>',
    "*   {:.cls} IAL at first\n    continued\n":
        '<ul><li class="cls">IAL at first\ncontinued</li></ul>',
}


@pytest.mark.parametrize("source", list(ITEM_IALS))
def test_item_ials_as_kramdown(source):
    assert_same(source, ITEM_IALS[source])


ATTRIBUTE_LISTS = {
    # kramdown's parse_attribute_list and block IAL placement (kramdown's suite,
    # block/11_ial/simple); real kramdown's output, pasted.
    # After a blank line an IAL is the next block's, however many blank lines follow.
    "para\n\n{:.x}\n\nnext\n\nh\n\n{:.y}\n": '<p>para</p><p class="x">next</p><p>h</p>',
    "{:.cls1}\n{:.cls2}\nSome paragraph here\n": '<p class="cls1 cls2">Some paragraph here</p>',
    # An ALD's own references first; items not separated by whitespace are ignored.
    '{:id: #id key="valo"}\n{:id: #other .myclass other}\n'
    "{:other: key1=\"val\\\"\"  - ig.nored as_is#this key2='x' .other-class}\n\n"
    'Some paragraph.\n{:.class .-class id key="val"}\n':
        '<p key1="val&quot;" key2="x" class="other-class myclass class -class" id="other" '
        'key="val">Some paragraph.</p>',
    # An unquoted value is no attribute.
    "p\n{: width=70% .c}\n": '<p class="c">p</p>',
}


@pytest.mark.parametrize("source", list(ATTRIBUTE_LISTS))
def test_attribute_lists_as_kramdown(source):
    assert_same(source, ATTRIBUTE_LISTS[source])


def test_an_ial_under_a_definition_is_no_other_blocks():
    # kramdown (its suite's span/04_footnote/markers, span/01_link/link_defs_with_ial) gives
    # an IAL under a footnote, link or abbreviation definition to that definition; pasted:
    # '<p>para</p>\n\n<p>x<sup id="fnref:fn" ...' and '<p>q <a class="z" href="/u">l</a></p>'
    html = html_of("para\n\n[^fn]: Some foot note text\n{: .class}\n\nx[^fn]\n\n"
                   "{: .z}\n[l]: /u\n\nq [l]\n\np\n{: .keep}\n")
    assert 'class="class"' not in html and "<p" + ' class="z"' not in html
    assert '<p class="keep"' in html
    assert_same("{: .z}\n[l]: /u\n\nq [l]\n", '<p>q <a class="z" href="/u">l</a></p>')


def test_a_link_definitions_ial_goes_on_its_links():
    # kramdown (pasted; its suite's span/01_link/link_defs_with_ial).
    assert_same("Link def with [attr] and [attr 2] and [attr 3] and [attr before]\n\n"
                "[attr]: http://example.com 'title'\n{: hreflang=\"en\" .test}\n\n"
                "[attr 2]: http://example.com 'title'\n{: hreflang=\"en\"}\n{: .test}\n\n"
                "[attr 3]: http://example.com\n{: .test}\ntest\n\n"
                "{: hreflang=\"en\"}\n{: .test}\n[attr before]: http://example.com\n",
                '<p>Link def with <a hreflang="en" class="test" href="http://example.com" '
                'title="title">attr</a> and <a hreflang="en" class="test" '
                'href="http://example.com" title="title">attr 2</a> and <a class="test" '
                'href="http://example.com">attr 3</a> and <a hreflang="en" class="test" '
                'href="http://example.com">attr before</a></p><p>test</p>')


def test_an_empty_footnote_keeps_its_back_link():
    # kramdown (pasted; its suite's span/04_footnote/markers): the note's item holds
    # '<p><a href="#fnref:e" class="reversefootnote" role="doc-backlink">&#8617;</a></p>'.
    assert_same("x[^e]\n\n[^e]:\n",
                '<p>x<sup id="fnref:e" role="doc-noteref"><a href="#fn:e" class="footnote" '
                'rel="footnote">1</a></sup></p><div class="footnotes" role="doc-endnotes"><ol>'
                '<li id="fn:e" role="doc-endnote"><p><a href="#fnref:e" class="reversefootnote" '
                'role="doc-backlink">&#8617;</a></p></li></ol></div>')


def test_a_standalone_image_is_a_figure():
    # kramdown's convert_standalone_image (pasted; its suite's block/03_paragraph/
    # standalone_image): the figure takes the paragraph's attributes, else the image's id
    # and class, and the alt text as its caption.
    assert_same('![standalone image](some.jpg){:#id .class key="value" standalone}\n\n'
                '![standalone image](some.jpg){:#id .class key="value" standalone}\n'
                '{:#block-id .block-class block-key="block-value"}\n\n'
                "![i](x.png){: standalone} text\n",
                '<figure class="class" id="id"><img src="some.jpg" alt="standalone image" '
                'key="value" /><figcaption>standalone image</figcaption></figure>'
                '<figure id="block-id" class="block-class" block-key="block-value">'
                '<img src="some.jpg" alt="standalone image" id="id" class="class" key="value" />'
                "<figcaption>standalone image</figcaption></figure>"
                '<p><img src="x.png" alt="i" /> text</p>')


# An abbreviation takes its definition's block IALs (its own title wins) and is found in a
# mail autolink's text too (real kramdown 2.4; span/abbreviations/abbrev, autolinks/url_links).
ABBREVIATIONS = {
    'This is awesome.\n\n{:.testit}\n*[awesome]: Some text here\n{:.test}\n':
        '<p>This is <abbr class="testit test" title="Some text here">awesome</abbr>.</p>',
    'This is awesome.\n\n*[awesome]: Some text here\n{:.test #x title="t"}\n':
        '<p>This is <abbr class="test" id="x" title="Some text here">awesome</abbr>.</p>',
    'As should <CSS@example.com> this.\n\n*[CSS]: Cascading\n':
        '<p>As should <a href="mailto:CSS@example.com"><abbr title="Cascading">CSS</abbr>@example.com</a> this.</p>',
}


@pytest.mark.parametrize("source", list(ABBREVIATIONS))
def test_abbreviation_attributes_and_mail_links_as_kramdown(source):
    assert canon(render(source).html) == canon(ABBREVIATIONS[source])
