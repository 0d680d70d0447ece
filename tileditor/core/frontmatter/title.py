"""A post's title for places that only show it (the recovery store's list): read from the
header's own `title:` lines, not by parsing a header that may have 10,000 lines on every
snapshot. Must not import PySide6."""

from __future__ import annotations

import re

from tileditor.core.frontmatter.header import HeaderError, load_yaml_mapping, split_front_matter

_TITLE_KEY = re.compile(r"^title[ \t]*:", re.M)
_OTHER_SPELLING = re.compile(r"""^(?:["']title["']|\?)""", re.M)  # quoted or complex keys
# A line that starts the next top-level item (a "- x" line at column 0 is the value's list).
_NEXT_KEY = re.compile(r"^(?![ \t#]|-(?:[ \t]|$)|$)", re.M)


def header_title(text: str) -> str:
    """The title Jekyll reads from `text`'s header ("" when none can be read)."""
    span = split_front_matter(text)
    if span is None:
        return ""
    yaml = span.yaml
    found = list(_TITLE_KEY.finditer(yaml))
    try:
        if not found or _OTHER_SPELLING.search(yaml):
            return _full(yaml) if "title" in yaml else ""
        start = found[-1].start()  # of duplicate keys the last wins, as in Jekyll
        after = _NEXT_KEY.search(yaml, start + 1)
        own = yaml[start:after.start() if after else len(yaml)]
        try:
            value = load_yaml_mapping(own, 2).get("title")
        except HeaderError:  # `*alias` of an anchor elsewhere, or a tag defined above
            return _full(yaml)
    except HeaderError:
        return ""
    return "" if value is None else str(value)


def _full(yaml: str) -> str:
    value = load_yaml_mapping(yaml, 2).get("title")
    return "" if value is None else str(value)
