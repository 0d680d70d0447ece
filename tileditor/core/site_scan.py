"""One pass over a blog's posts and drafts made off the UI thread: a SiteSnapshot (the same
entries, in the same order, as JekyllSite.posts()/drafts(), and the tag index) from a
PostScanner that keeps each file's PostEntry while its stat stays the same, so a rescan of a
20,000-post repo after a burst only stats the files and re-reads the changed ones.
Must not import PySide6."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from .site_index import TagIndex
from .site_permalink import DATE_FILENAME
from .site_posts import PostEntry, find_special_dirs, make_entry, markdown_exts

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

    def tag_index(self) -> TagIndex:
        # A copy: callers have always received an index of their own to change.
        return TagIndex(self.tags.tags.copy(), self.tags.categories.copy())


EMPTY = SiteSnapshot()


def post_sort_key(e: PostEntry):
    """JekyllSite.posts()' order (reversed): dated after undated, then by date and path."""
    return (e.date is not None, e.date or 0, e.rel)


def _special(name: str) -> bool:
    return name.startswith(_SPECIAL) or name.endswith("~")


def _walk(base: str, exts: tuple[str, ...], need_date: bool, out: list, inner: str = "") -> None:
    """(path, rel inside base, stat) of the files Jekyll reads under `base`, in os.walk's
    order (site_posts.list_files' rules, with strings instead of Path objects)."""
    try:
        with os.scandir(base) as it:
            entries = list(it)
    except OSError:
        return
    subdirs = []
    for entry in entries:
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
        _walk(d.path, exts, need_date, out, f"{inner}/{d.name}" if inner else d.name)


class PostScanner:
    """Scans one site repeatedly; entries of files whose (mtime, size, inode) did not change
    are reused. Safe to run on a worker thread while the UI thread reads old snapshots."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[str, tuple[tuple, PostEntry]] = {}
        self._context: tuple | None = None

    def forget(self, paths=None) -> None:
        """Drop kept entries (all, or of `paths`): the next scan reads those files again."""
        with self._lock:
            if paths is None:
                self._entries.clear()
                return
            for p in paths:
                self._entries.pop(os.fspath(p), None)
                try:  # the watcher may name a file through another spelling of its path
                    self._entries.pop(os.path.realpath(p), None)
                except OSError:
                    pass

    def scan(self, site, cancel: threading.Event | None = None) -> SiteSnapshot:
        """The snapshot of `site` now; raises ScanCancelled when `cancel` is set meanwhile."""
        context = (str(site.root), site.tz, tuple(site.excludes), markdown_exts(site.config))
        with self._lock:
            if context != self._context:  # another repo, timezone or rule set: start over
                self._entries.clear()
                self._context = context
        exts = context[3]
        posts = self._collect(site, "_posts", False, exts, cancel)
        drafts = self._collect(site, "_drafts", True, exts, cancel)
        posts.sort(key=post_sort_key, reverse=True)
        # JekyllSite.drafts(): newest file first; a stable sort keeps the walk order on ties.
        drafts.sort(key=lambda pair: pair[1], reverse=True)
        post_entries = tuple(posts)
        return SiteSnapshot(post_entries, tuple(e for e, _m in drafts),
                            TagIndex.from_entries(post_entries))

    def _collect(self, site, special: str, draft: bool, exts, cancel) -> list:
        root = str(site.root)
        found: list = []
        for base in find_special_dirs(site.root, site.excludes, special):
            _walk(str(base), exts, not draft, found)
        out = []
        prefix = len(root) + 1
        for n, (path, st) in enumerate(found):
            if cancel is not None and n % CANCEL_EVERY == 0 and cancel.is_set():
                raise ScanCancelled
            key = (st.st_mtime_ns, st.st_size, st.st_ino)
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
