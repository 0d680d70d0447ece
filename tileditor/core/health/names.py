"""Which files of the blog the health check reads, and the `_posts` files Jekyll will not
publish as posts because of their names: no YYYY-MM-DD- prefix, an impossible date, or an
extension that is not Markdown. Mirrors tileditor/core/site/posts.py's reading of Jekyll's
rules. Must not import PySide6."""

from __future__ import annotations

import os
from pathlib import Path

from tileditor.core.site import (
    DATE_FILENAME,
    date_from_name,
    find_special_dirs,
    markdown_exts,
    split_post_name,
)

from .model import Finding, ScannedFile

# Files someone meant as posts: Markdown, HTML and the extensions people try by mistake.
_POSTISH = (".md", ".markdown", ".mkd", ".mkdn", ".mdown", ".mdx", ".rmd", ".txt", ".html",
            ".htm", ".textile")
_SPECIAL = ("_", ".", "#", "~")


def _special(name: str) -> bool:
    return name.startswith(_SPECIAL) or name.endswith("~")


def _walk(base: Path):
    for dirpath, dirnames, files in os.walk(base):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not _special(d))
        for f in sorted(files):
            if not _special(f):
                yield here / f, (here / f).relative_to(base).as_posix()


def jekyll_markdown_exts(config: dict) -> tuple[str, ...]:
    """Jekyll's markdown_ext (default "markdown,mkdown,mkdn,mkd,md"), as dotted lowercase."""
    raw = config.get("markdown_ext")
    if not isinstance(raw, str) or not raw.strip():
        raw = "markdown,mkdown,mkdn,mkd,md"
    return tuple(sorted({"." + e.strip().lower() for e in raw.split(",") if e.strip()}))


def scan_files(site) -> tuple[list[ScannedFile], list[Finding]]:
    """Every post and draft Jekyll reads (scanned), plus name findings for `_posts` files
    it skips or mis-reads."""
    exts = tuple(set(jekyll_markdown_exts(site.config)) | set(markdown_exts(site.config)))
    scanned: list[ScannedFile] = []
    findings: list[Finding] = []
    for special, draft in (("_posts", False), ("_drafts", True)):
        for base in find_special_dirs(site.root, site.excludes, special):
            for path, inner in _walk(base):
                ext = path.suffix.lower()
                if ext not in _POSTISH and path.suffix:
                    continue  # pictures and other files kept beside posts
                problem = None if draft else _name_problem(inner, ext, exts)
                if problem:
                    findings.append(Finding(path, 1, "bad_name", problem))
                if ext in exts and (draft or problem is None):
                    f = ScannedFile.read(site, path, draft)
                    if f is not None:
                        scanned.append(f)
    return scanned, findings


def _name_problem(inner: str, ext: str, exts: tuple[str, ...]) -> str | None:
    if not DATE_FILENAME.match(inner):
        return ("Jekyll skips this file: its name does not start with a YYYY-MM-DD- date "
                "(e.g. 2025-04-22-my-post.md)")
    day = split_post_name(inner)[0]
    if date_from_name(day) is None:
        return f"the name's date {day} does not exist: Jekyll stops the build (Invalid date)"
    if ext not in exts and ext not in (".html", ".htm"):
        shown = ext or "no extension"
        return (f"{shown} is not a Markdown extension of this site (markdown_ext): Jekyll "
                "publishes it without converting the Markdown")
    return None
