"""Slugs made the way Jekyll's Utils.slugify makes them, and safe paths for new posts.
Owns file naming only (no file writing). Must not import PySide6."""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tileditor.core.site import JekyllSite

FALLBACK_SLUG = "untitled"

# Linux takes 255 bytes per name (UTF-8). The atomic save adds `.` + `.<8 hex>.tileditor-tmp`
# (24 bytes) and a clash adds `-N`: 200 bytes for the whole name leaves room for both.
NAME_MAX_BYTES = 200


def _is_slug_char(ch: str, extra: str) -> bool:
    # Jekyll keeps \p{M}\p{L}\p{Nd}; Python's categories give the same classes.
    cat = unicodedata.category(ch)
    return cat[0] in "LM" or cat == "Nd" or ch in extra


def _hyphenate(text: str, extra: str = "") -> str:
    out: list[str] = []
    pending = False
    for ch in text:
        if _is_slug_char(ch, extra):
            if pending:
                out.append("-")
                pending = False
            out.append(ch)
        else:
            pending = True
    if pending:
        out.append("-")
    return "".join(out)


PRETTY_EXTRA = "._~!$&'()+,;=@"


def jekyll_slugify(text: str, mode: str = "default", cased: bool = False) -> str:
    """Exactly Jekyll's Utils.slugify for the 'default', 'pretty', 'raw' and 'none' modes
    (may be empty); another mode slugs as 'default'."""
    text = str(text or "")
    if mode == "none":
        return text
    if mode == "raw":
        slug = re.sub(r"\s+", "-", text).strip("-")
    else:
        slug = _hyphenate(text, PRETTY_EXTRA if mode == "pretty" else "").strip("-")
    return slug if cased else slug.lower()


def slugify(title: str, keep_case: bool = False) -> str:
    """A URL/file-safe slug of `title`, as Jekyll's slugify (default mode) makes it.

    Unicode letters (Hangul, accents) are kept; every run of other characters becomes one
    '-', and '-' is stripped at both ends. Never empty, never a path part.
    """
    text = unicodedata.normalize("NFC", str(title or ""))
    slug = jekyll_slugify(text, cased=keep_case)
    return slug or FALLBACK_SLUG


def fit_slug(slug: str, reserved: str = "", limit: int = NAME_MAX_BYTES) -> str:
    """`slug` cut so that `reserved` (date prefix, extension) plus the slug fits in `limit`
    UTF-8 bytes; cut between characters, never inside a letter and its combining marks."""
    budget = limit - len(reserved.encode("utf-8"))
    if len(slug.encode("utf-8")) <= budget:
        return slug
    used, cut = 0, 0
    for i, ch in enumerate(slug):
        used += len(ch.encode("utf-8"))
        if used > budget:
            break
        cut = i + 1
    while 0 < cut < len(slug) and unicodedata.category(slug[cut])[0] == "M":
        cut -= 1  # the next character is a mark of the last kept letter: drop both
    return slug[:cut].rstrip("-") or FALLBACK_SLUG


def _as_date(value) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    return _dt.date.today()


def _free_path(folder: Path, stem: str, ext: str, taken) -> Path:
    candidate = folder / f"{stem}{ext}"
    n = 2
    while taken(candidate):
        candidate = folder / f"{stem}-{n}{ext}"
        n += 1
    return candidate


def _subdir_for(site, when: _dt.date) -> str:
    sub = site.conventions().posts_subdir
    if sub == "year":
        return str(when.year)
    # A fixed folder such as 'ko' or 'dev/python': each part made safe on its own.
    parts = [slugify(part, keep_case=True) for part in sub.split("/") if part.strip()]
    return "/".join(parts)


def post_subdir(site, when) -> str:
    """The folder under `_posts` the blog puts a post of day `when` in ('' , '2025', 'ko')."""
    return _subdir_for(site, _as_date(when))


def new_post_path(site, title: str, date=None, draft: bool = False) -> Path:
    """Where a new post titled `title` goes: `_posts/<subdir>/YYYY-MM-DD-<slug>.md` in the
    blog's folder convention, or `_drafts/<slug>.md`. Never an existing file, never outside
    `_posts`/`_drafts`."""
    keep = site.conventions().slug_case == "keep"
    when = _as_date(date)
    # The header keeps the whole title; only the file (and so its images folder) is shortened.
    slug = fit_slug(slugify(title, keep_case=keep), ".md" if draft else f"{when:%Y-%m-%d}-.md")
    if draft:
        folder = site.root / "_drafts"
        stem = slug
    else:
        folder = site.root / "_posts"
        sub = _subdir_for(site, when)
        if sub:
            folder = folder / sub
        stem = f"{when:%Y-%m-%d}-{slug}"
    existing = _existing_slugs(site, draft)

    def taken(p: Path) -> bool:
        if p.exists():
            return True
        # Two posts with the same slug on the same day collide in the built site too.
        return p.stem.lower() in existing

    return _free_path(folder, stem, ".md", taken)


def _existing_slugs(site: JekyllSite, draft: bool) -> set[str]:
    snapshot = site.snapshot
    if snapshot is not None:  # computed with the listing, off the UI thread
        return snapshot.draft_stems if draft else snapshot.post_stems
    entries = site.drafts() if draft else site.posts()
    return {e.path.stem.lower() for e in entries}
