"""url_for and plan_import checked against a real `jekyll build` of a temporary site."""

from __future__ import annotations

import html
import posixpath
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote

import pytest

from tileditor.core.images import plan_import, resolve_reference
from tileditor.core.site import JekyllSite
from tileditor.core.slug import new_post_path

pytestmark = pytest.mark.skipif(shutil.which("jekyll") is None, reason="jekyll not on PATH")


def _site(tmp_path: Path, config: str) -> Path:
    src = tmp_path / "src"
    (src / "_layouts").mkdir(parents=True)
    (src / "_layouts" / "default.html").write_text(
        "<html><body>{{ content }}</body></html>\n", encoding="utf-8")
    (src / "_config.yml").write_text(
        config + "\nmarkdown: kramdown\nkramdown:\n  input: GFM\ntimezone: UTC\n"
        "defaults:\n  - scope:\n      path: \"\"\n    values:\n      layout: default\n",
        encoding="utf-8")
    return src


def _build(src: Path, dest: Path) -> None:
    done = subprocess.run(["jekyll", "build", "--safe", "-s", str(src), "-d", str(dest)],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr


def _built_file(dest: Path, site: JekyllSite, url: str) -> Path:
    path = unquote(url)
    if site.baseurl:
        assert path.startswith(site.baseurl + "/")
        path = path[len(site.baseurl):]
    target = dest / path.lstrip("/")
    if path.endswith("/"):
        return target / "index.html"
    # Document#destination appends the output extension to extensionless URLs.
    return target if target.suffix == ".html" else target.with_name(target.name + ".html")


POSTS = {
    "_posts/2025/2025-04-22-TIL25_ANewChapter.md":
        "---\ntitle: \"TIL :: A new chapter\"\ntag: [Notice, MLOpsReview]\n"
        "categories: Notice\n---\nbody\n",
    "_posts/2024-01-05-한글 제목 (1).md": "---\ntitle: 한글\ncategories: [Dev Notes, AI]\n---\nx\n",
    "_posts/2024-02-29-front-date.md":
        "---\ndate: 2024-03-01 01:30:00 +0900\ncategory: Single Cat\n---\nx\n",
    "ko/_posts/2023-07-08-path-cat.markdown": "---\ncategories: extra\n---\nx\n",
    "_posts/2023-01-02-own-permalink.md": "---\npermalink: /fixed/:title.html\n---\nx\n",
    "_posts/2023-01-03-with-slug.md": "---\nslug: Other Slug\n---\nx\n",
    "_posts/2023-01-04-dots.and.more..md": "x\n",
}


@pytest.mark.parametrize("permalink", [
    "/:categories/:title/", "date", "pretty", "none", "ordinal",
    "/:year/:i_month/:i_day/:slug:output_ext", "/blog/:short_year/:title",
])
def test_url_for_matches_jekyll(tmp_path, permalink):
    src = _site(tmp_path, f"url: https://example.github.io\nbaseurl: /sub\npermalink: {permalink}")
    for rel, text in POSTS.items():
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text(text, encoding="utf-8")
    dest = tmp_path / "out"
    _build(src, dest)
    site = JekyllSite(src)
    posts = site.posts()
    assert len(posts) == len(POSTS)
    built = {p.relative_to(dest).as_posix() for p in dest.rglob("*.html")}
    for entry in posts:
        url = site.url_for(entry.path)
        target = _built_file(dest, site, url)
        assert target.is_file(), (entry.rel, url, sorted(built))


OLD_HTML = ("<center><img src=\"../../images/2025-01-01-Old_Post/a.png\" width=\"85%\">"
            "</center>\n")
OLD_MD = "![old](/blog/images/2025-01-01-Old_Post/a.png)\n"


def _img_srcs(page: Path) -> list[str]:
    return [html.unescape(s) for s in
            re.findall(r'<img src="([^"]+)"', page.read_text(encoding="utf-8"))]


def _served(dest: Path, page_url: str, src: str, prefix: str) -> Path:
    """The built file a browser on the published site fetches for `src` on `page_url`."""
    resolved = posixpath.normpath(posixpath.join(unquote(page_url), unquote(src)))
    assert resolved.startswith(prefix + "/"), resolved
    return dest / resolved[len(prefix) + 1:]


@pytest.mark.parametrize(("config", "old_body", "style"), [
    ("url: https://example.github.io\nbaseurl: /blog\n", OLD_HTML, "relative"),
    ("url: https://me.github.io/blog\nbaseurl: ''\n", OLD_MD, "site-path"),
])
def test_new_post_and_planned_image_build(tmp_path, tiny_png, config, old_body, style):
    src = _site(tmp_path, config + "permalink: /:categories/:title/")
    (src / "_posts" / "2025").mkdir(parents=True)
    old = src / "_posts" / "2025" / "2025-01-01-Old_Post.md"
    old.write_text("---\ntitle: old\ncategories: Notice\n---\n\n" + old_body, encoding="utf-8")
    (src / "images" / "2025-01-01-Old_Post").mkdir(parents=True)
    (src / "images" / "2025-01-01-Old_Post" / "a.png").write_bytes(tiny_png)
    site = JekyllSite(src)
    assert site.conventions().image_link_style == style
    post = new_post_path(site, "My New Post: 한글!", datetime(2025, 5, 6))
    assert post.parent == src / "_posts" / "2025"
    header = {"title": "new", "categories": "TIL"}
    plan = plan_import(site, post, tiny_png + b"new", "Screen Shot 1.PNG", alt="shot",
                       front_matter=header)
    plan.dest.parent.mkdir(parents=True, exist_ok=True)
    plan.dest.write_bytes(tiny_png + b"new")
    post.write_text(f"---\ntitle: new\ncategories: TIL\n---\n\n{plan.snippet}\n",
                    encoding="utf-8")
    site.invalidate()
    assert resolve_reference(site, post, plan.url) == plan.dest
    dest = tmp_path / "out"
    _build(src, dest)
    prefix = "/blog"
    for path, data in ((post, tiny_png + b"new"), (old, tiny_png)):
        url = site.public_url_path(path)
        assert url.startswith(prefix + "/")
        page = _built_file(dest, site, site.url_for(path))
        assert page.is_file(), url
        srcs = _img_srcs(page)
        assert srcs, page.read_text(encoding="utf-8")
        assert _served(dest, url, srcs[0], prefix).read_bytes() == data


def test_draft_url_matches_jekyll_drafts_build(tmp_path):
    src = _site(tmp_path, "permalink: /:categories/:year/:title/")
    draft = src / "_drafts" / "My Draft (2).md"
    draft.parent.mkdir()
    draft.write_text("---\ncategories: [Ideas]\n---\nx\n", encoding="utf-8")
    dest = tmp_path / "out"
    done = subprocess.run(["jekyll", "build", "--safe", "--drafts", "-s", str(src), "-d",
                           str(dest)], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    site = JekyllSite(src)
    assert [d.path for d in site.drafts()] == [draft]
    assert _built_file(dest, site, site.url_for(draft)).is_file(), site.url_for(draft)


def test_a_header_jekyll_reads_only_in_part_previews_and_lists_as_the_site_shows_it(tmp_path):
    """First keys indented, the next not: real Jekyll builds the page with the indented keys
    and silently without the rest; the preview's front matter and the post list's values are
    those same keys (and both still carry the error the form shows)."""
    from tileditor.core.render import render
    from tileditor.core.site.headers import parse_header

    src = _site(tmp_path, "title: T")
    (src / "_layouts" / "default.html").write_text(
        "<h1>{{ page.title }}</h1><i>{{ page.tags | join: ',' }}</i>{{ content }}\n",
        encoding="utf-8")
    text = '---\n  title: "Partly :: read"\n  toc: true\ntags: [lost]\n---\nbody\n'
    (src / "_posts").mkdir()
    (src / "_posts" / "2024-01-02-partly.md").write_text(text, encoding="utf-8")
    _build(src, tmp_path / "out")
    built = (tmp_path / "out" / "2024" / "01" / "02" / "partly.html").read_text(encoding="utf-8")
    assert re.search(r"<h1>(.*?)</h1><i>(.*?)</i>", built).groups() == ("Partly :: read", "")
    result = render(text)
    assert result.front_matter == {"title": "Partly :: read", "toc": True}
    assert result.title == "Partly :: read" and "Jekyll stops reading" in result.warnings[0]
    values, error = parse_header(text)
    assert values == result.front_matter and "line 4" in error
