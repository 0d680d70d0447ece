"""Linear raw-HTML extraction: Python-Markdown's HTML block pass (html.parser underneath)
rescans to the end of the text for every `<tag` that never closes (a run of `<a ` costs
quadratic time); this twin answers those in O(1) with the same result. Must not import PySide6."""

from __future__ import annotations

from markdown.extensions.md_in_html import HtmlBlockPreprocessor, HTMLExtractorExtra
from markdown.htmlparser import void_tags

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



class _ClosingExtractor(_LinearExtractor):
    def close(self) -> None:
        # kramdown closes the elements a raw HTML block left open at the end of the text:
        # `<div>\n*foo*\n` is `<div>\n*foo*\n</div>`.
        # Void elements (`<br>`) never close; trailing blank lines are the text's, not the block's.
        if self.inraw and self.stack:
            self.goahead(True)  # the buffered rest of the text into the block first
            body = "".join(self._cache).rstrip("\n")
            ends = "".join(f"</{t}>" for t in reversed(self.stack) if t not in void_tags)
            self._cache, self.stack = [body + "\n" + ends], []
        super().close()


    # kramdown knows no declaration, processing instruction or CDATA section outside raw
    # HTML: a block-level `<!DOCTYPE html>` is text (`&lt;!DOCTYPE html&gt;`); inside a raw
    # block they stay as Python-Markdown keeps them.
    def handle_decl(self, data: str) -> None:
        self._text_or_raw(f"<!{data}>", super().handle_decl, data)

    def handle_pi(self, data: str) -> None:
        self._text_or_raw(f"<?{data}?>", super().handle_pi, data)

    def unknown_decl(self, data: str) -> None:
        end = "]]>" if data.startswith("CDATA[") else "]>"
        self._text_or_raw(f"<![{data}{end}", super().unknown_decl, data)

    def _text_or_raw(self, text: str, raw, data: str) -> None:
        if self.inraw:
            raw(data)
        else:
            self.handle_data(text)


class KramdownHtmlBlockPreprocessor(LinearHtmlBlockPreprocessor):
    """The linear pass, closing what an unclosed raw HTML block left open, as kramdown does."""

    def run(self, lines: list[str]) -> list[str]:
        parser = _ClosingExtractor(self.md)
        parser.feed("\n".join(lines))
        parser.close()
        return "".join(parser.cleandoc).split("\n")
