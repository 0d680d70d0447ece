"""Inline code spans as kramdown reads them: a run of N backticks closes at the next N
backticks (even inside a longer run), a lone backtick between spaces is text, a
single-backtick span keeps its spaces (`fit `method shows "fit " then "method") and a longer
one drops one space at each end. Jekyll's kramdown+rouge marks them `<code
class="language-plaintext highlighter-rouge">`; the theme styles them by that class.
Must not import PySide6."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown import util
from markdown.inlinepatterns import BACKTICK_RE, BacktickInlineProcessor
from markdown.treeprocessors import Treeprocessor

from tileditor.core.render.highlight import highlight_code
from tileditor.core.render.highlight.rouge_names import rouge_knows
from tileditor.core.render.kramdown import angle_text

_ASCII_SPACE = " \t\n\v\f\r"  # Ruby's \s


class KramdownBacktickProcessor(BacktickInlineProcessor):
    """kramdown's parse_codespan in place of Python-Markdown's CommonMark pairing."""

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's name
        if m.group(1):  # escaped backslashes before the run
            return m.group(1).replace("\\\\", self.ESCAPED_BSLASH), m.start(0), m.end(0)
        begin = m.start(0)
        end = begin
        while end < len(data) and data[end] == "`":
            end += 1
        run = data[begin:end]
        if angle_text.inside_tag(data, begin):
            return None, begin, end  # kramdown read the tag or autolink first: text in it
        if len(run) == 1 and (begin == 0 or data[begin - 1] in _ASCII_SPACE) and (
                end < len(data) and data[end] in _ASCII_SPACE):
            return None, begin, end
        close = data.find(run, end)
        if close < 0:
            return None, begin, end  # no closer: the run is text
        code = data[end:close]
        if len(run) > 1:
            code = code[1:] if code.startswith(" ") else code
            code = code[:-1] if code.endswith(" ") else code
        el = etree.Element(self.tag)
        el.text = util.AtomicString(util.code_escape(code))
        return el, begin, close + len(run)


class InlineCodeTreeprocessor(Treeprocessor):
    """kramdown's convert_codespan with rouge: the span's language (a `.language-x` IAL
    class, else plaintext) highlights it and goes first in its class, `highlighter-rouge`
    last; in a language Rouge has no lexer for, the span stays as the IAL left it."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            if parent.tag == "pre":
                continue
            for child in parent:
                if child.tag == "code":
                    _convert_codespan(child)


_LANGUAGE = re.compile(r"\blanguage-(\S+)")
_FIRST = re.compile(r"\blanguage-\S+|(^)")


def _convert_codespan(code: etree.Element) -> None:
    cls = code.get("class")
    found = _LANGUAGE.search(cls or "")
    lang = found.group(1) if found else "plaintext"
    if not rouge_knows(lang):
        return
    if found and len(code) == 0 and code.text:
        spans = highlight_code(html.unescape(code.text), lang)
        try:
            tree = etree.fromstring(f"<code>{spans}</code>")
        except etree.ParseError:  # a character XML refuses: keep the plain text
            tree = None
        if tree is not None:
            code.text = util.AtomicString(tree.text or "")
            code[:] = list(tree)
            for span in code:
                span.text = util.AtomicString(span.text or "")
                span.tail = util.AtomicString(span.tail or "")
    # add_syntax_highlighter_to_class_attr: the class plus ` highlighter-rouge`, its first
    # `language-x` (or its start) made `language-<lang>`.
    value = f"{cls or ''} highlighter-rouge".lstrip()
    value = _FIRST.sub(lambda m: f"language-{lang}" + (" " if m.group(1) is not None else ""),
                       value, count=1)
    code.set("class", value)


def backtick_processor() -> KramdownBacktickProcessor:
    return KramdownBacktickProcessor(BACKTICK_RE)
