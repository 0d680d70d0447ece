"""render() with Liquid, a site, images and post_url: the parts that need a site."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from tileditor.core.render import RenderOptions, render


@dataclass
class Entry:  # what the renderer reads of a PostEntry
    path: Path
    slug: str
    date: date
    title: str = ""
    rel: str = ""
    tags: tuple = ()
    categories: tuple = ()


class FakeSite:
    def __init__(self, root: Path):
        self.root = root
        self.config = {"title": "My TIL", "author": {"name": "Kim"}}
        self.url = "https://me.github.io"
        self.baseurl = "/blog"
        self.kramdown = {"input": "GFM"}

    def posts(self):
        return [Entry(self.root / "_posts" / "2010-01-01-slug.md", "slug", date(2010, 1, 1))]

    def url_for(self, path, front_matter=None):
        return f"/blog/{Path(path).stem[11:]}/"

    def page_url(self, path, front_matter=None):
        return f"/{Path(path).stem[11:]}/"

    def header_values(self, path):
        return {}, None

    def defaults_for(self, path, type="posts"):  # noqa: A002 - Jekyll's name
        return {}


def site_render(text: str, tmp_path: Path, **kw):
    site = FakeSite(tmp_path)
    return render(text, site=site, post_path=tmp_path / "_posts" / "2025-04-22-now.md",
                  options=RenderOptions(**kw))


def test_site_and_page_variables_in_body(tmp_path):
    out = site_render("---\ntitle: Hello\n---\n{{ site.title }} / {{ page.title }} / "
                      "{{ page.url }} / {{ page.date | date: '%Y' }}\n", tmp_path).html
    assert ">My TIL / Hello / /blog/now/ / 2025</p>" in out


def test_raw_text_still_gets_markdown(tmp_path):
    out = site_render("{% raw %}**{{ x }}**{% endraw %}\n", tmp_path).html
    assert "<strong>{{ x }}</strong>" in out


def test_liquid_runs_inside_code_fences(tmp_path):
    out = site_render("```\nname: {{ site.title }}\n```\n", tmp_path).html
    assert "name: My TIL" in out and "{{" not in out


def test_include_placeholder_survives_markdown(tmp_path):
    out = site_render("Para\n\n{% include video id=\"a_b_c\" %}\n\nIn {% include x.html %} text\n",
                      tmp_path).html
    assert re.search(r'<div[^>]*class="liquid-include"[^>]*>include video</div>', out)
    assert '<p data-line="5">In <span class="liquid-include">include x.html</span> text</p>' in out
    assert "<p><div" not in out


def test_highlight_tag_matches_jekyll(tmp_path):
    out = site_render("{% highlight python %}\ny = 2\n{% endhighlight %}\n", tmp_path).html
    expected = ('<figure class="highlight"><pre><code class="language-python" data-lang="python">'
                '<span class="n">y</span> <span class="o">=</span> <span class="mi">2</span>'
                "</code></pre></figure>")
    assert re.sub(r' data-line="\d+"', "", out) == expected


def test_highlight_linenos_table(tmp_path):
    out = site_render("{% highlight ruby linenos %}\nx = 1\n{% endhighlight %}\n", tmp_path).html
    assert '<table class="rouge-table">' in out and '<pre class="lineno">1\n</pre>' in out


def test_post_url_through_site_posts(tmp_path):
    result = site_render("[old]({% post_url 2010-01-01-slug %}) [x]({% post_url 2011-01-01-no %})",
                         tmp_path)
    assert '<a href="/blog/slug/">old</a>' in result.html
    assert any("2011-01-01-no" in w for w in result.warnings)


def test_every_image_src_goes_through_resolver(tmp_path):
    calls = []

    def resolve(src):
        calls.append(src)
        if "missing" in src or src.startswith("https://"):
            return None
        return "file:///repo/" + src.strip("./")

    text = ('![a](../../images/p/x.png)\n\n<CENTER><IMG SRC="../../images/p/y.png" width="85%">'
            "</CENTER>\n\n<img src='/blog/images/p/missing.png'>\n\n"
            "[![b](z.png)](big.png)\n\n![remote](https://cdn.example.com/r.png)\n")
    result = site_render(text, tmp_path, resolve_image=resolve)
    assert calls == ["../../images/p/x.png", "../../images/p/y.png",
                     "/blog/images/p/missing.png", "z.png", "https://cdn.example.com/r.png",
                     "big.png"]
    assert 'src="file:///repo/images/p/x.png"' in result.html
    assert 'SRC="file:///repo/images/p/y.png"' in result.html
    assert 'href="file:///repo/big.png"' in result.html
    assert "image not found: /blog/images/p/missing.png" in result.warnings
    assert ("https://cdn.example.com/r.png", "https://cdn.example.com/r.png") in result.images
    assert ("/blog/images/p/missing.png", None) in result.images


def test_own_domain_image_url_resolves_to_repo_file(tmp_path):
    def resolve(src):
        return "file:///repo/a.png" if src.startswith("https://me.github.io/") else None

    text = "![a]({{ site.url }}{{ site.baseurl }}/assets/a.png)\n"
    result = site_render(text, tmp_path, resolve_image=resolve)
    assert result.images == [("https://me.github.io/blog/assets/a.png", "file:///repo/a.png")]
    assert not result.warnings


def test_default_resolver_with_real_site(tmp_site):
    site_mod = pytest.importorskip("tileditor.core.site")
    pytest.importorskip("tileditor.core.images.plan")
    post = tmp_site / "_posts" / "2025" / "2025-04-22-TIL25_ANewChapter.md"
    site = site_mod.JekyllSite(tmp_site)
    result = render(post.read_text(encoding="utf-8"), site=site, post_path=post)
    shot = (tmp_site / "images" / "2025-04-22-TIL25_ANewChapter" / "shot.png").resolve()
    assert result.images == [("../../images/2025-04-22-TIL25_ANewChapter/shot.png", shot.as_uri())]
    assert f'src="{shot.as_uri()}"' in result.html
    assert "A new chapter" not in result.html and result.title == "TIL :: A new chapter"
    assert "with a break" in result.html and "<br />" in result.html


def test_post_url_with_real_site(tmp_site):
    site_mod = pytest.importorskip("tileditor.core.site")
    site = site_mod.JekyllSite(tmp_site)
    result = render("[x]({% post_url 2025-04-22-TIL25_ANewChapter %})\n", site=site)
    expected = site.url_for(tmp_site / "_posts" / "2025" / "2025-04-22-TIL25_ANewChapter.md")
    assert f'href="{expected}"' in result.html and not result.warnings


def test_site_kramdown_config_drives_toc_levels_and_auto_ids(tmp_path):
    site = FakeSite(tmp_path)
    site.kramdown = {"toc_levels": "2..3", "auto_ids": True}
    result = render("# One\n\n## Two\n\n#### Four\n", site=site)
    assert [h[:2] for h in result.headings] == [(2, "two")]
    site.kramdown = {"auto_ids": False}
    assert " id=" not in render("## Two\n", site=site).html
    site.kramdown = {"input": "kramdown"}
    assert 'id="section"' in render("## 한글\n", site=site).html
