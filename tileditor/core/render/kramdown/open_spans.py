"""Span HTML as kramdown's HTML span parser ends it: an element left open (`Foo <b>bar` and
the paragraph ends) is closed at the end of its text block, or of the inline element it was
opened in; a closing tag that is not the innermost open element's is text (`<b>x <i>y</b>`
shows `</b>`); and a non-void element written self-closing (`<a/>`) gets its closing tag.
Python-Markdown passes each tag through alone, so the page's parser would close them
somewhere else (or never). Must not import PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import util
from markdown.inlinepatterns import HtmlInlineProcessor
from markdown.treeprocessors import Treeprocessor

from tileditor.core.render.kramdown import stash
from tileditor.core.render.kramdown.inline_triggers import forward_only
from tileditor.core.render.kramdown.raw_elements import VOID_ELEMENTS, element_value, is_known

_OPEN = re.compile(r"<([^\W\d][\w.:-]*)(.*?)(/?)>\Z", re.DOTALL)
_CLOSE = re.compile(r"</([^\W\d][\w.:-]*)\s*>\Z")
# Elements holding inline content of their parent's text block: a tag opened inside one is
# closed at its end; any other child (a nested list, a block) ends the text block. An image
# or a line break is inline too (`<a href="x">![i](y.png)</a>` keeps the image in the link).
_INLINE = frozenset("a abbr b bdo big br cite code del dfn em i img ins kbd mark q s samp small "
                    "span strong sub sup tt u var".split())


@forward_only
class InlineHtmlProcessor(HtmlInlineProcessor):
    """Python-Markdown's raw inline HTML (one tag, comment or declaration at a time) that
    notes which placeholder holds which tag; `<a/>` is stored as `<a></a>`."""

    def __init__(self, pattern: str, md, holder):
        super().__init__(pattern, md)
        self.holder = holder

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's name
        if data.startswith(("<?", "<!"), m.start(0)) and not data.startswith("<!--", m.start(0)):
            # kramdown's HTML_SPAN_START knows no processing instruction, declaration or
            # CDATA section in running text: `foo <?php echo 1; ?>` shows as typed.
            return "<", m.start(0), m.start(0) + 1
        raw = self.backslash_unescape(self.unescape(m.group(1)))
        tag = None
        if (opened := _OPEN.match(raw)) is not None:
            name = element_value(opened.group(1))
            if name.lower() not in VOID_ELEMENTS:
                if opened.group(3):
                    raw = f"<{opened.group(1)}{opened.group(2).rstrip()}></{opened.group(1)}>"
                else:
                    tag = ("open", name)
        elif (closed := _CLOSE.match(raw)) is not None:
            tag = ("close", element_value(closed.group(1)))
        placeholder = stash.store_inline(self.md, raw)
        if tag is not None:
            self.holder.state.inline_tags[placeholder] = tag
        return placeholder, m.start(0), m.end(0)


class CloseOpenSpansTreeprocessor(Treeprocessor):
    """After inline parsing: closes what each text block left open, and turns a closing tag
    that does not close the innermost open element into text."""

    def __init__(self, md, holder):
        super().__init__(md)
        self.holder = holder

    def run(self, root: etree.Element) -> None:
        if not self.holder.state.inline_tags:
            return
        for el in root.iter():
            if el.tag not in _INLINE:
                self._scope(el)

    def _scope(self, el: etree.Element) -> None:
        """One text block's scope: el.text, its inline children (each a scope of its own)
        and their tails, up to the first other child; then again after each such child."""
        stack: list[str] = []
        counts: dict[str, int] = {}  # name -> how many `stack` holds (no O(depth) search)
        last = (el, "text")
        self._read(el, "text", stack, counts)
        for child in el:
            if child.tag in _INLINE:
                self._scope(child)
            else:
                self._close(last, stack)
                stack, counts = [], {}
            last = (child, "tail")
            self._read(child, "tail", stack, counts)
        self._close(last, stack)

    def _read(self, owner: etree.Element, attr: str, stack: list[str],
              counts: dict[str, int]) -> None:
        text = getattr(owner, attr)
        if not text or stash.STX not in text:
            return
        tags = self.holder.state.inline_tags

        def visit(m: re.Match) -> str:
            tag = tags.get(m.group(0))
            if tag is None:
                return m.group(0)
            kind, name = tag
            if kind == "open":
                stack.append(name)
                counts[name] = counts.get(name, 0) + 1
            elif stack and stack[-1] == name:
                stack.pop()
                counts[name] -= 1
            elif counts.get(name) or (stack and not is_known(stack[-1])):
                # It closes an element further out, or none while one kramdown does not
                # know is open (raw inside, `<SoMe>` closed by `</SoMe>` alone): text.
                return stash.store_inline(self.md, f"&lt;/{name}&gt;")
            return m.group(0)

        setattr(owner, attr, util.HTML_PLACEHOLDER_RE.sub(visit, text))

    def _close(self, last: tuple[etree.Element, str], stack: list[str]) -> None:
        if not stack:
            return
        owner, attr = last
        closers = "".join(f"</{name}>" for name in reversed(stack))
        setattr(owner, attr, (getattr(owner, attr) or "") + stash.store_inline(self.md, closers))
