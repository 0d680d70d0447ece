"""Maps a front-matter header's top-level keys to their line ranges and parsed values, using
ruamel.yaml's composer (node marks) and safe constructor. Read-only: editing lives in
frontmatter.py. Must not import PySide6."""

from __future__ import annotations

import bisect
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tileditor.core.frontmatter.header import (
    HeaderError,
    header_error,
    merged_maps,
    psych_yaml,
)

_LINE = re.compile(r"[^\n]*\n|[^\n]+")


def split_lines(text: str) -> list[str]:
    """Lines with their endings, split on "\\n" only (so "\\r\\n" stays whole)."""
    return _LINE.findall(text)


def make_yaml() -> YAML:
    y = psych_yaml()  # nested duplicates, merges and plain scalars read as in Psych
    # Duplicates are resolved by the scanner itself (last wins, as in Jekyll).
    y.allow_duplicate_keys = True
    return y


_local = threading.local()


def _yaml() -> YAML:
    """This thread's parser: a ruamel YAML object keeps its state while it composes, so two
    threads sharing one (the form's edit and a side thread's scan of a big header) break."""
    y = getattr(_local, "yaml", None)
    if y is None:
        y = _local.yaml = make_yaml()
    return y


def construct(node: Node):
    """Plain Python value of a composed node."""
    return _yaml().constructor.construct_document(node)


def load_value(text: str):
    """Parse a small YAML document (used to check that rendered text reads back right)."""
    return _yaml().load(text)


@dataclass
class Entry:
    """One top-level `key: value` of the header."""

    key: object  # the constructed key (usually str)
    value: object  # the constructed value
    key_node: Node
    node: Node  # the value node
    first: int  # index of the key's line
    last: int  # index of the block's last line (inclusive)
    key_col: int
    colon_end: int  # column just after the ':' on the key line
    value_inline: bool  # the value starts on the key line
    value_col: int  # column where the value starts (on its own line)
    value_end_line: int  # line holding the end of the value
    value_end_col: int
    alias: bool = False  # the value is `*name`, another entry's anchored node
    # Add to the nodes' mark indexes for offsets in the header text: an entry carried over
    # from before an edit of an earlier key keeps its nodes, whose marks the edit shifted.
    # (The end mark of a block collection, which runs on to the next token, is not kept.)
    shift: int = 0

    @property
    def kind(self) -> str:
        if self.alias:
            return "alias"
        if isinstance(self.key, MergeKey):
            return "merge"
        if isinstance(self.node, SequenceNode):
            return "flow-seq" if self.node.flow_style else "block-seq"
        if isinstance(self.node, MappingNode):
            return "flow-map" if self.node.flow_style else "block-map"
        style = getattr(self.node, "style", None)
        if style in ("|", ">"):
            return "block-scalar"
        return "scalar"


class _Lines:
    def __init__(self, lines: list[str]):
        self.lines = lines
        self.starts: list[int] = []
        pos = 0
        for line in lines:
            self.starts.append(pos)
            pos += len(line)
        self.total = pos

    def locate(self, index: int) -> tuple[int, int]:
        """(line, column) of a character offset."""
        if not self.lines:
            return 0, 0
        line = bisect.bisect_right(self.starts, index) - 1
        line = max(0, min(line, len(self.lines) - 1))
        return line, index - self.starts[line]


def scan(lines: list[str], line_offset: int = 2) -> list[Entry]:
    """Entries of the header in file order; raises HeaderError when it is not a YAML mapping."""
    text = "".join(lines)
    if not text.strip():
        return []
    try:
        root = _yaml().compose(text)
        if root is None:
            return []
        if not isinstance(root, MappingNode):
            raise HeaderError("Front matter is not a YAML mapping (key: value lines)", line_offset)
        pairs = [_pair(k, v) for k, v in root.value]
    except HeaderError:
        raise
    except (YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise header_error(exc, line_offset, text) from exc
    where = _Lines(lines)
    entries = [_entry(where, k, v, key, value) for k, v, key, value in pairs]
    for i, entry in enumerate(entries[:-1]):
        entry.last = max(entry.first, min(entry.last, entries[i + 1].first - 1))
    return entries


class MergeKey(str):
    """The `<<` key of a merge (`<<: *base`); its entry's value is the merged mapping."""


def _pair(k: Node, v: Node) -> tuple:
    maps = merged_maps(k, v)
    if maps is not None:
        out: dict = {}
        for m in reversed(maps):  # of several merged maps the first wins, as in Psych
            out.update(construct(m))
        return k, v, MergeKey("<<"), out
    if k.tag == "tag:yaml.org,2002:merge":
        return k, v, "<<", construct(v)
    return k, v, hashable(construct(k)), construct(v)


class MappingKey(tuple):
    """A mapping used as a key (`? {a: 1}`), as its (key, value) pairs."""


def hashable(key):
    """Complex keys (`? [a, b]`) as tuples, so they can index the header like Psych's Hash."""
    if isinstance(key, list):
        return tuple(hashable(k) for k in key)
    if isinstance(key, dict):
        return MappingKey((hashable(k), hashable(v)) for k, v in key.items())
    return key


_CACHE: OrderedDict = OrderedDict()
_CACHE_SIZE = 8
_CACHE_LOCK = threading.Lock()


def cached_scan(lines: list[str], line_offset: int = 2) -> list[Entry]:
    """scan() remembering the last few headers: the form parses the same text again after
    each edit. Entries are shared, so nobody may mutate them."""
    key = ("".join(lines), line_offset)
    if len(key[0]) < 4096:  # small headers parse faster than they hash and copy
        return scan(lines, line_offset)
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
        if hit is not None:
            _CACHE.move_to_end(key)
    if isinstance(hit, HeaderError):
        raise hit
    if hit is not None:
        return list(hit)
    try:
        entries = scan(lines, line_offset)
    except HeaderError as exc:
        entries = exc
    with _CACHE_LOCK:
        _CACHE[key] = entries
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    if isinstance(entries, HeaderError):
        raise entries
    return list(entries)


def remember_scan(lines: list[str], line_offset: int, entries: list[Entry]) -> None:
    """Put entries made without scanning (an edit's own bookkeeping) where cached_scan finds
    them, so the next look at the same text does not parse it again."""
    key = ("".join(lines), line_offset)
    if len(key[0]) < 4096:
        return
    with _CACHE_LOCK:
        _CACHE[key] = list(entries)
        _CACHE.move_to_end(key)
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)


def _entry(where: _Lines, key_node: Node, node: Node, key, value) -> Entry:
    first, key_col = where.locate(key_node.start_mark.index)
    key_line, key_end = where.locate(key_node.end_mark.index)
    line = where.lines[key_line]
    colon = line.find(":", key_end) if key_line == first else -1
    colon_end = colon + 1 if colon >= 0 else len(line.rstrip("\r\n"))
    if node.start_mark.index < key_node.end_mark.index:  # `*name`: the composer reuses the node
        return _alias_entry(where, key_node, node, key, value, first, key_col, colon_end)
    empty = isinstance(node, ScalarNode) and node.value == "" and node.style is None
    if empty:
        return Entry(key, value, key_node, node, first, first, key_col, colon_end, True,
                     colon_end, first, colon_end)
    v_line, v_col = where.locate(node.start_mark.index)
    end_line, end_col = where.locate(node.end_mark.index)
    if node.end_mark.index >= where.total:
        end_line, end_col = len(where.lines) - 1, len(where.lines[-1])
    last = end_line
    if end_col == 0 and end_line > first:
        last -= 1
    last = _trim(where.lines, first, last, block_scalar=getattr(node, "style", None) in ("|", ">"))
    block = getattr(node, "style", None) in ("|", ">") or (
        isinstance(node, (SequenceNode, MappingNode)) and not node.flow_style)
    if block:
        # A block value ends where the next key starts: its end is its own last line, so
        # that an edit of the next key leaves this entry as it was (FrontMatter carries it).
        end_line, end_col = last, len(where.lines[last].rstrip("\r\n"))
    return Entry(key, value, key_node, node, first, last, key_col, colon_end, v_line == first,
                 v_col, end_line, end_col)


def _alias_entry(where: _Lines, key_node, node, key, value, first, key_col, colon_end) -> Entry:
    text = "".join(where.lines)
    start = where.starts[first] + colon_end
    m = re.compile(r"\s*(\*[^\s,\[\]{}]+)").match(text, start)
    if m is None:  # not where an alias token should be: let edits fall back to whole lines
        return Entry(key, value, key_node, node, first, first, key_col, colon_end, True,
                     colon_end, first, colon_end, alias=True)
    v_line, v_col = where.locate(m.start(1))
    end_line, end_col = where.locate(m.end(1))
    return Entry(key, value, key_node, node, first, end_line, key_col, colon_end, v_line == first,
                 v_col, end_line, end_col, alias=True)


def _trim(lines: list[str], first: int, last: int, block_scalar: bool) -> int:
    """Leave trailing blank lines (and comment lines, outside block scalars) to no key."""
    while last > first:
        stripped = lines[last].strip()
        if stripped == "" or (not block_scalar and stripped.startswith("#")):
            last -= 1
        else:
            break
    return last


def is_seq(node: Node) -> bool:
    return isinstance(node, SequenceNode)


def is_map(node: Node) -> bool:
    return isinstance(node, MappingNode)
