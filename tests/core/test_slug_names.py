"""slugify and new_post_path: Jekyll-like slugs that are never empty or a path."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tileditor.core.site import JekyllSite
from tileditor.core.slug import jekyll_slugify, new_post_path, slugify


@pytest.mark.parametrize(("title", "expected"), [
    ("Hello, World!", "hello-world"),
    ("TIL :: A new chapter", "til-a-new-chapter"),
    ("파이썬 기초 (1)", "파이썬-기초-1"),
    ("Café au lait", "café-au-lait"),
    ("🎉🎉", "untitled"),
    ("!!! ...", "untitled"),
    ("", "untitled"),
    ("../../etc/passwd", "etc-passwd"),
    ("a/b\\c", "a-b-c"),
    ("  --x--  ", "x"),
])
def test_slugify(title, expected):
    assert slugify(title) == expected


def test_keep_case_and_jekyll_modes():
    assert slugify("TIL25 ANewChapter", keep_case=True) == "TIL25-ANewChapter"
    assert jekyll_slugify("The _config.yml file") == "the-config-yml-file"
    assert jekyll_slugify("The _config.yml file", "pretty", cased=True) == "The-_config.yml-file"
    assert jekyll_slugify("🎉") == ""


@given(st.text())
def test_slug_is_never_a_path(title):
    slug = slugify(title)
    assert slug and "/" not in slug and "\\" not in slug and ".." not in slug
    assert slug.strip() == slug and not slug.startswith("-")


def test_new_post_path_follows_year_folders_and_case(tmp_site):
    site = JekyllSite(tmp_site)
    p = new_post_path(site, "My Post: 한글!", date(2025, 5, 6))
    assert p == tmp_site.resolve() / "_posts" / "2025" / "2025-05-06-My-Post-한글.md"
    assert not p.exists()


def test_new_post_path_never_overwrites(tmp_site):
    site = JekyllSite(tmp_site)
    first = new_post_path(site, "TIL25 ANewChapter", date(2025, 4, 22))
    assert first.name == "2025-04-22-TIL25-ANewChapter.md"
    first.write_text("x")
    site.invalidate()
    second = new_post_path(site, "TIL25 ANewChapter", date(2025, 4, 22))
    assert second.name == "2025-04-22-TIL25-ANewChapter-2.md"


def test_new_post_path_lowercase_flat_blog_and_drafts(tmp_path):
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2024-01-01-first-post.md").write_text("---\ntitle: a\n---\n")
    (tmp_path / "_posts" / "2024-02-01-second.md").write_text("---\ntitle: b\n---\n")
    site = JekyllSite(tmp_path)
    root = tmp_path.resolve()
    p = new_post_path(site, "../../Evil\\Name/..", date(2024, 3, 1))
    assert p.parent == root / "_posts" and p.name == "2024-03-01-evil-name.md"
    assert new_post_path(site, "First Post", date(2024, 1, 1)).name == "2024-01-01-first-post-2.md"
    d = new_post_path(site, "🎉", draft=True)
    assert d == root / "_drafts" / "untitled.md"


def test_new_post_path_keeps_a_fixed_nested_folder(tmp_path):
    (tmp_path / "_config.yml").write_text("title: t\n")
    for i in range(3):
        p = tmp_path / "_posts" / "dev" / "python" / f"2024-01-0{i + 1}-p{i}.md"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("---\ntitle: x\n---\n")
    site = JekyllSite(tmp_path)
    assert site.conventions().posts_subdir == "dev/python"
    p = new_post_path(site, "New", date(2024, 2, 2))
    assert p == tmp_path.resolve() / "_posts" / "dev" / "python" / "2024-02-02-new.md"
