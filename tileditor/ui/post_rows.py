"""The post list's rows as plain data: display order (drafts on top, then newest first), the
title and date/tags line each row shows, and the folded text the filter searches. Pure Python
with no Qt, so the window builds them on the listing worker thread, not the UI thread."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from tileditor.core.pacing import Pacer


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
    title = (entry.title or "").strip() or _path(entry.path).stem
    when = entry.date.strftime("%Y-%m-%d") if entry.date else ""
    flags = (
        "draft" if entry.draft else "",
        "unpublished" if entry.published is False else "",
        "header error" if entry.error else "",
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


def _path(value) -> Path:
    return value if isinstance(value, Path) else Path(value)


def make_row(entry) -> PostRow:
    title, meta = row_text(entry)
    path = _path(entry.path)
    cats = " ".join(str(c) for c in (entry.categories or []))
    tags = " ".join(str(t) for t in (entry.tags or []))
    error = entry.error
    return PostRow(path, title, meta, f"{path}\n{error}" if error else str(path),
                   bool(entry.draft), fold(f"{title}\n{tags}\n{cats}\n{path.name}"))


class PostRows(Sequence):
    """Rows in display order; a sequence of PostRow (len() is the number of posts)."""

    def __init__(self, rows: list[PostRow]):
        # Built here, on whichever thread makes the rows: hashing 20,000 paths takes a
        # while, and the UI thread only looks them up.
        self._rows = rows
        self._by_path = {r.path: i for i, r in enumerate(rows)}
        self._haystacks = [r.haystack for r in rows]
        self._by_entry: dict[int, tuple] = {}  # id(entry) -> (entry, row), for build(reuse=)

    @classmethod
    def build(cls, entries: Iterable, reuse: PostRows | None = None) -> PostRows:
        """Rows of `entries`; the rows of `reuse` are taken again for the very same entry
        objects (site_scan keeps an unchanged file's entry), so a rescan rebuilds few."""
        if isinstance(entries, PostRows):
            return entries
        known = reuse._by_entry if reuse is not None else {}
        ordered = sorted(entries, key=sort_key, reverse=True)
        rows = []
        by_entry = {}
        pace = Pacer()  # off the UI thread: the GIL goes back to it every millisecond
        for e in ordered:
            pace()
            hit = known.get(id(e))
            row = hit[1] if hit is not None and hit[0] is e else make_row(e)
            by_entry[id(e)] = (e, row)
            rows.append(row)
        out = cls(rows)
        out._by_entry = by_entry
        return out

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, i):
        return self._rows[i]

    def haystacks(self) -> list[str]:
        return self._haystacks

    def row_of(self, path) -> int | None:
        return self._by_path.get(path if isinstance(path, Path) else Path(path))
