"""Liquid values and filters for the preview's Liquid pass: variable lookup, literals and the
filters Jekyll posts use. Must not import PySide6 or the Markdown renderer."""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Mapping
from datetime import date, datetime
from urllib.parse import quote_plus

from tileditor.core.frontmatter import as_datetime
from tileditor.core.slug import jekyll_slugify

_LITERAL_STR = re.compile(r"""^(?:"([^"]*)"|'([^']*)')$""")
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
_PATH_PART = re.compile(r"""\.?([A-Za-z_][\w-]*\??)|\[\s*(?:"([^"]*)"|'([^']*)'|(-?\d+)|([A-Za-z_][\w.-]*))\s*\]""")
_RANGE = re.compile(r"^\(\s*(\S+)\s*\.\.\s*(\S+)\s*\)$")


def to_text(value) -> str:
    """How Liquid prints a value: nil as empty, lists joined, dates Jekyll-style."""
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (list, tuple)):
        return "".join(to_text(v) for v in value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S %z").strip()
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    return str(value)


def lookup(expr: str, scope: dict):
    """The value of a literal or a variable path (`page.title`, `site.data["x"][0]`); None if
    undefined, as Liquid renders undefined variables empty."""
    expr = expr.strip()
    if not expr:
        return None
    m = _LITERAL_STR.match(expr)
    if m:
        return m.group(1) if m.group(1) is not None else m.group(2)
    if _NUMBER.match(expr):
        return float(expr) if "." in expr else int(expr)
    if expr in ("true", "false"):
        return expr == "true"
    if expr in ("nil", "null", "empty", "blank"):
        return None
    m = _RANGE.match(expr)
    if m:
        lo, hi = lookup(m.group(1), scope), lookup(m.group(2), scope)
        try:
            return list(range(int(lo), int(hi) + 1))
        except (TypeError, ValueError):
            return []
    return _walk(expr, scope)


def _walk(expr: str, scope: dict):
    value = scope
    pos = 0
    while pos < len(expr):
        m = _PATH_PART.match(expr, pos)
        if not m or m.end() == pos:
            return None
        pos = m.end()
        name, dq, sq, idx, var = m.groups()
        if idx is not None:
            key = int(idx)
        elif var is not None:
            key = lookup(var, scope)
        else:
            key = name if name is not None else (dq if dq is not None else sq)
        value = _index(value, key)
        if value is None:
            return None
    return value


def _index(value, key):
    if isinstance(value, Mapping):  # a dict, or the evaluator's scope (a ChainMap)
        if key in value:
            return value[key]
        if key == "size":
            return len(value)
        return None
    if isinstance(value, (list, tuple, str)):
        if isinstance(key, int):
            return value[key] if -len(value) <= key < len(value) else None
        if key == "size":
            return len(value)
        if key == "first" and value:
            return value[0]
        if key == "last" and value:
            return value[-1]
        return None
    return getattr(value, key, None) if isinstance(key, str) and not key.startswith("_") else None


def _join_url(*parts: str) -> str:
    out = ""
    for part in parts:
        if not part:
            continue
        if out and not out.endswith("/") and not part.startswith("/"):
            out += "/"
        elif out.endswith("/") and part.startswith("/"):
            part = part[1:]
        out += part
    return out


def relative_url(value, site: dict) -> str:
    text = to_text(value)
    if re.match(r"^[a-z][a-z0-9+.-]*:", text, re.I):
        return text
    base = to_text(site.get("baseurl")).rstrip("/")
    if base and not base.startswith("/"):
        base = "/" + base
    path = text if text.startswith("/") else "/" + text
    return base + path


def absolute_url(value, site: dict) -> str:
    text = to_text(value)
    if re.match(r"^[a-z][a-z0-9+.-]*:", text, re.I):
        return text
    return _join_url(to_text(site.get("url")).rstrip("/"), relative_url(text, site))


def date_filter(value, fmt: str) -> str:
    if isinstance(value, str) and value == "now":
        when = datetime.now()
    else:
        when = as_datetime(value)
    if when is None:
        return to_text(value)
    fmt = fmt.replace("%-d", str(when.day)).replace("%-m", str(when.month))
    fmt = fmt.replace("%e", f"{when.day:2d}").replace("%-H", str(when.hour))
    try:
        return when.strftime(fmt)
    except ValueError:
        return to_text(value)


def _where(value, args) -> list:
    if not isinstance(value, (list, tuple)) or not args:
        return []
    key = to_text(args[0])
    items = [v for v in value if isinstance(v, dict)]
    if len(args) < 2:
        return [v for v in items if v.get(key)]
    want = to_text(args[1])
    return [v for v in items if to_text(v.get(key)) == want or (
        isinstance(v.get(key), (list, tuple)) and want in [to_text(x) for x in v.get(key)])]


def _truncate(value, args) -> str:
    text = to_text(value)
    size = int(args[0]) if args else 50
    ellipsis = to_text(args[1]) if len(args) > 1 else "..."
    return text if len(text) <= size else text[: max(size - len(ellipsis), 0)] + ellipsis


def _number(v):
    try:
        return float(v) if "." in to_text(v) else int(to_text(v) or 0)
    except ValueError:
        return 0


def _times(v, a):
    return _number(v) * _number(a[0] if a else 1)


def _divided_by(v, a):
    x, y = _number(v), _number(a[0] if a else 1)
    # Ruby: Integer / Integer floors (-7 / 2 is -4); with a Float it divides.
    return x // y if isinstance(x, int) and isinstance(y, int) else x / y


def _modulo(v, a):
    return _number(v) % _number(a[0] if a else 1)  # Ruby's % takes the divisor's sign, as Python's


def _sort(v, a, natural: bool = False):
    if not isinstance(v, (list, tuple)):
        return v
    prop = to_text(a[0]) if a else None

    def key(item):
        value = item.get(prop) if prop is not None and isinstance(item, dict) else item
        value = to_text(value).lower() if natural else value
        return (value is None, value)  # nil sorts last, as in Liquid 5

    try:
        return sorted(v, key=key)
    except TypeError:  # mixed types: Liquid raises; the preview keeps the order
        return list(v)


def _round(v, a):
    x, digits = _number(v), int(_number(a[0])) if a else 0
    if digits <= 0:  # Ruby rounds half away from zero (Python's round() to even does not)
        return int(math.floor(abs(x) + 0.5) * (1 if x >= 0 else -1))
    return float(f"{x:.{digits}f}")


def _truncatewords(v, a):
    words, count = to_text(v).split(), max(int(_number(a[0])) if a else 15, 1)
    ellipsis = to_text(a[1]) if len(a) > 1 else "..."
    return to_text(v) if len(words) <= count else " ".join(words[:count]) + ellipsis


def _slice(v, a):
    start = int(_number(a[0])) if a else 0
    length = int(_number(a[1])) if len(a) > 1 else 1
    seq = v if isinstance(v, (list, tuple)) else to_text(v)
    start = start + len(seq) if start < 0 else start
    return seq[start:start + length] if 0 <= start <= len(seq) else ([] if seq is v else "")


def _sentence(v, a):
    items = [to_text(x) for x in v] if isinstance(v, (list, tuple)) else [to_text(v)]
    word = to_text(a[0]) if a else "and"
    if len(items) < 3:
        return f" {word} ".join(items)
    return ", ".join(items[:-1]) + f", {word} " + items[-1]


def _split(text: str, sep: str) -> list[str]:
    """Ruby's String#split: " " splits on runs of whitespace (leading ones ignored), "" into
    characters, and trailing empty strings are dropped."""
    if sep == " ":
        return text.split()
    parts = list(text) if sep == "" else text.split(sep)
    while parts and parts[-1] == "":
        parts.pop()
    return parts


def _list(v) -> list:
    return list(v) if isinstance(v, (list, tuple)) else ([] if v is None else [v])


def _size(v):
    return len(v) if isinstance(v, (list, tuple, str, dict)) else 0


# name -> (function(value, args, site)); args are already evaluated values.
FILTERS = {
    "relative_url": lambda v, a, s: relative_url(v, s),
    "absolute_url": lambda v, a, s: absolute_url(v, s),
    "default": lambda v, a, s: v if v not in (None, "", False, [], {}) else (a[0] if a else ""),
    "escape": lambda v, a, s: html.escape(to_text(v)),
    "xml_escape": lambda v, a, s: html.escape(to_text(v)),
    "escape_once": lambda v, a, s: html.escape(html.unescape(to_text(v))),
    "downcase": lambda v, a, s: to_text(v).lower(),
    "upcase": lambda v, a, s: to_text(v).upper(),
    "capitalize": lambda v, a, s: to_text(v).capitalize(),
    "strip": lambda v, a, s: to_text(v).strip(),
    "date": lambda v, a, s: date_filter(v, to_text(a[0]) if a else "%Y-%m-%d"),
    "date_to_string": lambda v, a, s: date_filter(v, "%d %b %Y"),
    "date_to_long_string": lambda v, a, s: date_filter(v, "%d %B %Y"),
    "strip_html": lambda v, a, s: re.sub(r"<[^>]*>", "", to_text(v)),
    "markdownify": lambda v, a, s: to_text(v),
    "append": lambda v, a, s: to_text(v) + (to_text(a[0]) if a else ""),
    "prepend": lambda v, a, s: (to_text(a[0]) if a else "") + to_text(v),
    "replace": lambda v, a, s: to_text(v).replace(to_text(a[0]), to_text(a[1])) if len(a) > 1 else v,
    "remove": lambda v, a, s: to_text(v).replace(to_text(a[0]), "") if a else v,
    "size": lambda v, a, s: _size(v),
    "join": lambda v, a, s: (to_text(a[0]) if a else " ").join(to_text(x) for x in v)
    if isinstance(v, (list, tuple)) else to_text(v),
    "where": lambda v, a, s: _where(v, a),
    "slugify": lambda v, a, s: jekyll_slugify(to_text(v), to_text(a[0]) if a else "default"),
    "times": lambda v, a, s: _times(v, a),
    "divided_by": lambda v, a, s: _divided_by(v, a),
    "modulo": lambda v, a, s: _modulo(v, a),
    "sort": lambda v, a, s: _sort(v, a),
    "sort_natural": lambda v, a, s: _sort(v, a, natural=True),
    "truncate": lambda v, a, s: _truncate(v, a),
    "split": lambda v, a, s: _split(to_text(v), to_text(a[0]) if a else " "),
    "number_of_words": lambda v, a, s: len(to_text(v).split()),
    "plus": lambda v, a, s: _number(v) + _number(a[0] if a else 0),
    "minus": lambda v, a, s: _number(v) - _number(a[0] if a else 0),
    "reverse": lambda v, a, s: list(reversed(v)) if isinstance(v, (list, tuple)) else v,
    "uniq": lambda v, a, s: list(dict.fromkeys(v)) if isinstance(v, (list, tuple)) else v,
    "compact": lambda v, a, s: [x for x in _list(v) if x is not None],
    "concat": lambda v, a, s: _list(v) + (_list(a[0]) if a else []),
    "map": lambda v, a, s: [x.get(to_text(a[0])) if isinstance(x, dict) else None
                            for x in _list(v)] if a else v,
    "lstrip": lambda v, a, s: to_text(v).lstrip(),
    "rstrip": lambda v, a, s: to_text(v).rstrip(),
    "strip_newlines": lambda v, a, s: to_text(v).replace("\r", "").replace("\n", ""),
    "newline_to_br": lambda v, a, s: to_text(v).replace("\n", "<br />\n"),
    "remove_first": lambda v, a, s: to_text(v).replace(to_text(a[0]), "", 1) if a else v,
    "replace_first": lambda v, a, s: to_text(v).replace(to_text(a[0]), to_text(a[1]), 1)
    if len(a) > 1 else v,
    "url_encode": lambda v, a, s: quote_plus(to_text(v)),
    "cgi_escape": lambda v, a, s: quote_plus(to_text(v)),
    "abs": lambda v, a, s: abs(_number(v)),
    "ceil": lambda v, a, s: math.ceil(_number(v)),
    "floor": lambda v, a, s: math.floor(_number(v)),
    "round": lambda v, a, s: _round(v, a),
    "at_least": lambda v, a, s: max(_number(v), _number(a[0] if a else v)),
    "at_most": lambda v, a, s: min(_number(v), _number(a[0] if a else v)),
    "truncatewords": lambda v, a, s: _truncatewords(v, a),
    "slice": lambda v, a, s: _slice(v, a),
    "array_to_sentence_string": lambda v, a, s: _sentence(v, a),
    "jsonify": lambda v, a, s: json.dumps(v, ensure_ascii=False, separators=(",", ":"),
                                         default=to_text),
    "first": lambda v, a, s: v[0] if isinstance(v, (list, tuple)) and v else None,
    "last": lambda v, a, s: v[-1] if isinstance(v, (list, tuple)) and v else None,
}
