"""The Liquid pass on its own: variables, filters, tags, raw, comments, control flow."""

from __future__ import annotations

from datetime import date

from tileditor.core.liquid import LiquidContext, render_liquid


def ctx(**kw) -> LiquidContext:
    site = {"url": "https://me.github.io", "baseurl": "/blog", "title": "My TIL",
            "author": {"name": "Kim"}}
    page = {"title": "Post", "date": date(2025, 4, 22), "tags": ["a", "b"], "url": "/x/y/"}
    return LiquidContext(variables={"site": site, "page": page}, **kw)


def run(text: str, **kw) -> str:
    return render_liquid(text, ctx(**kw))[0]


def test_site_and_page_variables():
    assert run("{{ site.title }}|{{ page.title }}|{{ site.author.name }}|{{ page.url }}") == (
        "My TIL|Post|Kim|/x/y/")


def test_undefined_variables_render_empty():
    out, warnings = render_liquid("a{{ page.nope }}b{{ nothing.at.all }}c", ctx())
    assert out == "abc" and warnings == []


def test_url_filters_and_default_and_case():
    assert run("{{ '/assets/x.png' | relative_url }}") == "/blog/assets/x.png"
    assert run("{{ 'assets/x.png' | absolute_url }}") == "https://me.github.io/blog/assets/x.png"
    assert run("{{ page.missing | default: 'none' }}") == "none"
    assert run("{{ page.title | upcase }}-{{ 'ABC' | downcase }}") == "POST-abc"
    assert run("{{ '<b>x</b>' | escape }}|{{ '<b>x</b>' | strip_html }}") == "&lt;b&gt;x&lt;/b&gt;|x"


def test_date_filter_and_markdownify():
    assert run('{{ page.date | date: "%Y.%m.%d" }}') == "2025.04.22"
    assert run("{{ '*a*' | markdownify }}") == "*a*"


def test_unknown_filter_passes_value_with_warning():
    out, warnings = render_liquid("{{ page.title | frobnicate }}", ctx())
    assert out == "Post" and any("frobnicate" in w for w in warnings)


def test_raw_is_verbatim():
    text = "{% raw %}{{ site.title }} and {% if x %}{% endraw %} after {{ site.title }}"
    assert run(text) == "{{ site.title }} and {% if x %} after My TIL"


def test_comment_removed_including_tags_inside():
    assert run("a{% comment %} {{ x }} {% if %} gone {% endcomment %}b") == "ab"


def test_include_placeholder_block_and_inline():
    out = run("text\n{% include video id=\"x\" provider=\"youtube\" %}\nmore {% include_cached a.html %}!")
    assert '<div class="liquid-include">include video</div>' in out
    assert '<span class="liquid-include">include a.html</span>!' in out


def test_post_url_resolved_or_warned():
    urls = {"2010-01-01-slug": "/blog/2010/slug/"}
    out, warnings = render_liquid("[a]({% post_url 2010-01-01-slug %}) [b]({% post_url nope %})",
                                  ctx(post_url=urls.get))
    assert out == "[a](/blog/2010/slug/) [b]()"
    assert warnings == ["Liquid: post_url: no post named nope"]


def test_highlight_tag_uses_callback_and_protect():
    seen = []
    out = run("{% highlight ruby linenos %}\nx = {{ page.title }}\n{% endhighlight %}",
              highlight=lambda code, lang, ln: seen.append((code, lang, ln)) or "<H>",
              protect=lambda markup, block: f"[{markup}:{block}]")
    assert seen == [("x = Post", "ruby", True)] and out == "[<H>:True]"


def test_assign_capture_if_unless_for():
    text = ("{% assign n = page.tags | size %}{% capture c %}C{{ n }}{% endcapture %}{{ c }};"
            "{% if n > 1 and page.title == 'Post' %}many{% elsif n == 1 %}one{% else %}none{% endif %};"
            "{% unless page.draft %}pub{% endunless %};"
            "{% for t in page.tags %}{{ forloop.index }}{{ t }}{% endfor %};"
            "{% for i in (1..3) %}{{ i }}{% endfor %};{% if page.tags contains 'b' %}has{% endif %}")
    assert run(text) == "C2;many;pub;1a2b;123;has"


def test_unknown_tags_removed_with_warning():
    out, warnings = render_liquid("a{% made_up_plugin_tag %}b{% endfoo %}c", ctx())
    assert out == "abc"
    assert len(warnings) == 2


def test_whitespace_control():
    assert run("a  {{- page.title -}}  b") == "aPostb"


def test_unclosed_block_warns_and_keeps_text():
    out, warnings = render_liquid("x {% if page.title %}shown", ctx())
    assert out == "x shown" and any("never closed" in w for w in warnings)


def test_unclosed_liquid_warns_but_raw_does_not():
    out, warnings = render_liquid("a {{ page.title and more", ctx())
    assert out == "a {{ page.title and more" and any("unclosed" in w for w in warnings)
    assert render_liquid("{% raw %}{{ x{% endraw %}", ctx())[1] == []


def test_plain_dict_context():
    assert render_liquid("{{ page.t }}", {"page": {"t": "x"}}) == ("x", [])


def test_list_and_number_filters():
    variables = {"page": {"items": [{"url": "/a/", "t": "A"}, {"url": "/b/", "t": "B"}]}}
    text = ("{% assign hit = page.items | where: 'url', '/b/' | first %}{{ hit.t }};"
            "{{ 'Hello World!' | slugify }};{{ 'a b c' | number_of_words | plus: 1 }};"
            "{{ 'abcdefghij' | truncate: 6 }};{{ 'x,y' | split: ',' | join: '+' }}")
    assert render_liquid(text, LiquidContext(variables=variables))[0] == (
        "B;hello-world;4;abc...;x+y")
