"""kramdown's typographic conversions (smart quotes from the site's `smart_quotes`, dashes,
ellipsis, guillemets) written as characters, as Jekyll's entity_output as_char does.
Must not import PySide6."""

from __future__ import annotations

import html

from markdown.extensions.smarty import SmartyExtension, SubstituteTextPattern

_KEYS = ("left-single-quote", "right-single-quote", "left-double-quote", "right-double-quote")


def _char(entity: str) -> str:
    entity = entity.strip()
    if entity.isdigit():
        return chr(int(entity))
    return html.unescape(f"&{entity};")


class KramdownSmartyExtension(SmartyExtension):
    """Smarty, plus kramdown's rules that a quote ending a text run (right after `code` or
    *emphasis* at the end of a paragraph) closes unless an opening bracket or a dash is
    before it, and that Ruby's `\\s` is ASCII: a quote after a non-breaking or hair space
    closes (`Yes\u200a—\u200a"We` publishes a right quote)."""

    def educateQuotes(self, md) -> None:
        super().educateQuotes(md)
        for char, key in (('"', "right-double-quote"), ("'", "right-single-quote")):
            pattern = SubstituteTextPattern(
                rf"(?<![ \t\r\n\\[{{(\-\x02]){char}(?=$)|(?<=\x03){char}(?=$|[\s.,;:!?)])"
                rf"|(?<=[^\S\t\n\v\f\r ]){char}", (self.substitutions[key],), md)
            self.inlinePatterns.register(pattern, f"tl-closing-{key}", 31)


def typography_extension(quotes, typographic: bool) -> SmartyExtension:
    subs = {"mdash": "\u2014", "ndash": "\u2013", "ellipsis": "\u2026",
            "left-angle-quote": "\u00ab", "right-angle-quote": "\u00bb"}
    smart = quotes is not False and str(quotes).lower() not in ("false", "none", "")
    if smart:
        parts = [p for p in str(quotes).split(",") if p.strip()]
        if len(parts) == 4:
            subs.update({key: _char(p) for key, p in zip(_KEYS, parts, strict=True)})
        else:
            subs.update(zip(_KEYS, ("\u2018", "\u2019", "\u201c", "\u201d"), strict=True))
    return KramdownSmartyExtension(smart_quotes=smart, smart_dashes=typographic,
                           smart_ellipses=typographic, smart_angled_quotes=typographic,
                           substitutions=subs)
