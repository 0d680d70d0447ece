"""The `tileditor` command line: the verbs in VERBS (one table entry + one function each);
anything else must be existing paths, which open the window. Errors are one line on stderr and
a non-zero exit (2 for usage errors), never a traceback; a closed pipe ends quietly. No Qt
imports here except through tileditor.app, loaded only when the window is wanted."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tileditor import __version__


class CliError(Exception):
    """A user-facing failure: the message is printed as is."""


@dataclass(frozen=True)
class Verb:
    """A command: the function that runs it, its one-line summary (shown by `tileditor -h`),
    its arguments as `arg(...)` specs (each with a help text saying its default), and an
    optional longer description for `tileditor VERB --help`."""

    run: Callable[[argparse.Namespace], int]
    summary: str
    args: tuple = ()
    description: str = ""


def arg(*names: str, **kwargs) -> tuple:
    """One argparse argument, as `add_argument(*names, **kwargs)` would take it."""
    return names, kwargs


REPO_ARG = arg("--repo", type=Path, metavar="DIR",
               help="the blog's folder, or any folder inside it (default: the current folder)")


def _repo(args) -> Path:
    return (args.repo or Path.cwd()).resolve()


# -- verbs ----------------------------------------------------------------------------------------

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


def _check_export_target(output: Path, post: Path, site) -> None:
    """HTML must never land on the Markdown it came from, nor on any other Markdown source of
    the blog: `export POST -o POST` would otherwise destroy the post."""
    target = output.resolve()
    same = target == post or (target.exists() and os.path.samefile(target, post))
    if same:
        raise CliError(f"refusing to write the HTML over its own source {post}; choose another -o FILE")
    if target.suffix.lower() in (".md", ".markdown") and site is not None \
            and target.is_relative_to(site.root.resolve()):
        raise CliError(f"refusing to write HTML into {output}, a Markdown file of the blog; "
                       "choose a .html file")


def cmd_export(args) -> int:
    from tileditor.core.page import page_meta
    from tileditor.core.portable_page import portable_html
    from tileditor.core.render import render

    post = args.post.resolve()
    text = _read_text(post)
    site = _site_for(post, required=False)
    if args.output:
        _check_export_target(args.output, post, site)
    result = render(text, site, post)
    warnings = list(result.warnings)
    if args.fragment:
        out = result.html
    else:
        meta = page_meta(result.front_matter, result.html, site, post)
        out, left_out = portable_html(result.html, meta, result.toc_html, site=site,
                                      post_path=post, front_matter=result.front_matter)
        warnings.extend(left_out)
    for w in warnings:
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

    if args.next:
        from tileditor.cli_git import cmd_new_next

        if args.title:
            raise CliError("--next takes its title from the series: give no TITLE")
        return cmd_new_next(args)
    if not (args.title or "").strip():
        raise CliError("the title is empty (or use --next for the next post of a series)")
    site = _site_for(_repo(args))
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
    site = _site_for(_repo(args))
    if args.action == "rename":
        from tileditor.core.tag_rename import rename_tag

        changed = rename_tag(site, args.names[0], args.names[1])
        for path in changed:
            print(path)
        for path, reason in changed.skipped:
            print(f"tileditor: {path}: not changed: {reason}", file=sys.stderr)
        if not changed and not changed.skipped:
            raise CliError(f"no post has the tag or category {args.names[0]!r}")
        print(f"renamed {args.names[0]!r} to {args.names[1]!r} in {len(changed)} post(s)", file=sys.stderr)
        return 1 if changed.skipped else 0
    index = site.tag_index()
    for title, counter in (("tags", index.tags), ("categories", index.categories)):
        print(f"{title}:")
        for name, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].lower())):
            print(f"  {count:5d}  {name}")
    return 0


def cmd_install_desktop(args) -> int:
    from tileditor.desktop_install import install, uninstall

    try:
        paths = uninstall(args.data_home) if args.uninstall else install(args.data_home)
    except OSError as exc:
        raise CliError(str(exc)) from None
    for p in paths:
        print(p)
    if not paths:
        print("tileditor: nothing to remove", file=sys.stderr)
    return 0


# -- the table: add a verb here (and its function above) ----------------------------------------

VERBS: dict[str, Verb] = {
    "export": Verb(cmd_export, "print or write the HTML the preview shows", (
        arg("post", type=Path, metavar="POST", help="the Markdown post to render"),
        arg("-o", "--output", type=Path, metavar="FILE",
            help="write the HTML to FILE instead of stdout (refused when FILE is the post itself "
                 "or another Markdown file of the blog)"),
        arg("--fragment", action="store_true",
            help="only the body's HTML fragment (default: a standalone page with its CSS)"),
    ), "Render POST as the preview shows it; local images become file:// URLs."),
    "new": Verb(cmd_new, "create a new post in the blog's layout and style; prints its path", (
        arg("title", nargs="?", metavar="TITLE",
            help="the post's title (the file name's slug comes from it)"),
        arg("--next", action="store_true",
            help="the next post of the newest post's series (TIL25_Day209 -> TIL25_Day210), "
                 "with its categories, tag style and layout keys; no TITLE"),
        REPO_ARG,
        arg("--tags", default="", metavar="A,B", help="comma-separated tags (default: none)"),
        arg("--categories", default="", metavar="C,D", help="comma-separated categories (default: none)"),
        arg("--draft", action="store_true", help="create it in _drafts/ without a date (default: _posts/)"),
        arg("--date", metavar="YYYY-MM-DD", help="the post's date (default: today)"),
    ), "Create a post where the blog keeps its posts, with the header keys the blog uses. "
       "An existing file is never overwritten."),
    "tags": Verb(cmd_tags, "list tags and categories with counts, or rename a tag", (
        arg("action", nargs="?", choices=["rename"], help="rename OLD NEW: rename (or merge) a tag "
            "in every post, touching only the tag lines (default: list with counts)"),
        arg("names", nargs="*", metavar="OLD NEW", help="for rename: the tag and its new name"),
        REPO_ARG,
    )),
    "install-desktop": Verb(cmd_install_desktop, "add tileditor to the desktop's application menu", (
        arg("--uninstall", action="store_true", help="remove what install-desktop added"),
        arg("--data-home", type=Path, metavar="DIR",
            help="where to install (default: $XDG_DATA_HOME, else ~/.local/share)"),
    ), "Install the .desktop entry (launching this installation's tileditor), the AppStream "
       "metainfo and the icons into the user's XDG folders: applications/, metainfo/, "
       "icons/hicolor/. Linux and other XDG desktops only."),
}

WINDOW_USAGE = "tileditor [--verbose] [PATH ...]"
WINDOW_HELP = (
    "Without a verb, opens the editor on each PATH (a blog folder or a post file): the first in "
    "this window, each further one in its own window. No PATH: the last repo, or the built-in "
    "demo blog on first run. --verbose mirrors the log to stderr.")


# -- parsing and dispatch ---------------------------------------------------------------------------

def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tileditor", usage=f"{WINDOW_USAGE}\n       tileditor VERB [options]  (see tileditor VERB --help)",
        description="Write TIL posts into a Jekyll blog.", epilog=WINDOW_HELP)
    p.add_argument("--version", action="version", version=f"tileditor {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="also log to stderr")
    sub = p.add_subparsers(dest="verb", metavar="VERB")
    for name, verb in VERBS.items():
        v = sub.add_parser(name, prog=f"tileditor {name}", help=verb.summary,
                           description=verb.description or verb.summary)
        for names, kwargs in verb.args:
            v.add_argument(*names, **kwargs)
    # Verbs defined beside their core (each parser sets `func`).
    from tileditor import cli_git, cli_moves, cli_search

    cli_moves.add_parsers(sub)
    cli_git.add_parsers(sub)
    cli_search.add_parser(sub).set_defaults(func=cli_search.cmd_search)
    return p


def window_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tileditor", usage=WINDOW_USAGE, description=WINDOW_HELP)
    p.add_argument("paths", nargs="*", metavar="PATH", help="a Jekyll repo folder or a post file")
    p.add_argument("-v", "--verbose", action="store_true", help="also log to stderr")
    # For smoke tests and the cold-start benchmark: quit once the preview shows the post,
    # printing what it showed and the seconds since start.
    p.add_argument("--quit-after-render", action="store_true", help=argparse.SUPPRESS)
    return p


def _first_word(argv: list[str]) -> str | None:
    return next((a for a in argv if not a.startswith("-")), None)


def _usage_error(message: str) -> int:
    print(f"usage: {WINDOW_USAGE}\n       tileditor VERB [options]\ntileditor: error: {message}",
          file=sys.stderr)
    return 2


def _open_window(argv: list[str]) -> int:
    args = window_parser().parse_args(argv)
    for p in args.paths:
        if not Path(p).expanduser().exists():
            if os.sep not in p and "/" not in p and "." not in p:
                return _usage_error(f"unknown verb {p!r} (verbs: {', '.join([*VERBS, *MODULE_VERBS])}; "
                                    "or give an existing folder or post)")
            return _usage_error(f"{p}: no such file or folder")
    from tileditor.app import main as app_main

    return app_main(argv)


# Verbs whose parsers live in cli_moves, cli_git and cli_search.
MODULE_VERBS = ("publish", "unpublish", "rename", "check", "commit", "push", "search")


def _dispatch(argv: list[str]) -> int:
    word = _first_word(argv)
    if word not in VERBS and word not in MODULE_VERBS:
        if any(a in ("-h", "--help", "--version") for a in argv):
            _parser().parse_args(argv)  # prints the help or version and exits
        return _open_window(argv)
    args = _parser().parse_args(argv)
    try:
        if args.verb in MODULE_VERBS:
            return args.func(args)
        return VERBS[args.verb].run(args)
    except CliError as exc:
        print(f"tileditor: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        raise
    except Exception as exc:  # last resort: one line, never a traceback
        print(f"tileditor: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        code = _dispatch(argv)
        sys.stdout.flush()  # inside the try: a closed pipe must surface here, not at exit
        return code
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except BrokenPipeError:
        # `tileditor tags | head`: the reader has gone; point stdout at /dev/null so Python's
        # own flush at exit does not print a second traceback, and end as SIGPIPE would.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
