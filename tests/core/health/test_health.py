"""check_repo on a generated blog: one test per finding kind (each fails when the check is
missing), a clean blog gives nothing, and the corpus blogs give only what is really there."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from tileditor.core.health import KINDS, check_repo
from tileditor.core.site import JekyllSite

NOW = datetime(2025, 5, 1, 12, 0)
CONFIG = ('title: TIL\nurl: https://me.github.io/blog\nbaseurl: ""\n'
          "permalink: /:categories/:title/\n")
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16


def write(path: Path, text) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def post(title: str, tags="[TIL_25, MLOps]", extra: str = "", body: str = "text\n") -> str:
    return f'---\ntitle: "{title}"\ntag: {tags}\ncategories: TIL\n{extra}---\n\n{body}'


@pytest.fixture
def blog(tmp_path) -> Path:
    """A clean blog: every image linked in one of the styles the site resolves."""
    root = tmp_path / "blog"
    write(root / "_config.yml", CONFIG)
    write(root / "_posts/2025/2025-04-22-TIL25_Day1.md", post(
        "Day 1", body='<center><img src="../../images/2025-04-22-TIL25_Day1/a.png" '
                      'width="85%"></center>\n\n![b](/blog/images/2025-04-22-TIL25_Day1/b.png)\n'))
    write(root / "_posts/2025/2025-04-23-TIL25_Day2.md", post(
        "Day 2", extra="header:\n  teaser: /images/2025-04-23-TIL25_Day2/t.png\n",
        body="```yaml\n{% raw %}\nv: {{ secrets.X }}\n{% endraw %}\n```\n"
             "`plain code`\n\n{{ site.title }} outside code is fine.\n"))
    write(root / "_posts/2025/2025-04-24-TIL25_Day3.md", post("Day 3", tags="[TIL_25, MLOps]"))
    write(root / "images/2025-04-22-TIL25_Day1/a.png", PNG)
    write(root / "images/2025-04-22-TIL25_Day1/b.png", PNG)
    write(root / "images/2025-04-23-TIL25_Day2/t.png", PNG)
    write(root / "_drafts/idea.md", "---\ntitle: idea\n---\nlater\n")
    return root


def run(root: Path, kind: str | None = None):
    found = check_repo(JekyllSite(root), now=NOW)
    return [f for f in found if kind is None or f.kind == kind]


def rel(root: Path, finding) -> str:
    return finding.path.relative_to(root).as_posix()


def test_clean_blog_has_no_findings(blog):
    assert run(blog) == []


def test_broken_image_link_names_file_and_line(blog):
    write(blog / "_posts/2025/2025-04-25-TIL25_Day4.md",
          post("Day 4", body="intro\n\n![x](/images/2025-04-25-TIL25_Day4/missing.png)\n"))
    (hit,) = run(blog, "broken_image")
    assert (rel(blog, hit), hit.line) == ("_posts/2025/2025-04-25-TIL25_Day4.md", 9)
    assert "missing.png" in hit.message


def test_link_that_works_only_relative_to_the_file_is_broken_on_the_site(blog):
    # Typora writes paths relative to the .md file; the published page is two levels deeper.
    write(blog / "_posts/2025/2025-04-25-TIL25_Day4.md",
          post("Day 4", body="![x](../../images/2025-04-22-TIL25_Day1/a.png)\n"))
    write(blog / "_posts/2025-04-26-TIL25_Day5.md",
          post("Day 5", body="![x](../images/2025-04-22-TIL25_Day1/a.png)\n"))
    hits = run(blog, "broken_image")
    assert [rel(blog, h) for h in hits] == ["_posts/2025-04-26-TIL25_Day5.md"]
    assert "works only relative to the file" in hits[0].message


def test_broken_front_matter_image(blog):
    write(blog / "_posts/2025/2025-04-25-TIL25_Day4.md",
          post("Day 4", extra="header:\n  teaser: /images/nope.png\n"))
    (hit,) = run(blog, "broken_image")
    assert hit.line == 6 and "/images/nope.png" in hit.message


def test_orphan_image(blog):
    write(blog / "images/2025-04-22-TIL25_Day1/unused.png", PNG)
    write(blog / "images/logo.png", PNG)  # named by a layout: not an orphan
    write(blog / "_includes/head.html", '<link rel="icon" href="/images/logo.png">')
    (hit,) = run(blog, "orphan_image")
    assert rel(blog, hit) == "images/2025-04-22-TIL25_Day1/unused.png"


def test_file_name_date_disagrees_with_date_key(blog):
    write(blog / "_posts/2025/2025-04-25-TIL25_Day4.md",
          post("Day 4", extra="date: 2025-04-27 10:00:00\n"))
    write(blog / "_posts/2025/2025-04-26-TIL25_Day5.md",  # same day in the site's zone (UTC)
          post("Day 5", extra="date: 2025-04-26 17:00:00 +0900\n"))
    (hit,) = run(blog, "date_mismatch")
    assert (rel(blog, hit), hit.line) == ("_posts/2025/2025-04-25-TIL25_Day4.md", 5)
    assert "2025-04-25" in hit.message and "2025-04-27" in hit.message


def test_future_post_skipped_unless_future_true(blog):
    write(blog / "_posts/2025/2025-05-02-TIL25_Day9.md", post("Day 9"))
    (hit,) = run(blog, "future_post")
    assert "future" in hit.message
    write(blog / "_config.yml", CONFIG + "future: true\n")
    assert run(blog, "future_post") == []


def test_names_jekyll_does_not_accept(blog):
    write(blog / "_posts/2025/TIL25_Day4.md", post("Day 4"))
    write(blog / "_posts/2025-04-25-TIL25_Day5.txt", post("Day 5"))
    write(blog / "_posts/2025-13-40-TIL25_Day6.md", post("Day 6"))
    write(blog / "_posts/2025-04-25-notes.html", "---\ntitle: html post\n---\n<p>ok</p>\n")
    write(blog / "_posts/.hidden.md", "ignored by Jekyll and by us")
    hits = {rel(blog, h): h.message for h in run(blog, "bad_name")}
    assert set(hits) == {"_posts/2025/TIL25_Day4.md", "_posts/2025-04-25-TIL25_Day5.txt",
                         "_posts/2025-13-40-TIL25_Day6.md"}
    assert "YYYY-MM-DD" in hits["_posts/2025/TIL25_Day4.md"]
    assert "Markdown" in hits["_posts/2025-04-25-TIL25_Day5.txt"]
    assert "does not exist" in hits["_posts/2025-13-40-TIL25_Day6.md"]


def test_unpublished_post(blog):
    write(blog / "_posts/2025/2025-04-25-TIL25_Day4.md", post("Day 4", extra="published: false\n"))
    (hit,) = run(blog, "unpublished")
    assert hit.line == 5


def test_front_matter_errors(blog):
    write(blog / "_posts/2025/2025-04-25-TIL25_Day4.md",
          '---\ntitle: "Day 4"\ntag: [a, b\ncategories: TIL\n---\nbody\n')
    write(blog / "_posts/2025/2025-04-26-TIL25_Day5.md", "---\ntitle: never closed\nbody\n")
    hits = {rel(blog, h): h for h in run(blog, "front_matter")}
    assert set(hits) == {"_posts/2025/2025-04-25-TIL25_Day4.md",
                         "_posts/2025/2025-04-26-TIL25_Day5.md"}
    assert hits["_posts/2025/2025-04-25-TIL25_Day4.md"].line in (3, 4, 5)
    assert "closing ---" in hits["_posts/2025/2025-04-26-TIL25_Day5.md"].message


def test_bad_date_value(blog):
    write(blog / "_posts/2025/2025-04-25-TIL25_Day4.md", post("Day 4", extra="date: someday\n"))
    (hit,) = run(blog, "bad_date")
    assert hit.line == 5


def test_near_duplicate_tags_and_categories(blog):
    write(blog / "_posts/2025/2025-04-25-TIL25_Day4.md",
          '---\ntitle: "Day 4"\ntags:\n  - TIL_25\n  - MLOPS\ncategories: til\n---\n')
    write(blog / "_posts/2025/2025-04-26-TIL25_Day5.md", post("Day 5", tags="[TIL_26, MLOps]"))
    hits = run(blog)
    tags = [h for h in hits if h.kind == "near_duplicate_tag"]
    cats = [h for h in hits if h.kind == "near_duplicate_category"]
    assert [(h.line, "MLOPS" in h.message) for h in tags] == [(5, True)]  # TIL_26: a series
    assert [(h.line, "'til'" in h.message) for h in cats] == [(6, True)]


def test_mojibake(blog):
    write(blog / "_posts/2025/2025-04-25-TIL25_Day4.md",
          post("Day 4", body="fine line\nit\u00e2\u20ac\u2122s caf\u00c3\u00a9\n"
                             "\u00ec\u2022\u02c6\ub155 is broken Korean\nreal caf\u00e9 and "
                             "\u00c0 la carte\n"))
    hits = run(blog, "mojibake")
    assert [h.line for h in hits] == [8, 9]
    assert "'’'" in hits[0].message


def test_liquid_in_code_outside_raw(blog):
    write(blog / "_posts/2025/2025-04-25-TIL25_Day4.md", post("Day 4", body=(
        "```yaml\nrun: echo ${{ github.sha }}\n```\n\nInline `{% if x %}` too.\n\n"
        "{% highlight liquid %}\n{{ page.title }}\n{% endhighlight %}\n")))
    write(blog / "_posts/2025/2025-04-26-TIL25_Day5.md", post(
        "Day 5", extra="render_with_liquid: false\n", body="```\n{{ x }}\n```\n"))
    hits = run(blog, "liquid_in_code")
    assert [h.line for h in hits] == [8, 11, 14]
    assert all(rel(blog, h).endswith("Day4.md") for h in hits)


def test_unclosed_raw(blog):
    write(blog / "_posts/2025/2025-04-25-TIL25_Day4.md",
          post("Day 4", body="{% raw %}\n```\n{{ x }}\n```\n"))
    (hit,) = run(blog, "liquid_in_code")
    assert "never closed" in hit.message


def test_every_kind_has_a_test():
    tested = Path(__file__).read_text(encoding="utf-8")
    assert [k for k in KINDS if f'"{k}"' not in tested and k not in tested] == []


def test_corpus_blogs(corpus):
    mm = check_repo(JekyllSite(corpus / "mmistakes__minimal-mistakes" / "docs"),
                    now=datetime(2025, 1, 1))
    kinds = Counter(f.kind for f in mm)
    # The theme's demo has a post dated 9999 on purpose, and tags image/images.
    assert kinds["future_post"] == 1 and kinds["broken_image"] == 0
    assert kinds["orphan_image"] == 0 and kinds["front_matter"] == 0
    bb = check_repo(JekyllSite(corpus / "benbalter__benbalter.github.com"))
    # future: true in its config; the one broken link is a teaser the corpus did not copy.
    assert Counter(f.kind for f in bb) == {"broken_image": 1}
