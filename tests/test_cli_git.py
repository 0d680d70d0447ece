"""The cmd_* functions of tileditor/cli_git.py on temporary repos (real git, a bare remote):
check's output and exit status, commit of exactly a post, push with progress, new --next."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tileditor.cli_git import add_parsers, cmd_check, cmd_commit, cmd_new_next, cmd_push

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

POST = "_posts/2025/2025-04-22-TIL25_ANewChapter.md"
IMAGE = "images/2025-04-22-TIL25_ANewChapter/shot.png"


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout


def parse(*argv: str):
    parser = argparse.ArgumentParser(prog="tileditor")
    add_parsers(parser.add_subparsers(dest="verb"))
    return parser.parse_args(list(argv))


@pytest.fixture
def published(tmp_site, tmp_path) -> Path:
    """conftest's tmp_site with a first commit of its config and a bare remote as origin."""
    for key, value in (("user.name", "T"), ("user.email", "t@example.com"),
                       ("commit.gpgsign", "false")):
        git(tmp_site, "config", key, value)
    git(tmp_site, "checkout", "-q", "-b", "main")
    git(tmp_site, "add", "_config.yml")
    git(tmp_site, "commit", "-q", "-m", "config")
    bare = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(bare))
    git(tmp_site, "remote", "add", "origin", str(bare))
    return tmp_site


def test_check_clean_and_with_findings(tmp_site, capsys):
    args = parse("check", "--repo", str(tmp_site))
    assert args.func is cmd_check
    assert cmd_check(args) == 0
    assert capsys.readouterr().err.strip() == "no findings"
    post = tmp_site / POST
    post.write_text(post.read_text() + "\n\n![gone](/images/gone.png)\n", encoding="utf-8")
    assert cmd_check(args) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].endswith(
        ":17: broken_image: /images/gone.png: no such file (the page requests /images/gone.png)")
    assert out[0].startswith(f"{post}:")  # outside the current folder: absolute


def test_check_paths_relative_to_the_current_folder(tmp_site, capsys, monkeypatch):
    (tmp_site / "images" / "orphan.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    monkeypatch.chdir(tmp_site)
    assert cmd_check(parse("check")) == 1
    assert capsys.readouterr().out == (
        "images/orphan.png:1: orphan_image: no post, draft, page or config references this "
        "image\n")


def test_check_json(tmp_site, capsys):
    (tmp_site / "images" / "orphan.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert cmd_check(parse("check", "--repo", str(tmp_site), "--json")) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["count"] == 1
    assert data["findings"] == [{"path": "images/orphan.png", "line": 1, "kind": "orphan_image",
                                 "message": "no post, draft, page or config references this image"}]


def test_check_outside_a_site(tmp_path, capsys):
    assert cmd_check(parse("check", "--repo", str(tmp_path))) == 2
    assert "not inside a Jekyll site" in capsys.readouterr().err


def test_commit_post_and_images_then_push(published, tmp_path, capsys):
    (published / "notes.txt").write_text("not mine")
    git(published, "add", "notes.txt")
    args = parse("commit", POST, "--repo", str(published))
    assert args.func is cmd_commit
    assert cmd_commit(args) == 0
    out = capsys.readouterr().out
    assert out.split(" ", 1)[1].strip() == "TIL :: A new chapter"
    files = set(git(published, "show", "--name-only", "--format=", "HEAD").split())
    assert files == {POST, IMAGE}
    assert "A  notes.txt" in git(published, "status", "--porcelain")

    assert cmd_push(parse("push", "--repo", str(published))) == 0
    captured = capsys.readouterr()
    assert captured.out.strip().startswith("pushed main to origin")
    assert "Writing objects" in captured.err or "Total" in captured.err
    assert git(tmp_path / "remote.git", "rev-parse", "main") == git(published, "rev-parse", "HEAD")
    assert cmd_push(parse("push", "--repo", str(published))) == 0
    assert "already up to date" in capsys.readouterr().out


def test_commit_with_message_and_errors(published, capsys):
    assert cmd_commit(parse("commit", str(published / POST), "-m", "custom")) == 0
    assert git(published, "log", "-1", "--format=%s").strip() == "custom"
    capsys.readouterr()
    assert cmd_commit(parse("commit", str(published / POST))) == 1
    assert capsys.readouterr().err.strip() == (
        "tileditor: Nothing to commit: the post and its images are already committed.")
    assert cmd_commit(parse("commit", "nope.md", "--repo", str(published))) == 1
    assert "no such post" in capsys.readouterr().err


def test_push_without_remote(tmp_site, capsys):
    git(tmp_site, "config", "user.name", "T")
    git(tmp_site, "config", "user.email", "t@example.com")
    cmd_commit(parse("commit", str(tmp_site / POST), "-m", "x"))
    capsys.readouterr()
    assert cmd_push(parse("push", "--repo", str(tmp_site))) == 1
    assert capsys.readouterr().err.strip() == (
        "tileditor: This repository has no remote to push to or pull from.")


def test_new_next(tmp_site, capsys):
    args = argparse.Namespace(repo=tmp_site, date="2025-04-23", draft=False)
    (tmp_site / "_posts/2025/2025-04-22-TIL25_Day209.md").write_text(
        '---\ntitle: "TIL :: Day 209 kafka"\ntag: [TIL_25, Kafka]\ncategories: TIL\n'
        "read_time: True\ntoc: true \ntypora-root-url: ../\n---\n\nbody\n", encoding="utf-8")
    assert cmd_new_next(args) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path == tmp_site / "_posts/2025/2025-04-23-TIL25_Day210.md"
    assert path.read_text(encoding="utf-8") == (
        '---\ntitle: "TIL :: Day 210"\ntag: [TIL_25, Kafka]\ncategories: TIL\n'
        "read_time: True\ntoc: true \ntypora-root-url: ../\n---\n\n")
    assert cmd_new_next(args) == 0  # the new post is now the newest: Day 211
    assert capsys.readouterr().out.strip().endswith("2025-04-23-TIL25_Day211.md")


def test_new_next_without_series(tmp_path, capsys):
    (tmp_path / "_config.yml").write_text("title: t\n")
    assert cmd_new_next(argparse.Namespace(repo=tmp_path)) == 1
    assert "series number" in capsys.readouterr().err
