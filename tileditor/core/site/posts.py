"""Which files of a Jekyll repo are posts and drafts (Jekyll's reader and EntryFilter rules),
and the PostEntry summary of each. Must not import PySide6."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tileditor.core.frontmatter import as_list
from tileditor.core.site.config import is_excluded
from tileditor.core.site.permalink import (
    DATE_FILENAME,
    date_from_name,
    post_categories,
    split_post_name,
    to_site_time,
)

POST_EXTS = (".md", ".markdown")
_SPECIAL = ("_", ".", "#", "~")


@dataclass(frozen=True)
class PostEntry:
    path: Path
    rel: str
    date: datetime | None
    slug: str
    title: str
    tags: tuple[str, ...]
    categories: tuple[str, ...]
    draft: bool
    error: str | None = None
    published: bool = True


def _special(name: str) -> bool:
    return name.startswith(_SPECIAL) or name.endswith("~")


def markdown_exts(config: dict) -> tuple[str, ...]:
    raw = config.get("markdown_ext")
    exts = set(POST_EXTS)
    if isinstance(raw, str):
        exts |= {"." + e.strip().lower() for e in raw.split(",") if e.strip()}
    return tuple(sorted(exts))


def find_special_dirs(root: Path, excludes: list[str], name: str) -> list[Path]:
    """Every `<dir>/_posts` (or `_drafts`) Jekyll would read: the root's and those inside
    non-special, non-excluded folders."""
    found: list[Path] = []
    for dirpath, dirnames, _files in os.walk(root):
        here = Path(dirpath)
        rel_here = here.relative_to(root).as_posix()
        if name in dirnames:
            found.append(here / name)
        keep = []
        for d in dirnames:
            rel = d if rel_here == "." else f"{rel_here}/{d}"
            if not _special(d) and not is_excluded(rel, excludes):
                keep.append(d)
        dirnames[:] = keep
    return found


def list_files(base: Path, exts: tuple[str, ...], need_date: bool) -> list[Path]:
    """Files under a `_posts`/`_drafts` folder that Jekyll reads (Reader#get_entries)."""
    out: list[Path] = []
    for dirpath, dirnames, files in os.walk(base):
        here = Path(dirpath)
        inner = here.relative_to(base).as_posix()
        if inner == ".":
            # Only the first component and the base name are checked for special characters.
            dirnames[:] = [d for d in dirnames if not _special(d)]
        for f in files:
            if _special(f) or not f.lower().endswith(exts):
                continue
            rel = f if inner == "." else f"{inner}/{f}"
            if need_date and not DATE_FILENAME.match(rel):
                continue
            out.append(here / f)
    return out


def make_entry(root: Path, path: Path, values: dict, error: str | None, draft: bool,
               tz=None, rel: str | None = None) -> PostEntry:
    # `rel` given by a caller that walked with strings (site_scan) saves pathlib's work.
    rel = path.relative_to(root).as_posix() if rel is None else rel
    day, slug, _ext = split_post_name(rel)
    when = to_site_time(values.get("date"), tz) if "date" in values else None
    if when is None and not draft:
        when = date_from_name(day)
    title = values.get("title")
    if title is None or title == "":
        title = " ".join(w.capitalize() for w in slug.split("-"))
    return PostEntry(
        path=path,
        rel=rel,
        date=when,
        slug=slug,
        title=str(title),
        tags=tuple(jekyll_list(values, "tag", "tags")),
        categories=tuple(post_categories(rel, values, "_drafts" if draft else "_posts")),
        draft=draft,
        error=error,
        published=values.get("published", True) is not False,
    )


def jekyll_list(values: dict, singular: str, plural: str) -> list[str]:
    """Utils.pluralized_array_from_hash: the singular key wins and is not split."""
    if singular in values and values[singular] is not None:
        v = values[singular]
        return as_list(v) if isinstance(v, (list, tuple)) else [str(v)]
    return as_list(values.get(plural))
