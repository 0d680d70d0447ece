"""Search across posts: plain, whole-word, regex and case options find body and header text
on real files, one hit per line, with file line numbers; a second search reads no file again;
`tileditor search` prints grep-style lines and exits 1 on no match."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tileditor.cli_search import add_parser, cmd_search
from tileditor.core.search import SearchError, SearchQuery, TextCache, search_files, site_files
from tileditor.core.site import JekyllSite


@pytest.fixture
def blog(tmp_path) -> Path:
    root = tmp_path / "blog"
    (root / "_posts").mkdir(parents=True)
    (root / "_drafts").mkdir()
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (root / "_posts" / "2025-01-02-one.md").write_text(
        "---\ntitle: Docker tips\ntags: [docker]\n---\nUse `docker compose up`.\n"
        "Dockerfile is not docker.\n", encoding="utf-8")
    (root / "_posts" / "2025-01-03-two.md").write_text(
        "---\ntitle: 한글 제목\n---\n파이썬 리스트 정리\nno match here", encoding="utf-8")
    (root / "_drafts" / "idea.md").write_text("A draft about DOCKER.\n", encoding="utf-8")
    return root


def _hits(root, **kw):
    site = JekyllSite(root)
    return [(h.path.name, h.line, h.column) for h in search_files(site_files(site), SearchQuery(**kw))]


def test_plain_search_finds_body_and_header_lines_in_posts_and_drafts(blog):
    assert _hits(blog, text="docker") == [
        ("2025-01-02-one.md", 2, 8), ("2025-01-02-one.md", 3, 8), ("2025-01-02-one.md", 5, 6),
        ("2025-01-02-one.md", 6, 1), ("idea.md", 1, 15)]


def test_word_case_and_regex_options(blog):
    assert [h[1] for h in _hits(blog, text="docker", word=True, case=True)] == [3, 5, 6]
    assert _hits(blog, text="Docker", case=True) == [("2025-01-02-one.md", 2, 8),
                                                      ("2025-01-02-one.md", 6, 1)]
    assert _hits(blog, text=r"리스트\s+정리", regex=True) == [("2025-01-03-two.md", 4, 5)]
    with pytest.raises(SearchError):
        SearchQuery("(", regex=True).pattern()


def test_second_search_reads_no_file_again(blog, monkeypatch):
    cache = TextCache()
    paths = site_files(JekyllSite(blog))
    list(search_files(paths, SearchQuery("docker"), cache))
    reads = []
    import tileditor.core.search as search_mod

    monkeypatch.setattr(search_mod, "read_text", lambda p: reads.append(p) or "")
    assert len(list(search_files(paths, SearchQuery("compose"), cache))) == 1
    assert reads == []
    # A file changed on disk is read again.
    changed = blog / "_posts" / "2025-01-03-two.md"
    changed.write_text("compose", encoding="utf-8")
    os.utime(changed, ns=(1, 1))
    list(search_files(paths, SearchQuery("compose"), cache))
    assert reads == [changed]


def _run(argv):
    import argparse

    parser = argparse.ArgumentParser()
    add_parser(parser.add_subparsers(dest="verb"))
    return cmd_search(parser.parse_args(argv))


def test_cli_prints_grep_lines_and_exit_status(blog, capsys):
    assert _run(["search", "compose", "--repo", str(blog)]) == 0
    out = capsys.readouterr().out.strip()
    assert out.endswith("2025-01-02-one.md:5: Use `docker compose up`.")
    assert _run(["search", "nothing-like-this", "--repo", str(blog)]) == 1
    assert _run(["search", "(", "--regex", "--repo", str(blog)]) == 2
    assert "regular expression" in capsys.readouterr().err
