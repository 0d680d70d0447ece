"""Where a repository is and what state the open post and its images folder are in (new,
modified, staged, committed, unpushed) plus the branch's position against its upstream.
Read-only: never changes the index or the work tree. Must not import PySide6."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import GitError
from .runner import git_ok, run_git

# Per-path states, from most to least in need of attention.
STATES = ("conflicted", "new", "modified", "staged", "deleted", "clean", "ignored", "absent")


@dataclass(frozen=True)
class PathStatus:
    path: str  # relative to the repository root, '/'-separated
    state: str  # one of STATES
    files: tuple[tuple[str, str], ...] = ()  # (porcelain code, path) of each changed file
    unpushed: bool = False  # committed locally in commits the upstream does not have yet


@dataclass(frozen=True)
class RepoStatus:
    root: Path
    branch: str | None  # None when HEAD is detached
    head: str | None  # commit id, None on a branch without commits yet
    upstream: str | None  # e.g. 'origin/main', None when the branch tracks nothing
    ahead: int = 0
    behind: int = 0
    paths: dict[str, PathStatus] = field(default_factory=dict)

    @property
    def detached(self) -> bool:
        return self.branch is None

    def state_of(self, path: str) -> str:
        hit = self.paths.get(path)
        return hit.state if hit else "absent"


def repo_root(path) -> Path:
    """The top of the work tree holding `path` (a file or a folder)."""
    p = Path(path)
    folder = p if p.is_dir() else p.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    result = run_git(folder, ["rev-parse", "--show-toplevel"])
    if result.returncode != 0:
        raise GitError("not_a_repo", result.stderr.strip())
    return Path(result.stdout.strip()).resolve()


def rel_in_repo(root: Path, path) -> str:
    p = Path(path)
    p = p if p.is_absolute() else root / p
    try:
        rel = p.resolve().relative_to(root)
    except ValueError:
        raise GitError("outside", str(path)) from None
    return rel.as_posix() or "."


def git_path(root: Path, name: str) -> Path:
    """A file inside the git dir (works in linked worktrees), e.g. MERGE_HEAD."""
    out = git_ok(root, ["rev-parse", "--git-path", name]).strip()
    p = Path(out)
    return p if p.is_absolute() else root / p


def operation_in_progress(root: Path) -> bool:
    names = ("MERGE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD", "rebase-merge", "rebase-apply")
    return any(git_path(root, n).exists() for n in names)


def _branch_header(lines: list[str]) -> dict:
    info = {"oid": None, "head": None, "upstream": None, "ahead": 0, "behind": 0}
    for line in lines:
        if not line.startswith("# "):
            continue
        key, _, value = line[2:].partition(" ")
        if key == "branch.oid":
            info["oid"] = None if value == "(initial)" else value
        elif key == "branch.head":
            info["head"] = None if value == "(detached)" else value
        elif key == "branch.upstream":
            info["upstream"] = value
        elif key == "branch.ab":
            a, b = value.split()
            info["ahead"], info["behind"] = int(a.lstrip("+")), int(b.lstrip("-"))
    return info


def _records(raw: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Header lines and (code, path) records of `git status --porcelain=v2 -z`."""
    parts = raw.split("\0")
    header, files, i = [], [], 0
    while i < len(parts):
        rec = parts[i]
        i += 1
        if not rec:
            continue
        kind = rec[0]
        if kind == "#":
            header.append(rec)
        elif kind == "1":
            files.append((rec.split(" ", 2)[1], rec.split(" ", 8)[8]))
        elif kind == "2":
            files.append((rec.split(" ", 2)[1], rec.split(" ", 9)[9]))
            i += 1  # the rename's original path follows
        elif kind == "u":
            files.append(("UU", rec.split(" ", 10)[10]))
        elif kind in "?!":
            files.append((kind * 2, rec[2:]))
    return header, files


def _state(codes: list[str], tracked: bool) -> str:
    if not codes:
        return "clean" if tracked else "absent"
    if any(c == "UU" for c in codes):
        return "conflicted"
    if any(c == "??" for c in codes):
        return "new"
    if all(c == "!!" for c in codes):
        return "ignored"
    if any(len(c) == 2 and c[1] not in ".!" for c in codes):
        return "modified"
    if all(c[0] == "D" for c in codes if c != "!!") and not tracked:
        return "deleted"
    return "staged"


def _under(path: str, rel: str) -> bool:
    return rel == "." or path == rel or path.startswith(rel.rstrip("/") + "/")


def status_of(repo, paths) -> RepoStatus:
    """The state of each of `paths` (files or folders; absolute or relative to `repo`) and of
    the branch. A folder's state is the most pressing state of the files inside it; ahead and
    behind are counted against the last fetch (no network)."""
    root = repo_root(repo)
    rels = [rel_in_repo(root, p) for p in paths]
    raw = git_ok(root, ["status", "--porcelain=v2", "--branch", "-z", "--untracked-files=all",
                        "--ignored=matching", "--", *rels] if rels else
                 ["status", "--porcelain=v2", "--branch", "-z"])
    header, files = _records(raw)
    info = _branch_header(header)
    tracked = set(git_ok(root, ["ls-files", "-z", "--", *rels]).split("\0")) if rels else set()
    tracked.discard("")
    unpushed = _unpushed(root, rels, info)
    out: dict[str, PathStatus] = {}
    for rel in rels:
        mine = [(c, p) for c, p in files if _under(p, rel)]
        has_tracked = any(_under(t, rel) for t in tracked)
        out[rel] = PathStatus(rel, _state([c for c, _ in mine], has_tracked), tuple(mine),
                              rel in unpushed)
    return RepoStatus(root, info["head"], info["oid"], info["upstream"], info["ahead"],
                      info["behind"], out)


def _unpushed(root: Path, rels: list[str], info: dict) -> set[str]:
    if not rels or not info["upstream"] or not info["ahead"]:
        return set()
    hit = set()
    for rel in rels:
        result = run_git(root, ["rev-list", "--count", "@{upstream}..HEAD", "--", rel])
        if result.returncode == 0 and result.stdout.strip() not in ("", "0"):
            hit.add(rel)
    return hit
