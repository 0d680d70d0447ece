"""Block-level raw HTML elements Python-Markdown has no block for (tileditor/core/render/
kramdown/raw_elements.py): `<font>`, `<s>`, `<audio>`, custom and non-ASCII names (`<요약>`),
read as kramdown reads them, and the incremental renderer agreeing with a full render.

Expected HTML is real kramdown 2.4's (GFM input, hard_wrap: false), compared after
tests.helpers.render.canon; fences and indented code inside are raw text too.
"""

import pytest

from tests.helpers.render import canon
from tileditor.core.render import render
from tileditor.core.render.incremental import IncrementalRenderer

CASES = [
    ('para\n<요약> text\n\nmore *x*\n',
     '<p>para</p>\n<요약> text\n\nmore *x*\n</요약>'),
    ('<요약>\n\n- a\n- b\n\n</요약>\n\nafter *x*\n',
     '<요약>\n\n- a\n- b\n\n</요약>\n\n<p>after <em>x</em></p>'),
    ('<font color="red">Red</font> text *x*\n\nmore *y*\n',
     '<font color="red">Red</font>\n<p>text <em>x</em></p>\n\n<p>more <em>y</em></p>'),
    ('para\n<custom x="1"> text <b>bold</b>\n\nmore *x*\n</custom>\n\nafter *y*\n',
     '<p>para</p>\n<custom x="1"> text <b>bold</b>\n\nmore *x*\n</custom>\n\n<p>after <em>y</em></p>'),
    ('- item\n<custom> t\n- next *x*\n',
     '<ul>\n  <li>item</li>\n</ul>\n<custom> t\n- next *x*\n</custom>'),
    ('<custom/> tail *x*\n',
     '<custom />\n<p>tail <em>x</em></p>'),
    ('<Custom>\nx\n</CUSTOM>\n\nmore *x*\n',
     '<Custom>\nx\n&lt;/CUSTOM&gt;\n\nmore *x*\n</Custom>'),
    ('<Enter> 키를 누르면\n\n```python\nprint(1)\n```\n\n## 제목\n',
     '<Enter> 키를 누르면\n\n```python\nprint(1)\n```\n\n## 제목\n</Enter>'),
    ('<s>old</s> new *x*\n',
     '<s>old</s>\n<p>new <em>x</em></p>'),
    ('<T> void f()\n\n*x*\n',
     '<T> void f()\n\n*x*\n</T>'),
    ('<audio controls><source src="a.mp3"></audio>\n\n*x*\n',
     '<audio controls=""><source src="a.mp3" /></audio>\n\n<p><em>x</em></p>'),
    ('<source src="a.mp3"> tail\n',
     '<source src="a.mp3" />\n<p>tail</p>'),
    ('<!--\n<custom>\n-->\n\n*x*\n',
     '<!--\n<custom>\n-->\n\n<p><em>x</em></p>'),
    ('$$\n<custom>\n$$\n\n*x*\n',
     '\\[&lt;custom&gt;\\]\n\n<p><em>x</em></p>'),
    ('<custom>a <Chapter 2> b & c</custom>\n\n*x*\n',
     '<custom>a &lt;Chapter 2&gt; b &amp; c</custom>\n\n<p><em>x</em></p>'),
    ('<custom><!-- </custom> --></custom>\n\n*x*\n',
     '<custom><!-- </custom> --></custom>\n\n<p><em>x</em></p>'),
    ('<custom><script>if (a</custom>) {}</script></custom>\n\n*x*\n',
     '<custom><script>if (a</custom>) {}</script></custom>\n\n<p><em>x</em></p>'),
    ('<s>a</s> <s>b</s> tail *x*\n',
     '<s>a</s>\n<s>b</s>\n<p>tail <em>x</em></p>'),
    ('<s>a</s>    <s>b</s> tail\n',
     ('<s>a</s>\n<div class="language-plaintext highlighter-rouge"><div class="highlight">'
      '<pre class="highlight"><code>&lt;s&gt;b&lt;/s&gt; tail\n</code></pre></div></div>')),  # Jekyll's rouge wrapper
    ('<x><!-- c --></x>\n\n<y><!-- d --></y> t\n',
     '<x><!-- c --></x>\n\n<y><!-- d --></y>\n<p>t</p>'),
    ('<s>a\nb</s> <s>c</s>\nnext\n\n*z*\n',
     '<s>a\nb</s>\n<s>c</s>\n<p>next</p>\n\n<p><em>z</em></p>'),
    # inside list items and quotes
    ('- <Enter> **API**\n  - a\n  - b\n',
     '<ul>\n  <li>\n    <Enter> **API**\n</Enter>\n    <ul>\n      <li>a</li>\n      <li>b</li>\n    </ul>\n  </li>\n</ul>'),
    ('- <s>old</s> text *x*\n- b\n',
     '<ul>\n  <li>\n    <s>old</s>\n    <p>text <em>x</em></p>\n  </li>\n  <li>b</li>\n</ul>'),
    ('> <font color="red">빨강</font>\n> API *x*\n\nafter\n',
     '<blockquote>\n  <font color="red">빨강</font>\n  <p>API <em>x</em></p>\n</blockquote>\n\n<p>after</p>'),
    ('> text\n> <s>a</s> b\n',
     '<blockquote>\n  <p>text</p>\n  <s>a</s>\n  <p>b</p>\n</blockquote>'),
    ('- a\n\n  <font>x</font> y\n- b\n',
     '<ul>\n  <li>\n    <p>a</p>\n\n    <font>x</font>\n    <p>y</p>\n  </li>\n  <li>\n    <p>b</p>\n  </li>\n</ul>'),
    ('- text\n  <s>a</s> b\n  more\n- c\n',
     '<ul>\n  <li>text\n    <s>a</s>\n    <p>b\nmore</p>\n  </li>\n  <li>c</li>\n</ul>'),
    # a line opening another element ends the paragraph the first one's tail started; the
    # tail keeps its hard break
    ('> <s>old</s> b\n> <s>old</s> c\n',
     '<blockquote>\n  <s>old</s>\n  <p>b</p>\n  <s>old</s>\n  <p>c</p>\n</blockquote>'),
    ('- a\n  <s>x</s> b\n  <s>y</s> c\n',
     '<ul>\n  <li>a\n    <s>x</s>\n    <p>b</p>\n    <s>y</s>\n    <p>c</p>\n  </li>\n</ul>'),
    ('- a\n\n  b\n  <font>x</font>\n',
     '<ul>\n  <li>\n    <p>a</p>\n\n    <p>b</p>\n    <font>x</font>\n  </li>\n</ul>'),
    ('<font color="red">빨강</font> end  \nmore\n',
     '<font color="red">빨강</font>\n<p>end<br />\nmore</p>'),
    ('> <요약>\n> [오늘](x.png)\n> `학습`\n',
     '<blockquote>\n  <요약>\n[오늘](x.png)\n`학습`\n</요약>\n</blockquote>'),
    # in a container, any element but a span's (Python-Markdown: raw HTML at the top only)
    ('> <div>\n> foo\n\nbar\n',
     '<blockquote>\n  <div>\nfoo\n</div>\n</blockquote>\n\n<p>bar</p>'),
    ('- <div>\n- foo\n',
     '<ul>\n  <li>\n    <div>\n</div>\n  </li>\n  <li>foo</li>\n</ul>'),
    ('> <center>\n> <img src="a.png">\n> </center>\n',
     '<blockquote>\n  <center>\n<img src="a.png" />\n</center>\n</blockquote>'),
    ('>>a\n><div>d</div>\n',
     '<blockquote>\n  <blockquote>\n    <p>a</p>\n  </blockquote>\n  <div>d</div>\n</blockquote>'),
    # a footnote's backlink goes in a <p> of its own after the element
    ('a[^1]\n\n[^1]: <s>x</s>\n',
     '<p>a<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" rel="footnote">1</a></sup></p>\n\n<div class="footnotes" role="doc-endnotes">\n  <ol>\n    <li id="fn:1" role="doc-endnote">\n      <s>x</s>\n      <p><a href="#fnref:1" class="reversefootnote" role="doc-backlink">&#8617;</a></p>\n    </li>\n  </ol>\n</div>'),
    # left open in a loose item: the item's later blocks are its raw text too
    ('1. <Enter> text\n\n   more *x*\n\n   | a |\n   |---|\n   | 1 |\n',
     '<ol>\n  <li>\n    <Enter> text\n\nmore *x*\n\n| a |\n|---|\n| 1 |\n</Enter>\n  </li>\n</ol>'),
]


@pytest.mark.parametrize(("md", "html"), CASES)
def test_element_reads_as_kramdown(md, html):
    assert canon(render(md).html) == canon(html)


def test_the_rest_of_the_post_stays_raw_without_an_end_tag():
    html = render("Intro\n\n<Enter> starts it\n\n## Later\n\n**bold**\n").html
    assert "<h2" not in html and "<strong>" not in html and "**bold**" in html


@pytest.mark.parametrize("edit", [
    ("<요약> t", "<요약> t\n\nx\n</요약>"),  # the end tag typed: the rest formats again
    ("<Note> n", "<Note> n</Note>"),
    ("<Note> n", "<Note> n</note>"),  # kramdown: no end tag for <Note>
])
def test_incremental_render_agrees_when_an_element_opens_or_closes(edit):
    before, after = edit
    text = f"Intro *a*\n\n{before}\n\n## Head\n\n- item *b*\n"
    inc = IncrementalRenderer()
    inc.render(text)
    typed = text.replace(before, after)
    for step in (typed, text, text.replace("*b*", "*c*"), typed.replace("*b*", "*d*")):
        assert canon(inc.render(step).html) == canon(render(step).html), step
