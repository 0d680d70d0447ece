"""Image references, resolution as the published site does it, and import plans."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from tileditor.core.images import (
    NotAnImageError,
    find_image_references,
    front_matter_image_refs,
    plan_import,
    post_image_dir,
    resolve_reference,
    sniff_image_type,
)
from tileditor.core.site import JekyllSite

POST = "_posts/2025/2025-04-22-TIL25_ANewChapter.md"
IMG = "images/2025-04-22-TIL25_ANewChapter/shot.png"


def test_find_references_kinds_and_offsets():
    text = (
        "![a](../../images/p/a b (1).png \"title\") <IMG SRC=x.png width=3>\n"
        "<img alt='q' src='y.jpg'> `![no](code.png)`\n\n```\n![no](fence.png)\n```\n"
        "![ref][logo] ![Foo]({{ \"/assets/x.jpg\" | relative_url }})\n\n"
        "[logo]: <with space.png> \"t\"\n"
        "{% include figure image_path=\"/assets/f.jpg\" alt=\"x\" %}\n"
    )
    refs = find_image_references(text)
    assert [(r.src, r.kind) for r in refs] == [
        ("../../images/p/a b (1).png", "markdown"), ("x.png", "html"), ("y.jpg", "html"),
        ('{{ "/assets/x.jpg" | relative_url }}', "markdown"),
        ("with space.png", "reference"), ("/assets/f.jpg", "include"),
    ]
    assert all(text[r.start:r.end] == r.src for r in refs)


def test_front_matter_image_refs():
    fm = {"header": {"image": "/a.png", "teaser": "b.png", "overlay_image": "/c.png",
                     "og_image": "/d.png"},
          "gallery": [{"url": "/e.jpg", "image_path": "/e-th.jpg"}],
          "sidebar": [{"image": "/f.png"}], "image": {"path": "/g.png"}, "title": "x"}
    assert front_matter_image_refs(fm) == ["/a.png", "b.png", "/c.png", "/d.png",
                                           "/e-th.jpg", "/e.jpg", "/f.png", "/g.png"]


@pytest.mark.parametrize("src", [
    "../../images/2025-04-22-TIL25_ANewChapter/shot.png",
    "/images/2025-04-22-TIL25_ANewChapter/shot.png",
    "{{ site.baseurl }}/images/2025-04-22-TIL25_ANewChapter/shot.png",
    "{{ site.url }}{{ site.baseurl }}/images/2025-04-22-TIL25_ANewChapter/shot.png",
    "{{ '/images/2025-04-22-TIL25_ANewChapter/shot.png' | relative_url }}",
    '{{ "images/2025-04-22-TIL25_ANewChapter/shot.png" | absolute_url }}',
    "https://example.github.io/images/2025-04-22-TIL25_ANewChapter/shot.png?v=2#x",
    "//www.example.github.io/images/2025-04-22-TIL25_ANewChapter/shot.png",
    "../../images/2025-04-22-TIL25_ANewChapter/sh%6Ft.png",
    "<../../images/2025-04-22-TIL25_ANewChapter/shot.png>",
    "{{ '/images/2025-04-22-TIL25_ANewChapter/shot.png' | prepend: site.baseurl }}",
    '{{ "/images/2025-04-22-TIL25_ANewChapter/shot.png" | prepend: site.baseurl '
    "| prepend: site.url }}",
    "{{site.baseurl}}/images/2025-04-22-TIL25_ANewChapter/shot.png",
])
def test_resolve_like_the_published_site(tmp_site, src):
    site = JekyllSite(tmp_site)
    assert resolve_reference(site, tmp_site / POST, src) == site.root / IMG


@pytest.mark.parametrize("src", [
    "https://other.example.com/images/2025-04-22-TIL25_ANewChapter/shot.png",
    "../../../../../../etc/passwd", "/../../etc/passwd", "{{ page.image }}", "data:image/png;x",
    "../images/2025-04-22-TIL25_ANewChapter/shot.png",  # one level short for this URL
])
def test_unresolvable_or_outside(tmp_site, src):
    site = JekyllSite(tmp_site)
    assert resolve_reference(site, tmp_site / POST, src) is None


def test_site_path_spaces_nfd_and_typora(tmp_path, tiny_png):
    (tmp_path / "_config.yml").write_text("url: https://me.github.io/blog\n"
                                          "permalink: /:year/:title.html\n")
    folder = tmp_path / "images" / unicodedata.normalize("NFD", "사진 (1)")
    folder.mkdir(parents=True)
    (folder / "a b.png").write_bytes(tiny_png)
    post = tmp_path / "_posts" / "2024-01-01-x.md"
    post.parent.mkdir()
    post.write_text("---\ntypora-root-url: ../\n---\n")
    site = JekyllSite(tmp_path)
    want = folder / "a b.png"
    for src in ("/blog/images/사진 (1)/a b.png", "../images/사진%20(1)/a%20b.png",
                "/images/%EC%82%AC%EC%A7%84%20(1)/a b.png",
                "https://me.github.io/blog/images/사진 (1)/a b.png"):
        assert resolve_reference(site, post, src) == want, src
    # Jekyll publishes nothing from '_' folders; Typora's root and the post folder still
    # find such files as last fallbacks (that is what the author saw while writing).
    (tmp_path / "_src").mkdir()
    (tmp_path / "_src" / "t.png").write_bytes(tiny_png)
    typora = {"typora-root-url": "../_src"}
    assert resolve_reference(site, post, "/_src/t.png", {}) is None
    assert resolve_reference(site, post, "/t.png", typora) == tmp_path.resolve() / "_src/t.png"
    assert resolve_reference(site, post, "../_src/t.png") == tmp_path.resolve() / "_src/t.png"


def test_front_matter_paths_are_site_relative(tmp_site):
    site = JekyllSite(tmp_site)
    got = resolve_reference(site, tmp_site / POST, IMG, from_front_matter=True)
    assert got == site.root / IMG


def test_sniff():
    assert sniff_image_type(b"\x89PNG\r\n\x1a\n....") == "png"
    assert sniff_image_type(b"\xff\xd8\xff\xe0") == "jpeg"
    assert sniff_image_type(b"GIF89a") == "gif"
    assert sniff_image_type(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "webp"
    assert sniff_image_type(b"\x00\x00\x00\x1cftypavif") == "avif"
    assert sniff_image_type(b"<?xml version='1.0'?>\n<svg xmlns=''/>") == "svg"
    assert sniff_image_type(b"BM" + b"\x00" * 30) == "bmp"
    assert sniff_image_type(b"hello") is None


def test_plan_import_til_blog(tmp_site, tiny_png):
    site = JekyllSite(tmp_site)
    post = site.root / POST
    assert post_image_dir(site, post) == site.root / "images" / "2025-04-22-TIL25_ANewChapter"
    same = plan_import(site, post, tiny_png, "whatever.png")
    assert same.reuse_existing and same.dest == site.root / IMG
    other = tiny_png + b"x"
    plan = plan_import(site, post, other, "C:\\Users\\me\\Screen Shot (2).JPEG", alt="pic")
    assert plan.dest.name == "Screen-Shot-2.png" and not plan.reuse_existing
    assert plan.url == "../../images/2025-04-22-TIL25_ANewChapter/Screen-Shot-2.png"
    assert plan.snippet == f'<center><img src="{plan.url}" alt="pic" width="85%"></center>'
    assert resolve_reference(site, post, plan.url) is None  # not written yet
    plan.dest.write_bytes(other)
    assert resolve_reference(site, post, plan.url) == plan.dest
    taken = plan_import(site, post, other + b"y", "shot.png")
    assert taken.dest.name == "shot-2.png"
    with pytest.raises(NotAnImageError):
        plan_import(site, post, b"not an image", "x.png")


def test_plan_import_styles(tmp_path, tiny_png):
    (tmp_path / "_config.yml").write_text("url: https://me.github.io\nbaseurl: /base\n")
    site = JekyllSite(tmp_path)
    post = tmp_path / "_posts" / "2024-01-01-새 글.md"  # not saved yet
    plan = plan_import(site, post, tiny_png, "a.png", alt="A")
    assert plan.url == "/base/images/2024-01-01-새 글/a.png".replace(" ", "%20")
    assert plan.snippet == f"![A]({plan.url})"
    assert plan.folder == Path(site.root / "images" / "2024-01-01-새 글")
    plan.folder.mkdir(parents=True)
    plan.dest.write_bytes(tiny_png)
    assert resolve_reference(site, post, plan.url) == plan.dest


def test_unsaved_front_matter_decides_the_depth(tmp_site):
    site = JekyllSite(tmp_site)
    post = site.root / POST
    deeper = {"categories": ["Notice", "Sub"]}
    three = "../../../images/2025-04-22-TIL25_ANewChapter/shot.png"
    assert resolve_reference(site, post, three) is not None  # clamped at the site root
    plan = plan_import(site, post, b"GIF89a" + b"\x00" * 20, "g.gif", front_matter=deeper)
    assert plan.url.startswith("../../../images/")


def test_reference_title_and_liquid():
    text = '![a]({{ site.url }}/x.png "t") ![b](y.png (paren title)) ![c](z (1).png)'
    assert [r.src for r in find_image_references(text)] == [
        "{{ site.url }}/x.png", "y.png", "z (1).png"]
