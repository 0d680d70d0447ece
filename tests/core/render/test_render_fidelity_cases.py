"""Renderer cases found by comparing with Jekyll (tools/fidelity.py on the corpus) and known
leaks; expected HTML is Debian kramdown 2.4 (GFM parser, Jekyll's options) output, pasted here
so the tests need no Ruby."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.render import assert_same, canon, html_of
from tileditor.core.liquid import render_liquid
from tileditor.core.render import render

_DEMO = Path(__file__).resolve().parents[3] / "resources/demo_blog/_posts/2026"
_LEAKS = ("\x02", "\x03", "wzxhzdk", "klzzwxh", "tlial")


def _no_leak(text: str) -> None:
    for mark in _LEAKS:
        assert mark not in text


def test_heading_with_ellipsis_and_code_keeps_no_placeholder_in_toc():
    result = render((_DEMO / "2026-03-01-TIL26_SqlWindowFunctions.md").read_text())
    _no_leak(result.toc_html)
    assert (1, "over-order-by-", "OVER (ORDER BY \u2026)") in result.headings
    for _, _, text in result.headings:
        _no_leak(text)


def test_heading_with_inline_code_in_sidebar_toc():
    result = render("# OVER (ORDER BY `day`) and `x`\n")
    _no_leak(result.toc_html)
    assert result.headings == [(1, "over-order-by-day-and-x", "OVER (ORDER BY day) and x")]
    assert "<code" in result.toc_html and "day" in result.toc_html


def test_escaped_stars_around_span_ial_leak_no_placeholder():
    # The hypothesis example from test_render_robust: Python-Markdown 3.11's emphasis pairing
    # took two characters from a one-star closer and split a placeholder in two.
    html = html_of("\\**# \n**\\**{: .x}\n")
    _no_leak(html)
    _no_leak(html_of("\\**# \n**\\**`x`\n"))


def test_emphasis_still_pairs_after_the_guard():
    assert_same("**b**{: .x} and *c* and ***d***\n",
                '<p><strong class="x">b</strong> and <em>c</em> and '
                "<strong><em>d</em></strong></p>")


SPAN_IAL = {
    # kramdown applies a span IAL only right after a span element; otherwise it is text.
    "* Table of Contents {:toc}\n": "<ul>\n  <li>Table of Contents {:toc}</li>\n</ul>",
    "a {: .x} b\n": "<p>a {: .x} b</p>",
    "{: .x} b\n": "<p>{: .x} b</p>",
    "*a* {: .x}\n": "<p><em>a</em> {: .x}</p>",
    "![i](x.png) {: .c}\n": '<p><img src="x.png" alt="i" /> {: .c}</p>',
    "a [l](u){: .c} {: .d}\n": '<p>a <a href="u" class="c">l</a> {: .d}</p>',
    "a {:r: .x} b\n": "<p>a {:r: .x} b</p>",
    'a {::options auto_ids="false" /} b\n': "<p>a  b</p>",
    "*a*{: .x}{: .y}\n": '<p><em class="x y">a</em></p>',
}


@pytest.mark.parametrize("source", list(SPAN_IAL))
def test_span_ial_applies_only_after_an_element(source):
    assert_same(source, SPAN_IAL[source])


_NOTICE = """{% capture notice-2 %}
#### New Site Features

* You can now have cover images on blog pages
* Drafts will now auto-save while writing
{% endcapture %}

<div class="notice">
  {{ notice-2 | markdownify }}
</div>
"""


def test_captured_markdown_is_rendered_by_markdownify():
    assert_same(_NOTICE, """<div class="notice">
  <h4 id="new-site-features">New Site Features</h4>

<ul>
  <li>You can now have cover images on blog pages</li>
  <li>Drafts will now auto-save while writing</li>
</ul>

</div>""")


def test_markdownify_then_remove_paragraph_tags_in_a_figure():
    source = ("{% capture fig_img %}\n![Foo](/assets/x.jpg)\n{% endcapture %}\n\n<figure>\n"
              '  {{ fig_img | markdownify | remove: "<p>" | remove: "</p>" }}\n</figure>\n')
    assert canon(html_of(source)) == canon(
        '<figure>\n  <img src="/assets/x.jpg" alt="Foo" />\n\n</figure>')


def test_tabs_stay_in_fenced_code_and_pre_blocks():
    # kramdown keeps tabs verbatim in code and <pre>; only Markdown indentation expands them.
    source = "```\na {\n\tmargin: 0;\n}\n```\n\n<pre>\nx {\n\ty\n}\n</pre>\n\n- a\n\n\tpara\n"
    html = html_of(source)
    assert "\n\tmargin: 0;\n" in html
    assert "<pre>\nx {\n\ty\n}\n</pre>" in html.replace(' data-line="7"', "")
    assert_same(source, """<div class="language-plaintext highlighter-rouge"><div class="highlight">
<pre class="highlight"><code>a {
\tmargin: 0;
}
</code></pre></div></div>

<pre>
x {
\ty
}
</pre>

<ul>
  <li>
    <p>a</p>

    <p>para</p>
  </li>
</ul>""")


def test_tabs_stay_in_highlight_tags():
    html = html_of("{% highlight css %}\na {\n\tmargin: 0;\n}\n{% endhighlight %}\n")
    assert "\t" in html and "    margin" not in html


RAW_SPANS = {
    # kramdown parses Markdown inside span elements it knows (b, i, em, sup, span, ...) but
    # keeps the content of any other (u, mark, kbd, s, font) raw: no emphasis, no smart quotes.
    'x <u>**b** "q"</u> y\n': '<p>x <u>**b** "q"</u> y</p>',
    "<kbd>*a*</kbd>\n": "<p><kbd>*a*</kbd></p>",
    '<mark>"q"</mark>\n': '<p><mark>"q"</mark></p>',
    "<b>a <u>*x*</u></b>\n": "<p><b>a <u>*x*</u></b></p>",
    "<sup>*a*</sup> <s>*x*</s>\n": "<p><sup><em>a</em></sup> <s>*x*</s></p>",
    "<u>a\n*b*</u>\n": "<p><u>a\n*b*</u></p>",
    "`<u>*x*</u>`\n": '<p><code class="language-plaintext highlighter-rouge">'
                      "&lt;u&gt;*x*&lt;/u&gt;</code></p>",
    '<img src="x.png">\n': '<p><img src="x.png" /></p>',
    "<span>a</span>\n": "<p><span>a</span></p>",
    "<center>c</center>\n": "<center>c</center>",
}


@pytest.mark.parametrize("source", list(RAW_SPANS))
def test_raw_content_span_html_as_kramdown(source):
    assert_same(source, RAW_SPANS[source])


def test_footnote_with_underlined_title_keeps_straight_quotes():
    # ben.balter.com 2012-12-26: a <u>"Apps.gov": ...</u> citation inside a footnote.
    html = html_of('Text.[^1]\n\n[^1]: See <u>"Apps.gov": Privacy</u>, 11 (2010).\n')
    assert '<u>"Apps.gov": Privacy</u>' in html


QUOTES = {
    # ben.balter.com 2012-04-10: a quote after "(" opens even when a link follows it.
    'a ("[b](c)" d)\n': '<p>a (“<a href="c">b</a>” d)</p>',
    # ben.balter.com 2018-05-04: Ruby's \s is ASCII, so after a hair space a quote closes.
    '### Yes\u200a—\u200a"We\'re doing that."\n':
        '<h3 id="yeswere-doing-that">Yes\u200a—\u200a”We’re doing that.”</h3>',
    'x\u00a0"y" z\n': "<p>x\u00a0”y” z</p>",
    'end "*em*"\n': "<p>end “<em>em</em>”</p>",
    'a -"b"\n': "<p>a -“b”</p>",
    'a ["x"](u)\n': '<p>a <a href="u">“x”</a></p>',
}


@pytest.mark.parametrize("source", list(QUOTES))
def test_smart_quotes_as_kramdown(source):
    assert_same(source, QUOTES[source])


def test_repeated_footnote_references_numbered_as_kramdown():
    # ben.balter.com 2015-11-18 cites the same note several times.
    assert_same("a[^x] b[^x] c[^x]\n\n[^x]: note\n", """<p>a<sup id="fnref:x" \
role="doc-noteref"><a href="#fn:x" class="footnote" rel="footnote">1</a></sup> b<sup \
id="fnref:x:1" role="doc-noteref"><a href="#fn:x" class="footnote" rel="footnote">1</a></sup> \
c<sup id="fnref:x:2" role="doc-noteref"><a href="#fn:x" class="footnote" rel="footnote">1</a></sup></p>

<div class="footnotes" role="doc-endnotes">
  <ol>
    <li id="fn:x" role="doc-endnote">
      <p>note <a href="#fnref:x" class="reversefootnote" role="doc-backlink">&#8617;</a> <a \
href="#fnref:x:1" class="reversefootnote" role="doc-backlink">&#8617;<sup>2</sup></a> <a \
href="#fnref:x:2" class="reversefootnote" role="doc-backlink">&#8617;<sup>3</sup></a></p>
    </li>
  </ol>
</div>""")


STRAY_CLOSE = {
    # ben.balter.com 2011-08-31 has a stray "</em>" in a list item; kramdown shows it as text.
    "a </div> b\n": "<p>a &lt;/div&gt; b</p>",
    "<span>a</span> </span>\n": "<p><span>a</span> &lt;/span&gt;</p>",
    "<b>a\nb</b> c\n": "<p><b>a\nb</b> c</p>",
    "*a </em> b*\n": "<p><em>a &lt;/em&gt; b</em></p>",
    "x </br> y\n": "<p>x &lt;/br&gt; y</p>",
}


@pytest.mark.parametrize("source", list(STRAY_CLOSE))
def test_stray_closing_tag_is_text(source):
    assert_same(source, STRAY_CLOSE[source])


def test_text_after_closing_a_markdown_1_element_stays_in_place():
    # ben.balter.com 2020-08-25: "</details><br />" then a paragraph.
    source = ('<details markdown="1">\n  <summary>Filters</summary>\n\nSome *text*.\n\n'
              "</details><br />\n\nAnd that is all.\n")
    assert_same(source, """<details>
  <summary>Filters</summary>

  <p>Some <em>text</em>.</p>

</details>
<p><br /></p>

<p>And that is all.</p>""")


def test_markdown_1_on_list_items_means_block_content():
    # ben.balter.com 2020-09-12 builds its top-10 list from <li markdown="1"> items.
    assert_same('<ol reversed="">\n\n<li markdown="1">\n[a](b)\n</li>\n\n</ol>\n',
                '<ol reversed="">\n\n<li>\n    <p><a href="b">a</a></p>\n  </li>\n\n</ol>')
    assert_same('<td markdown="1">\nx\n</td>\n', "<td>\n  <p>x</p>\n</td>")
    assert_same('<li markdown="span">\nx\n</li>\n', "<li>\nx\n</li>")


def test_github_edit_link_tag():
    # ben.balter.com 2020-08-10 ends with {% github_edit_link "Add it" %} (GitHub Pages plugin).
    ctx = {"site": {"repository": "ben/blog"}, "page": {"path": "_posts/2020-08-10-x.md"}}
    out, _ = render_liquid('Please {% github_edit_link "Add it" %}. {% github_edit_link %}', ctx)
    url = "https://github.com/ben/blog/edit/main/_posts/2020-08-10-x.md"
    assert out == f'Please <a href="{url}">Add it</a>. {url}'


def test_page_path_is_relative_to_the_site_root(tmp_path):
    from tileditor.core.site import JekyllSite

    (tmp_path / "_config.yml").write_text("repository: ben/blog\nbranch: gh-pages\n")
    post = tmp_path / "_posts" / "2020-08-10-x.md"
    post.parent.mkdir()
    post.write_text("---\ntitle: x\n---\n{{ page.path }} {% github_edit_link %}\n")
    html = render(post.read_text(), site=JekyllSite(tmp_path), post_path=post).html
    assert "_posts/2020-08-10-x.md https://github.com/ben/blog/edit/gh-pages/_posts/" in html


GFM_BLOCKS = {
    # kramdown-parser-gfm: only a list-like rule ("* * *", "- - -") ends a paragraph.
    "Text\n***\nMore\n": "<p>Text\n***\nMore</p>",
    "Text\n___\n": "<p>Text\n___</p>",
    "> q\n***\n": "<blockquote>\n  <p>q\n***</p>\n</blockquote>",
    "Text\n- - -\nMore\n": "<p>Text</p>\n<hr />\n<p>More</p>",
    "Text\n* * *\n": "<p>Text</p>\n<hr />",
    "# H\n***\n": '<h1 id="h">H</h1>\n<hr />',
    "Text\n\n***\n": "<p>Text</p>\n\n<hr />",
    # A backslash ending a line is a hard break.
    "a\\\nb\\\nc\n": "<p>a<br />\nb<br />\nc</p>",
    "a \\\nb\n": "<p>a <br />\nb</p>",
}


@pytest.mark.parametrize("source", list(GFM_BLOCKS))
def test_gfm_block_rules_as_kramdown(source):
    assert_same(source, GFM_BLOCKS[source])


def test_ordered_list_toc_is_an_ordered_list():
    assert_same("1. TOC\n{:toc .toc-class}\n\n## A\n\n### B\n",
                '<ol class="toc-class" id="markdown-toc">\n  <li><a href="#a" id="markdown-toc-a">'
                'A</a>\n    <ol>\n      <li><a href="#b" id="markdown-toc-b">B</a></li>\n    </ol>'
                '\n  </li>\n</ol>\n\n<h2 id="a">A</h2>\n\n<h3 id="b">B</h3>')


FENCES = {
    # kramdown-parser-gfm: one info word; a fence without its closing fence is a paragraph.
    '```python title="x"\na\n```\n':
        '<p><code class="language-plaintext highlighter-rouge">python title="x"\na\n</code></p>',
    "```js?line=1\na\n```\n": '<div class="language-js highlighter-rouge"><div class="highlight">'
                              '<pre class="highlight"><code><span class="nx">a</span>\n'
                              "</code></pre></div></div>",
    "```\na\n~~~\n": "<p>```\na\n~~~</p>",
    "```\nunclosed\n\nmore\n": "<p>```\nunclosed</p>\n\n<p>more</p>",
    "````\na\n```\nb\n````\n": '<div class="language-plaintext highlighter-rouge"><div '
                              'class="highlight"><pre class="highlight"><code>a\n```\nb\n'
                              "</code></pre></div></div>",
}


@pytest.mark.parametrize("source", list(FENCES))
def test_fences_as_kramdown_gfm(source):
    assert_same(source, FENCES[source])


def test_ial_after_an_unclosed_fence_still_applies():
    assert_same("```\nnot code\n\nPara\n{: .notice}\n",
                '<p>```\nnot code</p>\n\n<p class="notice">Para</p>')


def test_site_posts_loop_with_markdownify_descriptions(tmp_path):
    # ben.balter.com 2021-02-01 lists posts by url from site.posts; markdownify's output ends
    # with a newline (kramdown's does), which is what separates the generated list items.
    from tileditor.core.site import JekyllSite

    (tmp_path / "_config.yml").write_text("url: https://ex.com\n")
    posts = tmp_path / "_posts"
    posts.mkdir()
    (posts / "2020-01-02-first.md").write_text(
        "---\ntitle: First\ndescription: The *first* one.\n---\nx\n")
    (posts / "2020-03-04-second.md").write_text("---\ntitle: Second\ndescription: Two.\n---\n")
    page = posts / "2021-01-01-list.md"
    page.write_text(
        "---\ntitle: L\nlist:\n  - /2020/01/02/first.html\n  - /2020/03/04/second.html\n---\n\n"
        "{% for url in page.list %}\n{%- assign post=site.posts | where:\"url\",url | first -%}\n"
        "* **[{{ post.title }}]({{ post.url | absolute_url }})** — "
        "{{ post.description | markdownify | strip_html }} {% endfor %}\n")
    html = render(page.read_text(), site=JekyllSite(tmp_path), post_path=page).html
    assert canon(html) == canon(
        '<ul><li><strong><a href="https://ex.com/2020/01/02/first.html">First</a></strong> — '
        'The first one.</li><li><strong><a href="https://ex.com/2020/03/04/second.html">Second'
        "</a></strong> — Two.</li></ul>")


def test_site_posts_newest_first_and_only_read_when_used(tmp_path):
    from tileditor.core.render.context import site_variables
    from tileditor.core.site import JekyllSite

    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "_posts").mkdir()
    for name in ("2020-01-02-a.md", "2021-05-06-b.md"):
        (tmp_path / "_posts" / name).write_text(f"---\ntitle: {name[11]}\n---\n")
    posts = site_variables(JekyllSite(tmp_path))["posts"]
    assert list.__len__(posts) == 0  # nothing read yet
    assert [p["title"] for p in posts] == ["b", "a"]
    assert posts[0]["url"] == "/2021/05/06/b.html" and posts[1]["path"] == "_posts/2020-01-02-a.md"


_PLAIN = ('<div class="language-plaintext highlighter-rouge"><div class="highlight">'
          '<pre class="highlight"><code>{}\n</code></pre></div></div>')
FENCE_PLACES = {
    # Typora-style steps: a fence right under an item's text stays in that item (kramdown
    # reads it as the item's lazy continuation); Jekyll's rouge wraps the <pre> as below.
    "1. Step one\n```\nls\n```\n2. Step two\n":
        f"<ol>\n  <li>Step one\n    {_PLAIN.format('ls')}\n  </li>\n  <li>Step two</li>\n</ol>",
    "- item\n  ```\n  in item\n  ```\n- next\n":
        f"<ul>\n  <li>item\n{_PLAIN.format('in item')}</li>\n  <li>next</li>\n</ul>",
    "> ```\n> code in quote\n> ```\n": f"<blockquote>\n  {_PLAIN.format('code in quote')}\n"
                                     "</blockquote>",
    "> text\n> ```\n> code\n> ```\n> more\n":
        f"<blockquote>\n  <p>text</p>\n  {_PLAIN.format('code')}\n  <p>more</p>\n</blockquote>",
    "para\n```\ncode\n```\n": f"<p>para</p>\n{_PLAIN.format('code')}",
}


@pytest.mark.parametrize("source", list(FENCE_PLACES))
def test_fence_inside_items_and_quotes(source):
    assert_same(source, FENCE_PLACES[source])


RAW_HTML_FENCES = {
    # Jekyll's kramdown leaves a raw HTML block (no markdown="1") as it is: a fence inside a
    # <details> shows its backticks on the published page.
    "<details>\n<summary>Click</summary>\n\n```python\nx = 1\n```\n\n</details>\n":
        "<details>\n<summary>Click</summary>\n\n```python\nx = 1\n```\n\n</details>",
    "<div>\n<div>\ninner\n</div>\n\n```\nstill in the outer div\n```\n</div>\n":
        "<div>\n<div>\ninner\n</div>\n\n```\nstill in the outer div\n```\n</div>",
    '<details markdown="1">\n<summary>Click</summary>\n\n```\nx = 1\n```\n\n</details>\n':
        f"<details>\n<summary>Click</summary>\n\n{_PLAIN.format('x = 1')}\n\n</details>",
    "<div>x</div>\n\n```\nafter\n```\n": f"<div>x</div>\n\n{_PLAIN.format('after')}",
}


@pytest.mark.parametrize("source", list(RAW_HTML_FENCES))
def test_fences_in_raw_html_blocks_stay_raw(source):
    assert_same(source, RAW_HTML_FENCES[source])


def test_items_after_a_task_item_are_task_list_items():
    assert_same("- a\n- [ ] b\n- c\n", """<ul class="task-list">
  <li>a</li>
  <li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" \
disabled="disabled" />b</li>
  <li class="task-list-item">c</li>
</ul>""")


MORE_BLOCKS = {
    # kramdown lists only the footnotes the text refers to.
    "[^1]: note\n": "",
    "a[^1]\n\n[^1]: note\n[^2]: unused\n": '<p>a<sup id="fnref:1" role="doc-noteref"><a '
        'href="#fn:1" class="footnote" rel="footnote">1</a></sup></p>\n<div class="footnotes" '
        'role="doc-endnotes">\n  <ol>\n    <li id="fn:1" role="doc-endnote">\n      <p>note <a '
        'href="#fnref:1" class="reversefootnote" role="doc-backlink">&#8617;</a></p>\n    </li>'
        "\n  </ol>\n</div>",
    # `$$...$$` is display math only as a paragraph of its own.
    "$$x$$\ntext\n": "<p>\\(x\\)\ntext</p>",
    "$$\nx\n$$\ntext\n": "<p>\\(x\\)\ntext</p>",
    "$$x$$\n": "\\[x\\]",
    "$$\na\nb\n$$\n\nt\n": "\\[a\nb\\]\n\n<p>t</p>",
    # A rule line is never setext heading text.
    "***\n---\n": "<hr />\n<hr />",
    "___\n===\n": "<hr />\n<p>===</p>",
    "Title\n---\n": '<h2 id="title">Title</h2>',
}


@pytest.mark.parametrize("source", list(MORE_BLOCKS))
def test_more_blocks_as_kramdown(source):
    assert_same(source, MORE_BLOCKS[source])


LAZY_LINES = {
    # kramdown puts a heading or a quote right under an item's text inside that item.
    "2. second\n# Title\n": '<ol>\n  <li>second\n    <h1 id="title">Title</h1>\n  </li>\n</ol>',
    "* star\n> quote\n": "<ul>\n  <li>star\n    <blockquote>\n      <p>quote</p>\n"
                         "    </blockquote>\n  </li>\n</ul>",
    "- a\n\n# H\n": '<ul>\n  <li>a</li>\n</ul>\n\n<h1 id="h">H</h1>',
    # ...but a footnote's text goes on only in lines indented 4 spaces.
    "a[^1]\n\n[^1]: note\nmore text\n": '<p>a<sup id="fnref:1" role="doc-noteref"><a '
        'href="#fn:1" class="footnote" rel="footnote">1</a></sup></p>\n\n<p>more text</p>\n'
        '<div class="footnotes" role="doc-endnotes">\n  <ol>\n    <li id="fn:1" '
        'role="doc-endnote">\n      <p>note <a href="#fnref:1" class="reversefootnote" '
        'role="doc-backlink">&#8617;</a></p>\n    </li>\n  </ol>\n</div>',
}


LAZY_LINES["text\n[^1]: note\n\nref[^1]\n"] = "<p>text\n[^1]: note</p>\n\n<p>ref[^1]</p>"
LAZY_LINES["ref[^1]\n\n[^1]: a\n    more\n[^2]: b\n"] = (
    '<p>ref<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" '
    'rel="footnote">1</a></sup></p>\n\n<div class="footnotes" role="doc-endnotes">\n  <ol>\n'
    '    <li id="fn:1" role="doc-endnote">\n      <p>a\nmore\n[^2]: b <a href="#fnref:1" '
    'class="reversefootnote" role="doc-backlink">&#8617;</a></p>\n    </li>\n  </ol>\n</div>')


@pytest.mark.parametrize("source", list(LAZY_LINES))
def test_lazy_lines_as_kramdown(source):
    assert_same(source, LAZY_LINES[source])


def test_cached_emphasis_pairing_is_not_handed_to_an_underscore():
    # Python-Markdown 3.11 gave the second `**#*` pairing to the `_` before a placeholder.
    # kramdown: '<p><em>*#</em> a_<b>\n<em>*#</em></b></p>' (a `**` left open retries as `*`
    # one character on, dropping the first star).
    html = html_of("**#* a_<b>\n**#* \n")
    _no_leak(html)
    assert html.count("<em>*#</em>") == 2


HEADERLESS = {
    # kramdown: a paragraph whose every line holds a `|` outside code is a table, header or not.
    "| a | b |\n| 1 | 2 |\n": "<table>\n  <tbody>\n    <tr>\n      <td>a</td>\n      <td>b</td>\n"
                             "    </tr>\n    <tr>\n      <td>1</td>\n      <td>2</td>\n    </tr>\n"
                             "  </tbody>\n</table>",
    "Use a | b here\n": "<table>\n  <tbody>\n    <tr>\n      <td>Use a</td>\n      <td>b here"
                        "</td>\n    </tr>\n  </tbody>\n</table>",
    "a | b\ntext without pipe\n": "<p>a | b\ntext without pipe</p>",
    "Use `a | b` here\n": '<p>Use <code class="language-plaintext highlighter-rouge">a | b</code>'
                          " here</p>",
    "## a | b\n": '<h2 id="a--b">a | b</h2>',
}


@pytest.mark.parametrize("source", list(HEADERLESS))
def test_headerless_tables_as_kramdown(source):
    assert_same(source, HEADERLESS[source])


def test_heading_without_id_characters_has_no_id():
    assert_same("## ~~~\n\n## ~~~\n\n## !!\n",
                '<h2>~~~</h2>\n\n<h2 id="-1">~~~</h2>\n\n<h2 id="-2">!!</h2>')


def test_an_ald_defined_twice_adds_to_itself():
    # kramdown (pasted): '<p class="a b" id="i" title="t">Text</p>
    # <p class="a b" id="i" title="t">More</p>'
    assert_same('{:ref: .a}\n\nText\n{: ref}\n\n{:ref: .b #i title="t"}\n\nMore\n{: ref}\n',
                '<p class="a b" id="i" title="t">Text</p><p class="a b" id="i" title="t">More</p>')

