"""The last listing of a blog kept on disk (in the user's data folder, never the repo): each
post's summary with the (mtime, size, inode) it was read at, so the next start of the app lists
a 20,000-post repo by stat-ing its files instead of reading and parsing every header again.
A file whose stat differs is read as usual; a cache of another version, repo or timezone, or
one that does not parse, is ignored. Plain JSON, written atomically. Must not import PySide6."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from datetime import datetime
from pathlib import Path

from tileditor import __version__

from .posts import PostEntry

LOG = logging.getLogger("tileditor.listing_cache")
VERSION = 1


def cache_file(folder: Path, root) -> Path:
    digest = hashlib.sha1(os.fsencode(os.path.realpath(root))).hexdigest()[:16]
    return Path(folder) / f"{digest}.json"


def _entry_row(path: str, key: tuple, e: PostEntry) -> list:
    return [path, *key, e.rel, e.date.isoformat() if e.date else None, e.slug, e.title,
            list(e.tags), list(e.categories), e.draft, e.error, e.published]


def _entry(row: list) -> tuple[str, tuple, PostEntry]:
    path, mtime, size, ino, rel, date, slug, title, tags, cats, draft, error, published = row
    entry = PostEntry(path=Path(path), rel=rel,
                      date=datetime.fromisoformat(date) if date else None, slug=slug,
                      title=title, tags=tuple(tags), categories=tuple(cats), draft=bool(draft),
                      error=error, published=bool(published))
    return path, (mtime, size, ino), entry


def save(folder: Path, root, context: list, entries: dict) -> None:
    """Write `entries` ({path: (stat key, PostEntry)}) for `root` listed under `context`."""
    target = cache_file(folder, root)
    payload = {"version": VERSION, "app": __version__, "root": os.path.realpath(root),
               "context": context,
               "entries": [_entry_row(p, key, e) for p, (key, e) in entries.items()]}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".listing-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, target)
    except (OSError, TypeError, ValueError) as exc:  # a full disk: the next start reads headers
        LOG.warning("could not keep the listing of %s: %s", root, exc)
        try:
            os.unlink(tmp)
        except (OSError, UnboundLocalError):
            pass


def load(folder: Path, root, context: list) -> dict:
    """{path: (stat key, PostEntry)} kept for `root` under the same `context`, else {}."""
    try:
        data = json.loads(cache_file(folder, root).read_text(encoding="utf-8"))
        if (data.get("version") != VERSION or data.get("app") != __version__
                or data.get("root") != os.path.realpath(root) or data.get("context") != context):
            return {}
        out = {}
        for row in data["entries"]:
            path, key, entry = _entry(row)
            out[path] = (key, entry)
        return out
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, TypeError, KeyError) as exc:
        LOG.warning("ignoring the kept listing of %s: %s", root, exc)
        return {}
