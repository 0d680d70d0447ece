"""The app's git status never takes the index lock, so the user's own `git checkout`, commit
or pull in a terminal never fails with "index.lock: File exists" while the window refreshes
its git label (seen as a failed checkout of 500 posts while the window was open)."""

from __future__ import annotations

import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tileditor.core.git_repo import status_of

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com",
                           "-C", str(root), *args], capture_output=True, text=True)


def test_checkouts_succeed_while_the_app_reads_status(tmp_path):
    root = tmp_path / "blog"
    (root / "_posts").mkdir(parents=True)
    _git(root, "init", "-q")
    post = root / "_posts" / "2024-01-01-a.md"
    post.write_text("---\ntitle: A\n---\nbody\n", encoding="utf-8")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "base")
    base = _git(root, "rev-parse", "--abbrev-ref", "HEAD").stdout.strip()
    _git(root, "checkout", "-qb", "many")
    for i in range(300):
        (root / "_posts" / f"2024-02-01-bulk-{i:03d}.md").write_text(f"body {i}\n", "utf-8")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "many")

    stop = threading.Event()

    def refresh() -> None:  # what the window's git label does, as fast as it can
        while not stop.is_set():
            status_of(root, [post])

    reader = threading.Thread(target=refresh)
    reader.start()
    failures = []
    try:
        deadline = time.monotonic() + 4
        branch = base
        while time.monotonic() < deadline:
            done = _git(root, "checkout", "-q", branch)
            if done.returncode != 0:
                failures.append(done.stderr.strip())
            branch = "many" if branch == base else base
    finally:
        stop.set()
        reader.join()
    assert failures == []
