"""Autolinks as kramdown's AUTOLINK_START finds them: only `mailto:`, `http(s):` and
`ftp(s):` URLs (lowercase, up to the first `>`) or an address of letters, digits, `-`, `_`
and `.` around one `@`; `<irc://x>`, `<MAILTO:X@Y>` and `<a+b@c.d>` are text. The URL keeps
its backslashes as typed (`<http://a.b/\\[>`). Must not import PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import util
from markdown.inlinepatterns import AutolinkInlineProcessor, AutomailInlineProcessor

from tileditor.core.render.kramdown import stash

AUTOLINK = r"<((mailto|https?|ftps?):[^\n]+?|[\w.-]+?@[\w.-]+?)>"  # Ruby's `.`: no newline
_ESCAPED = re.compile(stash.STX + r"(\d+)" + stash.ETX)  # what the escape pattern leaves


class KramdownAutolinkProcessor(AutolinkInlineProcessor):
    """One pattern for both of Python-Markdown's (`automail` is removed); a mail address is
    written as Python-Markdown's automail writes it (entities, as kramdown obfuscates it)."""

    def __init__(self, md):
        super().__init__(AUTOLINK, md)
        self.mail = AutomailInlineProcessor(AUTOLINK, md)

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's name
        if m.group(2) in (None, "mailto"):
            return self.mail.handleMatch(m, data)
        # An escape the pattern above took comes back as `\` and its character: typed.
        raw = _ESCAPED.sub(lambda e: "\\" + chr(int(e.group(1))), self.unescape(m.group(1)))
        el = etree.Element("a")
        el.set("href", raw)
        el.text = util.AtomicString(raw)
        return el, m.start(0), m.end(0)
