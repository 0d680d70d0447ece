"""Conventions detected from a blog's existing posts."""

from __future__ import annotations

from pathlib import Path

from tileditor.core.site import Conventions, JekyllSite


def _write(root: Path, rel: str, text: str) -> None:
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")


def test_til_blog_conventions(tmp_site):
    conv = JekyllSite(tmp_site).conventions()
    assert conv.posts_subdir == "year" and conv.slug_case == "keep"
    assert conv.tag_key == "tag" and conv.category_key == "categories"
    assert conv.list_style == "flow"
    assert conv.key_order == ("title", "tag", "categories", "read_time", "toc", "typora-root-url")
    assert conv.image_root == "images" and conv.image_link_style == "relative"
    assert conv.image_markup == "html-center" and conv.image_width == "85%"
    assert conv.typora_root_url == "../" and not conv.date_in_header and conv.quote_titles


def test_site_path_blog_conventions(tmp_path, tiny_png):
    (tmp_path / "_config.yml").write_text("url: https://me.github.io/blog\nbaseurl: ''\n")
    (tmp_path / "assets" / "images").mkdir(parents=True)
    (tmp_path / "assets" / "images" / "a.png").write_bytes(tiny_png)
    for i in range(3):
        _write(tmp_path, f"_posts/ko/2024-01-0{i + 1}-post-{i}.md",
               f"---\ntitle: Post {i}\ndate: 2024-01-0{i + 1}\ntags:\n- x\n- y\n---\n"
               f"![a](/blog/assets/images/a.png)\n")
    conv = JekyllSite(tmp_path).conventions()
    assert conv.posts_subdir == "ko" and conv.slug_case == "lower"
    assert conv.list_style == "block-unindented" and conv.date_in_header
    assert conv.image_root == "assets/images" and conv.image_link_style == "site-path"
    assert conv.image_markup == "markdown" and not conv.quote_titles


def test_list_styles(tmp_path):
    (tmp_path / "_config.yml").write_text("title: t\n")
    _write(tmp_path, "_posts/2024-01-01-a.md", "---\ntags: [a,b]\n---\n")
    assert JekyllSite(tmp_path).conventions().list_style == "flow-tight"
    _write(tmp_path, "_posts/2024-01-01-a.md", "---\ntags:\n  - a\n---\n")
    assert JekyllSite(tmp_path).conventions().list_style == "block"
    _write(tmp_path, "_posts/2024-01-01-a.md", "---\ntags: a b\n---\n")
    assert JekyllSite(tmp_path).conventions().list_style == "string"


def test_empty_blog_defaults(tmp_path):
    (tmp_path / "_config.yml").write_text("title: t\n")
    conv = JekyllSite(tmp_path).conventions()
    assert conv == Conventions()
    assert conv.image_markup == "markdown" and conv.image_link_style == "root"
    assert conv.tag_key == "tags" and conv.list_style == "flow"


def test_corpus_conventions(corpus):
    mm = JekyllSite(corpus / "mmistakes__minimal-mistakes" / "docs").conventions()
    assert mm.image_root == "assets/images" and mm.image_link_style == "url-liquid"
    assert mm.tag_key == "tags" and mm.list_style == "block"
    bb = JekyllSite(corpus / "benbalter__benbalter.github.com").conventions()
    # Its newest posts have no local images; older ones use /wp-content/uploads/...
    assert bb.image_root == "wp-content/uploads" and bb.image_link_style in ("root", "absolute")
