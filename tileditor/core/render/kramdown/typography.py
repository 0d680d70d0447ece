"""kramdown's typographic conversions (smart quotes from the site's `smart_quotes`, dashes,
ellipsis, guillemets) written as characters, as Jekyll's entity_output as_char does, on
Python-Markdown's smarty; plus kramdown's closing-quote rules smarty lacks. Must not import
PySide6."""

from __future__ import annotations

import html

from markdown.extensions.smarty import SmartyExtension, SubstituteTextPattern

from tileditor.core.render.kramdown.settings import KramdownSettings

_KEYS = ("left-single-quote", "right-single-quote", "left-double-quote", "right-double-quote")


def _char(entity: str) -> str:
    entity = entity.strip()
    if entity.isdigit():
        return chr(int(entity))
    return html.unescape(f"&{entity};")


def typography_extension(settings: KramdownSettings) -> SmartyExtension:
    subs = {"mdash": "\u2014", "ndash": "\u2013", "ellipsis": "\u2026",
            "left-angle-quote": "\u00ab", "right-angle-quote": "\u00bb"}
    smart, typographic = settings.quotes_on, settings.typographic
    if smart:
        parts = [p for p in str(settings.smart_quotes).split(",") if p.strip()]
        if len(parts) == 4:
            subs.update({key: _char(p) for key, p in zip(_KEYS, parts, strict=True)})
        else:
            subs.update(zip(_KEYS, ("\u2018", "\u2019", "\u201c", "\u201d"), strict=True))
    return SmartyExtension(smart_quotes=smart, smart_dashes=typographic,
                           smart_ellipses=typographic, smart_angled_quotes=typographic,
                           substitutions=subs)


def closing_quote(smarty: SmartyExtension, char: str, md) -> SubstituteTextPattern:
    """kramdown's rules that a quote ending a text run (right after `code` or *emphasis* at
    the end of a paragraph) closes unless an opening bracket or a dash is before it, and
    that Ruby's `\\s` is ASCII: a quote after a non-breaking or hair space closes
    (`Yes\u200a—\u200a"We` publishes a right quote)."""
    key = "right-double-quote" if char == '"' else "right-single-quote"
    return SubstituteTextPattern(
        rf"(?<![ \t\r\n\\[{{(\-\x02]){char}(?=$)|(?<=\x03){char}(?=$|[\s.,;:!?)])"
        rf"|(?<=[^\S\t\n\v\f\r ]){char}", (smarty.substitutions[key],), md)
