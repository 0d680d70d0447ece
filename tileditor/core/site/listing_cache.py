"""The last listing of a blog kept on disk (in the user's data folder, never the repo): each
post's summary with the (mtime, size, inode) it was read at, so the next start of the app lists
a 20,000-post repo by stat-ing its files instead of reading and parsing every header again.
A file whose stat differs is read as usual; a cache of another version, repo or timezone, or
one that does not parse, is ignored. JSON lines, written atomically: a first line saying what
the file is (version, app, repo, context, how many posts), then one post a line. Each line is
parsed on its own, so loading hands the GIL back between lines (one 20,000-post document
held the UI thread for its whole parse), and a cut-off file shows as a short count or a broken
last line. Must not import PySide6."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from datetime import datetime
from pathlib import Path

from tileditor import __version__

from ..pacing import Pacer
from .posts import PostEntry

LOG = logging.getLogger("tileditor.listing_cache")
VERSION = 2  # 1: one JSON document
CHUNK = 256  # lines parsed by one json.loads (~0.2 ms)


def cache_file(folder: Path, root) -> Path:
    digest = hashlib.sha1(os.fsencode(os.path.realpath(root))).hexdigest()[:16]
    return Path(folder) / f"{digest}.jsonl"


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


def _head(root, context: list, count: int) -> dict:
    return {"listing": VERSION, "app": __version__, "root": os.path.realpath(root),
            "context": context, "count": count}


def save(folder: Path, root, context: list, entries: dict) -> None:
    """Write `entries` ({path: (stat key, PostEntry)}) for `root` listed under `context`."""
    target = cache_file(folder, root)
    pace, dumps = Pacer(), json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    tmp = None
    try:
        lines = [dumps(_head(root, context, len(entries)))]
        for p, (key, e) in entries.items():
            pace()
            lines.append(dumps(_entry_row(p, key, e)))
        lines.append("")  # the last line ends too: a file cut short shows it
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".listing-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write("\n".join(lines))
        os.replace(tmp, target)
        target.with_suffix(".json").unlink(missing_ok=True)  # version 1's file
    except (OSError, TypeError, ValueError) as exc:  # a full disk: the next start reads headers
        LOG.warning("could not keep the listing of %s: %s", root, exc)
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def kept_count(folder: Path, root) -> int:
    """How many posts the kept listing of `root` has (0: none); reads its first line only,
    so the UI thread can ask (a big repo is not waited for)."""
    try:
        with open(cache_file(folder, root), encoding="utf-8") as fh:
            head = json.loads(fh.readline())
        return int(head["count"]) if head.get("listing") == VERSION else 0
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return 0


def load(folder: Path, root, context: list) -> dict:
    """{path: (stat key, PostEntry)} kept for `root` under the same `context`, else {}."""
    try:
        lines = cache_file(folder, root).read_text(encoding="utf-8").split("\n")
        head = json.loads(lines[0])
        if (head.get("listing") != VERSION or head.get("app") != __version__
                or head.get("root") != os.path.realpath(root) or head.get("context") != context):
            return {}
        count = head["count"]
        if len(lines) != count + 2 or lines[-1]:
            raise ValueError(f"{len(lines) - 2} of {count} posts (cut short?)")
        out, pace, rows = {}, Pacer(), lines[1:-1]
        for start in range(0, count, CHUNK):
            # Lines parsed CHUNK at a time: as fast as one document, and a short hold.
            for row in json.loads("[" + ",".join(rows[start:start + CHUNK]) + "]"):
                pace()
                path, key, entry = _entry(row)
                out[path] = (key, entry)
        if len(out) != count:
            raise ValueError(f"{len(out)} posts where {count} were kept")
        return out
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
        LOG.warning("ignoring the kept listing of %s: %s", root, exc)
        return {}
