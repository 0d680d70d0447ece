"""The command-line verbs that move a post with its images: `publish`, `unpublish`, `rename`.
Each prints the new path; an error is one line on stderr and exit status 1. tileditor.cli adds
them with add_parsers(). No Qt imports."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

VERBS = ("publish", "unpublish", "rename")


class _Refused(Exception):
    """A user-facing failure; the message is printed as is."""


def add_parsers(subparsers) -> None:
    """Add the three verbs to an argparse `add_subparsers()` object (each sets `func`)."""
    p = subparsers.add_parser(
        "publish", help="move a draft to _posts with its images folder; prints the new path")
    p.add_argument("draft", type=Path)
    p.add_argument("--date", help="YYYY-MM-DD (default: today)")
    p.add_argument("--repo", type=Path, help="the blog (default: the one holding DRAFT)")
    p.set_defaults(func=cmd_publish)
    u = subparsers.add_parser(
        "unpublish", help="move a post back to _drafts with its images; prints the new path")
    u.add_argument("post", type=Path)
    u.add_argument("--repo", type=Path, help="the blog (default: the one holding POST)")
    u.set_defaults(func=cmd_unpublish)
    r = subparsers.add_parser(
        "rename", help="rename a post (file, images folder, every link to them); prints the "
        "new path")
    r.add_argument("post", type=Path)
    r.add_argument("--title", help="new title; the file name follows it unless --slug is given")
    r.add_argument("--slug", help="new slug for the file name, used as typed")
    r.add_argument("--date", help="new YYYY-MM-DD for the file name")
    r.add_argument("--repo", type=Path, help="the blog (default: the one holding POST)")
    r.set_defaults(func=cmd_rename)


def cmd_publish(args) -> int:
    from tileditor.core.post_moves import plan_publish

    return _run(args, args.draft, lambda site, path: plan_publish(site, path, _day(args.date)))


def cmd_unpublish(args) -> int:
    from tileditor.core.post_moves import plan_unpublish

    return _run(args, args.post, plan_unpublish)


def cmd_rename(args) -> int:
    from tileditor.core.post_moves import plan_rename

    def plan(site, path):
        return plan_rename(site, path, title=args.title, slug=args.slug, date=_day(args.date))

    return _run(args, args.post, plan)


def _run(args, post: Path, make_plan) -> int:
    from tileditor.core.post_moves import MoveError, apply_move

    try:
        site, path = _site_and_post(Path(post), getattr(args, "repo", None))
        plan = make_plan(site, path)
        apply_move(plan)
    except (_Refused, MoveError) as exc:
        print(f"tileditor: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # last resort: one line, never a traceback
        print(f"tileditor: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(plan.new_path)
    return 0


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise _Refused(f"--date {text!r} is not YYYY-MM-DD") from None


def _site_and_post(post: Path, repo: Path | None):
    from tileditor.core.site import JekyllSite

    candidates = [post] if post.is_absolute() else [Path.cwd() / post]
    if repo is not None and not post.is_absolute():
        candidates.append(Path(repo) / post)
    path = next((c for c in candidates if c.is_file()), None)
    if path is None:
        raise _Refused(f"{post}: no such file")
    path = path.resolve()
    site = JekyllSite.find(repo if repo is not None else path)
    if site is None:
        raise _Refused(f"{repo or path} is not inside a Jekyll site (no _config.yml above it)")
    if site.root not in path.parents:
        raise _Refused(f"{post} is not inside the blog at {site.root}")
    return site, path
