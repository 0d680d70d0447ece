"""New posts in the blog's own shape: the keys the newest posts share, in their order and
spelling, tag and category keys as the blog writes them, or jekyll-compose's template."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from tileditor.core.frontmatter import read_header_values
from tileditor.core.new_post import TemplateError, check_template, new_post_text, post_template
from tileditor.core.site import JekyllSite

WHEN = datetime(2025, 6, 1, 9, 30)


def _til_blog(root: Path, n: int = 30, without_classes: int = 3) -> Path:
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: t\npermalink: /:categories/:title/\n", encoding="utf-8")
    for i in range(n):
        classes = "" if i < without_classes else "classes: wide\n"
        (root / "_posts" / f"2025-01-{i + 1:02d}-TIL_{i}.md").write_text(
            f"---\nlayout: single\ntitle: \"TIL :: day {i}\"\ntag: [Notice, TIL_{i}]\n"
            f"categories: Notice\n{classes}read_time: True\ntoc: true \ntypora-root-url: ../\n"
            f"excerpt: number {i}\n---\nbody {i}\n", encoding="utf-8")
    return root


def test_new_post_copies_the_keys_the_blog_shares_in_its_order_and_style(tmp_path):
    site = JekyllSite(_til_blog(tmp_path))
    text = new_post_text(site, "Window functions", WHEN, ["SQL", "TIL_25"], ["Notice"])
    assert text == (
        "---\nlayout: single\ntitle: \"Window functions\"\ntag: [SQL, TIL_25]\ncategories: Notice\n"
        "classes: wide\nread_time: True\ntoc: true\ntypora-root-url: ../\n---\n\n")


def test_keys_with_varying_values_or_in_few_posts_are_not_copied(tmp_path):
    site = JekyllSite(_til_blog(tmp_path, n=20, without_classes=6))  # classes in 70%
    text = new_post_text(site, "X", WHEN)
    assert "classes" not in text and "excerpt" not in text and "layout: single\n" in text


def test_window_new_post_has_empty_slots_in_place(tmp_path):
    site = JekyllSite(_til_blog(tmp_path))
    text = new_post_text(site, "", WHEN)
    assert text.startswith('---\nlayout: single\ntitle: ""\ntag: []\ncategories:\nclasses: wide\n')
    assert read_header_values(text)["read_time"] is True


def test_several_categories_in_a_plain_string_blog_become_a_list(tmp_path):
    site = JekyllSite(_til_blog(tmp_path))
    text = new_post_text(site, "X", WHEN, categories=["Notice", "Two words"])
    assert 'categories: [Notice, Two words]\n' in text


def test_block_list_blog_gets_block_lists(tmp_path):
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_config.yml").write_text("title: t\n")
    for i in range(5):
        (tmp_path / "_posts" / f"2024-02-0{i + 1}-p{i}.md").write_text(
            f"---\ntitle: Post {i}\ndate: 2024-02-0{i + 1} 10:00:00\ntags:\n- a\n- b{i}\n---\n")
    text = new_post_text(JekyllSite(tmp_path), "Yes", WHEN, ["x", "no"])
    assert text == '---\ntitle: "Yes"\ndate: 2025-06-01 09:30:00\ntags:\n- x\n- "no"\n---\n\n'


def test_jekyll_compose_default_front_matter_is_the_template(tmp_path):
    site = JekyllSite(_til_blog(tmp_path))
    (tmp_path / "_config.yml").write_text(
        "title: t\njekyll_compose:\n  default_front_matter:\n    drafts:\n      description:\n"
        "    posts:\n      description:\n      tags: []\n      published: false\n", encoding="utf-8")
    site.invalidate()
    assert post_template(site) == 'title: ""\ndate:\ndescription:\ntags: []\npublished: false\n'
    text = new_post_text(site, "Composed", WHEN, tags=["a"])
    assert text == ('---\ntitle: "Composed"\ndate: 2025-06-01 09:30:00\ndescription:\ntags: [a]\n'
                    "published: false\n---\n\n")
    assert new_post_text(site, "D", WHEN, draft=True) == '---\ntitle: "D"\ndescription:\n---\n\n'


def test_template_text_round_trip_for_a_settings_ui(tmp_path):
    site = JekyllSite(_til_blog(tmp_path))
    template = post_template(site).replace("classes: wide\n", "classes: wide\nauthor_profile: false\n")
    assert check_template(template) is None
    text = new_post_text(site, "T", WHEN, template=template)
    assert "classes: wide\nauthor_profile: false\n" in text
    assert check_template("title: [\n") is not None and check_template("a: 1\n---\n") is not None
    with pytest.raises(TemplateError):
        new_post_text(site, "T", WHEN, template="title: [\n")


def test_keeps_old_call_without_site():
    assert new_post_text(None, "Hello", WHEN, ["a"], ["b"]) == (
        '---\ntitle: "Hello"\ncategories: [b]\ntags: [a]\n---\n\n')


@pytest.mark.jekyll
@pytest.mark.skipif(shutil.which("jekyll") is None, reason="jekyll is not installed")
def test_new_post_in_blog_shape_builds_with_jekyll(tmp_path):
    root = _til_blog(tmp_path / "site", n=5, without_classes=0)
    site = JekyllSite(root)
    (root / "_posts" / "2025-06-01-new.md").write_text(
        new_post_text(site, "New: a \u2028 test", WHEN, ["A"], ["Notice"]) + "hello\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run(["jekyll", "build", "-q", "-s", str(root), "-d", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    page = out / "notice" / "new" / "index.html"
    assert page.is_file() and "hello" in page.read_text(encoding="utf-8")
