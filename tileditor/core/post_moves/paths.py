"""Where a moved post goes: its place in `_posts`/`_drafts` (year folders, the blog's own
subfolder, the date and slug in the name), and the collisions that forbid it. Reads only the
site's listing. Must not import PySide6."""

from __future__ import annotations

import datetime as _dt
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from tileditor.core.post_moves.model import MoveChange, MoveError
from tileditor.core.slug import fit_slug, post_subdir, slugify

_DATED = re.compile(r"^(\d{2,4}-\d{1,2}-\d{1,2})-(.*)(\.[^.]+)$")


@dataclass(frozen=True)
class Where:
    base: Path  # the `_posts` or `_drafts` folder holding the post
    inner: tuple[str, ...]  # folders between it and the file
    day: str | None
    slug: str
    ext: str

    @property
    def draft(self) -> bool:
        return self.base.name == "_drafts"


def locate(site, path: Path) -> Where:
    try:
        parts = path.relative_to(site.root).parts
    except ValueError:
        raise MoveError(f"{path} is not inside the blog at {site.root}") from None
    folders = parts[:-1]
    idx = next((i for i, p in enumerate(folders) if p in ("_posts", "_drafts")), None)
    if idx is None:
        raise MoveError(f"{'/'.join(parts)} is not in a _posts or _drafts folder")
    m = _DATED.match(path.name)
    if m:
        day, slug, ext = m.groups()
    else:
        day, slug, ext = None, path.stem, path.suffix
    if folders[idx] == "_posts" and day is None:
        raise MoveError(f"{path.name} has no YYYY-MM-DD- date in its name")
    return Where(site.root.joinpath(*parts[:idx + 1]), tuple(folders[idx + 1:]), day, slug, ext)


def clean_slug(text: str) -> str:
    """A slug typed by the user, kept as typed but never a path or a hidden file."""
    slug = unicodedata.normalize("NFC", str(text or "")).strip()
    if not slug or slug.startswith(".") or any(c in slug for c in "/\\") or any(
            unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in slug):
        raise MoveError(f"{text!r} cannot be a file name: no '/', '\\', leading '.' or "
                        "control characters")
    return slug


def _parse_day(day: str) -> _dt.date:
    try:
        y, m, d = (int(x) for x in day.split("-"))
        return _dt.date(y, m, d)
    except ValueError:
        raise MoveError(f"{day} in the file name is not a real date") from None


def target_path(site, where: Where, change: MoveChange) -> tuple[Path, _dt.date | None]:
    to_draft = where.draft if change.draft is None else change.draft
    if change.slug is not None:
        slug = clean_slug(change.slug)
    elif change.title is not None:
        slug = slugify(change.title, keep_case=site.conventions().slug_case == "keep")
    else:
        slug = where.slug
    container = where.base.parent
    if to_draft:
        if change.date is not None:
            raise MoveError("a draft has no date in its name; publish it to give it one")
        inner = () if not where.draft else where.inner
        return container / "_drafts" / Path(*inner, fit_slug(slug, where.ext) + where.ext), None
    old_day = _parse_day(where.day) if where.day and not where.draft else None
    when = change.date or old_day or _dt.date.today()
    if where.draft:
        inner = tuple(p for p in post_subdir(site, when).split("/") if p)
    elif old_day and where.inner == (str(old_day.year),):
        inner = (str(when.year),)  # a year folder follows the year
    else:
        inner = where.inner
    prefix = f"{when:%Y-%m-%d}-"
    name = prefix + fit_slug(slug, prefix + where.ext) + where.ext
    return container / "_posts" / Path(*inner, name), when


def check_free(site, old: Path, new: Path) -> None:
    if new == old:
        return
    if new.exists() and not _same_file(old, new):
        raise MoveError(f"{site.rel_path(new)} already exists")
    # Jekyll builds two posts with one date and slug to one page (new_post_path's rule).
    entries = site.drafts() if "_drafts" in new.relative_to(site.root).parts else site.posts()
    key = new.stem.lower()
    for e in entries:
        if e.path != old and e.path.stem.lower() == key:
            raise MoveError(f"{e.rel} already uses the name {new.name} (Jekyll would build "
                            "both to one page)")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
