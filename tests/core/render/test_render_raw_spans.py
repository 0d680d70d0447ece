"""Span HTML whose content kramdown keeps raw (issue 9): `<u>`, `<kbd>`, `<code>`, `<mark>`,
`<font>`, `<s>` and unknown names publish backticks, stars, `$$` and straight quotes as
typed; the element that starts first wins over a code span or math. Expected HTML is Debian
kramdown 2.4 (GFM parser, Jekyll's options) output, pasted so the tests need no Ruby."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same, canon
from tileditor.core.render import render
from tileditor.core.render.kramdown.raw_spans import raw_spans

KRAMDOWN = {
    'Call <u>the `run` method</u> now.\n':
        '<p>Call <u>the `run` method</u> now.</p>',
    '<u>*a* "q" -- x...</u> and *b*\n':
        '<p><u>*a* "q" -- x...</u> and <em>b</em></p>',
    'x <mark>**b**</mark> <font color="red">*x*</font> <kbd>*x*</kbd> <s>*x*</s>\n':
        '<p>x <mark>**b**</mark> <font color="red">*x*</font> <kbd>*x*</kbd> <s>*x*</s></p>',
    'x <code>*x* `y`</code> <var>*v*</var> <samp>*s*</samp> <tt>*t*</tt>\n':
        '<p>x <code>*x* `y`</code> <var>*v*</var> <samp>*s*</samp> <tt><em>t</em></tt></p>',
    # Elements kramdown parses as spans keep Markdown working inside.
    'x <span>*x*</span> <b>*x*</b> <sub>*x*</sub> <small>"x"</small> <em>`c`</em>\n':
        '<p>x <span><em>x</em></span> <b><em>x</em></b> <sub><em>x</em></sub> <small>“x”</small>'
        ' <em><code class="language-plaintext highlighter-rouge">c</code></em></p>',
    'x <u>$$a$$ \\* \\_</u>\n':
        '<p>x <u>$$a$$ \\* \\_</u></p>',
    # Left to right: what starts first wins.
    '$$a <u>x</u> b$$ and <u>$$c$$</u>\n':
        '<p>\\(a &lt;u&gt;x&lt;/u&gt; b\\) and <u>$$c$$</u></p>',
    '`<u>x</u>` and <u>`y`</u>\n':
        '<p><code class="language-plaintext highlighter-rouge">&lt;u&gt;x&lt;/u&gt;</code> and '
        '<u>`y`</u></p>',
    'a `b <u>c` d</u> e\n':
        '<p>a <code class="language-plaintext highlighter-rouge">b &lt;u&gt;c</code> d&lt;/u&gt; e</p>',
    'x <u>a</u> `b` <u>c `d` e</u>\n':
        '<p>x <u>a</u> <code class="language-plaintext highlighter-rouge">b</code> <u>c `d` e</u></p>',
    '\\<u>*x*</u> and \\\\<u>*y*</u>\n':
        '<p>&lt;u&gt;<em>x</em>&lt;/u&gt; and \\<u>*y*</u></p>',
    # No closing tag: closed at the end of the paragraph or item.
    'x <u>unclosed *a*\n\nnext *b*\n':
        '<p>x <u>unclosed *a*</u></p>\n\n<p>next <em>b</em></p>',
    '- x <u>a *b*\n- c *d*\n':
        '<ul>\n  <li>x <u>a *b*</u></li>\n  <li>c <em>d</em></li>\n</ul>',
    'x <u>a <u>b</u> c</u> *d*\n':
        '<p>x <u>a <u>b</u> c</u> <em>d</em></p>',
    'x <u>a <u>b\n':
        '<p>x <u>a <u>b</u></u></p>',
    '# Head <u>`x`</u>\n':
        '<h1 id="head-x">Head <u>`x`</u></h1>',
    '[see <u>`x`</u>](http://a.b) *y*\n':
        '<p><a href="http://a.b">see <u>`x`</u></a> <em>y</em></p>',
    'x <kbd>Ctrl</kbd>+<kbd>`C`</kbd>\n':
        '<p>x <kbd>Ctrl</kbd>+<kbd>`C`</kbd></p>',
    'x <U>*x*</U> <I>*i*</I>\n':
        '<p>x <u>*x*</u> <i><em>i</em></i></p>',
    'x <<guillemets>> y\n':  # kramdown's `<<` comes before a tag
        '<p>x «guillemets» y</p>',
    'This is a [link](<with angle.html>) and <u>`x`</u>.\n':
        '<p>This is a <a href="with angle.html">link</a> and <u>`x`</u>.</p>',
    # markdown="0" makes any element's content raw; the attribute is not printed
    'This is <span markdown="0">*text*</span> x\n': "<p>This is <span>*text*</span> x</p>",
    'a <em markdown="0">*b*</em>\n': "<p>a <em>*b*</em></p>",
}


@pytest.mark.parametrize("source", list(KRAMDOWN))
def test_raw_span_content_as_kramdown_publishes_it(source):
    assert_same(source, KRAMDOWN[source])


def test_scan_meets_code_and_math_before_tags():
    text = "`<u>` $$<u>$$ <u>a</u> <!-- <u> --> <b>b</b> <u>open"
    assert [(text[s:e], left) for s, e, left in raw_spans(text)] == [
        ("<u>a</u>", ""), ("<u>open", "</u>")]


# An element kramdown does not know closes only on its name as written, and inside raw
# content an end tag of no element open there is text (real kramdown 2.4).
CASE_SENSITIVE = [
    ('This <SoMe>doit</some> test\n', '<p>This <SoMe>doit&lt;/some&gt; test</SoMe></p>'),
    ('<span>a</span> <Note>x</note> y\n', '<p><span>a</span> <Note>x&lt;/note&gt; y</Note></p>'),
    ('<u>a </b> c</u>\n', '<p><u>a &lt;/b&gt; c</u></p>'),
    ('This <SoMe>doit</SoMe> test\n', '<p>This <SoMe>doit</SoMe> test</p>'),
]


@pytest.mark.parametrize(("md", "html"), CASE_SENSITIVE)
def test_unknown_elements_close_on_their_name_as_written(md, html):
    assert canon(render(md).html) == canon(html)


def test_the_span_html_option_makes_later_span_content_raw():
    # kramdown's suite, span/extension/options (real kramdown 2.4 output)
    assert canon(render('This is an {::options parse_span_html="false" /} option <span>*true*</span>!\n').html) == canon('<p>This is an  option <span>*true*</span>!</p>')


# Elements opened inside raw content and left open are closed with it at the end of the
# text, innermost first, as an end tag that names an element further out is text (real
# kramdown 2.4; `Press <Enter>` is how TIL posts name keys).
LEFT_OPEN_INSIDE = [
    ("a <x> <y> b</x> c\n", "<p>a <x> <y> b&lt;/x&gt; c</y></x></p>"),
    ("a <kbd>Ctrl <x> d\n", "<p>a <kbd>Ctrl <x> d</x></kbd></p>"),
    ("Press <Enter> then <string> c\n", "<p>Press <Enter> then <string> c</string></Enter></p>"),
    ("a <x> <y>q</y> <z> d\n", "<p>a <x> <y>q</y> <z> d</z></x></p>"),
]


@pytest.mark.parametrize(("md", "html"), LEFT_OPEN_INSIDE)
def test_elements_left_open_inside_raw_content_close_with_it(md, html):
    assert_same(md, html)
