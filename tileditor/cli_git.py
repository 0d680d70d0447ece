"""The command-line verbs of the publishing loop: `check` (repo health, exit 1 when anything
is found), `commit POST`, `push`, and `cmd_new_next` for `new --next`. Registered on cli.py's
parser through add_parsers(); errors are one line on stderr. No Qt imports."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path


def add_parsers(subparsers) -> None:
    """Add `check`, `commit` and `push` to cli.py's subparsers (each sets `func`)."""
    c = subparsers.add_parser("check", help="list what is wrong in the blog (exit 1 if any)",
                              description="The blog's health check; with --spelling, the "
                              "editor's spell checker on POSTs (default: every post and draft).")
    c.add_argument("posts", nargs="*", type=Path, metavar="POST",
                   help="with --spelling: the posts to check (default: every post and draft)")
    c.add_argument("--repo", type=Path, default=None, help="the blog (default: here)")
    c.add_argument("--json", action="store_true", help="print the findings as JSON")
    c.add_argument("--spelling", action="store_true",
                   help="list misspelled words as path:line: word (suggestions); exit 1 if "
                        "any, 2 if a post cannot be read or a needed dictionary is missing")
    c.set_defaults(func=cmd_check)
    m = subparsers.add_parser("commit", help="commit exactly a post and its images folder")
    m.add_argument("post", type=Path)
    m.add_argument("-m", "--message", help="commit message (default: from the title)")
    m.add_argument("--repo", type=Path, default=None)
    m.set_defaults(func=cmd_commit)
    p = subparsers.add_parser("push", help="push the current branch (progress on stderr)")
    p.add_argument("--repo", type=Path, default=None)
    p.set_defaults(func=cmd_push)


def _fail(message: str, code: int = 1) -> int:
    print(f"tileditor: {message}", file=sys.stderr)
    return code


def _site(folder: Path):
    from tileditor.core.site import JekyllSite

    return JekyllSite.find(folder)


def _shown(path: Path) -> str:
    """Relative to the current folder when inside it (clickable in editors and CI logs)."""
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def cmd_check(args) -> int:
    """Exit 0 clean, 1 when anything is found, 2 when the check could not run."""
    if getattr(args, "spelling", False):
        from tileditor.cli_spelling import cmd_check_spelling

        return cmd_check_spelling(args)
    if getattr(args, "posts", None):
        return _fail("POST is for --spelling; the health check covers the whole blog", 2)
    from tileditor.core.health import check_repo

    repo = (args.repo or Path.cwd()).resolve()
    site = _site(repo)
    if site is None:
        return _fail(f"{repo} is not inside a Jekyll site (no _config.yml found above it)", 2)
    findings = check_repo(site)
    if getattr(args, "json", False):
        out = {"root": str(site.root), "count": len(findings),
               "findings": [f.as_dict(site.root) for f in findings]}
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for f in findings:
            print(f"{_shown(f.path)}:{f.line}: {f.kind}: {f.message}")
        files = len({f.path for f in findings})
        print(f"{len(findings)} finding(s) in {files} file(s)" if findings else
              "no findings", file=sys.stderr)
    return 1 if findings else 0


def _post_path(args) -> Path:
    post = args.post
    if not post.is_absolute() and not post.exists() and args.repo is not None:
        post = args.repo / post
    return post.resolve()


def cmd_commit(args) -> int:
    from tileditor.core.frontmatter import HeaderError, read_header_values
    from tileditor.core.git_repo import (
        GitError,
        commit_paths,
        default_message,
        post_paths,
        status_of,
    )
    from tileditor.core.site import read_text

    post = _post_path(args)
    if not post.is_file():
        return _fail(f"{post}: no such post")
    site = _site(post.parent)
    paths = post_paths(site, post) if site is not None else [post]
    repo = (args.repo or post.parent).resolve()
    try:
        message = args.message
        if not message:
            try:
                title = read_header_values(read_text(post)).get("title") or post.stem
            except (HeaderError, OSError, ValueError):
                title = post.stem
            is_new = status_of(repo, [post]).state_of(_rel(repo, post)) in ("new", "absent")
            message = default_message(str(title), is_new=is_new)
        result = commit_paths(repo, paths, message)
    except GitError as exc:
        return _fail(str(exc))
    print(f"{result.sha[:7]} {result.summary}")
    for name in result.files:
        print(f"  {name}", file=sys.stderr)
    if result.warning:
        print(f"tileditor: warning: {result.warning}", file=sys.stderr)
    return 0


def _rel(repo: Path, post: Path) -> str:
    from tileditor.core.git_repo import repo_root

    return post.relative_to(repo_root(repo)).as_posix()


def _progress_printer(stream):
    """A progress callback: one rewritten line on a terminal; in a log (CI, a pipe), only
    the lines that end a phase ("Writing objects: 100% (3/3), done.") and git's notes."""
    tty = stream.isatty()

    def show(text: str, percent) -> None:
        if tty:
            stream.write("\r\x1b[K" + text)
        elif percent is None or text.endswith("done."):
            stream.write(text + "\n")
        stream.flush()

    return show, tty


def cmd_push(args) -> int:
    from tileditor.core.git_repo import GitError, push

    repo = (args.repo or Path.cwd()).resolve()
    show, tty = _progress_printer(sys.stderr)
    try:
        result = push(repo, on_progress=show)
    except GitError as exc:
        if tty:
            sys.stderr.write("\n")
        return _fail(str(exc))
    if tty:
        sys.stderr.write("\n")
    if result.up_to_date:
        print(f"{result.branch} is already up to date on {result.remote}")
    else:
        print(f"pushed {result.branch} to {result.remote} {result.summary}".rstrip())
    return 0


def cmd_new_next(args) -> int:
    """`tileditor new --next [--repo DIR] [--date YYYY-MM-DD] [--draft]`: writes the next post
    of the newest post's series and prints its path. `args` needs `repo`; `date`, `draft`
    are optional attributes."""
    from tileditor.core.fileio import WriteError, atomic_write
    from tileditor.core.next_til import next_in_series, next_post_text
    from tileditor.core.slug import new_post_path

    repo = (getattr(args, "repo", None) or Path.cwd()).resolve()
    site = _site(repo)
    if site is None:
        return _fail(f"{repo} is not inside a Jekyll site (no _config.yml found above it)")
    raw = getattr(args, "date", None)
    try:
        when = datetime.strptime(raw, "%Y-%m-%d").date() if raw else date.today()
    except ValueError:
        return _fail(f"--date {raw!r} is not YYYY-MM-DD")
    nxt = next_in_series(site, when)
    if nxt is None:
        return _fail("no recent post has a series number to continue (e.g. TIL25_Day209)")
    draft = bool(getattr(args, "draft", False))
    folder = new_post_path(site, nxt.title, when, draft=draft).parent
    name = f"{nxt.slug}.md" if draft else f"{when:%Y-%m-%d}-{nxt.slug}.md"
    path = folder / name
    if path.exists():
        return _fail(f"{path} already exists")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, next_post_text(site, nxt).encode("utf-8"), expected=None,
                     root=site.root)
    except (WriteError, OSError) as exc:
        return _fail(str(exc))
    print(path)
    return 0


def _standalone(argv: list[str] | None = None) -> int:  # pragma: no cover - manual runs
    parser = argparse.ArgumentParser(prog="tileditor")
    add_parsers(parser.add_subparsers(dest="verb", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(_standalone())
