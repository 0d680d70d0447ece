"""Fidelity tool, comparison half: turns an HTML body fragment into a canonical token stream
(what a reader can see) and classifies the differences between Jekyll's and our output.
Pure standard library; imports nothing from tileditor or Qt."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip
BLOCK = {
    "address", "article", "aside", "blockquote", "caption", "center", "col", "colgroup", "dd",
    "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "iframe", "li", "main", "nav", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "video", "audio", "script", "style", "noscript", "math", "body", "html",
}  # fmt: skip
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
CODE_WRAPPER_CLASSES = {"highlight", "highlighter-rouge", "codehilite"}
# Attributes only our preview adds (source mapping for scroll sync); a reader never sees them.
OURS_ONLY_ATTRS = {
    "data-line", "data-line-end", "data-source-line", "data-sourcepos", "data-src-line",
    "data-block", "data-block-id",
}  # fmt: skip
OURS_ONLY_PREFIXES = ("data-tileditor", "data-til-")
_WS = re.compile(r"\s+")


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list = field(default_factory=list)

    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        el = Element(tag, {k: ("" if v is None else v) for k, v in attrs})
        self.stack[-1].children.append(el)
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        # A stray end tag (raw HTML in a post) closes nothing, as browsers do.
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse_html(html: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def text_of(node, skip: Callable[[Element], bool] = lambda e: False) -> str:
    if isinstance(node, str):
        return node
    if skip(node):
        return ""
    return "".join(text_of(c, skip) for c in node.children)


@dataclass
class Options:
    """How to canonicalise one side: image resolution and include placeholders."""

    resolve_src: Callable[[str], str] = lambda src: src
    is_placeholder: Callable[[Element], bool] = lambda el: False


def _norm_attrs(el: Element, opts: Options) -> str:
    out = []
    for key, value in el.attrs.items():
        if key in OURS_ONLY_ATTRS or key.startswith(OURS_ONLY_PREFIXES):
            continue
        value = _WS.sub(" ", value).strip()
        if key == "class":
            value = " ".join(sorted(set(value.split())))
        elif key == "style":
            parts = [p.strip() for p in value.split(";") if p.strip()]
            value = "; ".join(re.sub(r"\s*:\s*", ": ", p, count=1) for p in parts)
        elif key == "src" and el.tag in ("img", "source"):
            value = opts.resolve_src(value)
        out.append(f'{key}="{value}"')
    return " ".join(sorted(out))


def _open_token(el: Element, opts: Options) -> str:
    attrs = _norm_attrs(el, opts)
    return f"<{el.tag} {attrs}>" if attrs else f"<{el.tag}>"


def _code_chain(el: Element) -> tuple[Element, list[Element]] | None:
    """(pre, wrappers) when `el` is a code block: a pre, or highlighter wrappers around one."""
    chain = []
    node = el
    while node.tag != "pre":
        if node.tag not in ("div", "figure") or not (
            CODE_WRAPPER_CLASSES & set(node.classes())
            or any(c.startswith("language-") for c in node.classes())
        ):
            return None
        kids = [c for c in node.children if not (isinstance(c, str) and not c.strip())]
        if len(kids) != 1 or isinstance(kids[0], str):
            return None
        chain.append(node)
        node = kids[0]
    return node, chain


def _is_gutter(el: Element) -> bool:
    return "gutter" in el.classes() or "lineno" in el.classes() or "linenos" in el.classes()


def _code_token(pre: Element, wrappers: list[Element]) -> str:
    langs = set()
    for node in [*wrappers, pre, *[c for c in pre.children if isinstance(c, Element)]]:
        for cls in node.classes():
            if cls.startswith("language-"):
                langs.add(cls[len("language-") :])
        if node.attrs.get("data-lang"):
            langs.add(node.attrs["data-lang"])
    linenos = _has_gutter(pre)
    code = text_of(pre, skip=_is_gutter).rstrip("\n")
    tag = "CODE[" + ",".join(sorted(langs)) + ("|linenos" if linenos else "") + "]"
    return tag + " " + code


def _has_gutter(el: Element) -> bool:
    return any(isinstance(c, Element) and (_is_gutter(c) or _has_gutter(c)) for c in el.children)


class _Canon:
    """Walks the tree, emitting tokens; inline runs collapse whitespace as a browser would."""

    def __init__(self, opts: Options) -> None:
        self.opts = opts
        self.tokens: list[str] = []
        self.run: list[str] = []

    def flush(self) -> None:
        merged: list[str] = []
        for tok in self.run:  # text split by a comment or a dropped tag reads as one text
            if merged and tok.startswith("text:") and merged[-1].startswith("text:"):
                merged[-1] += tok[5:]
            else:
                merged.append(tok)
        run, prev_space = [], True
        for tok in merged:
            if tok.startswith("text:"):
                text = _WS.sub(" ", tok[5:])
                if prev_space and text.startswith(" "):
                    text = text[1:]
                if text:
                    prev_space = text.endswith(" ")
                    run.append("text:" + text)
            else:
                run.append(tok)
        for i in range(len(run) - 1, -1, -1):
            if run[i].startswith("text:"):
                stripped = run[i].rstrip(" ")
                run[i : i + 1] = [stripped] if stripped != "text:" else []
                break
            if not run[i].startswith("</"):
                break
        self.tokens += run
        self.run = []

    def walk(self, node) -> None:
        if isinstance(node, str):
            self.run.append("text:" + node)
            return
        if self.opts.is_placeholder(node):
            return
        code = _code_chain(node) if node.tag in ("pre", "div", "figure") else None
        if code is not None:
            self.flush()
            self.tokens.append(_code_token(*code))
            return
        block = node.tag in BLOCK
        if block or node.tag == "br":
            self.flush()
        target = self.tokens if block else self.run
        target.append(_open_token(node, self.opts))
        if node.tag in VOID:
            if node.tag == "br":
                self.flush()
            return
        for child in node.children:
            self.walk(child)
        if block:
            self.flush()
            self.tokens.append(f"</{node.tag}>")
        else:
            self.run.append(f"</{node.tag}>")


def canonical_tokens(html: str, opts: Options | None = None) -> list[str]:
    canon = _Canon(opts or Options())
    for child in parse_html(html).children:
        canon.walk(child)
    canon.flush()
    return _drop_empty_paragraphs(canon.tokens)


def _drop_empty_paragraphs(tokens: list[str]) -> list[str]:
    # An empty <p></p> takes no space on screen: left behind by an empty include, for example.
    out: list[str] = []
    for tok in tokens:
        if tok == "</p>" and out and out[-1] == "<p>":
            out.pop()
            continue
        out.append(tok)
    return out


# ---------------------------------------------------------------- differences and their causes

QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"',
                        "«": '"', "»": '"'})  # fmt: skip
TYPO = [("…", "..."), ("—", "---"), ("–", "--"), ("\u00a0", " ")]


@dataclass
class Difference:
    cause: str
    expected: str  # Jekyll's tokens around the difference
    ours: str


@dataclass
class Comparison:
    matched: bool
    differences: list[Difference]
    size: int  # number of differing tokens, both sides

    @property
    def causes(self) -> list[str]:
        return list(dict.fromkeys(d.cause for d in self.differences))


def _tag_name(tok: str) -> str | None:
    m = re.match(r"</?([a-zA-Z0-9]+)", tok)
    return m.group(1).lower() if m else None


def _is_text(tok: str) -> bool:
    return tok.startswith("text:")


def _flat_text(tokens: list[str]) -> str:
    return "".join(t[5:] for t in tokens if _is_text(t))


def _footnote_related(tokens: list[str]) -> bool:
    return any(re.search(r'(fnref|footnote|"fn:|#fn|doc-endnote|doc-noteref)', t) for t in tokens)


def _strip_id(tok: str) -> str:
    return re.sub(r'\s?id="[^"]*"', "", tok)


def _typographic(a: str, b: str) -> bool:
    a, b = a.translate(QUOTES), b.translate(QUOTES)
    for uni, ascii_ in TYPO:
        a, b = a.replace(uni, ascii_), b.replace(uni, ascii_)
    return a == b


# Markdown syntax surviving as text: images, links, headings, list bullets.
_MD_LEFT = re.compile(r"!\[[^\]]*\]\(|\]\([^)]*\)|^text:(?:#{1,6}|[*+-]) \S")


def classify(exp: list[str], ours: list[str], context: list[str]) -> str:
    """Name the reader-visible cause of one differing region (Jekyll's `exp` vs our `ours`)."""
    both = exp + ours
    if _footnote_related(both + context[-3:]):
        return "footnotes"
    if any("{%" in t or "{{" in t for t in both if _is_text(t)):
        return "liquid"
    heads = [t for t in both if _tag_name(t) in HEADINGS and t.startswith("<h")]
    if (
        heads
        and len(exp) == len(ours)
        and [_strip_id(t) for t in exp] == [_strip_id(t) for t in ours]
    ):
        return "heading ids"
    if any(_MD_LEFT.search(t) for t in ours if _is_text(t)) and not any(
        _MD_LEFT.search(t) for t in exp if _is_text(t)
    ):
        return "markdown left as text"
    codes = [t for t in both if t.startswith("CODE[")]
    if codes:
        e = [t.split("] ", 1)[-1] for t in exp if t.startswith("CODE[")]
        o = [t.split("] ", 1)[-1] for t in ours if t.startswith("CODE[")]
        return "code highlighting" if e and e == o else "code blocks"
    if any(t.startswith(("<img", "<source")) for t in both):
        return "images"
    if all(_is_text(t) for t in both):
        a, b = _flat_text(exp), _flat_text(ours)
        if _typographic(a, b):
            return "smart quotes/typography"
        if a.replace(" ", "") == b.replace(" ", ""):
            return "text spacing"
        return "text"
    return _classify_markup(exp, ours)


def _classify_markup(exp: list[str], ours: list[str]) -> str:
    tags_e = [(_tag_name(t), t.startswith("</")) for t in exp if not _is_text(t)]
    tags_o = [(_tag_name(t), t.startswith("</")) for t in ours if not _is_text(t)]
    if tags_e == tags_o:
        if any(t.startswith("<a ") for t in exp + ours):
            return "links"
        if _flat_text(exp) == _flat_text(ours):
            changed = [_tag_name(a) for a, b in zip(exp, ours, strict=False) if a != b]
            return f"attributes of <{changed[0]}>" if changed else "attributes"
        return "text"
    names = {n for n, _ in tags_e + tags_o}
    if {"table", "thead", "tbody", "tfoot", "tr", "td", "th"} & names:
        return "tables"
    if {"dl", "dt", "dd", "abbr"} & names:
        return "definition lists/abbreviations"
    if names & BLOCK:
        return "block structure"
    return "inline markup"


def _contexts(tokens: list[str]) -> list[list[str]]:
    """For each index, the open block tags before it (innermost last)."""
    out, stack = [], []
    for tok in tokens:
        out.append(list(stack))
        name = _tag_name(tok)
        if name in BLOCK and name not in VOID:
            if tok.startswith("</"):
                if name in [_tag_name(s) for s in stack]:
                    while stack and _tag_name(stack.pop()) != name:
                        pass
            elif not tok.startswith("CODE["):
                stack.append(tok)
    out.append(list(stack))
    return out


def _snippet(tokens: list[str], limit: int = 300) -> str:
    text = " ".join(tokens)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _tail(token: str, keep: int = 60) -> str:
    """The end of the token before a difference: enough context to find it in the post."""
    return token if len(token) <= keep else "..." + token[-keep:]


def _text_window(a: str, b: str, keep: int = 60) -> tuple[str, str]:
    """Two differing text tokens cut around their first differing character."""
    at = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    start = max(5, at - keep)

    def cut(t: str) -> str:
        return ("text:..." + t[start:] if start > 5 else t)[: 2 * keep + 20]

    return cut(a), cut(b)


def _region(expected, ours, a1, a2, b1, b2) -> tuple[str, str]:
    exp, our = expected[a1:a2], ours[b1:b2]
    before_e = expected[a1 - 1 : a1] if a1 else []
    before_o = ours[b1 - 1 : b1] if b1 else []
    k = 0  # the region may start with tokens both sides share: show from the first change on
    while k < min(len(exp), len(our)) and exp[k] == our[k]:
        k += 1
    if k:
        before_e, before_o = [exp[k - 1]], [our[k - 1]]
        exp, our = exp[k:], our[k:]
    if exp and our and _is_text(exp[0]) and _is_text(our[0]):
        first_e, first_o = _text_window(exp[0], our[0])
        return _snippet([first_e, *exp[1:]]), _snippet([first_o, *our[1:]])
    return (
        _snippet([_tail(t) for t in before_e] + exp),
        _snippet([_tail(t) for t in before_o] + our),
    )


def compare_tokens(expected: list[str], ours: list[str]) -> Comparison:
    if expected == ours:
        return Comparison(True, [], 0)
    ctx = _contexts(expected)
    matcher = difflib.SequenceMatcher(None, expected, ours, autojunk=False)
    diffs: list[Difference] = []
    size, last_end = 0, (-1, -1)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        size += (i2 - i1) + (j2 - j1)
        if op == "replace" and i2 - i1 == j2 - j1:
            # Same length: token pairs line up, so each pair gets its own cause.
            regions = [(i1 + k, i1 + k + 1, j1 + k, j1 + k + 1) for k in range(i2 - i1)]
        else:
            regions = [(i1, i2, j1, j2)]
        for a1, a2, b1, b2 in regions:
            before = expected[a1 - 1 : a1] + ours[b1 - 1 : b1] if a1 and b1 else []
            cause = classify(expected[a1:a2], ours[b1:b2], ctx[a1] + before)
            if diffs and diffs[-1].cause == cause and (a1, b1) == last_end:
                diffs[-1].expected = _snippet([diffs[-1].expected, *expected[a1:a2]])
                diffs[-1].ours = _snippet([diffs[-1].ours, *ours[b1:b2]])
            else:
                diffs.append(Difference(cause, *_region(expected, ours, a1, a2, b1, b2)))
            last_end = (a2, b2)
    return Comparison(False, diffs, size)


def compare_html(expected_html: str, ours_html: str, exp_opts: Options, our_opts: Options):
    return compare_tokens(
        canonical_tokens(expected_html, exp_opts), canonical_tokens(ours_html, our_opts)
    )
