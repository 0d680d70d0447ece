"""tools/fidelity*.py: the normaliser keeps what a reader sees and drops what they cannot, the
classifier names causes, images resolve from both sides to repo files, and the whole tool runs
a real jekyll build of a tiny site and prints the share of matching posts."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parents[1] / "tools"
sys.path.insert(0, str(TOOLS))

import fidelity  # noqa: E402
import fidelity_compare as fc  # noqa: E402
import fidelity_jekyll as fj  # noqa: E402

from tests.helpers.corpus import corpus_sites  # noqa: E402

needs_jekyll = pytest.mark.skipif(shutil.which("jekyll") is None, reason="jekyll not on PATH")


def compare(a: str, b: str, **ours) -> fc.Comparison:
    return fc.compare_html(a, b, fc.Options(), fc.Options(**ours))


# ------------------------------------------------------------------ normaliser


def test_whitespace_attribute_order_and_our_data_attrs_are_invisible():
    kramdown = '<h2 id="a-b" class="x y">A  b</h2>\n\n<p>Some <em>text</em>\n here.</p>\n'
    ours = '<h2 class="y x" data-line="4" id="a-b">A b</h2><p>Some <em>text</em> here. </p>'
    assert compare(kramdown, ours).matched


def test_changed_heading_id_does_not_match_and_is_named():
    result = compare('<h2 id="section">한글</h2>', '<h2 id="한글">한글</h2>')
    assert not result.matched
    assert result.causes == ["heading ids"]


def test_missing_paragraph_does_not_match():
    result = compare("<p>one</p>\n<p>two</p>", "<p>one</p>")
    assert not result.matched
    assert result.causes == ["block structure"]
    assert "two" in result.differences[0].expected


def test_changed_text_is_text_and_words_run_together_is_spacing():
    assert compare("<p>a cat</p>", "<p>a dog</p>").causes == ["text"]
    assert compare("<p>a <em>b</em></p>", "<p>a<em>b</em></p>").causes == ["text spacing"]


def test_smart_quotes_are_a_cause_of_their_own():
    result = compare("<p>It’s “fine”…</p>", '<p>It\'s "fine"...</p>')
    assert result.causes == ["smart quotes/typography"]


def test_highlighted_code_compares_as_plain_text_with_language():
    rouge = (
        '<div class="language-python highlighter-rouge"><div class="highlight">'
        '<pre class="highlight"><code><span class="k">def</span> <span class="nf">f</span>'
        "():\n    pass\n</code></pre></div></div>"
    )
    pygments = '<div class="codehilite"><pre><span></span><code class="language-python">'
    pygments += '<span class="k">def</span> f():\n    pass\n</code></pre></div>'
    assert compare(rouge, pygments).matched
    other_code = pygments.replace("pass", "return")
    assert compare(rouge, other_code).causes == ["code blocks"]
    other_lang = pygments.replace("language-python", "language-ruby")
    assert compare(rouge, other_lang).causes == ["code highlighting"]


def test_rouge_line_number_gutter_is_not_code_text():
    table = (
        '<figure class="highlight"><pre><code class="language-js" data-lang="js">'
        '<table class="rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">1\n2'
        '</pre></td><td class="code"><pre>a();\nb();\n</pre></td></tr></tbody></table>'
        "</code></pre></figure>"
    )
    tokens = fc.canonical_tokens(table)
    assert tokens == ["CODE[js|linenos] a();\nb();"]


def test_footnote_differences_are_footnotes():
    kramdown = '<p>x<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote">1</a>'
    ours = '<p>x<sup id="fnref:1"><a href="#fn:1" class="footnote-ref">1</a>'
    assert compare(kramdown + "</sup></p>", ours + "</sup></p>").causes == ["footnotes"]


def test_stray_end_tags_and_unclosed_raw_html_do_not_crash():
    tokens = fc.canonical_tokens("<center><img src='a.png' width=85%><br><br><I>cap</I></p>")
    assert tokens[0] == "<center>"
    assert '<img src="a.png" width="85%">' in tokens
    assert "text:cap" in tokens


def test_include_placeholder_counts_as_the_empty_include():
    kramdown = "<p>before</p>\n\n<p>after</p>"
    ours = '<p>before</p><div class="liquid-include">{% include toc %}</div><p>after</p>'
    assert not compare(kramdown, ours).matched
    assert compare(kramdown, ours, is_placeholder=fidelity.is_include_placeholder).matched


# ------------------------------------------------------------------ image resolution


def test_both_sides_resolve_images_to_the_same_repo_file(tmp_path):
    (tmp_path / "assets" / "images").mkdir(parents=True)
    (tmp_path / "assets" / "images" / "a b.png").write_bytes(b"png")
    config = {"url": "https://ex.github.io", "baseurl": "/mm"}
    exp = fidelity.jekyll_resolver(tmp_path, config, "/cat/post/")
    ours = fidelity.ours_resolver(tmp_path, config, "/cat/post/")
    want = "repo:assets/images/a b.png"
    assert exp("/mm/assets/images/a%20b.png") == want
    assert exp("https://ex.github.io/mm/assets/images/a b.png") == want
    assert exp("../../assets/images/a b.png") == want
    assert ours((tmp_path / "assets/images/a b.png").as_uri()) == want
    assert exp("https://other.org/x.png") == "https://other.org/x.png"
    assert exp("/mm/assets/images/gone.png") == "missing:assets/images/gone.png"
    # Our preview leaving a web URL to a file the repo has is a real difference.
    assert ours("/mm/assets/images/a%20b.png").startswith("unresolved:")


def test_url_path_acts_as_base_when_baseurl_is_empty(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "x.png").write_bytes(b"png")
    exp = fidelity.jekyll_resolver(tmp_path, {"url": "https://u.github.io/blog"}, "/a/b/")
    assert exp("/blog/images/x.png") == "repo:images/x.png"


# ------------------------------------------------------------------ minimal site


def test_minimal_config_keeps_kramdown_and_urls_and_drops_theme():
    config = {
        "kramdown": {"input": "GFM", "toc_levels": "1..3"},
        "url": "https://u.io",
        "baseurl": "/b",
        "permalink": "/:title/",
        "remote_theme": "mmistakes/minimal-mistakes",
        "plugins": ["jekyll-seo-tag"],
        "defaults": [{"scope": {"path": "", "type": "posts"}, "values": {"layout": "single"}}],
    }
    out = fj.minimal_config(config)
    assert out["kramdown"] == config["kramdown"]
    assert (out["url"], out["baseurl"], out["permalink"]) == ("https://u.io", "/b", "/:title/")
    assert "remote_theme" not in out and "plugins" not in out
    assert out["defaults"] == [{"scope": {"path": ""}, "values": {"layout": "default"}}]


# ------------------------------------------------------------------ end to end

FAKE_RENDER = '''
"""Test double for tileditor's renderer: Python-Markdown, baseurl Liquid, file:// images,
and it loses every paragraph holding DROPME, so the tool must report exactly that post."""
import markdown

def render(text, site, post_path):
    body = text.split("---", 2)[2]
    root = post_path.parents[1]
    body = body.replace("{{ site.baseurl }}/", root.as_uri() + "/")
    paras = [p for p in body.split("\\n\\n") if "DROPME" not in p]
    return markdown.markdown("\\n\\n".join(paras))
'''


def _tiny_site(tmp_path: Path, tiny_png: bytes) -> Path:
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "images").mkdir()
    (site / "images" / "a.png").write_bytes(tiny_png)
    (site / "_config.yml").write_text(
        "url: https://ex.github.io\nbaseurl: /blog\npermalink: /:categories/:title/\n"
        "theme: minima\nplugins: [jekyll-seo-tag]\nkramdown:\n  input: GFM\n",
        encoding="utf-8",
    )
    posts = {
        "2024-01-01-one.md": "Hello world, plain text.\n\nSecond paragraph.\n",
        "2024-01-02-two.md": "A picture:\n\n![pic]({{ site.baseurl }}/images/a.png)\n",
        "2024-01-03-three.md": "Kept paragraph.\n\nDROPME lost paragraph.\n",
    }
    for name, body in posts.items():
        text = f"---\ntitle: {name}\nlayout: single\ncategories: notes\n---\n{body}"
        (site / "_posts" / name).write_text(text, encoding="utf-8")
    return site


@needs_jekyll
@pytest.mark.jekyll
def test_tool_builds_with_jekyll_and_prints_share(tmp_path, tiny_png):
    site = _tiny_site(tmp_path, tiny_png)
    (tmp_path / "fake_render_mod.py").write_text(textwrap.dedent(FAKE_RENDER), encoding="utf-8")
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    out_json = tmp_path / "out.json"
    proc = subprocess.run(
        [sys.executable, str(TOOLS / "fidelity.py"), str(site), "--render-module",
         "fake_render_mod", "--json", str(out_json), "--show", "5"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(tmp_path)},
        check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Matched: 2/3 posts (66.7%)" in proc.stdout
    assert "_posts/2024-01-03-three.md" in proc.stdout
    assert "lost paragraph" in proc.stdout
    assert re.search(r"url_for disagrees with Jekyll for \d+ posts", proc.stdout)
    import json

    details = {r["post"]: r for r in json.loads(out_json.read_text(encoding="utf-8"))}
    assert details["_posts/2024-01-02-two.md"]["matched"]
    assert details["_posts/2024-01-03-three.md"]["causes"] == ["block structure"]
    # The source site is read-only to the tool.
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before


@needs_jekyll
@pytest.mark.jekyll
@pytest.mark.corpus
@pytest.mark.parametrize("site", corpus_sites(), ids=lambda p: p.parent.name + "/" + p.name)
def test_every_corpus_post_is_built_and_rendered_without_error(site):
    pytest.importorskip("tileditor.core.render")
    build, reports = fidelity.run(site, None, "tileditor.core.render", 0)
    assert len(reports) + len(build.unbuilt) == len(fj.post_files(site))
    assert len(reports) >= 0.9 * len(fj.post_files(site))
    crashed = [r.post for r in reports if "render error" in r.causes]
    assert crashed == []
    assert all(r.matched == (r.size == 0) for r in reports)
    # Issue 5 asks for 95% of corpus posts to match kramdown; both corpus sites measured 100%
    # (69/69 and 184/184) once the renderer fixes landed. The floor is the target.
    share = sum(r.matched for r in reports) / len(reports)
    assert share >= 0.95, [r.post for r in reports if not r.matched]


def test_text_split_by_a_comment_or_stray_end_tag_reads_as_one_text():
    assert compare("<p>one two</p>", "<p>one <!-- x -->two</p>").matched
    assert compare("<p>one two</p>", "<p>one </em>two</p>").matched
    assert not compare("<p>one &lt;/em&gt;two</p>", "<p>one </em>two</p>").matched


def test_markdown_left_as_text_is_named():
    kramdown = '<figure><a href="https://u.org/"><img src="x.png" alt="Foo"></a></figure>'
    ours = "<figure>[![Foo](x.png)](https://u.org/)</figure>"
    assert compare(kramdown, ours).causes == ["markdown left as text"]
    assert compare("<p>a - b</p>", "<p>a * b</p>").causes == ["text"]
