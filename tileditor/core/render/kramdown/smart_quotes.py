"""kramdown's smart quotes, rule for rule (its parser/kramdown/smart_quotes.rb): a quote is
read with the character before it, unless another span took that one, through SQ_RULES in
order; Ruby's `\\w` and `\\s` are ASCII while its `\\b` knows Unicode letters. So `" "`
gives two left quotes and `"("` a left quote after the bracket, as on the site.
Must not import PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

_WS = r"[ \t\n\v\f\r]"
_WORD = r"[A-Za-z0-9_]"
_PUNCT = r"""[!"#$%'()*+,\-./:;<=>?@\[\\\]^_`{|}~]"""
_CLOSE = r"[^ \\\t\r\n\[{(-]"
# (pattern, what each group or quote becomes): an int emits that group as text; "l1"/"r1"
# (quote in group 1) and "l2"/"r2" (quote in group 2) open or close by the quote's kind.
_RULES = [
    (re.compile(r"""(["'])(?=[_*]{1,2}[^ \t\n\v\f\r])"""), ["l1"]),
    (re.compile(rf"""(["'])(?={_PUNCT}(?!\.\.)\B)"""), ["r1"]),
    (re.compile(rf"""({_WS}?)"'(?={_WORD})"""), [1, "ldquo", "lsquo"]),
    (re.compile(rf"""({_WS}?)'"(?={_WORD})"""), [1, "lsquo", "ldquo"]),
    (re.compile(rf"""({_WS}?)'(?=[0-9][0-9]s)"""), [1, "rsquo"]),
    (re.compile(rf"""({_WS})(['"])(?={_WORD})"""), [1, "l2"]),
    (re.compile(rf"""({_CLOSE})(['"])"""), [1, "r2"]),
    (re.compile(rf"""(["'])(?={_WS}|s\b|$)""", re.MULTILINE), ["r1"]),
    (re.compile(r"(.?)'", re.DOTALL), [1, "lsquo"]),
    (re.compile(r'(.?)"', re.DOTALL), [1, "ldquo"]),
]
# Where a span parser may start: a quote with the character before it (unless a parser
# tried before smart quotes claims that character: emphasis, code, HTML, links), what other
# spans already took (stash placeholders), or a typographic symbol, which takes its characters.
_START = re.compile("[^\\\\\x02\x03*_`<\\[]?[\"']|\x02[^\x03]*\x03|---|--|\\.\\.\\.|\\\\<<|\\\\>>"
                    "|<< | >>|<<|>>")


def educate(text: str, chars: dict[str, str], after: str = "", stash=None) -> str:
    """`text` (one run of inline text) with its quotes as kramdown publishes them; `chars`
    maps lsquo, rsquo, ldquo and rdquo to the site's characters; `after` is the Markdown
    that follows the run (the next element's opening), which the rules may look at, as
    they look at the Markdown a stash placeholder stands for (`stash` gives it)."""
    if '"' not in text and "'" not in text:
        return text
    end = len(text)
    source = text + after.replace('"', "#").replace("'", "#")
    if "\x02" in source:
        source = _PLACEHOLDER.sub(lambda m: _stands_for(m, stash), source)
    out: list[str] = []
    pos = 0
    while (m := _START.search(source, pos, end)) is not None:
        if source[m.end() - 1] not in "\"'":
            out.append(text[pos:m.end()])  # a symbol or a stashed span: not ours
            pos = m.end()
            continue
        out.append(text[pos:m.start()])
        pos = _apply(source, text, m.start(), chars, out)
    out.append(text[pos:])
    return "".join(out)


_PLACEHOLDER = re.compile("\x02(?:wzxhzdk:(\\d+)|(\\d+)|[^\x03]*)\x03")


def _stands_for(m: re.Match, stash) -> str:
    """The first two characters of the Markdown a placeholder replaced (a backslash escape,
    math, raw HTML), padded to the placeholder's length so positions stay put."""
    if m.group(2):
        head = "\\" + chr(int(m.group(2)))
    elif m.group(1) and stash is not None and int(m.group(1)) < len(stash.rawHtmlBlocks):
        raw = str(stash.rawHtmlBlocks[int(m.group(1))])
        head = "$$" if raw.startswith(("\\(", "\\[")) else raw[:2]
    else:
        head = "\x02"
    head = (head.replace('"', "#").replace("'", "#") or "\x02")[:2]
    return "\x02" + head[1:] if len(m.group(0)) < 2 else head + "\x03" * (len(m.group(0)) - len(head))


def _apply(source: str, text: str, at: int, chars: dict[str, str], out: list[str]) -> int:
    """Apply the first rule matching `source` at `at`; what it keeps is taken from `text`
    (the same positions, without placeholders read as Markdown)."""
    for pattern, substs in _RULES:
        m = pattern.match(source, at)
        if m is None:
            continue
        for subst in substs:
            if isinstance(subst, int):
                out.append(text[m.start(subst):m.end(subst)])
            elif subst in chars:
                out.append(chars[subst])
            else:
                quote = m.group(int(subst[1]))
                side = "l" if subst[0] == "l" else "r"
                out.append(chars[side + ("d" if quote == '"' else "s") + "quo"])
        return m.end()
    out.append(text[at])  # unreachable: the last two rules take any quote
    return at + 1


# The Markdown that opens and closes an inline element, as the rules would have seen it.
_OPEN = {"em": "*", "strong": "**", "code": "`", "a": "[", "img": "![", "sup": "[^", "del": "~~",
         "br": "  \n"}
_CLOSE = {"em": "*", "strong": "**", "code": "`", "a": "](", "del": "~~"}
_INLINE = frozenset("a abbr b big br cite code del dfn em i img kbd mark q s small span strong "
                    "sub sup u".split())
_SKIP = frozenset(("code", "pre", "script", "style"))


class SmartQuotesTreeprocessor(Treeprocessor):
    """Every run of inline text outside code: an element's text starts a run (the quote
    has no character before it), so does the text after an element; each run sees the
    Markdown that follows it."""

    def __init__(self, md, chars: dict[str, str]):
        super().__init__(md)
        self.chars = chars

    def run(self, root: etree.Element) -> None:
        for el in root.iter():
            kids = list(el)
            if el.tag not in _SKIP and _plain(el.text):
                el.text = educate(el.text, self.chars, _opening(kids[0]) if kids else _closing(el),
                                  self.md.htmlStash)
            for k, child in enumerate(kids):
                if _plain(child.tail):
                    after = _opening(kids[k + 1]) if k + 1 < len(kids) else _closing(el)
                    child.tail = educate(child.tail, self.chars, after, self.md.htmlStash)


def _plain(text) -> bool:
    return bool(text) and not isinstance(text, AtomicString)


def _opening(el: etree.Element) -> str:
    return _OPEN.get(el.tag, "") + (el.text or "x")[:1]


def _closing(el: etree.Element) -> str:
    """What follows an element's content: its closing Markdown and the text after it; the
    end of the text for a block."""
    if el.tag not in _INLINE:
        return ""
    return _CLOSE.get(el.tag, "") + (el.tail or "")[:1]
