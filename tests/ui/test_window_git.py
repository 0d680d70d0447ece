"""Git from the real window, with real git and a bare repository on disk as the remote: the
status bar shows the post's state, Commit takes exactly the post and its images (another
changed file stays out), Push runs off the UI thread, and a push with no remote says why."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.helpers.window import type_at_end

pytestmark = pytest.mark.skipif(subprocess.run(["git", "--version"], capture_output=True).returncode,
                                reason="git is not installed")


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture
def tmp_site(tmp_site):
    _git(tmp_site, "config", "user.name", "T")
    _git(tmp_site, "config", "user.email", "t@example.invalid")
    _git(tmp_site, "add", "-A")
    _git(tmp_site, "commit", "-qm", "start")
    return tmp_site


def _label(window) -> str:
    return window.git.label.text()


def test_state_commit_exactly_the_post_and_push(qtbot, window, tmp_site, post, prompter, tmp_path):
    qtbot.waitUntil(lambda: _label(window) == "git: committed", timeout=10000)
    (tmp_site / "_config.yml").write_text("title: changed elsewhere\n", encoding="utf-8")
    type_at_end(qtbot, window, " more")
    window.save()
    qtbot.waitUntil(lambda: _label(window).startswith("git: modified"), timeout=10000)
    prompter.answers[:] = [lambda default: default]
    with qtbot.waitSignal(window.git.runner.finished, timeout=20000):
        assert window.git.commit()
    subject, *files = _git(tmp_site, "show", "--name-only", "--format=%s", "HEAD").split("\n")
    assert subject == "TIL :: A new chapter"  # the title already says TIL
    assert [f for f in files if f] == ["_posts/2025/2025-04-22-TIL25_ANewChapter.md"]
    assert _git(tmp_site, "status", "--porcelain").strip() == "M _config.yml"
    qtbot.waitUntil(lambda: _label(window) == "git: committed", timeout=10000)
    # No remote yet: one clear sentence, nothing changed.
    with qtbot.waitSignal(window.git.runner.failed, timeout=20000) as failed:
        window.git.push()
    assert "remote" in failed.args[1].lower() and prompter.warnings
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    _git(tmp_site, "remote", "add", "origin", str(remote))
    with qtbot.waitSignal(window.git.runner.finished, timeout=30000):
        window.git.push()
    branch = _git(tmp_site, "symbolic-ref", "--short", "HEAD").strip()
    assert _git(remote, "rev-parse", branch) == _git(tmp_site, "rev-parse", "HEAD")
