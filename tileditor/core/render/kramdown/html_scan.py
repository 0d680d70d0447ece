"""Linear raw-HTML extraction: Python-Markdown's HTML block pass (html.parser underneath)
rescans to the end of the text for every `<tag` that never closes (a run of `<a ` costs
quadratic time); this twin answers those in O(1) with the same result. Must not import PySide6."""

from __future__ import annotations

import re

from markdown.extensions.md_in_html import HtmlBlockPreprocessor, HTMLExtractorExtra
from markdown.htmlparser import void_tags

from tileditor.core.render.kramdown.angle_text import TAG

# html.parser's start-tag regex can only stop before the end of the text at one of these (or
# at a `/` right before a `>`); past the last of them, every attribute-like run is consumed
# to the end, which it reports as an incomplete tag (-1).
_STOPS = (">", "=", "'", '"', "\x00")


class _LinearExtractor(HTMLExtractorExtra):
    _tl_raw: str | None = None
    _tl_last_stop = -1

    def check_for_whole_start_tag(self, i: int) -> int:
        raw = self.rawdata
        if raw is not self._tl_raw:
            self._tl_raw, self._tl_last_stop = raw, max(raw.rfind(c) for c in _STOPS)
        if i > self._tl_last_stop:
            return -1
        return super().check_for_whole_start_tag(i)


class LinearHtmlBlockPreprocessor(HtmlBlockPreprocessor):
    """md_in_html's HTML block pass on the linear extractor."""

    def run(self, lines: list[str]) -> list[str]:
        parser = _LinearExtractor(self.md)
        parser.feed("\n".join(lines))
        parser.close()
        return "".join(parser.cleandoc).split("\n")



# A line after which a line-start `<script>` still belongs to the text above (kramdown's
# LAZY_END_HTML_SPAN_ELEMENTS holds script): not blank, a heading, a rule or setext line, an
# IAL, a fence or a stashed block's placeholder.
_NOT_TEXT = re.compile(r"\s*$|[ ]{0,3}(?:#|\{:|```|~~~|[=\-*_ \t]+$|<)|.*[\x02\x03]")


def _as_text(raw: str) -> str:
    return raw.replace("<", "&lt;").replace(">", "&gt;")


class _ClosingExtractor(_LinearExtractor):
    _tl_script: list[str] | None = None  # a paragraph's `<script>` element, being read

    def handle_starttag(self, tag, attrs) -> None:
        if self.inraw and TAG.fullmatch(self.get_starttag_text()) is None:
            # kramdown's HTML_TAG_RE reads no tag here (`<a href=http://x>`): text
            self._cache.append(_as_text(self.get_starttag_text()))
            return
        # kramdown's pattern is case-sensitive: `<SCRIPT>` ends the paragraph
        if (tag == "script" and not self.inraw and not self.intail and self.at_line_start()
                and self.get_starttag_text().startswith("<script") and self._after_text_line()):
            self._tl_script = [self.get_starttag_text()]
            return
        if (not self.inraw and not self.intail and self.offset and self.at_line_start()
                and self.md.is_block_level(tag) and self.cleandoc):
            # `  <iframe>`: the indent before a block's start tag is no line of text (left
            # there, Python-Markdown's paragraph above runs on over it as a hard break)
            last = self.cleandoc[-1]
            if last.rstrip(" \t").endswith("\n"):
                self.cleandoc[-1] = last.rstrip(" \t")
        super().handle_starttag(tag, attrs)

    def handle_comment(self, data: str) -> None:
        # kramdown's paragraph runs on over a comment line (its LAZY_END_HTML_START needs an
        # element's name): the comment stays in the paragraph above
        if (not self.inraw and not self.intail and self._tl_script is None
                and self.at_line_start() and self._after_text_line()):
            if "\n\n" in data:  # the paragraph ends at the blank line: no comment, text
                self.handle_data(f"<!--{data}-->")
            else:
                self.cleandoc.append(self.md.htmlStash.store(f"<!--{data}-->"))
            return
        super().handle_comment(data)

    def handle_data(self, data: str) -> None:
        if self._tl_script is not None:
            self._tl_script.append(data)
        else:
            super().handle_data(data)

    def handle_endtag(self, tag) -> None:
        if self.inraw and tag not in self.stack:
            # kramdown's parse_raw_html: a closing tag of no open element is text
            self._cache.append(_as_text(self.get_endtag_text(tag)))
            return
        if self._tl_script is not None and tag == "script":
            # the element stays in its paragraph, stashed whole (kramdown: raw content)
            element = "".join(self._tl_script) + self.get_endtag_text(tag)
            self._tl_script = None
            self.cleandoc.append(self.md.htmlStash.store(element))
            return
        super().handle_endtag(tag)

    def _after_text_line(self) -> bool:
        start = self.line_offset
        if start == 0:
            return False
        prev = self.rawdata[self.rawdata.rfind("\n", 0, start - 1) + 1:start - 1]
        return not _NOT_TEXT.match(prev)

    def close(self) -> None:
        # kramdown closes the elements a raw HTML block left open at the end of the text:
        # `<div>\n*foo*\n` is `<div>\n*foo*\n</div>`.
        # Void elements (`<br>`) never close; trailing blank lines are the text's, not the block's.
        if self._tl_script is not None:  # never closed: text, as Python-Markdown leaves it
            self.goahead(True)
            self.cleandoc.extend(self._tl_script)
            self._tl_script = None
        if self.inraw and self.stack:
            self.goahead(True)  # the buffered rest of the text into the block first
            if self.rawdata:  # an unclosed <script> or <style>: html.parser holds it back
                self.handle_data(self.rawdata)
                self.rawdata = ""
            body = "".join(self._cache).rstrip("\n")
            ends = "".join(f"</{t}>" for t in reversed(self.stack) if t not in void_tags)
            self._cache, self.stack = [body + "\n" + ends], []
        super().close()


    # kramdown knows no declaration, processing instruction or CDATA section outside raw
    # HTML: a block-level `<!DOCTYPE html>` is text (`&lt;!DOCTYPE html&gt;`); inside a raw
    # block they stay as Python-Markdown keeps them.
    # Inside raw HTML kramdown's parse_raw_html starts nothing at `<!` but a comment: a
    # declaration or CDATA section there is text too (escaped); a PI stays raw.
    def handle_decl(self, data: str) -> None:
        self._text_or_raw(f"<!{data}>", None, data)

    def parse_html_declaration(self, i: int) -> int:
        if self.inraw and not self.rawdata.startswith("<!--", i) and not (
                self.at_line_start() or self.intail):
            self._cache.append("&lt;!")  # mid-line in raw HTML: text as well
            return i + 2
        return super().parse_html_declaration(i)

    def handle_pi(self, data: str) -> None:
        self._text_or_raw(f"<?{data}?>", super().handle_pi, data)

    def unknown_decl(self, data: str) -> None:
        end = "]]>" if data.startswith("CDATA[") else "]>"
        self._text_or_raw(f"<![{data}{end}", None, data)

    def _text_or_raw(self, text: str, raw, data: str) -> None:
        if self.inraw and raw is not None:
            raw(data)
        elif self.inraw:
            self._cache.append(_as_text(text))
        else:
            self.handle_data(text)


_PLACEHOLDER_LINE = re.compile(r"\x02wzxhzdk:\d+\x03")


class KramdownHtmlBlockPreprocessor(LinearHtmlBlockPreprocessor):
    """The linear pass, closing what an unclosed raw HTML block left open, as kramdown does."""

    def __init__(self, md, holder=None):
        super().__init__(md)
        self.holder = holder

    def run(self, lines: list[str]) -> list[str]:
        parser = _ClosingExtractor(self.md)
        parser.feed("\n".join(lines))
        parser.close()
        out = "".join(parser.cleandoc).split("\n")
        if self.holder is not None and self.md.htmlStash.html_counter:
            self._no_boundary_after_blocks(lines, out)
        return out

    def _no_boundary_after_blocks(self, lines: list[str], out: list[str]) -> None:
        """A line right under a raw HTML block (no blank line between) starts after no
        block boundary in kramdown: no table or setext heading there. Python-Markdown put a
        blank line between; the line is found as the one that followed a tag's `>`."""
        under_tag = {lines[i + 1] for i in range(len(lines) - 1)
                     if lines[i].rstrip().endswith(">") and lines[i + 1].strip()}
        if not under_tag:
            return
        for k, line in enumerate(out):
            if not _PLACEHOLDER_LINE.fullmatch(line):
                continue
            j = k + 1
            while j < len(out) and j <= k + 3 and not out[j].strip():
                j += 1
            if j < len(out) and j > k + 1 and out[j] in under_tag:
                self.holder.state.no_boundary_lines.add(out[j])
