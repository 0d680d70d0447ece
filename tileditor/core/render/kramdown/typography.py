"""kramdown's typographic conversions (smart quotes from the site's `smart_quotes`, dashes,
ellipsis, guillemets) written as characters, as Jekyll's entity_output as_char does, on
Python-Markdown's smarty for dashes, ellipses and guillemets; the quotes follow kramdown's own
rules (smart_quotes.py) instead of smarty's. Must not import PySide6."""

from __future__ import annotations

import html
import re

from markdown.extensions.smarty import SmartyExtension, SubstituteTextPattern

from tileditor.core.render.kramdown.settings import KramdownSettings
from tileditor.core.render.kramdown.smart_quotes import SmartQuotesTreeprocessor

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
    return KramdownSmartyExtension(smart_quotes=smart, smart_dashes=typographic,
                                   smart_ellipses=typographic, smart_angled_quotes=typographic,
                                   substitutions=subs)


class KramdownSmartyExtension(SmartyExtension):
    """Smarty without its quote rules: the bundle's tl_smart_quotes row turns the quotes
    (and its smarty rows replace the dash and ellipsis patterns)."""

    def educateQuotes(self, md) -> None:  # noqa: N802 - smarty's name
        pass


def smart_quotes_processor(smarty: SmartyExtension, md) -> SmartQuotesTreeprocessor:
    """kramdown's quote rules with the site's four quote characters."""
    chars = {name: smarty.substitutions[key] for name, key in zip(
        ("lsquo", "rsquo", "ldquo", "rdquo"), _KEYS, strict=True)}
    return SmartQuotesTreeprocessor(md, chars)


def symbol(smarty: SmartyExtension, md, text: str) -> SubstituteTextPattern:
    """kramdown's TYPOGRAPHIC_SYMS take `---` and `...` from the left of any run
    (`----` is an em dash and a hyphen, `Wait....` an ellipsis and a dot); smarty turns
    only runs of exactly that length."""
    key = {"---": "mdash", "...": "ellipsis"}[text]
    return SubstituteTextPattern(re.escape(text), (smarty.substitutions[key],), md)


def spaced_guillemet(smarty: SmartyExtension, md, text: str) -> SubstituteTextPattern:
    """kramdown's laquo_space and raquo_space: `<< ` and ` >>` keep their space as a
    no-break space (`<< a >>` is `«\u00a0a\u00a0»`); smarty drops nothing but breaks there."""
    if text == "<< ":
        return SubstituteTextPattern(r"\<\< ", (smarty.substitutions["left-angle-quote"]
                                                 + "\u00a0",), md)
    return SubstituteTextPattern(r" \>\>", ("\u00a0" + smarty.substitutions["right-angle-quote"],),
                                 md)
