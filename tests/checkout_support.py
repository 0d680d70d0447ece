"""A real git repo of 5,000 posts on two branches that differ in every post (title, tag,
body), built once per test session: the checkout tests switch it to whichever branch is not
checked out and compare what the app shows with what is then on disk."""

from __future__ import annotations

import subprocess
from pathlib import Path

COUNT = 5000
BRANCHES = ("main", "other")


def git(site: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(site), "-c", "user.name=t", "-c", "user.email=t@e",
                           "-c", "commit.gpgsign=false", *args], check=True,
                          capture_output=True, text=True).stdout


def post_paths(site: Path, count: int = COUNT) -> list[Path]:
    return [site / "_posts" / f"{2000 + i // 1000}" / f"{2000 + i // 1000}-01-01-bulk-{i:04d}.md"
            for i in range(count)]


def _write_branch(site: Path, name: str, count: int) -> None:
    tag = name.capitalize() + "Tag"
    for i, p in enumerate(post_paths(site, count)):
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"---\ntitle: {name} {i}\ntags: [{tag}]\n---\n{name} body {i}\n",
                     encoding="utf-8")


def make_branches(site: Path, count: int = COUNT) -> Path:
    """`main` and `other` with `count` posts each, every one different; `main` checked out."""
    (site / "_posts").mkdir(parents=True, exist_ok=True)
    (site / "_config.yml").write_text("title: Checkout\nurl: https://example.github.io\n",
                                      encoding="utf-8")
    subprocess.run(["git", "init", "-q", "-b", "main", str(site)], check=True)
    _write_branch(site, "main", count)
    git(site, "add", "-A")
    git(site, "commit", "-qm", "main")
    git(site, "checkout", "-qb", "other")
    _write_branch(site, "other", count)
    git(site, "commit", "-qam", "other")
    git(site, "checkout", "-q", "main")
    return site


def switch(site: Path) -> str:
    """Check out the branch that is not checked out; returns its name."""
    current = git(site, "rev-parse", "--abbrev-ref", "HEAD").strip()
    target = BRANCHES[1] if current == BRANCHES[0] else BRANCHES[0]
    git(site, "checkout", "-q", target)
    return target


def run_beside_loop(qtbot, fn, *args, timeout_ms: int = 120000):
    """Run `fn(*args)` on a thread while the Qt event loop keeps running; its result."""
    import threading

    out: list = []
    thread = threading.Thread(target=lambda: out.append(fn(*args)), daemon=True)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=timeout_ms)
    return out[0] if out else None
