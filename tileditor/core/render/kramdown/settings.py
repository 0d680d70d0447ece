"""KramdownSettings: what shapes a Markdown converter (the site's `kramdown:` config with the
call's RenderOptions on top), frozen so it keys the per-thread converter cache. Qt-free (no
PySide6)."""

from __future__ import annotations

from dataclasses import dataclass

_DEFAULT_QUOTES = "lsquo,rsquo,ldquo,rdquo"  # Jekyll's default smart_quotes


@dataclass(frozen=True)
class KramdownSettings:
    smart_quotes: str | bool = _DEFAULT_QUOTES  # four entities, or False: straight quotes
    typographic: bool = True  # -- en dash, --- em dash, ... ellipsis, << >> guillemets
    toc_levels: tuple[int, ...] = (1, 2, 3, 4, 5, 6)
    auto_ids: bool = True
    gfm: bool = True  # input: GFM (Jekyll's default) or kramdown

    @classmethod
    def of(cls, site, options) -> KramdownSettings:
        """The settings for rendering with `options` (a RenderOptions) on `site` (duck-typed
        JekyllSite with a `kramdown` mapping, or None)."""
        kd = dict(site.kramdown or {}) if site is not None else {}
        quotes = options.smart_quotes if options.smart_quotes is not None else kd.get(
            "smart_quotes", _DEFAULT_QUOTES)
        if isinstance(quotes, (list, tuple)):
            quotes = ",".join(str(q) for q in quotes)
        auto_ids = options.auto_ids if options.auto_ids is not None else bool(
            kd.get("auto_ids", True))
        mode = (options.input or kd.get("input") or "GFM").lower()
        return cls(smart_quotes=quotes, typographic=options.typographic,
                   toc_levels=tuple(options.toc_levels or levels(kd.get("toc_levels"))),
                   auto_ids=auto_ids, gfm=mode == "gfm")

    @property
    def quotes_on(self) -> bool:
        """Whether quotes become typographic (kramdown's smart_quotes not switched off)."""
        quotes = self.smart_quotes
        return quotes is not False and str(quotes).lower() not in ("false", "none", "")


def levels(value) -> tuple[int, ...]:
    """kramdown's toc_levels in any of its spellings (`[2, 3]`, `"2..3"`, `"2,3"`)."""
    if isinstance(value, (list, tuple)):
        return tuple(int(v) for v in value if str(v).isdigit())
    if isinstance(value, str) and ".." in value:
        lo, _, hi = value.partition("..")
        try:
            return tuple(range(int(lo), int(hi) + 1))
        except ValueError:
            pass
    if isinstance(value, str) and value.strip():
        return tuple(int(v) for v in value.replace(",", " ").split() if v.isdigit())
    return (1, 2, 3, 4, 5, 6)
