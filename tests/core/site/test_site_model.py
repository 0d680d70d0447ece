"""JekyllSite: finding the root, config values, post listing rules, URLs, tags, defaults."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tileditor.core.site import JekyllSite


def _post(root: Path, rel: str, text: str = "---\ntitle: t\n---\nbody\n") -> Path:
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def test_find_walks_up_from_files_and_folders(tmp_site):
    post = tmp_site / "_posts" / "2025" / "2025-04-22-TIL25_ANewChapter.md"
    assert JekyllSite.find(post).root == tmp_site.resolve()
    assert JekyllSite.find(tmp_site / "images").root == tmp_site.resolve()
    assert JekyllSite.find(tmp_site.parent) is None


def test_config_values(tmp_site):
    site = JekyllSite(tmp_site)
    assert site.url == "https://example.github.io"
    assert site.baseurl == "" and site.site_path_prefix == ""
    assert site.permalink == "/:categories/:title/"
    assert site.kramdown == {"input": "GFM"}
    assert site.words_per_minute == 200 and site.title == "Test TIL"


def test_named_styles_prefix_and_broken_config(tmp_path):
    (tmp_path / "_config.yml").write_text("url: https://me.github.io/blog/\npermalink: pretty\n")
    site = JekyllSite(tmp_path)
    assert site.url == "https://me.github.io/blog" and site.site_path_prefix == "/blog"
    assert site.permalink == "/:categories/:year/:month/:day/:title/"
    (tmp_path / "_config.yml").write_text("url: [unclosed\n")
    site.invalidate([tmp_path / "_config.yml"])
    assert site.config == {} and site.config_error and site.permalink.endswith(":output_ext")
    assert site.words_per_minute == 200


def test_listing_follows_jekyll_rules(tmp_path):
    (tmp_path / "_config.yml").write_text("exclude: [old]\n")
    keep = [
        "_posts/2024-01-01-plain.md", "_posts/2025/2025-02-03-한글 제목 (1).md",
        "_posts/a/b/c/2023-05-06-deep.markdown", "ko/_posts/2022-01-01-lang.md",
    ]
    skip = [
        "_posts/_hidden/2024-01-01-x.md", "_posts/.x/2024-01-01-x.md", "_posts/2024-01-01-x.md~",
        "_posts/#2024-01-01-x.md", "_posts/no-date.md", "_posts/2024-01-01-x.txt",
        "_site/_posts/2024-01-01-x.md", "old/_posts/2024-01-01-x.md", "_x/_posts/2024-01-01-y.md",
        "node_modules/a/_posts/2024-01-01-z.md",
    ]
    for rel in keep + skip:
        _post(tmp_path, rel)
    _post(tmp_path, "_drafts/idea.md", "---\ntitle: Idea\n---\n")
    site = JekyllSite(tmp_path)
    rels = [e.rel for e in site.posts()]
    assert rels == [keep[1], keep[0], keep[2], keep[3]]  # newest first
    lang = next(e for e in site.posts() if e.rel == keep[3])
    assert lang.categories == ("ko",) and lang.date == datetime(2022, 1, 1)
    hangul = site.posts()[0]
    assert hangul.slug == "한글 제목 (1)" and not hangul.draft
    drafts = site.drafts()
    assert [d.rel for d in drafts] == ["_drafts/idea.md"] and drafts[0].draft
    assert drafts[0].date is None and drafts[0].title == "Idea"


def test_entry_fields_from_front_matter(tmp_path):
    (tmp_path / "_config.yml").write_text("timezone: Asia/Seoul\n")
    p = _post(tmp_path, "_posts/2024-03-01-some-slug.md",
              "---\ntag: [A, B]\ncategories: X Y\ncategory: Z\n"
              "date: 2024-03-02 10:00:00 +0000\n---\n")
    bad = _post(tmp_path, "_posts/2024-03-03-bad.md", "---\ntitle: [oops\n---\n")
    site = JekyllSite(tmp_path)
    entry = next(e for e in site.posts() if e.path == p)
    assert entry.tags == ("A", "B") and entry.categories == ("X", "Y", "Z")
    assert entry.title == "Some Slug" and entry.date == datetime(2024, 3, 2, 19, 0)
    broken = next(e for e in site.posts() if e.path == bad)
    assert broken.error and broken.title == "Bad"


def test_url_for_tmp_site(tmp_site):
    site = JekyllSite(tmp_site)
    post = tmp_site / "_posts" / "2025" / "2025-04-22-TIL25_ANewChapter.md"
    assert site.url_for(post) == "/notice/TIL25_ANewChapter/"
    assert site.absolute_url_for(post) == "https://example.github.io/notice/TIL25_ANewChapter/"
    cats = {"categories": ["Dev Notes", "AI"]}
    assert site.url_for(post, cats) == "/dev%20notes/ai/TIL25_ANewChapter/"
    own = {"permalink": "/x/:year/:title.html"}
    assert site.url_for(post, own) == "/x/2025/TIL25_ANewChapter.html"
    hangul = tmp_site / "_posts" / "2025-01-01-한글 (1).md"
    assert site.url_for(hangul, {}) == "/%ED%95%9C%EA%B8%80-(1)/"


def test_url_for_baseurl_and_pages(tmp_path):
    (tmp_path / "_config.yml").write_text("baseurl: /sub/\nurl: https://a.b\n")
    site = JekyllSite(tmp_path)
    post = tmp_path / "_posts" / "2020-02-03-x.md"
    assert site.url_for(post, {}) == "/sub/2020/02/03/x.html"
    assert site.url_for(tmp_path / "about.md", {}) == "/sub/about.html"
    assert site.url_for(tmp_path / "docs" / "index.md", {}) == "/sub/docs/"


def test_tag_index_and_near_duplicates(tmp_path):
    (tmp_path / "_config.yml").write_text("title: t\n")
    _post(tmp_path, "_posts/2024-01-01-a.md",
          "---\ntag: [MLOpsReview, TIL]\ncategories: Notice\n---\n")
    _post(tmp_path, "_posts/2024-01-02-b.md", "---\ntags: [MLOpsReview, til]\n---\n")
    _post(tmp_path, "_posts/2024-01-03-c.md", "---\ntags: [MLOpsReveiw, Python]\n---\n")
    index = JekyllSite(tmp_path).tag_index()
    assert index.tags["MLOpsReview"] == 2 and index.tags["MLOpsReveiw"] == 1
    assert index.categories == {"Notice": 1}
    assert index.near_duplicates("MLOpsReveiw") == ["MLOpsReview"]
    assert index.near_duplicates("MLOpsReview") == ["MLOpsReveiw"]
    assert set(index.near_duplicates("til")) == {"TIL"}
    assert index.near_duplicates("Python") == []
    assert index.near_duplicates("Pyth") == []


def test_defaults_for_scopes(tmp_path):
    (tmp_path / "_config.yml").write_text(
        "defaults:\n"
        "  - scope: {path: '', type: posts}\n    values: {layout: single, toc: true}\n"
        "  - scope: {path: '_posts/ko'}\n    values: {lang: ko, toc: false}\n"
        "  - scope: {path: ''}\n    values: {author: me}\n"
        "  - scope: {path: '', type: pages}\n    values: {layout: page}\n")
    site = JekyllSite(tmp_path)
    assert site.defaults_for(tmp_path / "_posts" / "2024-01-01-a.md") == {
        "layout": "single", "toc": True, "author": "me"}
    assert site.defaults_for(tmp_path / "_posts" / "ko" / "2024-01-01-a.md") == {
        "layout": "single", "toc": False, "lang": "ko", "author": "me"}
    assert site.defaults_for(tmp_path / "about.md", "pages")["layout"] == "page"
