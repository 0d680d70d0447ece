"""The post list's rows as plain data: display order (drafts on top, then newest first), the
title and date/tags line each row shows, and the folded text the filter searches. Pure Python
with no Qt, so the window builds them on the listing worker thread, not the UI thread."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import NamedTuple


def fold(text: str) -> str:
    # NFC first: macOS file names arrive decomposed (NFD), so Hangul would not match otherwise.
    return unicodedata.normalize("NFC", text).casefold()


def filter_words(text: str) -> list[str]:
    """The words a filter text asks for; a row is shown when its haystack holds all of them."""
    return fold(text).split()


def sort_key(entry) -> tuple:
    # Undated entries (drafts) are the ones in progress: keep them on top.
    when = entry.date
    if when is None:
        return (1, datetime.max, str(entry.path))
    if when.tzinfo is not None:
        when = when.replace(tzinfo=None)
    return (0, when, str(entry.path))


def row_text(entry) -> tuple[str, str]:
    """(title line, date/flags/tags line) of one entry."""
    title = (entry.title or "").strip() or Path(entry.path).stem
    when = entry.date.strftime("%Y-%m-%d") if entry.date else ""
    flags = (
        "draft" if entry.draft else "",
        "unpublished" if getattr(entry, "published", True) is False else "",
        "header error" if getattr(entry, "error", None) else "",
    )
    bits = [b for b in (when, *flags) if b]
    tags = ", ".join(str(t) for t in (entry.tags or []))
    if tags:
        bits.append("#" + tags.replace(", ", " #"))
    return title, "  ·  ".join(bits)


class PostRow(NamedTuple):
    path: Path
    title: str
    meta: str
    tooltip: str
    draft: bool
    haystack: str  # folded title, tags, categories and file name


def make_row(entry) -> PostRow:
    title, meta = row_text(entry)
    path = Path(entry.path)
    cats = " ".join(str(c) for c in (entry.categories or []))
    tags = " ".join(str(t) for t in (entry.tags or []))
    error = getattr(entry, "error", None)
    return PostRow(path, title, meta, f"{path}\n{error}" if error else str(path),
                   bool(entry.draft), fold(f"{title}\n{tags}\n{cats}\n{path.name}"))


class PostRows(Sequence):
    """Rows in display order; a sequence of PostRow (len() is the number of posts)."""

    def __init__(self, rows: list[PostRow]):
        self._rows = rows
        self._by_path: dict[Path, int] | None = None

    @classmethod
    def build(cls, entries: Iterable) -> PostRows:
        if isinstance(entries, PostRows):
            return entries
        return cls([make_row(e) for e in sorted(entries, key=sort_key, reverse=True)])

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, i):
        return self._rows[i]

    def haystacks(self) -> list[str]:
        return [r.haystack for r in self._rows]

    def row_of(self, path) -> int | None:
        if self._by_path is None:
            self._by_path = {r.path: i for i, r in enumerate(self._rows)}
        return self._by_path.get(Path(path))
