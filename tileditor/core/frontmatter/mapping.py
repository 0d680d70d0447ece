"""Line-preserving front-matter editing: `FrontMatter` is a mutable mapping over the header's
lines where setting or deleting a key rewrites only that key's lines, in the style they were
found in. Values always come from a real YAML parse. Must not import PySide6."""

from __future__ import annotations

import bisect
import copy
import difflib
from collections.abc import Iterator, MutableMapping
from dataclasses import replace

from tileditor.core.frontmatter import emit as render
from tileditor.core.frontmatter.emit import Style, same
from tileditor.core.frontmatter.header import HeaderError
from tileditor.core.frontmatter.scan import (
    Entry,
    MergeKey,
    cached_scan,
    remember_scan,
    scan,
    split_lines,
)
from tileditor.core.frontmatter.style import StyleReader


class FrontMatterEditError(ValueError):
    """An edit the header cannot take without damage (the message says why, for the UI)."""


class FrontMatter(MutableMapping):
    """The header's keys in file order; duplicate keys read (and edit) the last one."""

    def __init__(self, yaml_text: str = "", newline: str = "\n", line_offset: int = 2):
        self._nl = newline
        self._offset = line_offset
        self._load(split_lines(yaml_text))

    def _load(self, lines: list[str]) -> None:
        self._lines = lines
        self._stale = False
        self._error: str | None = None
        self._error_line: int | None = None
        try:
            entries = cached_scan(lines, self._offset)
        except HeaderError as exc:
            self._error, self._error_line = str(exc), exc.line
            entries = []
        last: dict = {}
        merged: set = set()  # keys Jekyll gets from a `<<` merge, not written as such
        for entry in entries:
            if isinstance(entry.key, MergeKey) and isinstance(entry.value, dict):
                # Psych merges in place: later keys override, earlier ones are overridden.
                for key, value in entry.value.items():
                    last[key] = replace(entry, key=key, value=value)
                    merged.add(key)
                continue
            last[entry.key] = entry  # dict keeps first-seen order, last entry wins
            merged.discard(entry.key)
        self._state = (entries, last, merged)

    # A one-key edit checked on its own lines leaves the rest unparsed until someone asks.
    def _fresh(self) -> tuple:
        if self._stale:
            self._load(self._lines)
        return self._state

    _entries = property(lambda self: self._fresh()[0])
    _last = property(lambda self: self._fresh()[1])
    _merged = property(lambda self: self._fresh()[2])

    @property
    def error(self) -> str | None:
        self._fresh()
        return self._error

    @property
    def error_line(self) -> int | None:
        self._fresh()
        return self._error_line

    @property
    def text(self) -> str:
        """The YAML between the fences, exactly as it will be written."""
        return "".join(self._lines)

    @property
    def read_only(self) -> bool:
        return self.error is not None

    def key_for(self, *aliases: str) -> str:
        """The spelling of a key present in the file (first alias when none is)."""
        for alias in aliases:
            if alias in self._last:
                return alias
        return aliases[0]

    def line_span(self, key) -> tuple[int, int] | None:
        """0-based first and last line (inclusive) of the key Jekyll reads, within `text`."""
        entry = self._last.get(key)
        return None if entry is None else (entry.first, entry.last)

    def set_in(self, path: tuple | list, value) -> None:
        """Set a nested key, e.g. set_in(("header", "teaser"), "/x.png"), editing only its line."""
        if not path:
            raise ValueError("empty key path")
        if len(path) == 1:
            self[path[0]] = value
            return
        current = self.get(path[0])
        root = copy.deepcopy(current) if isinstance(current, dict) else {}
        node = root
        for part in path[1:-1]:
            if not isinstance(node.get(part), dict):
                node[part] = {}
            node = node[part]
        node[path[-1]] = value
        self[path[0]] = root

    # Mapping protocol -----------------------------------------------------------------
    def __getitem__(self, key):
        return copy.deepcopy(self._last[key].value)

    def __iter__(self) -> Iterator:
        return iter(list(self._last))

    def __len__(self) -> int:
        return len(self._last)

    def __contains__(self, key) -> bool:
        return key in self._last

    def __repr__(self) -> str:
        return f"FrontMatter({dict(self.items())!r})"

    def __setitem__(self, key, value) -> None:
        self._check_writable()
        value = _plain(value)
        entry = self._last.get(key)
        if entry is not None and same(entry.value, value):
            return
        if key in self._merged:
            entry = None  # a key written after the merge overrides it, as in Psych
        reader = StyleReader(self.text, self._entries, self._nl, self._lines)
        if entry is None:
            start = stop = len(self._lines)
            new = self._new_entry_lines(key, value, reader.prevailing())
        else:
            start, stop = entry.first, entry.last + 1
            new = self._rewrite(entry, value, reader)
        if self._try(start, stop, new, key, value):
            return
        fallback = self._fallback_lines(key, value, entry)
        if not self._try(start, stop, fallback, key, value):
            where = f" (line {entry.first + self._offset})" if entry is not None else ""
            raise FrontMatterEditError(
                f"cannot change {key!r}{where} without changing other keys of this header: "
                "edit it in the raw header")

    def __delitem__(self, key) -> None:
        """Remove the key's lines (every occurrence, so the key is really gone)."""
        self._check_writable()
        if key not in self._last:
            raise KeyError(key)
        if key in self._merged:
            raise FrontMatterEditError(
                f"{key!r} comes from the merge key '<<' on line {self._last[key].first + self._offset}: "
                "edit it in the raw header")
        before, expected = self._lines, self._others(key)
        lines = list(before)
        for entry in reversed(self._entries):
            if entry.key == key and type(entry.key) is type(key):
                del lines[entry.first:entry.last + 1]
        self._load(lines)
        if self.error is not None or not same(self._others(key), expected):
            problem = self.error or "other keys share its lines"
            self._load(before)
            raise FrontMatterEditError(f"cannot remove {key!r}: {_why(problem)}")

    def set_field(self, key, value) -> None:
        """A form field's edit: an emptied text or list field (None, "" or []) keeps its key
        in place with an empty value (`title: ""`, `tags: []`), so retyping it does not move
        the key to the end; other emptied keys (a date, a flag) are removed."""
        if value is None or value == "" or value == []:
            if key not in self._last or key in self._merged:
                return
            current = self._last[key].value
            if isinstance(current, str) or current is None and key == "title":
                value = ""
            elif isinstance(current, list):
                value = []
            else:
                del self[key]
                return
        self[key] = value

    # Editing helpers --------------------------------------------------------------------
    def _check_writable(self) -> None:
        if self.error is not None:
            raise FrontMatterEditError(f"{self.error}: fix the header text before editing its fields")

    def _others(self, key, followers: frozenset = frozenset()) -> dict:
        return {k: e.value for k, e in self._last.items() if k != key and k not in followers}

    def _try(self, start: int, stop: int, new: list[str], key, value) -> bool:
        before = self._lines
        old = self._last.get(key)
        if self._try_local(start, stop, new, key, value, old):
            return True
        # Keys that are `*alias` of this key's anchored value follow it; nothing else may change.
        followers = frozenset(k for k, e in self._last.items()
                              if old is not None and e.alias and e.node is old.node)
        expected = self._others(key, followers)
        lines = before[:start] + new + before[stop:]
        if start == len(before) and before and not before[-1].endswith("\n"):
            lines[start - 1] = before[-1] + self._nl
        self._load(lines)
        entry = self._last.get(key)
        if (self.error is None and entry is not None and same(entry.value, value)
                and same(self._others(key, followers), expected)):
            return True
        self._load(before)
        return False

    def _try_local(self, start: int, stop: int, new: list[str], key, value, old) -> bool:
        """Check the new lines of one block-style top-level key on their own (no re-parse
        of a 10,000-line header): only when nothing else can depend on them."""
        entries = self._entries
        if self._error is not None or self._merged or any(isinstance(e.key, MergeKey) for e in entries):
            return False
        if old is not None and (old.alias or old.key_col or _has_anchor(old.node)):
            return False
        if not _one_line_each(entries):  # keys share lines (flow style)
            return False
        if any(line.startswith(("---", "...")) for line in new):
            return False
        try:
            local = scan(new, self._offset + start)
        except HeaderError:
            return False
        if len(local) != 1 or local[0].key != key or type(local[0].key) is not type(key):
            return False
        if local[0].key_col or local[0].alias or _has_anchor(local[0].node) or not same(local[0].value, value):
            return False
        lines = self._lines[:start] + new + self._lines[stop:]
        if start == len(self._lines) and self._lines and not self._lines[-1].endswith("\n"):
            lines[start - 1] = self._lines[-1] + self._nl
        carried = self._carried_entries(entries, old, local[0], start, stop, new, lines)
        if carried is None:
            self._lines, self._stale = lines, True
            return True
        self._lines = lines
        self._set_entries(carried)
        remember_scan(lines, self._offset, carried)
        return True

    def _carried_entries(self, entries: list[Entry], old: Entry | None, fresh: Entry, start: int,
                         stop: int, new: list[str], lines: list[str]) -> list[Entry] | None:
        """The entries a scan of `lines` would give, made from the old ones without parsing:
        the edited key's from its own lines, the later keys moved by the lines and characters
        the edit added. None (parse again when asked) for the cases that bookkeeping does not
        cover: a block scalar, a key not on its first line, a last line without a newline."""
        if fresh.first != 0 or fresh.kind == "block-scalar" or (old and old.kind == "block-scalar"):
            return None
        if start == len(self._lines) and self._lines and not self._lines[-1].endswith("\n"):
            return None
        index = len(entries) if old is None else next(i for i, e in enumerate(entries) if e is old)
        at = sum(map(len, lines[:start]))
        lines_moved = len(new) - (stop - start)
        chars_moved = sum(map(len, new)) - sum(map(len, self._lines[start:stop]))
        moved = _moved(fresh, start, at)
        later = [_moved(e, lines_moved, chars_moved) for e in entries[index + 1:]]
        return entries[:index] + [moved] + later

    def _set_entries(self, entries: list[Entry]) -> None:
        """The state _load builds from a scan, for entries without merge keys."""
        last: dict = {}
        for entry in entries:
            last[entry.key] = entry
        self._state = (entries, last, set())
        self._stale = False

    def _key_text(self, key, style: Style) -> str:
        return render.scalar(key, Style(quote=None, nl=style.nl))

    def _new_entry_lines(self, key, value, style: Style) -> list[str]:
        return render.value_lines(self._key_text(key, style) + ":", value, "", style)

    def _fallback_lines(self, key, value, entry: Entry | None) -> list[str]:
        """Plain one-line flow YAML with double quotes: always valid, used when styled fails."""
        strict = Style(quote='"', nl=self._nl)
        key_text = self._key_text(key, strict)
        if entry is not None:
            key_text = self._lines[entry.first][:entry.colon_end].rstrip(":")
        return [key_text + ":" + _anchor(entry) + " " + render.flow(value, strict) + self._nl]

    def _rewrite(self, e: Entry, value, reader: StyleReader) -> list[str]:
        first = self._lines[e.first]
        nl = "\r\n" if first.endswith("\r\n") else "\n" if first.endswith("\n") else self._nl
        style = replace(reader.entry_style(e, reader.prevailing(skip=e)), nl=nl)
        head = first[:e.colon_end]
        indent = first[:e.key_col]
        kind = e.kind
        if kind != "alias" and not (kind in ("block-seq", "block-map") and value):
            head += _anchor(e)  # block edits keep the key line, and so the anchor, as it is
        if kind == "block-scalar" and isinstance(value, str):
            indicator = e.node.style
            lines = render.block_scalar(head, value, indicator, reader.block_scalar_indent(e), style)
            if lines:
                return lines
        if kind in ("scalar", "flow-seq", "flow-map", "alias") and e.value_inline:
            to_block = isinstance(value, dict) or style.list_kind == "block"
            if not (kind == "scalar" and isinstance(value, (list, dict)) and value and to_block):
                return [self._inline(e, value, style)]
        rest = first[e.colon_end:].rstrip("\r\n")
        rest = rest if rest.strip().startswith("#") else ""
        if kind == "block-seq" and isinstance(value, list) and value:
            return self._block_seq_edit(e, value, indent + style.dash_indent, style)
        if kind == "block-map" and isinstance(value, dict) and value:
            kept = self._block_map_edit(e, value, nl)
            if kept is not None:
                return kept
            return [head + rest + nl] + render.block_map(value, indent + style.map_indent, style)
        if rest:
            rest = " " + rest.lstrip()
        if isinstance(value, (list, tuple)) and not value or isinstance(value, dict) and not value:
            return [head + " " + render.flow(value, style) + rest + nl]
        return render.value_lines(head, value, indent, style, rest)

    def _block_seq_edit(self, e: Entry, value: list, indent: str, style: Style) -> list[str]:
        """Keep the lines of items that stay (with their comments); write only new items."""
        where = _line_starts(self._lines)
        starts = [bisect.bisect_right(where, item.start_mark.index + e.shift) - 1
                  for item in e.node.value]
        bounds = starts[1:] + [e.last + 1]
        chunks = [self._lines[a:b] for a, b in zip(starts, bounds, strict=True)]
        out = self._lines[e.first:starts[0]]
        old = [_canon(v) for v in e.value]
        matcher = difflib.SequenceMatcher(a=old, b=[_canon(v) for v in value], autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                out += [line for chunk in chunks[i1:i2] for line in chunk]
            else:
                out += render.block_seq(value[j1:j2], indent, style)
        if out and not out[-1].endswith("\n"):
            out[-1] += style.nl
        return out

    def _block_map_edit(self, e: Entry, value: dict, nl: str) -> list[str] | None:
        """Edit a nested block mapping key by key (recursively), keeping untouched lines."""
        children = self._lines[e.first + 1:e.last + 1]
        key_line = _line_starts(self._lines)
        first_child = e.node.value[0][0].start_mark.index + e.shift
        line = bisect.bisect_right(key_line, first_child) - 1
        pad = " " * (first_child - key_line[line])
        if not pad or any(c.strip() and not c.startswith(pad) for c in children):
            return None
        sub = FrontMatter("".join(c[len(pad):] if c.strip() else c for c in children), nl)
        try:
            for key in [k for k in sub if k not in value]:
                del sub[key]
            for key, item in value.items():
                sub[key] = item
        except ValueError:
            return None
        if sub.error is not None or not same(dict(sub.items()), value):
            return None
        lines = split_lines(sub.text)
        return [self._lines[e.first]] + [pad + c if c.strip() else c for c in lines]

    def _inline(self, e: Entry, value, style: Style) -> str:
        first = self._lines[e.first]
        prefix = first[:e.value_col]
        if e.value_col == e.colon_end:
            prefix += " "
        end_line = self._lines[e.value_end_line]
        trailing = end_line[e.value_end_col:].rstrip("\r\n")
        if e.value_col == e.colon_end:  # empty value: the rest of the line is comment/space
            trailing = trailing if trailing.strip() else ""
        if isinstance(value, (list, tuple, dict)):
            text = render.flow(value, style)
        else:
            text = render.scalar(value, style)
        anchor = _anchor(e).lstrip()
        return prefix + (anchor + " " if anchor else "") + text + trailing + style.nl


def _one_line_each(entries: list[Entry]) -> bool:
    """Each key starts on a line after the one before (one pass: headers have 10,000 lines)."""
    previous = -1
    for e in entries:
        if e.first <= previous:
            return False
        previous = e.first
    return True


def _moved(e: Entry, lines: int, chars: int) -> Entry:
    """`e` moved down by `lines` lines and `chars` characters (a copy: scanned entries are
    shared through the scan cache). Not dataclasses.replace, which costs 30 us an entry."""
    out = Entry.__new__(Entry)
    out.__dict__.update(e.__dict__)
    out.first, out.last = e.first + lines, e.last + lines
    out.value_end_line, out.shift = e.value_end_line + lines, e.shift + chars
    return out


def _anchor(e: Entry | None) -> str:
    """` &name` when the entry's own value carries an anchor (aliases elsewhere may use it)."""
    name = getattr(e.node, "anchor", None) if e is not None and not e.alias else None
    return f" &{name}" if name else ""


def _has_anchor(node) -> bool:
    stack, seen = [node], set()
    while stack:
        n = stack.pop()
        if id(n) in seen:
            return True  # a node met twice is an alias
        seen.add(id(n))
        if getattr(n, "anchor", None):
            return True
        if isinstance(n.value, list):
            for item in n.value:
                stack.extend(item if isinstance(item, tuple) else (item,))
    return False


def _why(problem: str) -> str:
    if "alias" in problem:
        return f"another key uses its value through an alias ({problem}); edit it in the raw header"
    return f"{problem}; edit it in the raw header"


def _line_starts(lines: list[str]) -> list[int]:
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line)
    return starts


def _canon(value) -> str:
    """A comparison key that tells True from 1 (difflib needs hashable items)."""
    if isinstance(value, list):
        return "[" + ",".join(_canon(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(f"{_canon(k)}:{_canon(v)}" for k, v in value.items()) + "}"
    return f"{type(value).__name__}:{value!r}"


def _plain(value):
    """Tuples become lists so comparisons and rendering see one list type."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
