"""`tileditor check POST --spelling`: `path:line: word (suggestions)` for each flagged word,
exit 1 when any, 0 when clean, 2 when a needed dictionary is missing or a post is unreadable;
the personal word list of the data folder is honoured; POST without --spelling is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tileditor.cli import main
from tileditor.core.spelling.checker import _open_dictionary


@pytest.fixture
def blog(tmp_path, monkeypatch) -> Path:
    for tag in ("en_US", "ko_KR"):
        if _open_dictionary(tag)[0] is None:
            pytest.skip(f"no {tag} dictionary")
    monkeypatch.setenv("TILEDITOR_DATA_DIR", str(tmp_path / "data"))
    root = tmp_path / "blog"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (root / "_posts" / "2025-01-01-bad.md").write_text(
        "---\ntitle: Helo\n---\nThe wrold is `codde` big.\n\n오늘 잘 됬다.\n", encoding="utf-8")
    (root / "_posts" / "2025-01-02-good.md").write_text(
        "---\ntitle: Fine\n---\nAll words here are right.\n", encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def test_misspellings_are_listed_with_lines_and_exit_1(blog, capsys):
    assert main(["check", "_posts/2025-01-01-bad.md", "--spelling"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split(" (")[0] for line in out] == [
        "_posts/2025-01-01-bad.md:4: wrold", "_posts/2025-01-01-bad.md:6: 됬다"]
    assert "world" in out[0] and "됐다" in out[1]


def test_a_clean_post_exits_0(blog, capsys):
    assert main(["check", "_posts/2025-01-02-good.md", "--spelling"]) == 0
    assert capsys.readouterr().out == ""


def test_without_posts_every_post_of_the_repo_is_checked(blog, capsys):
    assert main(["check", "--spelling", "--repo", str(blog)]) == 1
    assert "2025-01-01-bad.md:4: wrold" in capsys.readouterr().out


def test_the_personal_word_list_is_honoured(blog, tmp_path, capsys):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "dictionary.txt").write_text("wrold\n됬다\n", encoding="utf-8")
    assert main(["check", "_posts/2025-01-01-bad.md", "--spelling"]) == 0


def test_a_missing_dictionary_is_reported_with_exit_2(blog, capsys):
    post = blog / "_posts" / "2025-01-03-x.md"
    post.write_text("---\nlang: xx_XX\n---\nThe wrold.\n", encoding="utf-8")
    assert main(["check", str(post), "--spelling"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "no xx_XX dictionary" in captured.err
    assert "Traceback" not in captured.err


def test_an_unreadable_post_exits_2(blog, capsys):
    assert main(["check", "nope.md", "--spelling"]) == 2
    assert "nope.md" in capsys.readouterr().err


def test_a_post_without_spelling_is_a_usage_error(blog, capsys):
    assert main(["check", "_posts/2025-01-02-good.md"]) == 2
    assert "--spelling" in capsys.readouterr().err
