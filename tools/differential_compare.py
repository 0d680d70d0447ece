"""Differential harness, comparison half: one normaliser applied identically to kramdown's and
tileditor's HTML, the block skeleton, a similarity ratio, marker-leak detection and a miss
category for each difference. Pure standard library; imports nothing from tileditor or Qt."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
BLOCK = {
    "address", "article", "aside", "blockquote", "caption", "center", "colgroup", "dd",
    "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "iframe", "li", "main", "nav", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "script", "style", "noscript", "math", "body", "html", "head", "title", "menu",
}  # fmt: skip
PRESERVE = {"pre", "textarea", "script", "style"}
# Attributes only the preview adds for scroll sync: a reader never sees them, and kramdown
# never writes them, so dropping them on both sides is neutral.
PREVIEW_ATTRS = re.compile(r"^data-(line|line-end|source-line)$")
# What must never reach the page: Python-Markdown stash keys, our placeholders and markers.
LEAKS = re.compile("[\x02\x03]|data-tl-|</?tl-raw>|klzzwxh|wzxhzdk|tlial:|\\btlb\\d|\x02tl")
_WS = re.compile(r"[ \t\n\r\f]+")
TYPOGRAPHY = set("\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00ab\u00bb")


def leaks(html: str) -> list[str]:
    return sorted({m.group(0) for m in LEAKS.finditer(html)})


class _Canon(HTMLParser):
    """Builds the canonical text: sorted attributes, decoded-then-minimally-escaped entities,
    whitespace collapsed as a browser collapses it (kept inside pre), void tags without `/`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.stack: list[str] = []

    def _attrs(self, attrs) -> str:
        parts = []
        for key, value in sorted(attrs):
            if PREVIEW_ATTRS.match(key):
                continue
            value = "" if value is None else _WS.sub(" ", value).strip()
            if key == "class":
                value = " ".join(sorted(value.split()))
            value = value.replace("&", "&amp;").replace('"', "&quot;")
            parts.append(f' {key}="{value}"')
        return "".join(parts)

    def handle_starttag(self, tag, attrs):
        self.out.append(f"<{tag}{self._attrs(attrs)}>")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.out.append(f"<{tag}{self._attrs(attrs)}>")

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        self.out.append(f"</{tag}>")
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        data = data.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        if not PRESERVE & set(self.stack):
            data = _WS.sub(" ", data)
        self.out.append(data)

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")


def _trim_around_blocks(parts: list[str]) -> list[str]:
    """Drop whitespace that touches a block tag (browsers do not render it)."""
    def is_block(p: str) -> bool:
        m = _TAG.match(p)
        return bool(m) and m.group(2).lower() in BLOCK

    out = list(parts)
    for i, p in enumerate(out):
        if p.startswith("<") or not p:
            continue
        if i == 0 or is_block(out[i - 1]):
            if "pre" != _prev_tag(out, i):
                out[i] = p.lstrip(" ")
        if i == len(out) - 1 or is_block(out[i + 1]):
            if not (i + 1 < len(out) and out[i + 1] == "</pre>"):
                out[i] = out[i].rstrip(" ")
    return [p for p in out if p]


def _prev_tag(parts: list[str], i: int) -> str:
    m = _TAG.match(parts[i - 1]) if i else None
    return m.group(2).lower() if m else ""


def normalize(html: str) -> str:
    """The canonical form both sides are compared in."""
    canon = _Canon()
    canon.feed(html)
    canon.close()
    return "".join(_trim_around_blocks(canon.out))


_TOKEN = re.compile(r"<[^>]*>|[^<\s]+|\s+")


def tokens(normal: str) -> list[str]:
    return _TOKEN.findall(normal)


def skeleton(normal: str) -> list[str]:
    """Block structure: the block tags in order, without attributes or text."""
    out = []
    for m in _TAG.finditer(normal):
        if m.group(2).lower() in BLOCK:
            out.append(f"<{m.group(1)}{m.group(2).lower()}>")
    return out


def similarity(a: list[str], b: list[str]) -> float:
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


@dataclass
class Outcome:
    exact: bool
    block: bool
    similarity: float
    category: str = ""
    kramdown: str = ""  # normalised
    ours: str = ""


def compare(kramdown_html: str, our_html: str) -> Outcome:
    a, b = normalize(kramdown_html), normalize(our_html)
    block = skeleton(a) == skeleton(b)
    if a == b:
        return Outcome(True, True, 1.0, "", a, b)
    ta, tb = tokens(a), tokens(b)
    return Outcome(False, block, similarity(ta, tb), categorize(a, b, our_html), a, b)


# ------------------------------------------------------------------ miss categories


def _tag_name(tok: str) -> str:
    m = _TAG.match(tok)
    return m.group(2).lower() if m else ""


def _inside(toks: list[str], index: int) -> list[str]:
    """Open elements at token `index` (innermost last)."""
    stack: list[str] = []
    for tok in toks[:index]:
        name = _tag_name(tok)
        if not name or name in VOID:
            continue
        if tok.startswith("</"):
            if name in stack:
                while stack.pop() != name:
                    pass
        else:
            stack.append(name)
    return stack


def categorize(a: str, b: str, our_raw: str) -> str:
    """A short name for the first difference between normalised kramdown `a` and ours `b`."""
    if leaks(our_raw):
        return "marker leak"
    ska, skb = skeleton(a), skeleton(b)
    if ska != skb:
        return "block: " + _first_diff(ska, skb)
    ta, tb = tokens(a), tokens(b)
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if "pre" in _inside(ta, i1):
            return "code highlighting" if "<span" in "".join(ta[i1:i2] + tb[j1:j2]) else (
                "code text")
        da, db = ta[i1:i2], tb[j1:j2]
        tags = [t for t in da + db if t.startswith("<")]
        if tags:
            names_a = {_tag_name(t) for t in da if t.startswith("<")}
            names_b = {_tag_name(t) for t in db if t.startswith("<")}
            if names_a == names_b and len(da) == len(db):
                attr = _attr_diff(da, db)
                return f"attribute: {attr}"
            name = _tag_name(tags[0])
            return f"inline: <{name}>"
        text = "".join(da + db)
        if set(text) & TYPOGRAPHY:
            return "text: typography"
        if not text.strip():
            return "whitespace"
        return "text"
    return "other"


def _first_diff(a: list[str], b: list[str]) -> str:
    for x, y in zip(a, b, strict=False):
        if x != y:
            return f"kramdown {x} / ours {y}"
    longer, who = (a, "kramdown") if len(a) > len(b) else (b, "ours")
    return f"{who} has more {longer[min(len(a), len(b))]}"


_ATTR = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)="([^"]*)"')


def _attr_diff(da: list[str], db: list[str]) -> str:
    for x, y in zip(da, db, strict=False):
        if x != y and x.startswith("<"):
            ax, ay = dict(_ATTR.findall(x)), dict(_ATTR.findall(y))
            keys = sorted(k for k in set(ax) | set(ay) if ax.get(k) != ay.get(k))
            return f"{_tag_name(x)} {','.join(keys)}"
    return "?"
