"""`tileditor publish / unpublish / rename` (tileditor.cli_moves) on a real temporary blog:
the new path on stdout, one line on stderr and exit 1 on refusal."""

from __future__ import annotations

import argparse

import pytest

from tests.helpers.post_moves import blog
from tileditor import cli_moves


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="tileditor")
    cli_moves.add_parsers(parser.add_subparsers(dest="verb"))
    args = parser.parse_args(argv)
    return args.func(args)


def test_publish_prints_the_new_path(tmp_path, capsys):
    root = blog(tmp_path)
    assert _run(["publish", str(root / "_drafts/my-draft.md"), "--date", "2025-05-06"]) == 0
    out, err = capsys.readouterr()
    new = root / "_posts/2025/2025-05-06-my-draft.md"
    assert out == f"{new}\n" and err == ""
    assert new.is_file() and (root / "images/2025-05-06-my-draft/a.png").is_file()


def test_rename_and_unpublish_with_repo_relative_paths(tmp_path, capsys, monkeypatch):
    root = blog(tmp_path)
    monkeypatch.chdir(tmp_path)
    args = ["rename", "_posts/2025/2025-01-02-First.md", "--title", "Second Post",
            "--date", "2024-06-01", "--repo", str(root)]
    assert _run(args) == 0
    new = root / "_posts/2024/2024-06-01-Second-Post.md"
    assert capsys.readouterr().out == f"{new}\n"
    assert 'title: Second Post\n' in new.read_text(encoding="utf-8")
    assert (root / "images/2024-06-01-Second-Post/x.png").is_file()
    assert cli_moves.cmd_unpublish(argparse.Namespace(post=new, repo=None)) == 0
    assert capsys.readouterr().out == f"{root / '_drafts/Second-Post.md'}\n"


@pytest.mark.parametrize(("argv", "message"), [
    (["publish", "_drafts/nope.md"], "no such file"),
    (["publish", "_drafts/my-draft.md", "--date", "06/05/2025"], "is not YYYY-MM-DD"),
    (["publish", "_posts/2025/2025-01-02-First.md"], "already published"),
    (["unpublish", "_drafts/my-draft.md"], "already a draft"),
    (["rename", "_posts/2025/2025-01-02-First.md"], "give a new title, slug or date"),
    (["rename", "_posts/2025/2025-01-02-First.md", "--slug", "Other", "--date", "2025-01-03"],
     "already exists"),
    (["rename", "_drafts/my-draft.md", "--date", "2025-01-03"], "a draft has no date"),
])
def test_refusals_are_one_line_and_exit_1(tmp_path, capsys, argv, message):
    root = blog(tmp_path)
    argv = [argv[0], str(root / argv[1]), *argv[2:]]
    assert _run(argv) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and err.startswith("tileditor: ")
    assert message in err
    assert (root / "_drafts/my-draft.md").is_file()


def test_a_post_outside_any_blog_is_refused(tmp_path, capsys):
    stray = tmp_path / "stray.md"
    stray.write_text("x")
    assert _run(["unpublish", str(stray)]) == 1
    assert "not inside a Jekyll site" in capsys.readouterr().err
