"""The command line: export, new (then a real `jekyll build`), tags and tags rename; errors are
one line on stderr with a non-zero exit, never a traceback."""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest

from tileditor.cli import main
from tileditor.core.frontmatter import read_header_values
from tileditor.core.site import JekyllSite

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "tileditor", *args], cwd=cwd or ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_export_fragment_and_page(tmp_site, capsys):
    post = next((tmp_site / "_posts").rglob("*.md"))
    assert main(["export", str(post), "--fragment"]) == 0
    fragment = capsys.readouterr().out
    assert "<h1" in fragment and "title:" not in fragment
    img = re.search(r'<img[^>]+src="([^"]+)"', fragment).group(1)
    assert img.startswith("file://") and Path(unquote(img[len("file://"):])).is_file()
    out = tmp_site.parent / "page.html"
    assert main(["export", str(post), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "page__title" in page and "TIL :: A new chapter" in page
    assert "<style>" in page


def test_new_creates_post_in_blog_style(tmp_site):
    proc = run_cli("new", "Window functions", "--repo", str(tmp_site), "--tags", "SQL,TIL_25",
                   "--categories", "Notice", "--date", "2025-05-01")
    assert proc.returncode == 0, proc.stderr
    path = Path(proc.stdout.strip())
    assert path.parent == tmp_site / "_posts" / "2025"
    assert path.name == "2025-05-01-Window-functions.md"
    text = path.read_text(encoding="utf-8")
    # The blog's shared keys, its key spelling, flow style and plain one-word category.
    assert text == ('---\ntitle: "Window functions"\ntag: [SQL, TIL_25]\ncategories: Notice\n'
                    "read_time: True\ntoc: true\ntypora-root-url: ../\n---\n\n")
    again = run_cli("new", "Window functions", "--repo", str(tmp_site), "--date", "2025-05-01")
    assert Path(again.stdout.strip()) != path  # never overwrites


@pytest.mark.parametrize("title", ["../../etc/passwd", "🎉🎉", "...", "a/b\\c"])
def test_new_with_hostile_titles_stays_in_posts(tmp_site, title):
    proc = run_cli("new", title, "--repo", str(tmp_site), "--date", "2025-05-02")
    assert proc.returncode == 0, proc.stderr
    path = Path(proc.stdout.strip()).resolve()
    assert path.is_file() and (tmp_site / "_posts").resolve() in path.parents
    assert read_header_values(path.read_text(encoding="utf-8"))["title"] == title


def test_new_draft(tmp_site):
    proc = run_cli("new", "Half an idea", "--repo", str(tmp_site), "--draft")
    assert proc.returncode == 0, proc.stderr
    assert Path(proc.stdout.strip()).parent == tmp_site / "_drafts"


@pytest.mark.jekyll
@pytest.mark.skipif(shutil.which("jekyll") is None, reason="jekyll is not installed")
def test_new_post_builds_with_jekyll_at_computed_url_with_planned_image(tmp_site, tiny_png):
    from tileditor.core.images import plan_import

    proc = run_cli("new", "Built by Jekyll", "--repo", str(tmp_site), "--tags", "A", "--date", "2025-06-01")
    assert proc.returncode == 0, proc.stderr
    post = Path(proc.stdout.strip())
    site = JekyllSite(tmp_site)
    plan = plan_import(site, post, tiny_png, "diagram.png")
    plan.dest.parent.mkdir(parents=True, exist_ok=True)
    plan.dest.write_bytes(tiny_png)
    with post.open("a", encoding="utf-8") as fh:
        fh.write("Body text.\n\n" + plan.snippet + "\n")
    dest = tmp_site.parent / "_site"
    build = subprocess.run(["jekyll", "build", "--safe", "-s", str(tmp_site), "-d", str(dest)],
                           capture_output=True, text=True, timeout=120)
    assert build.returncode == 0, build.stderr
    url = site.url_for(post)
    page = dest / unquote(url.lstrip("/"))
    page = page / "index.html" if url.endswith("/") else page
    assert page.is_file(), url
    html = page.read_text(encoding="utf-8")
    src = re.search(r'<img[^>]+src="([^"]+)"', html).group(1)
    from urllib.parse import urljoin, urlparse

    target = dest / unquote(urlparse(urljoin("https://example.github.io" + url, src)).path).lstrip("/")
    assert target.is_file() and target.read_bytes() == tiny_png


def test_tags_lists_counts(tmp_site, capsys):
    assert main(["tags", "--repo", str(tmp_site)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^\s+1\s+MLOpsReview$", out, re.M)
    assert re.search(r"^\s+1\s+Notice$", out, re.M)


def test_tags_rename_touches_only_tag_lines(tmp_site, capsys):
    post = next((tmp_site / "_posts").rglob("*.md"))
    before = post.read_text(encoding="utf-8")
    assert main(["tags", "rename", "MLOpsReview", "MLOps", "--repo", str(tmp_site)]) == 0
    after = post.read_text(encoding="utf-8")
    changed = [line for line in difflib.ndiff(before.splitlines(True), after.splitlines(True))
               if line[:1] in "+-"]
    assert changed == ["- tag: [Notice, MLOpsReview, TIL_25]\n", "+ tag: [Notice, MLOps, TIL_25]\n"]
    # Merging into an existing tag does not duplicate it.
    assert main(["tags", "rename", "TIL_25", "Notice", "--repo", str(tmp_site)]) == 0
    assert read_header_values(post.read_text(encoding="utf-8"))["tag"] == ["Notice", "MLOps"]


@pytest.mark.parametrize("args, needle", [
    (["export", "/nonexistent/post.md"], "no such file"),
    (["new", "x", "--repo", "/"], "not inside a Jekyll site"),
    (["tags", "rename", "only-one"], "usage"),
    (["new", "x", "--date", "yesterday"], "YYYY-MM-DD"),
])
def test_errors_are_one_line_without_traceback(args, needle, tmp_site):
    if "--date" in args:
        args = [*args, "--repo", str(tmp_site)]
    proc = run_cli(*args)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and needle in lines[0], proc.stderr


def test_export_of_binary_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "x.md"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    proc = run_cli("export", str(bad))
    assert proc.returncode == 1 and "binary" in proc.stderr and "Traceback" not in proc.stderr
