"""Inline code spans as kramdown reads them: a run of N backticks closes at the next N
backticks (even inside a longer run), a lone backtick between spaces is text, a
single-backtick span keeps its spaces (`fit `method shows "fit " then "method") and a longer
one drops one space at each end. Jekyll's kramdown+rouge marks them `<code
class="language-plaintext highlighter-rouge">`; the theme styles them by that class.
Must not import PySide6."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import util
from markdown.inlinepatterns import BACKTICK_RE, BacktickInlineProcessor
from markdown.treeprocessors import Treeprocessor

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
    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            if parent.tag == "pre":
                continue
            for child in parent:
                if child.tag == "code" and not child.get("class"):
                    child.set("class", "language-plaintext highlighter-rouge")


def backtick_processor() -> KramdownBacktickProcessor:
    return KramdownBacktickProcessor(BACKTICK_RE)
