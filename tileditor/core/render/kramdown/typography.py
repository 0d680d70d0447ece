"""kramdown's typographic conversions (smart quotes from the site's `smart_quotes`, dashes,
ellipsis, guillemets) written as characters, as Jekyll's entity_output as_char does.
Must not import PySide6."""

from __future__ import annotations

import html

from markdown.extensions.smarty import SmartyExtension, SubstituteTextPattern

from tileditor.core.render.kramdown.smart_quotes import SmartQuotesTreeprocessor

_KEYS = ("left-single-quote", "right-single-quote", "left-double-quote", "right-double-quote")


def _char(entity: str) -> str:
    entity = entity.strip()
    if entity.isdigit():
        return chr(int(entity))
    return html.unescape(f"&{entity};")


class KramdownSmartyExtension(SmartyExtension):
    """Smarty's dashes, ellipses and angled quotes; the quotes follow kramdown's own rules
    (smart_quotes.py) instead of Smarty's."""

    def educateDashes(self, md) -> None:  # noqa: N802 - Smarty's name
        # kramdown's TYPOGRAPHIC_SYMS take `---` then `--` from the left in any run of
        # hyphens (`----` is an em dash and a hyphen); Smarty turns only runs of exactly 3 or 2.
        self.inlinePatterns.register(
            SubstituteTextPattern("---", (self.substitutions["mdash"],), md), "smarty-em-dashes", 50)
        self.inlinePatterns.register(
            SubstituteTextPattern("--", (self.substitutions["ndash"],), md), "smarty-en-dashes", 45)

    def educateEllipses(self, md) -> None:  # noqa: N802 - Smarty's name
        # `Wait....` is an ellipsis and a dot for kramdown.
        self.inlinePatterns.register(
            SubstituteTextPattern(r"\.\.\.", (self.substitutions["ellipsis"],), md),
            "smarty-ellipses", 10)

    def educateQuotes(self, md) -> None:  # noqa: N802 - Smarty's name
        chars = {name: self.substitutions[key] for name, key in zip(
            ("lsquo", "rsquo", "ldquo", "rdquo"), _KEYS, strict=True)}
        # Before Smarty's own pass (6), which then finds no straight quote left to turn.
        md.treeprocessors.register(SmartQuotesTreeprocessor(md, chars), "tl_smart_quotes", 6.5)


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
