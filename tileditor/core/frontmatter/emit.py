"""Writes Python values as YAML text in a given style (quoting, boolean case, flow spacing,
block indentation), checking every piece reads back to the same value with a real YAML parse.
Owns no header layout (see frontmatter.py). Must not import PySide6."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime

from ruamel.yaml.error import YAMLError

from tileditor.core.frontmatter.scan import load_value


@dataclass(frozen=True)
class Style:
    """How the user writes YAML in this header (or this key)."""

    quote: str | None = None  # None (plain when safe), "'" or '"'
    item_quote: str | None = None  # the same, for list items
    bool_case: str = "lower"  # "lower" (true), "title" (True), "upper" (TRUE)
    flow_sep: str = ", "  # between flow items: ", " or ","
    flow_pad: str = ""  # inside the brackets: "" or " "
    list_kind: str = "flow"  # how a new list is written: "flow" or "block"
    dash_indent: str = "  "  # before "-" in block lists, relative to the key
    dash_gap: str = " "  # between "-" and the item
    map_indent: str = "  "  # child keys of a block mapping, relative to the parent
    nl: str = "\n"


def same(a, b) -> bool:
    """Equality that tells True from 1 and a date from a datetime."""
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if type(a) is not type(b):
        return False
    if isinstance(a, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b


# Jekyll reads YAML 1.1 (Psych), where these plain words are not strings although YAML 1.2
# (ruamel) says they are: quote them so both read a string. Psych's integers take commas
# ("1,000" is 1000) and it reads a leading ":" as a Symbol, which safe_load refuses.
_YAML11_SPECIAL = re.compile(
    r"(?i:yes|no|true|false|on|off|null|~)"
    r"|[-+]?(?:0b[01_,]+|0x[0-9a-fA-F_,]+|0o?[0-7_,]+|[0-9][0-9_,]*(?::[0-5]?[0-9])*)"
    r"|[-+]?(?:[0-9][0-9_,]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?(?::[0-5]?[0-9](?:\.[0-9_]*)?)*"
    r"|[-+]?[0-9][0-9_,]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+"
    r"|[-+]?\.(?i:inf)|\.(?i:nan)"
    r"|\d{4}-\d\d?-\d\d?(?:(?:[Tt]|\s+)\d\d?:\d\d:\d\d.*)?"
)
# Characters libyaml (Psych) reads as line breaks or refuses in a stream; YAML 1.2 readers
# such as ruamel accept some of them in plain text, so no read-back check would catch them.
_UNSAFE_RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_PLAIN_FIRST_BAD = set("-?:,[]{}#&*!|>'\"%@`=<~ \t")


def psych_plain_ok(value: str, flow: bool = False) -> bool:
    """A string Psych and ruamel both read back unchanged when written without quotes."""
    if not value or value[0] in _PLAIN_FIRST_BAD or value[0].isspace() or value[-1].isspace():
        return False
    if _UNSAFE_RAW.search(value) or "\n" in value or "\r" in value or "\t" in value:
        return False
    if ": " in value or " #" in value or value.endswith(":"):
        return False
    if flow and any(c in value for c in ",[]{}#:"):
        return False
    if any(unicodedata.category(c) in ("Zl", "Zp", "Cf", "Co", "Cn") for c in value):
        return False
    return not _YAML11_SPECIAL.fullmatch(value)


def _reads_as(doc: str, expected) -> bool:
    try:
        return same(load_value(doc), expected)
    except (YAMLError, ValueError, TypeError, OverflowError, RecursionError):
        return False


def bool_case_of(text: str) -> str:
    if text[:1].isupper():
        return "upper" if text.isupper() else "title"
    return "lower"


def double_quoted(s: str) -> str:
    """A double-quoted scalar escaping every character Psych would fold, refuse or drop."""
    out = ['"']
    for ch in s:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif code < 0x20 or 0x7F <= code <= 0x9F:
            out.append(f"\\x{code:02x}")
        elif 0xD800 <= code <= 0xDFFF:
            raise ValueError(f"cannot write the lone surrogate U+{code:04X} into a post")
        elif ch in "\u2028\u2029\ufeff\ufffe\uffff":
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _single_quoted(s: str) -> str | None:
    if _UNSAFE_RAW.search(s) or any(c in s for c in "\n\r\t"):
        return None
    return "'" + s.replace("'", "''") + "'"


def _plain_other(value, style: Style) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        word = "true" if value else "false"
        return {"title": word.title(), "upper": word.upper()}.get(style.bool_case, word)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        return repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (int, date)):
        return str(value) if not isinstance(value, date) else value.isoformat()
    raise ValueError(f"cannot write {type(value).__name__} as a YAML scalar")


def scalar(value, style: Style, flow: bool = False) -> str:
    """One-line YAML text for a scalar, in the style's quoting when it reads back right."""
    wrap = ("k: [{}]" if flow else "k: {}").format
    expect = {"k": [value] if flow else value}
    if not isinstance(value, str):
        text = _plain_other(value, style)
        if _reads_as(wrap(text), expect):
            return text
        raise ValueError(f"cannot write {value!r} as YAML")
    candidates = []
    if style.quote == "'":
        candidates.append(_single_quoted(value))
    elif style.quote is None and psych_plain_ok(value, flow):
        candidates.append(value)
    candidates.append(double_quoted(value))
    for text in candidates:
        if text is not None and _reads_as(wrap(text), expect):
            return text
    raise ValueError(f"cannot write {value!r} as YAML")


def flow(value, style: Style) -> str:
    """Flow-style YAML text for any value (scalars, [lists] and {mappings})."""
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        items = replace(style, quote=style.item_quote)
        inner = style.flow_sep.join(flow(v, items) for v in value)
        return "[" + style.flow_pad + inner + style.flow_pad + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        parts = (f"{scalar(k, style, True)}: {flow(v, style)}" for k, v in value.items())
        return "{" + style.flow_pad + ", ".join(parts) + style.flow_pad + "}"
    return scalar(value, style, flow=True)


def block_seq(items, indent: str, style: Style) -> list[str]:
    """Lines of a block list; nested lists are written as flow lists, as users do."""
    lines = []
    style = replace(style, quote=style.item_quote)
    for item in items:
        head = indent + "-" + style.dash_gap
        if isinstance(item, dict) and item:
            sub = block_map(item, " " * len(head), style)
            lines.append(head + sub[0][len(head):])
            lines.extend(sub[1:])
        else:
            lines.append(head + flow(item, style) + style.nl)
    return lines


def block_map(mapping: dict, indent: str, style: Style) -> list[str]:
    """Lines of a block mapping with `indent` before each key."""
    lines = []
    for key, value in mapping.items():
        head = indent + scalar(key, style) + ":"
        lines.extend(value_lines(head, value, indent, style))
    return lines


def value_lines(head: str, value, indent: str, style: Style, rest: str = "") -> list[str]:
    """`head` (text up to and including the colon) followed by a value in the style."""
    nl = style.nl
    if isinstance(value, dict) and value:
        return [head + rest + nl] + block_map(value, indent + style.map_indent, style)
    if isinstance(value, (list, tuple)) and value and style.list_kind == "block":
        return [head + rest + nl] + block_seq(value, indent + style.dash_indent, style)
    text = flow(value, style) if isinstance(value, (list, tuple, dict)) else scalar(value, style)
    return [head + " " + text + rest + nl]


def block_scalar(head: str, value: str, indicator: str, indent: str, style: Style) -> list[str]:
    """A `|` or `>` scalar that reads back as `value`, or [] when that is not possible."""
    if not value or value != value.lstrip(" \t\n") or "\r" in value or _UNSAFE_RAW.search(value):
        return []
    body = value[:-1] if value.endswith("\n") else value
    chomp = "" if value.endswith("\n") else "-"
    if body.endswith("\n"):
        return []
    parts = body.split("\n")
    if indicator == ">":
        parts = [p for part in parts for p in (part, "")][:-1]
    lines = [head + " " + indicator + chomp + style.nl]
    lines += [(indent + p if p else "") + style.nl for p in parts]
    doc = "k:" + "".join(lines)[len(head):]
    return lines if _reads_as(doc, {"k": value}) else []
