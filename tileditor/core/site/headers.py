"""A cache of post header values keyed by (path, mtime_ns, size), with a tiny fast path for
trivially simple headers that falls back to the real YAML loader for anything else.
Must not import PySide6."""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

from tileditor.core.frontmatter import HeaderError, load_yaml_mapping, split_front_matter

_KEY = r"[A-Za-z_][A-Za-z0-9_-]*"
_LINE = re.compile(rf"^({_KEY}):(?: +(.*?))? *$")
# A plain scalar the fast path may take as a string: starts with a letter, Hangul or digit
# and holds nothing YAML could read as structure, a comment, an alias or an escape.
_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#:\[\]{},\"']*$")
_ITEM = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#:\[\]{},\"']*$")
_NOT_STR = re.compile(
    r"^(?:[-+]?\.?[0-9][0-9A-Za-z_.,:+-]*|\.(?:inf|nan|Inf|NaN|INF|NAN)|[-+]\.(?:inf|Inf|INF)|"
    # Psych reads these words in any case (`nULL` is null, `oN` true): psych_scalars.
    r"(?i:true|false|yes|no|on|off|y|n|null)|~|=|<<)$"
)
_MISS = object()


_DQ = re.compile(r'^"([^"\\\x00-\x08\x0b-\x1f]*)"[ \t]*$')
_SQ = re.compile(r"^'([^'\x00-\x08\x0b-\x1f]*)'[ \t]*$")
# Characters YAML treats as line breaks or that make tabs and CR matter: the loader decides.
_ODD = re.compile("[\r\t\x85\u2028\u2029\ufeff]")
_ITEM_LINE = re.compile(r"^( *)- (.*?)[ \t]*$")


_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^(?:0|[1-9][0-9]{0,17})$")


def _scalar(text: str):
    text = text.rstrip(" \t")
    # `read_time: True` (capital T) is common in TIL headers; YAML 1.2 reads all three as bools.
    if text in _BOOLS:
        return _BOOLS[text]
    first = text[:1]
    # Each pattern below can only match text that starts this way: a 20,000-post scan runs
    # this a hundred thousand times, so the others are not tried.
    if "0" <= first <= "9" and _INT.match(text):
        return int(text)
    if first in ('"', "'"):
        # Quoted scalars with no escapes and no inner quote mean exactly their content.
        m = (_DQ if first == '"' else _SQ).match(text)
        return m.group(1) if m else _MISS
    if _NOT_STR.match(text) or not _PLAIN.match(text):
        return _MISS
    return text


_KEYS_SEEN: dict[str, bool] = {}


def _plain_key(key: str) -> bool:
    """A key YAML reads as that string (`title`), not as a bool, number or null; memoised,
    since every post of a blog repeats the same few keys."""
    known = _KEYS_SEEN.get(key)
    if known is None:
        known = not _NOT_STR.match(key)
        if len(_KEYS_SEEN) < 4096:
            _KEYS_SEEN[key] = known
    return known


def _flow_list(text: str):
    inner = text[1:-1].strip(" ")
    if not inner:
        return []
    items = [_scalar(i.strip(" ")) for i in inner.split(",")]
    if any(not isinstance(i, str) or not i for i in items):
        return _MISS
    return items


def _block_list(lines: list[str], start: int):
    """Items of a `- item` block after line `start`, and the index after it."""
    items: list = []
    indent = None
    i = start
    while i < len(lines):
        line = lines[i]
        if not line.strip(" "):
            rest = next((x for x in lines[i:] if x.strip(" ")), "")
            if rest.lstrip(" ").startswith("-"):
                return _MISS, i  # a blank line inside a block: the real loader decides
            break
        m = _ITEM_LINE.match(line)
        if not m:
            break
        if indent is None:
            indent = len(m.group(1))
        if len(m.group(1)) != indent:
            return _MISS, i
        item = _scalar(m.group(2))
        if not isinstance(item, str) or not item:
            return _MISS, i
        items.append(item)
        i += 1
    return (items if items else None), i


def fast_load(yaml_text: str):
    """Values of a header made only of `key: scalar`, `key: [a, b]` and `key:` + `- item`
    lines with plain or simply quoted strings; None when the real loader must decide."""
    if _ODD.search(yaml_text):
        return None
    out: dict = {}
    lines = yaml_text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line.strip(" "):
            continue
        m = _LINE.match(line)
        if not m or m.group(1) in out or not _plain_key(m.group(1)):
            return None
        value = m.group(2)
        if value is None or value == "":
            parsed, i = _block_list(lines, i)
        elif value.startswith("[") and value.endswith("]"):
            parsed = _flow_list(value)
        else:
            parsed = _scalar(value)
        if parsed is _MISS:
            return None
        out[m.group(1)] = parsed
    return out


def parse_header(text: str) -> tuple[dict, str | None]:
    """(values, error) of a post's text; a broken header gives ({}, message)."""
    span = split_front_matter(text)
    if span is None:
        return {}, None
    fast = fast_load(span.yaml)
    if fast is not None:
        return fast, None
    try:
        return load_yaml_mapping(span.yaml, line_offset=2), None
    except HeaderError as exc:
        return exc.jekyll_reads or {}, str(exc)  # what the site lists, still flagged


def read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from tileditor.core.textcodec import decode_bytes

        return decode_bytes(data).text


class HeaderCache:
    """Header values per file, valid while the file's (mtime_ns, size) stays the same. One
    instance is shared by every JekyllSite of the process (`shared_cache()`), so reopening a
    repository does not parse its headers again."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[Path, tuple[int, int, dict, str | None]] = {}

    def get(self, path: Path, stat: os.stat_result | None = None) -> tuple[dict, str | None]:
        try:
            st = stat or path.stat()
        except OSError as exc:
            return {}, f"cannot read {path.name}: {exc.strerror}"
        key = (st.st_mtime_ns, st.st_size)
        with self._lock:
            hit = self._entries.get(path)
        if hit is not None and hit[:2] == key:
            return hit[2], hit[3]
        try:
            values, error = parse_header(read_text(path))
        except (OSError, ValueError) as exc:
            values, error = {}, f"cannot read {path.name}: {exc}"
        with self._lock:
            self._entries[path] = (key[0], key[1], values, error)
        return values, error

    def invalidate(self, paths=None) -> None:
        with self._lock:
            if paths is None:
                self._entries.clear()
                return
            for p in paths:
                self._entries.pop(Path(p), None)
                try:  # the watcher may name a file through another spelling of its path
                    self._entries.pop(Path(p).resolve(), None)
                except OSError:
                    pass


_SHARED_CACHE = HeaderCache()


def shared_cache() -> HeaderCache:
    return _SHARED_CACHE
