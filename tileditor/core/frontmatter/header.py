"""Where a post's front matter starts and ends, exactly as Jekyll decides it, and a fast
read-only YAML load of it. Owns no editing (see frontmatter.py). Must not import PySide6."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from datetime import date, datetime

from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from tileditor.core.frontmatter.psych_scalars import PLAIN_TAG, PsychResolver, construct_plain

# Jekyll::Document::YAML_FRONT_MATTER_REGEXP is
#   \A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)   (Ruby /m: "." matches newlines)
_FRONT_MATTER = re.compile(r"\A(---[ \t\r\f\v]*\n(?:.*?\n)??)((?:---|\.\.\.)[ \t\r\f\v]*(?:\n|\Z))", re.S)


@dataclass(frozen=True)
class HeaderSpan:
    """Offsets of the front matter inside a post's text."""

    open_line: str  # the opening fence line with its newline, e.g. "---\n"
    yaml: str  # the YAML text between the fences (each line with its newline)
    close_line: str  # the closing fence line, with its newline if it has one
    yaml_start: int  # offset of the YAML text in the post
    body_start: int  # offset of the body in the post


_last_split: tuple = ("", None)  # (text, span): one edit asks about the same text several times


def split_front_matter(text: str) -> HeaderSpan | None:
    """The front matter span of `text`, or None when the text has no header."""
    global _last_split
    seen, span = _last_split  # one tuple, replaced whole: safe for the render thread too
    if text is seen or (len(text) > 4096 and text == seen):
        return span  # the fence search costs ~1 ms per 1,000 header lines
    m = _FRONT_MATTER.match(text)
    if not m:
        span = None
    else:
        first = m.group(1)
        nl = first.index("\n") + 1
        span = HeaderSpan(
            open_line=first[:nl],
            yaml=first[nl:],
            close_line=m.group(2),
            yaml_start=nl,
            body_start=m.end(),
        )
    _last_split = (text, span)
    return span


class HeaderError(ValueError):
    """The header is not valid YAML; `line` is 1-based within the post file (or None).
    `jekyll_reads`: the values Jekyll still takes from it, when it takes any (the preview and
    the post list show those, as the site does; the form keeps the error)."""

    def __init__(self, message: str, line: int | None = None, jekyll_reads: dict | None = None):
        super().__init__(message)
        self.line = line
        self.jekyll_reads = jekyll_reads


class LastKeyWinsConstructor(SafeConstructor):
    """Jekyll (Ruby's Psych) keeps the last of duplicate keys; ruamel refuses or keeps the first."""

    def check_mapping_key(self, node, key_node, mapping, key, value) -> bool:
        if key in mapping:
            del mapping[key]
        return True

    def flatten_mapping(self, node) -> None:
        """Psych merges `<<` where it stands (keys after it override the merged ones, keys
        before it are overridden; of several merged maps the first wins); ruamel lets
        explicit keys win wherever they are."""
        pairs = []
        for key_node, value_node in node.value:
            maps = merged_maps(key_node, value_node)
            if maps is None:
                if key_node.tag == MERGE_TAG:  # `<<: x`: Psych keeps it as the key "<<"
                    key_node = ScalarNode("tag:yaml.org,2002:str", "<<", key_node.start_mark,
                                          key_node.end_mark)
                pairs.append((key_node, value_node))
                continue
            for sub in reversed(maps):
                self.flatten_mapping(sub)
                pairs.extend(sub.value)
        node.value = pairs


MERGE_TAG = "tag:yaml.org,2002:merge"

# Unquoted scalars are typed by Psych's rules (`toc: no` is false on the site).
LastKeyWinsConstructor.add_constructor(PLAIN_TAG, construct_plain)


def psych_yaml() -> YAML:
    """A ruamel loader that reads YAML as Jekyll's Psych does: last duplicate key wins,
    merges where they stand, plain scalars typed by Psych's rules (psych_scalars)."""
    loader = YAML(typ="safe", pure=True)
    loader.Constructor = LastKeyWinsConstructor
    loader.Resolver = PsychResolver
    return loader


def merged_maps(key_node, value_node) -> list | None:
    """The mapping nodes a `<<` key merges (Psych merges a quoted "<<" too), or None."""
    if not isinstance(key_node, ScalarNode) or key_node.value != "<<":
        return None
    if key_node.tag != MERGE_TAG and key_node.style not in ("'", '"'):
        return None
    if isinstance(value_node, MappingNode):
        return [value_node]
    if isinstance(value_node, SequenceNode) and all(isinstance(v, MappingNode) for v in value_node.value):
        return list(value_node.value)
    return None


# What follows a complete YAML value where a second document would need its `---`.
_SECOND_DOCUMENT = "expected '<document start>'"


def header_error(exc: Exception, line_offset: int, yaml_text: str = "") -> HeaderError:
    """The HeaderError for a parse failure, with the file line it points at. Where the lines
    before the failure are already a whole YAML value, the message says what Jekyll does:
    Psych reads only that first value and ignores the rest without a word, so the keys from
    that line on never reach the site (checked against Ruby's Psych in the tests)."""
    if not isinstance(exc, MarkedYAMLError):
        return HeaderError(f"Front matter is not valid YAML ({exc})")
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + line_offset if mark is not None else None
    problem = exc.problem or exc.context or "invalid YAML"
    where = f"line {line}: " if line is not None else ""
    reads = None
    if problem.startswith(_SECOND_DOCUMENT) and line is not None:
        first = next((t for t in yaml_text.splitlines() if t.strip()), "")
        hint = ("; its first key is indented, the next ones are not"
                if first[:1] in (" ", "\t") else "")
        problem = ("Jekyll stops reading the header here: the lines above are already a "
                   "complete YAML value, so this line and everything after it are ignored "
                   f"on the site{hint}")
        reads = _value_above(yaml_text, line - line_offset)
    return HeaderError(f"Front matter is not valid YAML ({where}{problem})", line, reads)


def _value_above(yaml_text: str, lines: int) -> dict | None:
    """The mapping the first `lines` lines make, which is what Psych returns for the header."""
    try:
        data = _loader().load("".join(yaml_text.splitlines(keepends=True)[:lines]))
    except YAMLError:
        return None
    return data if isinstance(data, dict) else None


_local = threading.local()


def _loader() -> YAML:
    """One loader per thread: a ruamel YAML object is not safe to share between threads."""
    loader = getattr(_local, "loader", None)
    if loader is None:
        loader = psych_yaml()
        _local.loader = loader
    return loader


def load_yaml_mapping(yaml_text: str, line_offset: int = 1) -> dict:
    """Parse header YAML into plain Python values (last duplicate key wins, as in Jekyll).

    `line_offset` is the file line number of the header's first YAML line, so error
    messages point at the line the user sees.
    """
    if not yaml_text.strip():
        return {}
    try:
        data = _loader().load(yaml_text)
    except YAMLError as exc:  # e.g. duplicate keys in some loaders, odd scanner errors too
        raise header_error(exc, line_offset, yaml_text) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise HeaderError("Front matter is not a YAML mapping (key: value lines)", line_offset)
    return data


def read_header_values(text: str) -> dict:
    """Fast read-only values of a post's front matter ({} when it has none)."""
    span = split_front_matter(text)
    if span is None:
        return {}
    return load_yaml_mapping(span.yaml, line_offset=2)


def as_list(value) -> list[str]:
    """Jekyll's reading of tags/categories: a list, or a string split on whitespace."""
    if value is None:
        return []
    if isinstance(value, str):
        return value.split()
    if isinstance(value, (list, tuple)):
        out: list[str] = []
        for v in value:
            if isinstance(v, (list, tuple)):
                out.extend(str(x) for x in v if x is not None)
            elif v is not None:
                out.append(str(v))
        return out
    return [str(value)]


def as_datetime(value) -> datetime | None:
    """A front-matter date value as a datetime, or None when it is not a date."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?", value)
        if m:
            y, mo, d, h, mi, s = (int(g) if g else 0 for g in m.groups())
            try:
                return datetime(y, mo, d, h, mi, s)
            except ValueError:
                return None
    return None
