"""Talking to the remote with the user's own git: push the current branch (setting its
upstream the first time), fetch, and a fast-forward-only pull that names the files it
changed. Blocking, cancellable, with progress from git's --progress stderr.
Must not import PySide6."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from .commit import current_branch, has_commits, hooks_present
from .errors import GitError, classify
from .runner import NETWORK_TIMEOUT, ProgressFn, git_ok, run_git
from .status import operation_in_progress, repo_root


@dataclass(frozen=True)
class PushResult:
    remote: str
    branch: str
    up_to_date: bool  # nothing needed pushing
    summary: str  # e.g. "main -> main (a1b2c3d..e4f5a6b)"


@dataclass(frozen=True)
class SyncState:
    upstream: str | None
    ahead: int
    behind: int


@dataclass(frozen=True)
class PullResult:
    old: str
    new: str
    changed: tuple[str, ...]  # repo-relative files the pull changed (empty: already current)
    root: Path

    @property
    def changed_paths(self) -> list[Path]:
        return [self.root / p for p in self.changed]


def remotes(root: Path) -> list[str]:
    return [r for r in git_ok(root, ["remote"]).split() if r]


def upstream_of(root: Path) -> str | None:
    result = run_git(root, ["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"])
    return (result.stdout.strip() or None) if result.returncode == 0 else None


def _pick_remote(root: Path, branch: str, wanted: str | None) -> str:
    names = remotes(root)
    if not names:
        raise GitError("no_remote")
    if wanted:
        if wanted not in names:
            raise GitError("no_remote", f"no remote named {wanted!r}")
        return wanted
    configured = run_git(root, ["config", "--get", f"branch.{branch}.remote"]).stdout.strip()
    if configured in names:
        return configured
    if len(names) == 1:
        return names[0]
    if "origin" in names:
        return "origin"
    raise GitError("no_upstream", "several remotes and none is the branch's")


def _branch_ready(root: Path) -> str:
    branch = current_branch(root)
    if branch is None:
        raise GitError("detached")
    return branch


def push(repo, *, remote: str | None = None, on_progress: ProgressFn | None = None,
         cancel: threading.Event | None = None, timeout: float = NETWORK_TIMEOUT) -> PushResult:
    """Push the current branch to its upstream (to `remote`, or the only/origin remote, with
    --set-upstream the first time). Never forces. Raises GitError on any failure."""
    root = repo_root(repo)
    branch = _branch_ready(root)
    if not has_commits(root):
        raise GitError("nothing_to_commit", message="The branch has no commits to push yet.")
    name = _pick_remote(root, branch, remote)
    args = ["push", "--progress", "--porcelain"]
    if upstream_of(root) is None or remote:
        args += ["--set-upstream", name, f"HEAD:refs/heads/{branch}"]
    result = run_git(root, args, timeout=timeout, cancel=cancel, on_progress=on_progress)
    text = result.stderr + "\n" + result.stdout
    if result.returncode != 0:
        pre_push = hooks_present(root, ("pre-push",))
        raise classify(text, "hook" if pre_push else "failed")
    lines = [ln for ln in result.stdout.splitlines() if ln[:1] in " +-*!=" and "\t" in ln]
    up_to_date = bool(lines) and all(ln.startswith("=") for ln in lines)
    summary = ""
    if lines:
        parts = lines[0].split("\t")
        summary = f"{parts[1].split(':')[0].removeprefix('refs/heads/')} ({parts[-1]})" \
            if len(parts) >= 3 else lines[0]
    return PushResult(name, branch, up_to_date, summary)


def fetch(repo, *, remote: str | None = None, on_progress: ProgressFn | None = None,
          cancel: threading.Event | None = None, timeout: float = NETWORK_TIMEOUT) -> SyncState:
    """Fetch the branch's remote (or `remote`); returns ahead/behind against the upstream."""
    root = repo_root(repo)
    branch = current_branch(root)
    name = _pick_remote(root, branch or "", remote)
    result = run_git(root, ["fetch", "--progress", name], timeout=timeout, cancel=cancel,
                     on_progress=on_progress)
    if result.returncode != 0:
        raise classify(result.stderr)
    return sync_state(root)


def sync_state(repo) -> SyncState:
    root = repo_root(repo)
    up = upstream_of(root)
    if up is None or not has_commits(root):
        return SyncState(up, 0, 0)
    out = git_ok(root, ["rev-list", "--left-right", "--count", "HEAD...@{upstream}"]).split()
    return SyncState(up, int(out[0]), int(out[1]))


def pull_ff_only(repo, *, on_progress: ProgressFn | None = None,
                 cancel: threading.Event | None = None,
                 timeout: float = NETWORK_TIMEOUT) -> PullResult:
    """Fetch, then fast-forward the current branch to its upstream (never a merge commit,
    never a rebase, whatever pull.rebase says). Local changes git would overwrite stop it
    before anything changes."""
    root = repo_root(repo)
    _branch_ready(root)
    if operation_in_progress(root):
        raise GitError("busy")
    if upstream_of(root) is None:
        raise GitError("no_remote") if not remotes(root) else GitError("no_upstream")
    fetch(root, on_progress=on_progress, cancel=cancel, timeout=timeout)
    old = git_ok(root, ["rev-parse", "HEAD"]).strip() if has_commits(root) else ""
    result = run_git(root, ["merge", "--ff-only", "--no-edit", "-q", "@{upstream}"],
                     timeout=timeout, cancel=cancel)
    if result.returncode != 0:
        raise classify(result.stderr + "\n" + result.stdout)
    new = git_ok(root, ["rev-parse", "HEAD"]).strip()
    changed: tuple[str, ...] = ()
    if old and old != new:
        changed = tuple(p for p in git_ok(root, ["diff", "--name-only", "-z", old, new])
                        .split("\0") if p)
    return PullResult(old, new, changed, root)
