"""Loading a big header's values piece by piece: split at the lines that start a top-level key,
each piece parsed once and remembered, so after a one-key edit of a 10,000-line header only
that key's lines are parsed again (the preview and the form read the values after every edit).
The result is always `load_yaml_mapping`'s: headers where pieces could read differently
(anchors, aliases, merge keys, complex keys, directives) and any piece that does not parse go
to the whole-header parse. Must not import PySide6."""

from __future__ import annotations

import copy
import re
import threading

from tileditor.core.frontmatter.header import HeaderError, load_yaml_mapping

MIN_CHARS = 8192  # below this one parse is as quick as the bookkeeping
_MAX_PIECES = 50_000
_pieces: dict[str, dict] = {}
_lock = threading.Lock()
_NOT_ALONE = ("&", "*", "<<")  # a piece could lean on another one
_NOT_A_KEY = tuple("?%[{!|>@`\t")
_LINE = re.compile(r"[^\n]*\n|[^\n]+")  # lines end at "\n" only, as YAML's do


def load_header_values(yaml_text: str, line_offset: int = 2) -> dict:
    """Exactly `load_yaml_mapping(yaml_text, line_offset)` (same values, same errors)."""
    pieces = _split(yaml_text) if len(yaml_text) >= MIN_CHARS else None
    if pieces is None:
        return load_yaml_mapping(yaml_text, line_offset)
    out: dict = {}
    try:
        for piece in pieces:
            for key, value in _piece_values(piece).items():
                out.pop(key, None)  # the last of duplicate keys wins, in its place (Psych)
                out[key] = value if isinstance(value, (str, int, float, bool, type(None))) \
                    else copy.deepcopy(value)
    except (HeaderError, TypeError):
        return load_yaml_mapping(yaml_text, line_offset)  # its error, with the right line
    return out


def _piece_values(piece: str) -> dict:
    with _lock:
        known = _pieces.get(piece)
    if known is not None:
        return known
    values = load_yaml_mapping(piece, 1)
    if not isinstance(values, dict):
        raise HeaderError("not a mapping")
    with _lock:
        if len(_pieces) >= _MAX_PIECES:
            _pieces.clear()
        _pieces[piece] = values
    return values


def _split(yaml_text: str) -> list[str] | None:
    """The header cut before every line that starts a top-level key, or None when pieces
    might not read as the whole does."""
    if any(mark in yaml_text for mark in _NOT_ALONE):
        return None
    lines = _LINE.findall(yaml_text)
    first_content = next((ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")), "")
    if first_content[:1] == " ":
        return None  # an indented first key sets the mapping's column: later ones read apart
    pieces: list[str] = []
    start = pos = 0
    for line in lines:
        first = line[:1]
        starts_key = first not in ("", " ", "#", "\r", "\n") and not (
            first == "-" and line[1:2] in ("", " ", "\t", "\r", "\n"))
        if starts_key:
            if line.startswith(_NOT_A_KEY) or line.startswith(("---", "...")):
                return None
            if pos > start:
                pieces.append(yaml_text[start:pos])
                start = pos
        pos += len(line)
    pieces.append(yaml_text[start:])
    # A first piece of only comments and blank lines is no mapping: it joins the next.
    if len(pieces) > 1 and not any(ln.strip() and not ln.lstrip().startswith("#")
                                   for ln in pieces[0].splitlines()):
        pieces[:2] = [pieces[0] + pieces[1]]
    return pieces
