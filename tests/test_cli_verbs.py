"""Every verb of `tileditor` through the one entry point (tileditor.cli.main), on a real temporary
blog: the verbs defined beside their core (publish, rename, check, commit, push, search) are
reachable, `new --next` continues a series, and `tags rename` fails when the tag is nowhere."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tileditor.cli import main


@pytest.fixture
def blog(tmp_path) -> Path:
    root = tmp_path / "blog"
    (root / "_posts").mkdir(parents=True)
    (root / "_drafts").mkdir()
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    for n in (208, 209):
        (root / "_posts" / f"2025-04-{n - 185}-TIL25_Day{n}.md").write_text(
            f"---\ntitle: TIL25 Day{n}\ntags: [TIL_25]\n---\nabout pandas\n", encoding="utf-8")
    (root / "_drafts" / "idea.md").write_text("---\ntitle: Idea\n---\nan idea\n", encoding="utf-8")
    return root


def test_module_verbs_run_through_main(blog, capsys):
    assert main(["search", "pandas", "--repo", str(blog)]) == 0
    assert capsys.readouterr().out.count(": about pandas") == 2
    assert main(["search", "nothing-here", "--repo", str(blog)]) == 1
    assert main(["publish", str(blog / "_drafts" / "idea.md"), "--date", "2025-05-01",
                 "--repo", str(blog)]) == 0
    assert capsys.readouterr().out.strip().endswith("_posts/2025-05-01-idea.md")
    assert main(["rename", str(blog / "_posts" / "2025-05-01-idea.md"), "--slug", "better",
                 "--repo", str(blog)]) == 0
    assert (blog / "_posts" / "2025-05-01-better.md").is_file()
    assert main(["check", "--repo", str(blog)]) in (0, 1)


def test_new_next_continues_the_series(blog, capsys):
    assert main(["new", "--next", "--date", "2025-04-25", "--repo", str(blog)]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.name == "2025-04-25-TIL25_Day210.md" and path.is_file()
    assert main(["new", "Title", "--next", "--repo", str(blog)]) == 1
    assert main(["new", "--repo", str(blog)]) == 1


def test_tags_rename_of_an_unknown_tag_fails(blog, capsys):
    assert main(["tags", "rename", "Nope", "X", "--repo", str(blog)]) == 1
    assert "no post has" in capsys.readouterr().err
    assert main(["tags", "rename", "TIL_25", "TIL25", "--repo", str(blog)]) == 0


@pytest.mark.skipif(subprocess.run(["git", "--version"], capture_output=True).returncode != 0,
                    reason="git missing")
def test_commit_and_push_verbs(blog, tmp_path, capsys):
    def git(*a):
        subprocess.run(["git", "-C", str(blog), *a], check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.name", "T")
    git("config", "user.email", "t@example.invalid")
    post = blog / "_posts" / "2025-04-24-TIL25_Day209.md"
    assert main(["commit", str(post), "-m", "TIL: day 209", "--repo", str(blog)]) == 0
    assert main(["push", "--repo", str(blog)]) == 1  # no remote: one sentence, exit 1
    assert "remote" in capsys.readouterr().err.lower()
