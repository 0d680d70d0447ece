"""One pass over a blog's posts and drafts made off the UI thread: a SiteSnapshot (the same
entries, in the same order, as JekyllSite.posts()/drafts(), and the tag index) from a
PostScanner that keeps each file's PostEntry while its stat stays the same, so a rescan of a
20,000-post repo after a burst only stats the files and re-reads the changed ones.
Must not import PySide6."""

from __future__ import annotations

import os
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path

from ..pacing import Pacer
from .config import CONFIG_NAMES
from .index import TagIndex
from .permalink import DATE_FILENAME
from .posts import PostEntry, find_special_dirs, make_entry, markdown_exts

CANCEL_EVERY = 256  # files between two looks at the cancel flag
_SPECIAL = ("_", ".", "#", "~")


class ScanCancelled(Exception):
    """The caller stopped the scan (a newer one replaces it, or the window closes)."""


@dataclass(frozen=True)
class SiteSnapshot:
    """The site's listing at one moment: posts newest first, drafts by mtime, tags of posts."""

    posts: tuple[PostEntry, ...] = ()
    drafts: tuple[PostEntry, ...] = ()
    tags: TagIndex = field(default_factory=TagIndex)
    # Lower-cased file stems of posts and drafts: a new post's name must not collide.
    post_stems: frozenset = frozenset()
    draft_stems: frozenset = frozenset()
    # site_conventions.Conventions detected from this listing (None: not looked at yet).
    conventions: object = None
    # False: a listing is on its way; `wait()` blocks until it is in and returns it (None:
    # it failed, read the disk), and conventions are the defaults meanwhile.
    complete: bool = True
    wait: Callable[[], SiteSnapshot | None] | None = field(default=None, compare=False)

    def tag_index(self) -> TagIndex:
        # A copy: callers have always received an index of their own to change.
        return TagIndex(self.tags.tags.copy(), self.tags.categories.copy())


def pending(wait: Callable[[], SiteSnapshot | None]) -> SiteSnapshot:
    """What a site answers from while its first listing is made: callers that need the
    posts wait for it; the conventions are the defaults until then."""
    from .conventions import Conventions

    return SiteSnapshot(conventions=Conventions(), complete=False, wait=wait)


class _SiteAsOf:
    """The site as it will read once `snapshot` is in use, for work done before that (the
    conventions, on the worker thread, while the UI thread still reads the old snapshot)."""

    def __init__(self, site, snapshot: SiteSnapshot):
        self._site, self._snapshot = site, snapshot

    def __getattr__(self, name):
        return getattr(self._site, name)

    def posts(self) -> list[PostEntry]:
        return list(self._snapshot.posts)

    def drafts(self) -> list[PostEntry]:
        return list(self._snapshot.drafts)

    def tag_index(self) -> TagIndex:
        return self._snapshot.tag_index()


def with_conventions(site, snapshot: SiteSnapshot, scanner: PostScanner | None = None
                     ) -> SiteSnapshot:
    """`snapshot` with the blog's conventions detected from it (reads the newest posts);
    `scanner` then hands out this one when the next scan finds nothing changed."""
    from .conventions import detect_conventions

    if snapshot.conventions is not None:
        return snapshot
    done = replace(snapshot, conventions=detect_conventions(_SiteAsOf(site, snapshot)))
    if scanner is not None:
        scanner.remember(snapshot, done)
    return done


def forget_changed(site, scanner: PostScanner, paths) -> None:
    """What the watcher named is read again by the next scan (headers too); a changed
    `_config.yml` is reloaded. Unlike site.invalidate, the conventions in use stay until
    the next snapshot brings new ones, so nothing recomputes them on the UI thread."""
    scanner.forget(paths)
    site._headers.invalidate([Path(p) for p in paths])
    if any(os.path.basename(p) in CONFIG_NAMES for p in paths):
        site.reload_config()


def _key(st: os.stat_result) -> tuple:
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def _tag_index(entries) -> TagIndex:
    """TagIndex.from_entries (each name counted once per post), with the counting in C."""
    return TagIndex(Counter(chain.from_iterable(dict.fromkeys(e.tags) for e in entries)),
                    Counter(chain.from_iterable(dict.fromkeys(e.categories) for e in entries)))


def post_sort_key(e: PostEntry):
    """JekyllSite.posts()' order (reversed): dated after undated, then by date and path."""
    return (e.date is not None, e.date or 0, e.rel)


def _special(name: str) -> bool:
    return name.startswith(_SPECIAL) or name.endswith("~")


def _walk(base: str, exts: tuple[str, ...], need_date: bool, out: list, inner: str = "",
          pace: Pacer | None = None) -> None:
    """(path, rel inside base, stat) of the files Jekyll reads under `base`, in os.walk's
    order (site_posts.list_files' rules, with strings instead of Path objects)."""
    try:
        with os.scandir(base) as it:
            entries = list(it)
    except OSError:
        return
    pace = pace or Pacer()
    subdirs = []
    for entry in entries:
        pace()
        name = entry.name
        try:
            is_dir = entry.is_dir()
        except OSError:
            continue
        if is_dir:
            # Only the first component under base is checked for special characters.
            if inner or not _special(name):
                subdirs.append(entry)
            continue
        if _special(name) or not name.lower().endswith(exts):
            continue
        rel = f"{inner}/{name}" if inner else name
        if need_date and not DATE_FILENAME.match(rel):
            continue
        try:
            st = entry.stat()
        except OSError:
            continue
        out.append((entry.path, st))
    for d in subdirs:
        _walk(d.path, exts, need_date, out, f"{inner}/{d.name}" if inner else d.name, pace)


class PostScanner:
    """Scans one site repeatedly; entries of files whose (mtime, size, inode) did not change
    are reused. Safe to run on a worker thread while the UI thread reads old snapshots."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[str, tuple[tuple, PostEntry]] = {}
        self._context: tuple | None = None
        # The last scan's files and stats, and its snapshot: handed out again when nothing
        # changed (the window reopening the repo), with whatever with_conventions added.
        self._last: tuple[list, SiteSnapshot] | None = None

    @staticmethod
    def _context_of(site) -> tuple:
        return (str(site.root), site.tz, tuple(site.excludes), markdown_exts(site.config))

    def cache_context(self, site) -> list:
        """What a kept listing must have been made under to be used (listing_cache)."""
        _root, tz, excludes, exts = self._context_of(site)
        return [str(tz) if tz is not None else None, list(excludes), list(exts)]

    def seed(self, site, entries: dict) -> int:
        """Take `entries` ({path: (stat key, PostEntry)}, a kept listing of `site`) as known,
        when nothing is known yet; how many were taken."""
        context = self._context_of(site)
        with self._lock:
            if self._entries and self._context == context:
                return 0
            self._context = context
            self._entries = dict(entries)
            self._last = None
            return len(entries)

    def export(self) -> dict:
        """{path: (stat key, PostEntry)} of the files the last scan found."""
        with self._lock:
            last = self._last
            if last is None:
                return dict(self._entries)
            return {p: self._entries[p] for p, _key in last[0] if p in self._entries}

    def known(self) -> int:
        """How many files the last scans found (0 before the first)."""
        with self._lock:
            return len(self._entries)

    def forget(self, paths=None) -> None:
        """Drop kept entries (all, or of `paths`): the next scan reads those files again."""
        with self._lock:
            if paths is None:
                self._entries.clear()
                self._last = None
                return
            self._last = None
            for p in paths:
                self._entries.pop(os.fspath(p), None)
                try:  # the watcher may name a file through another spelling of its path
                    self._entries.pop(os.path.realpath(p), None)
                except OSError:
                    pass

    def scan(self, site, cancel: threading.Event | None = None) -> SiteSnapshot:
        """The snapshot of `site` now; raises ScanCancelled when `cancel` is set meanwhile."""
        context = self._context_of(site)
        with self._lock:
            if context != self._context:  # another repo, timezone or rule set: start over
                self._entries.clear()
                self._last = None
                self._context = context
        exts = context[3]
        found_posts = self._list(site, "_posts", False, exts)
        found_drafts = self._list(site, "_drafts", True, exts)
        seen = [(p, _key(st)) for p, st in found_posts + found_drafts]
        last = self._last
        if last is not None and last[0] == seen:
            return last[1]
        posts = self._entries_of(site, found_posts, False, cancel)
        drafts = self._entries_of(site, found_drafts, True, cancel)
        posts.sort(key=post_sort_key, reverse=True)
        # JekyllSite.drafts(): newest file first; a stable sort keeps the walk order on ties.
        drafts.sort(key=lambda pair: pair[1], reverse=True)
        post_entries = tuple(posts)
        draft_entries = tuple(e for e, _m in drafts)
        snapshot = SiteSnapshot(post_entries, draft_entries, _tag_index(post_entries),
                                frozenset(e.path.stem.lower() for e in post_entries),
                                frozenset(e.path.stem.lower() for e in draft_entries))
        with self._lock:
            self._last = (seen, snapshot)
        return snapshot

    def remember(self, before: SiteSnapshot, after: SiteSnapshot) -> None:
        """`after` (say, `before` with its conventions) is what an unchanged rescan returns."""
        with self._lock:
            if self._last is not None and self._last[1] is before:
                self._last = (self._last[0], after)

    def _list(self, site, special: str, draft: bool, exts) -> list:
        found: list = []
        for base in find_special_dirs(site.root, site.excludes, special):
            _walk(str(base), exts, not draft, found)
        return found

    def _entries_of(self, site, found: list, draft: bool, cancel) -> list:
        out = []
        prefix = len(str(site.root)) + 1
        pace = Pacer()
        for n, (path, st) in enumerate(found):
            pace()
            if cancel is not None and n % CANCEL_EVERY == 0 and cancel.is_set():
                raise ScanCancelled
            key = _key(st)
            with self._lock:
                kept = self._entries.get(path)
            if kept is not None and kept[0] == key:
                entry = kept[1]
            else:
                p = Path(path)
                values, error = site._headers.get(p, st)
                entry = make_entry(site.root, p, values, error, draft, site.tz,
                                   rel=path[prefix:].replace(os.sep, "/"))
                with self._lock:
                    self._entries[path] = (key, entry)
            out.append((entry, st.st_mtime) if draft else entry)
        return out
