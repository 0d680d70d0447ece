"""Committing exactly a post and its images folder, never anything else: the commit is built
in a temporary index (HEAD plus those paths), so other staged and unstaged changes stay as
they were, and a failing hook or signature leaves the repository untouched.
Must not import PySide6."""

from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

from .errors import GitError, classify
from .runner import LOCAL_TIMEOUT, git_ok, run_git
from .status import git_path, operation_in_progress, rel_in_repo, repo_root

_COMMIT_HOOKS = ("pre-commit", "prepare-commit-msg", "commit-msg")


@dataclass(frozen=True)
class CommitResult:
    sha: str
    summary: str  # the message's first line
    files: tuple[str, ...]  # repo-relative paths the commit changed
    warning: str = ""  # set when the commit exists but the index could not be refreshed


def default_message(title: str, is_new: bool = True) -> str:
    """`TIL: <title>` for a new post (the title alone when it already says TIL), or
    `Update: <title>` for a change to a committed one. The caller lets the user edit it."""
    title = " ".join(str(title or "").split()) or "untitled post"
    if not is_new:
        return f"Update: {title}"
    return title if title.upper().startswith("TIL") else f"TIL: {title}"


def post_paths(site, post_path) -> list[Path]:
    """The files a post's commit holds: the post and its images folder."""
    from tileditor.core.images import post_image_dir

    return [Path(post_path), post_image_dir(site, post_path)]


def current_branch(root: Path) -> str | None:
    result = run_git(root, ["symbolic-ref", "-q", "--short", "HEAD"])
    return (result.stdout.strip() or None) if result.returncode == 0 else None


def has_commits(root: Path) -> bool:
    return run_git(root, ["rev-parse", "-q", "--verify", "HEAD^{commit}"]).returncode == 0


def hooks_present(root: Path, names=_COMMIT_HOOKS) -> bool:
    custom = run_git(root, ["config", "--get", "core.hooksPath"]).stdout.strip()
    folder = Path(os.path.expanduser(custom)) if custom else git_path(root, "hooks")
    if custom and not folder.is_absolute():
        folder = root / folder
    return any(os.access(folder / n, os.X_OK) and (folder / n).is_file() for n in names)


def _existing(root: Path, rels: list[str]) -> list[str]:
    """The paths git can stage: on disk, or tracked (then a deletion is committed)."""
    tracked = set(git_ok(root, ["ls-files", "-z", "--", *rels]).split("\0")) - {""}
    keep = []
    for rel in rels:
        on_disk = (root / rel).exists()
        known = any(t == rel or t.startswith(rel.rstrip("/") + "/") for t in tracked)
        if on_disk or known:
            keep.append(rel)
    return keep


def _check_can_commit(root: Path, message: str) -> None:
    if not message.strip():
        raise GitError("empty_message")
    if current_branch(root) is None:
        raise GitError("detached")
    if operation_in_progress(root):
        raise GitError("busy")


def commit_paths(repo, paths, message: str, timeout: float = LOCAL_TIMEOUT) -> CommitResult:
    """Commit the current contents of `paths` (files or folders: additions, changes and
    deletions under them) and nothing else; the user's hooks and signing config apply.
    On success the real index holds the committed version of those paths; other entries are
    untouched. Raises GitError (nothing changed) on any failure."""
    root = repo_root(repo)
    _check_can_commit(root, message)
    rels = _existing(root, [rel_in_repo(root, p) for p in paths])
    if not rels:
        raise GitError("nothing_to_commit")
    tmp = git_path(root, f"tileditor-index-{uuid.uuid4().hex}")
    env = {"GIT_INDEX_FILE": str(tmp)}
    try:
        _prepare_index(root, tmp, env)
        _run_or_raise(root, ["add", "-A", "--", *rels], env)
        if run_git(root, ["diff", "--cached", "--quiet"], env=env).returncode == 0:
            raise GitError("nothing_to_commit")
        result = run_git(root, ["commit", "-q", "--file=-"], input_text=message, env=env,
                         timeout=timeout)
        if result.returncode != 0:
            raise classify(result.stderr, "hook" if hooks_present(root) else "failed")
    finally:
        for leftover in (tmp, Path(str(tmp) + ".lock")):
            leftover.unlink(missing_ok=True)
    return _after_commit(root, rels, message)


def _prepare_index(root: Path, tmp: Path, env: dict) -> None:
    """HEAD's tree in the temporary index; the real index's stat data is reused so git does
    not re-read every file of a big blog."""
    if not has_commits(root):
        _run_or_raise(root, ["read-tree", "--empty"], env)
        return
    real = git_path(root, "index")
    if real.is_file():
        shutil.copyfile(real, tmp)
    _run_or_raise(root, ["reset", "-q", "HEAD"], env)


def _run_or_raise(root: Path, args: list[str], env: dict | None = None) -> str:
    result = run_git(root, args, env=env)
    if result.returncode != 0:
        if "ignored by one of your .gitignore" in result.stderr:
            raise GitError("failed", "the post or its images are ignored by .gitignore")
        raise classify(result.stderr)
    return result.stdout


def _after_commit(root: Path, rels: list[str], message: str) -> CommitResult:
    sha = git_ok(root, ["rev-parse", "HEAD"]).strip()
    files = git_ok(root, ["diff-tree", "--no-commit-id", "--name-only", "-r", "-z", "--root",
                          "HEAD"]).split("\0")
    warning = ""
    # The real index still has the old versions of the committed paths: bring just those
    # entries up to HEAD (what `git commit --only` does), leaving every other entry alone.
    sync = run_git(root, ["reset", "-q", "HEAD", "--", *rels])
    if sync.returncode != 0:
        warning = ("The commit was made, but git's index could not be refreshed: "
                   "`git status` may show the post as changed until you run `git reset`.")
    summary = message.strip().splitlines()[0]
    return CommitResult(sha, summary, tuple(f for f in files if f), warning)
