"""kramdown's span extensions (`{::comment}x{:/}`, `{::nomarkdown}x{:/}`, `{::options /}`) in
running text, as its parse_extension_start_tag reads them: the body runs to the first stop
tag (`{:/}` or `{:/name}`) in the same paragraph; an opener without one, an unknown name or a
stray stop tag stays text. Must not import PySide6."""

from __future__ import annotations

import re

from markdown.inlinepatterns import HtmlInlineProcessor

from tileditor.core.render.kramdown.ial_syntax import parse_attributes

KNOWN = ("comment", "nomarkdown", "options")
# kramdown's EXT_START_STR for the names it handles (others are text).
SPAN_START = r"\{::(" + "|".join(KNOWN) + r")(?:\s((?:\\\}|[^}])*?))?(/)?\}"
_STOP = {name: re.compile(r"\{:/(?:" + name + r")?\}") for name in KNOWN}


def raw_html(attrs: str) -> bool:
    """Whether a nomarkdown body goes to HTML output: kramdown's convert_raw prints it only
    when it has no `type` or its types include html (`type="latex"` is for other outputs)."""
    kind = parse_attributes(attrs or "")[0].get("type", "")
    return not kind.split() or "html" in kind.split()


class SpanExtensionProcessor(HtmlInlineProcessor):
    """One span extension: a comment becomes `<!-- body -->`, nomarkdown its body as is (raw
    HTML, no Markdown read inside), options nothing."""

    def handleMatch(self, m, data):  # noqa: N802 (Python-Markdown's name)
        name, attrs, closed = m.group(1), m.group(2), m.group(3)
        end, body = m.end(0), None
        if not closed:
            stop = _STOP[name].search(data, end)
            if stop is None:  # "No stop tag for extension": kramdown keeps the text
                return None, None, None
            body, end = data[end:stop.start()], stop.end()
        raw = ""
        if body is not None and (name == "comment" or (name == "nomarkdown" and raw_html(attrs))):
            raw = self.backslash_unescape(self.unescape(body))
            raw = f"<!-- {raw} -->" if name == "comment" else raw
        return self.md.htmlStash.store(raw), m.start(0), end
