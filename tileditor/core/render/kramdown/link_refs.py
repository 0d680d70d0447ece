"""Reference links as kramdown resolves them (parser/kramdown/link.rb, 2.4): after `[text]`,
any run of spaces or line breaks may come before `[id]`; the id is compared as typed
(backslashes kept, spaces collapsed, case folded), an empty one or none at all means the
text, read with its escapes. When the id has no definition, kramdown makes nothing of it:
the `[` is text and reading goes on right after it, so `[foo][bar][baz]` with only `baz`
defined is `[foo]` then a link `bar`, and `[foo][nope]` links nothing even if `foo` is
defined. Python-Markdown allows one space before `[id]`, reads the id unescaped, skips the
whole `[text][id]` when it fails and lets the shortcut pattern link `[text]` after all.
Must not import PySide6."""

from __future__ import annotations

import re

from markdown.inlinepatterns import IMAGE_REFERENCE_RE, ImageReferenceInlineProcessor

from tileditor.core.render.kramdown.link_scan import LinearReferenceProcessor
from tileditor.core.render.kramdown.link_urls import Escapes, KramdownParens, read_destination

_ID = re.compile(r"[ \t\r\n\f\v]*\[([^\]]*)\]")  # kramdown's \s*?\[([^\]]+)?\]
_SPACES = re.compile(r"\s+")
_PLACEHOLDER_WIDTH = 16  # a stashed node's placeholder is at most this long; it reads as 1+


def _normal(link_id: str) -> str:
    return _SPACES.sub(" ", link_id).lower()


REFERENCE_RE = r"!?\["  # kramdown's LINK_START: links and images, read left to right


class KramdownReferenceProcessor(LinearReferenceProcessor):
    """`[text][id]`, `[text][]`, `[text]` and their `![...]` images, one pattern for all:
    reading left to right, `![j][k]` is an image before `[k]` can be a link."""

    _parens: KramdownParens | None = None
    _longest: tuple[object, int] = (None, -1)  # (the inline pass's stash, longest id)

    def _longest_id(self, refs: dict, run: object) -> int:
        """The longest defined id's length (-1: none), once per inline pass (`run`, its
        node stash, held so no later pass can reuse its id): the block pass has read every
        definition before any link."""
        seen, longest = self._longest
        if seen is not run:
            longest = max(map(len, refs), default=-1)
            self._longest = (run, longest)
        return longest

    def handleMatch(self, m, data):  # noqa: N802 (Python-Markdown's name)
        image = m.group(0).startswith("!")
        inline = self.md.treeprocessors["inline"]
        if self._parens is None:
            self._parens = KramdownParens()
        if not image and "a" in inline.ancestors:
            return None, None, None  # no link inside a link's text (an image may be)
        text, index, handled = self.getText(data, m.end(0))
        if not handled:
            return None, None, None
        if not image and text.startswith("^"):
            return None, None, None  # `[^1]`: footnote syntax, text when no note is defined
        explicit = _ID.match(data, index)
        if explicit is None and data.startswith("(", index):
            # `[text](...)`: the inline link pattern's, and nothing inside it is a reference
            # link (kramdown reads on past it); a `(` that makes no link: the `[` is text.
            self._parens.escapes = Escapes(inline.stashed_nodes)
            link = read_destination(data, index, self._parens)
            return None, (None if link is None else m.start(0)), (None if link is None else link[2])
        refs = self.md.references
        longest = self._longest_id(refs, inline.stashed_nodes)
        if explicit is None or not explicit.group(1):
            if len(text) > _PLACEHOLDER_WIDTH * longest + 64:
                return None, None, None  # longer than any id, even after reading placeholders
        escapes = Escapes(inline.stashed_nodes)
        if explicit is not None and explicit.group(1):
            link_id, end = escapes.raw(explicit.group(1)), explicit.end()
        else:
            link_id = escapes.plain(text)
            end = index if explicit is None else explicit.end()
        found = refs.get(_normal(link_id)) if longest >= 0 else None
        if found is None:  # the `[` stays text; the pattern goes on right after it
            return None, None, None
        href, title = found
        if image:
            return ImageReferenceInlineProcessor.makeTag(self, href, title, text), m.start(0), end
        return self.makeTag(href, title, text), m.start(0), end


# The pattern each Python-Markdown row reads with in the kramdown bundle, which drops the
# shortcut rows (this one reads `[text]` too; a failed `[text][id]` stays text). The image
# row stays for link text, where only patterns below the link's (160) still run.
KRAMDOWN = {"reference": REFERENCE_RE, "image_reference": IMAGE_REFERENCE_RE}
