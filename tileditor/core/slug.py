"""Slugs made the way Jekyll's Utils.slugify makes them, and safe paths for new posts.
Owns file naming only (no file writing). Must not import PySide6."""

from __future__ import annotations

import datetime as _dt
import unicodedata
from pathlib import Path

FALLBACK_SLUG = "untitled"


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
    """Exactly Jekyll's Utils.slugify for the 'default' and 'pretty' modes (may be empty)."""
    slug = _hyphenate(str(text or ""), PRETTY_EXTRA if mode == "pretty" else "").strip("-")
    return slug if cased else slug.lower()


def slugify(title: str, keep_case: bool = False) -> str:
    """A URL/file-safe slug of `title`, as Jekyll's slugify (default mode) makes it.

    Unicode letters (Hangul, accents) are kept; every run of other characters becomes one
    '-', and '-' is stripped at both ends. Never empty, never a path part.
    """
    text = unicodedata.normalize("NFC", str(title or ""))
    slug = jekyll_slugify(text, cased=keep_case)
    return slug or FALLBACK_SLUG


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


def new_post_path(site, title: str, date=None, draft: bool = False) -> Path:
    """Where a new post titled `title` goes: `_posts/<subdir>/YYYY-MM-DD-<slug>.md` in the
    blog's folder convention, or `_drafts/<slug>.md`. Never an existing file, never outside
    `_posts`/`_drafts`."""
    keep = site.conventions().slug_case == "keep"
    slug = slugify(title, keep_case=keep)
    when = _as_date(date)
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


def _existing_slugs(site, draft: bool) -> set[str]:
    entries = site.drafts() if draft else site.posts()
    return {e.path.stem.lower() for e in entries}
