"""Where a block may start, as kramdown decides it, found by the differential generator's
richer posts (tools/differential_generate.py `rich_post`): a comment line inside a
paragraph, the text after a raw element's end tag (no block boundary before it), a raw
element's start tag indented up to three spaces, and a list whose earlier items open with
something other than a paragraph (the last item's text stays bare).

Expected HTML is real kramdown 2.4's (GFM input, through Jekyll's converter), compared after
tests.helpers.render.canon.
"""

import pytest

from tests.helpers.render import canon
from tileditor.core.render import render

_CODE = ('<div class="language-plaintext highlighter-rouge"><div class="highlight">'
         '<pre class="highlight"><code>x\n</code></pre></div></div>')

CASES = [
    # kramdown's paragraph runs on over a comment line: LAZY_END_HTML_START needs a name
    ("text\n<!-- c -->\nmore\n", "<p>text\n<!-- c -->\nmore</p>"),
    ("> q\n<!-- c -->\n", "<blockquote>\n  <p>q\n<!-- c --></p>\n</blockquote>"),
    ("text\n<!-- a\n\nb -->\nc\n", "<p>text\n&lt;!– a</p>\n\n<p>b –&gt;\nc</p>"),
    # the tail after an element's end tag: no setext heading, table or display math starts
    ("<s>old</s> Docker\n---\n", "<s>old</s>\n<p>Docker\n—</p>"),
    ("<s>old</s> a | b\n", "<s>old</s>\n<p>a | b</p>"),
    ("<s>old</s> $$x$$\n", "<s>old</s>\n<p>\\(x\\)</p>"),
    # in a container, an element's tail that opens another element is that element
    ("- <s>a</s> <s>b</s> c\n",
     "<ul>\n  <li>\n    <s>a</s>\n    <s>b</s>\n    <p>c</p>\n  </li>\n</ul>"),
    # the lines right under a heading or rule: no block boundary, so no table (the site
    # shows a table typed right under its heading as text) and no setext heading
    ("## Tables\n| a | b |\n|---|---|\n| 1 | 2 |\n",
     '<h2 id="tables">Tables</h2>\n<p>| a | b |\n|—|—|\n| 1 | 2 |</p>'),
    ("## H\ntext\n---\n", '<h2 id="h">H</h2>\n<p>text\n—</p>'),
    ("## H\n\n| a |\n|---|\n| 1 |\n",
     '<h2 id="h">H</h2>\n\n<table><thead><tr><th>a</th></tr></thead>'
     "<tbody><tr><td>1</td></tr></tbody></table>"),
    # kramdown's lazy lines stop at a block element's tag: `<center>` right under an item
    # is no part of it
    ("- item\n<center>\n<img src=\"a.png\">\n</center>\n",
     '<ul>\n  <li>item</li>\n</ul>\n<center>\n<img src="a.png" />\n</center>'),
    ("- a\n</div>\n", "<ul>\n  <li>a</li>\n</ul>\n<p>&lt;/div&gt;</p>"),
    # right under a fence or a raw HTML block: no block boundary either
    ("```\nx\n```\n| a | b |\n|---|---|\n| 1 | 2 |\n",
     '<div class="language-plaintext highlighter-rouge"><div class="highlight">'
     '<pre class="highlight"><code>x\n</code></pre></div></div>\n<p>| a | b |\n|—|—|\n| 1 | 2 |</p>'),
    ('<center>\n<img src="/a.png">\n</center>\n| a | b |\n|---|---|\n| 1 | 2 |\n',
     '<center>\n<img src="/a.png" />\n</center>\n<p>| a | b |\n|—|—|\n| 1 | 2 |</p>'),
    ("Title\n=====\n| a | b |\n|---|---|\n| 1 | 2 |\n",
     '<h1 id="title">Title</h1>\n<p>| a | b |\n|—|—|\n| 1 | 2 |</p>'),
    # `[^1]` with no note defined is text, never a reference link's text
    ("[r]: /x\n\nx[^1] [r]\n", '<p>x[^1] <a href="/x">r</a></p>'),
    # a block IAL that went to the block above leaves kramdown's :eob: no boundary either
    ("a\n{: .red}\nb\n---\n", '<p class="red">a</p>\n<p>b\n—</p>'),
    ("a\n{: .red}\n| b | c |\n", '<p class="red">a</p>\n<p>| b | c |</p>'),
    # block IALs opening the text, a blank line under them: that blank line takes them
    ("{: .red}\n\ntext\n", "<p>text</p>"),
    ("\n{: .red}\n\ntext\n", '<p class="red">text</p>'),
    # a start tag up to three spaces in; in a list item the line is the item's
    ("x\n\n <s>a</s> y\n", "<p>x</p>\n\n<s>a</s>\n<p>y</p>"),
    ("- a\n  <s>x</s> b\n", "<ul>\n  <li>a\n    <s>x</s>\n    <p>b</p>\n  </li>\n</ul>"),
    ("- a\n - b\n\n  <s>x</s>\n", "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n<s>x</s>"),
    # after a blank line, less than the item's text column ends the list
    ("* `x`\n\n <s>a</s> b\n",
     '<ul>\n  <li><code class="language-plaintext highlighter-rouge">x</code></li>\n</ul>\n\n'
     "<s>a</s>\n<p>b</p>"),
    # a block element's start tag indented under a paragraph ends it (no hard break)
    ("below.\n  <iframe src=\"x\"></iframe>\n",
     '<p>below.</p>\n<iframe src="x"></iframe>'),
    # kramdown-parser-gfm's ATX heading allows no space before the hashes: a lazy line
    # one space in is text
    ("* a\n ### L\n", "<ul>\n  <li>a\n ### L</li>\n</ul>"),
    ("* a\n  ### L\n", '<ul>\n  <li>a\n    <h3 id="l">L</h3>\n  </li>\n</ul>'),
    # a line of spaces is blank: no setext heading of it
    ("   \n===\n", "<p>===</p>"),
    # an earlier item that opens with a block: the last item's text is bare
    ("- ```\n  x\n  ```\n\n- c\n", f"<ul>\n  <li>\n    {_CODE}\n  </li>\n  <li>c</li>\n</ul>"),
    ("- <s>x</s>\n\n- c\n", "<ul>\n  <li>\n    <s>x</s>\n  </li>\n  <li>c</li>\n</ul>"),
    ("- # h\n\n- c\n", '<ul>\n  <li>\n    <h1 id="h">h</h1>\n  </li>\n  <li>c</li>\n</ul>'),
    ("- $$x$$\n\n- c\n", "<ul>\n  <li>\\[x\\]</li>\n  <li>c</li>\n</ul>"),
    # a heading or quote right under the first item's text keeps that text bare
    ("* a\n## M\n\n* b\n",
     '<ul>\n  <li>a\n    <h2 id="m">M</h2>\n  </li>\n  <li>b</li>\n</ul>'),
    # ... but not a span element's, nor a paragraph's, nor angle text kramdown reads as text
    ("- <Chapter 2: Basics> x\n\n    z\n- y\n",
     "<ul>\n  <li>\n    <p>&lt;Chapter 2: Basics&gt; x</p>\n\n    <p>z</p>\n  </li>\n"
     "  <li>\n    <p>y</p>\n  </li>\n</ul>"),
    ("- <span>x</span>\n\n- c\n",
     "<ul>\n  <li>\n    <p><span>x</span></p>\n  </li>\n  <li>\n    <p>c</p>\n  </li>\n</ul>"),
    ("- a\n\n- c\n", "<ul>\n  <li>\n    <p>a</p>\n  </li>\n  <li>\n    <p>c</p>\n  </li>\n</ul>"),
    # an empty item counts as one without a paragraph, unless a `^` ends the list
    ("* \n\n* two\n", "<ul>\n  <li></li>\n  <li>two</li>\n</ul>"),
    ("* \n\n* one\n\n* two\n\n^\n",
     "<ul>\n  <li></li>\n  <li>\n    <p>one</p>\n  </li>\n  <li>\n    <p>two</p>\n  </li>\n</ul>"),
    ("* a\n* b\n^\n", "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>"),
]


@pytest.mark.parametrize(("md", "html"), CASES)
def test_block_starts_where_kramdown_starts_it(md, html):
    assert canon(render(md).html) == canon(html)


@pytest.mark.parametrize(("md", "html"), [
    ("## The `vector<int>` type\n",
     '<h2 id="the-vectorint-type">The <code class="language-plaintext highlighter-rouge">'
     'vector&lt;int&gt;</code> type</h2>'),
    ("# a `x & y` c\n",
     '<h1 id="a-x--y-c">a <code class="language-plaintext highlighter-rouge">x &amp; y</code>'
     ' c</h1>'),
])
def test_a_heading_id_reads_a_code_span_as_its_characters(md, html):
    assert canon(render(md).html) == canon(html)


def test_a_definition_under_a_notes_text_is_more_of_it():
    # Python-Markdown parsed it as a new note while it iterated the notes (RuntimeError:
    # OrderedDict mutated during iteration); kramdown reads the lines as the note's paragraph.
    html = render("x[^59]\n\n[^59]: b *a*\n    [^60]: c\n [^61]: d\n\n[^62]: e\n").html
    assert "[^60]: c" in html and "[^61]: d" in html
    assert 'id="fn:60"' not in html and 'id="fn:62"' not in html
