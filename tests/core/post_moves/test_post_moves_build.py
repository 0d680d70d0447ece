"""After a publish (and a rename on top), a real `jekyll build` shows every image of the moved
post, and of the other post linking its pictures, on the built pages."""

from __future__ import annotations

import html
import posixpath
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.helpers.post_moves import PNG, write
from tileditor.core.post_moves import apply_move, plan_publish, plan_rename
from tileditor.core.site import JekyllSite

pytestmark = [pytest.mark.jekyll,
              pytest.mark.skipif(shutil.which("jekyll") is None, reason="jekyll not on PATH")]

CONFIG = ("title: t\nurl: https://me.example.com\nbaseurl: /blog\n"
          "permalink: /:categories/:title/\nmarkdown: kramdown\nkramdown:\n  input: GFM\n"
          "timezone: UTC\ndefaults:\n  - scope:\n      path: \"\"\n    values:\n"
          "      layout: default\n")
LAYOUT = ("<html><body>{% if page.header.teaser %}<img src=\"{{ page.header.teaser | "
          "relative_url }}\">{% endif %}{{ content }}</body></html>\n")
DRAFT = """---
title: "Draft :: 한글"
categories: Notice
header:
  teaser: /images/my-draft/teaser.png
typora-root-url: ../
---

![md](/blog/images/my-draft/a.png)

<center><img src="../../images/my-draft/b.png" width="85%"></center>

![liquid]({{ site.baseurl }}/images/my-draft/c.png)

![filter]({{ '/images/my-draft/d.png' | relative_url }})

![abs](https://me.example.com/blog/images/my-draft/e.png)
"""
NAMES = ("teaser", "a", "b", "c", "d", "e")


def _blog(tmp_path: Path) -> Path:
    root = tmp_path / "src"
    write(root, "_config.yml", CONFIG)
    write(root, "_layouts/default.html", LAYOUT)
    write(root, "_drafts/my-draft.md", DRAFT)
    write(root, "_posts/2025/2025-01-03-Other.md",
          "---\ntitle: o\ncategories: Notice\n---\n\n![it](../../images/my-draft/a.png)\n")
    for name in NAMES:
        write(root, f"images/my-draft/{name}.png", PNG + name.encode())
    return root.resolve()


def _build(src: Path, dest: Path) -> None:
    done = subprocess.run(["jekyll", "build", "--safe", "-s", str(src), "-d", str(dest)],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr


def _page_images(dest: Path, site: JekyllSite, post: Path) -> list[bytes]:
    """The bytes a browser on the published site loads for each <img> of the post's page."""
    url = unquote(site.url_for(post))
    page = dest / url[len("/blog/"):] / "index.html"
    assert page.is_file(), url
    out = []
    for src in re.findall(r'<img src="([^"]+)"', page.read_text(encoding="utf-8")):
        src = unquote(html.unescape(src))
        if "://" in src:
            assert urlsplit(src).hostname == "me.example.com", src
            src = urlsplit(src).path
        served = posixpath.normpath(posixpath.join(url, src))
        assert served.startswith("/blog/images/"), (src, served)
        out.append((dest / served[len("/blog/"):]).read_bytes())
    return out


@pytest.mark.parametrize("then_rename", [False, True])
def test_every_image_of_the_moved_post_shows_after_jekyll_build(tmp_path, then_rename):
    root = _blog(tmp_path)
    site = JekyllSite(root)
    plan = plan_publish(site, root / "_drafts/my-draft.md", date(2025, 5, 6))
    apply_move(plan)
    post = plan.new_path
    if then_rename:
        # Jekyll stops the build on a post_url naming no post: these must follow the rename.
        write(root, "_posts/2025-02-01-linker.md", "---\ntitle: l\n---\n"
              "[a]({% post_url 2025-05-06-my-draft %}) [b]({% post_url 2025/2025-05-06-my-draft %})\n")
        plan = plan_rename(JekyllSite(root), post, title="Renamed 한글 post", date=date(2024, 2, 3))
        apply_move(plan)
        post = plan.new_path
        assert post == root / "_posts/2024/2024-02-03-Renamed-한글-post.md"
    dest = tmp_path / "out"
    _build(root, dest)
    site = JekyllSite(root)
    assert _page_images(dest, site, post) == [PNG + n.encode() for n in NAMES]
    other = root / "_posts/2025/2025-01-03-Other.md"
    assert _page_images(dest, site, other) == [PNG + b"a"]
    if then_rename:
        linker = dest / "linker/index.html"
        assert linker.read_text(encoding="utf-8").count('href="/blog/notice/Renamed-') == 2
