"""Find text in the bodies and headers of every post and draft of a blog: plain, whole word,
regex and case options, hits streamed file by file, file texts cached by (mtime, size) so a
second search reads nothing again. Used by the search panel and `tileditor search`; no Qt."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tileditor.core.site import read_text

MAX_LINE_SHOWN = 240  # a hit in a 20,000-character line shows its neighbourhood only


class SearchError(ValueError):
    """The query cannot be searched (an invalid regular expression): one sentence."""


@dataclass(frozen=True)
class SearchQuery:
    text: str
    regex: bool = False
    word: bool = False
    case: bool = False

    def pattern(self) -> re.Pattern:
        if not self.text:
            raise SearchError("Type something to search for.")
        body = self.text if self.regex else re.escape(self.text)
        if self.word:
            body = rf"(?<!\w)(?:{body})(?!\w)"
        try:
            return re.compile(body, 0 if self.case else re.IGNORECASE)
        except re.error as exc:
            raise SearchError(f"Not a valid regular expression: {exc}.") from exc


@dataclass(frozen=True)
class Hit:
    path: Path
    line: int  # 1-based file line
    column: int  # 1-based, in characters
    text: str  # the line (cut around the match when very long)


class TextCache:
    """File texts keyed by path, valid while (mtime_ns, size) stays the same. Thread-safe."""

    def __init__(self) -> None:
        self._texts: dict[Path, tuple[int, int, str]] = {}
        self._lock = threading.Lock()

    def text(self, path: Path) -> str | None:
        try:
            st = path.stat()
        except OSError:
            return None
        key = (st.st_mtime_ns, st.st_size)
        with self._lock:
            cached = self._texts.get(path)
        if cached is not None and cached[:2] == key:
            return cached[2]
        try:
            text = read_text(path)
        except (OSError, ValueError):
            return None
        with self._lock:
            self._texts[path] = (*key, text)
        return text


_shared = TextCache()


def shared_cache() -> TextCache:
    return _shared


def site_files(site) -> list[Path]:
    """Every post and draft of `site`, newest first (the order the post list shows)."""
    return [e.path for e in site.posts()] + [e.path for e in site.drafts()]


def search_files(paths: Iterable[Path], query: SearchQuery, cache: TextCache | None = None,
                 cancelled: Callable[[], bool] = lambda: False) -> Iterator[Hit]:
    """Hits in file order, then line order; stops early when `cancelled()` turns true."""
    pattern = query.pattern()
    cache = cache or _shared
    for path in paths:
        if cancelled():
            return
        text = cache.text(Path(path))
        if not text:
            continue
        yield from _hits_in(Path(path), text, pattern)


def _hits_in(path: Path, text: str, pattern: re.Pattern) -> Iterator[Hit]:
    last_line_start, line_no, counted_to = 0, 1, 0
    seen_line = -1
    for m in pattern.finditer(text):
        if m.start() == m.end():
            continue  # an empty match (`^`, `\b`) marks no text
        line_no += text.count("\n", counted_to, m.start())
        counted_to = m.start()
        if line_no == seen_line:
            continue  # one hit per line is what a list shows
        seen_line = line_no
        last_line_start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start())
        line = text[last_line_start: len(text) if end < 0 else end].rstrip("\r")
        column = m.start() - last_line_start + 1
        yield Hit(path, line_no, column, _shown(line, column - 1))


def _shown(line: str, at: int) -> str:
    if len(line) <= MAX_LINE_SHOWN:
        return line
    start = max(0, at - MAX_LINE_SHOWN // 3)
    return ("…" if start else "") + line[start:start + MAX_LINE_SHOWN] + "…"
