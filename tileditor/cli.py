"""The `tileditor` command line: `export`, `new`, `tags`; anything else opens the window.
Errors are one line on stderr and a non-zero exit, never a traceback. No Qt imports here
except through tileditor.app, which is loaded only when the window is wanted."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

VERBS = ("export", "new", "tags")


class CliError(Exception):
    """A user-facing failure: the message is printed as is."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tileditor",
        description="Write TIL posts into a Jekyll blog. Without a verb, opens the editor "
        "(on REPO_OR_POST, the last repo, or the built-in demo blog).",
    )
    sub = p.add_subparsers(dest="verb")
    e = sub.add_parser("export", help="print or write the HTML the preview shows")
    e.add_argument("post", type=Path)
    e.add_argument("-o", "--output", type=Path, help="write to FILE instead of stdout")
    e.add_argument("--fragment", action="store_true", help="only the body fragment, no page")
    n = sub.add_parser("new", help="create a new post in the blog's layout; prints its path")
    n.add_argument("title")
    n.add_argument("--repo", type=Path, default=Path.cwd())
    n.add_argument("--tags", default="", help="comma-separated")
    n.add_argument("--categories", default="", help="comma-separated")
    n.add_argument("--draft", action="store_true", help="create it in _drafts/")
    n.add_argument("--date", help="YYYY-MM-DD (default: today)")
    t = sub.add_parser("tags", help="list tags and categories with counts, or rename a tag")
    t.add_argument("action", nargs="?", choices=["rename"], help="rename OLD NEW")
    t.add_argument("names", nargs="*")
    t.add_argument("--repo", type=Path, default=Path.cwd())
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in VERBS and argv[0] not in ("-h", "--help")):
        from tileditor.app import main as app_main

        return app_main(argv)
    args = _parser().parse_args(argv)
    try:
        if args.verb == "export":
            return cmd_export(args)
        if args.verb == "new":
            return cmd_new(args)
        if args.verb == "tags":
            return cmd_tags(args)
    except CliError as exc:
        print(f"tileditor: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # last resort: one line, never a traceback
        print(f"tileditor: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    _parser().print_help()
    return 2


def _site_for(path: Path, required: bool = True):
    from tileditor.core.site import JekyllSite

    site = JekyllSite.find(path)
    if site is None and required:
        raise CliError(f"{path} is not inside a Jekyll site (no _config.yml found above it)")
    return site


def _read_text(path: Path) -> str:
    from tileditor.core.textcodec import BinaryFileError, decode_bytes

    try:
        return decode_bytes(path.read_bytes()).text
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"{path} is a folder, not a post") from None
    except PermissionError:
        raise CliError(f"{path}: permission denied") from None
    except BinaryFileError as exc:
        raise CliError(f"{path}: {exc}") from None


def cmd_export(args) -> int:
    from tileditor.core.page import page_meta, standalone_html
    from tileditor.core.render import render

    post = args.post.resolve()
    text = _read_text(post)
    site = _site_for(post, required=False)
    result = render(text, site, post)
    if args.fragment:
        out = result.html
    else:
        meta = page_meta(result.front_matter, result.html, site, post)
        out = standalone_html(result.html, meta, result.toc_html)
    for w in result.warnings:
        print(f"tileditor: warning: {w}", file=sys.stderr)
    if args.output:
        from tileditor.core.fileio import WriteError, atomic_write

        try:
            atomic_write(args.output, out.encode("utf-8"))
        except WriteError as exc:
            raise CliError(str(exc)) from None
    else:
        sys.stdout.write(out)
    return 0


def _split_names(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def cmd_new(args) -> int:
    from tileditor.core.fileio import WriteError, atomic_write
    from tileditor.core.new_post import new_post_text
    from tileditor.core.slug import new_post_path

    if not args.title.strip():
        raise CliError("the title is empty")
    site = _site_for(args.repo.resolve())
    try:
        when = datetime.strptime(args.date, "%Y-%m-%d") if args.date else datetime.now()
    except ValueError:
        raise CliError(f"--date {args.date!r} is not YYYY-MM-DD") from None
    path = new_post_path(site, args.title, when, draft=args.draft)
    text = new_post_text(site, args.title, when, _split_names(args.tags), _split_names(args.categories), args.draft)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, text.encode("utf-8"), expected=None, root=site.root)
    except (WriteError, OSError) as exc:
        raise CliError(str(exc)) from None
    print(path)
    return 0


def cmd_tags(args) -> int:
    if args.action == "rename" and len(args.names) != 2:
        raise CliError("usage: tileditor tags rename OLD NEW")
    if args.action is None and args.names:
        raise CliError("usage: tileditor tags [rename OLD NEW]")
    site = _site_for(args.repo.resolve())
    if args.action == "rename":
        from tileditor.core.tag_rename import rename_tag

        changed = rename_tag(site, args.names[0], args.names[1])
        for path in changed:
            print(path)
        print(f"renamed {args.names[0]!r} to {args.names[1]!r} in {len(changed)} post(s)", file=sys.stderr)
        return 0
    index = site.tag_index()
    for title, counter in (("tags", index.tags), ("categories", index.categories)):
        print(f"{title}:")
        for name, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].lower())):
            print(f"  {count:5d}  {name}")
    return 0
