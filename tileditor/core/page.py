"""What the page around a post shows (title, date, tags, reading time, TOC flag) and the
standalone HTML page used by `tileditor export`. Pure; must not import PySide6."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tileditor.core.frontmatter import as_datetime, as_list
from tileditor.core.portable_page import math_head, needs_math
from tileditor.core.resources import resource_path
from tileditor.core.skins import site_skin, skin_css

if TYPE_CHECKING:
    from tileditor.core.site import JekyllSite

_FILE_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-")


@dataclass(frozen=True)
class PageMeta:
    title: str = ""
    date: str = ""  # ISO date shown under the title
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    reading_time: str = ""
    toc: bool = False
    toc_label: str = "On this page"
    skin: str = "default"  # the site's minimal_mistakes_skin
    extra: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "title": self.title,
            "date": self.date,
            "tags": list(self.tags),
            "categories": list(self.categories),
            "reading_time": self.reading_time,
            "toc": self.toc,
            "toc_label": self.toc_label,
            "skin": self.skin,
        }


def date_from_filename(path: Path | None) -> datetime | None:
    if path is None:
        return None
    m = _FILE_DATE.match(path.name)
    if not m:
        return None
    try:
        return datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def word_count(html_fragment: str) -> int:
    """Words of the published text, as Liquid's `strip_html | number_of_words` counts them."""
    return len(re.sub(r"<[^>]+>", " ", html_fragment).split())


def reading_time(html_fragment: str, words_per_minute: int = 200, words: int | None = None) -> str:
    """Minimal Mistakes' read-time wording (integer division, as its Liquid does)."""
    words = word_count(html_fragment) if words is None else words
    wpm = max(1, int(words_per_minute or 200))
    if words < wpm:
        return "less than 1 minute read"
    if words == wpm:
        return "1 minute read"
    return f"{words // wpm} minute read"


def page_meta(front_matter: dict, html_fragment: str, site: JekyllSite | None = None,
              post_path: Path | None = None) -> PageMeta:
    """The page header values, with the site's front-matter defaults under the post's own keys."""
    values: dict = {}
    if site is not None and post_path is not None:
        try:
            values.update(site.defaults_for(post_path))
        except Exception:  # defaults are a nicety; a broken config must not stop the preview
            pass
    values.update(front_matter or {})
    when = as_datetime(values.get("date")) or date_from_filename(post_path)
    wpm = site.words_per_minute if site is not None else 200
    title = values.get("title")
    if title is None and post_path is not None:
        title = _FILE_DATE.sub("", post_path.stem).replace("-", " ")
    show_time = values.get("read_time", True)
    words = word_count(html_fragment)
    return PageMeta(
        title=str(title or ""),
        date=when.strftime("%Y-%m-%d") if when else "",
        tags=tuple(as_list(values.get("tags")) + as_list(values.get("tag"))),
        categories=tuple(as_list(values.get("categories")) + as_list(values.get("category"))),
        reading_time=reading_time(html_fragment, wpm, words) if show_time not in (False, "false") else "",
        toc=bool(values.get("toc")) and values.get("toc") not in ("false", "False"),
        toc_label=str(values.get("toc_label") or "On this page"),
        skin=site_skin(site.config if site is not None else None),
        extra={"words": words, "minutes": words // max(1, int(wpm or 200))},
    )


def header_html(meta: PageMeta) -> str:
    """Minimal Mistakes' page header markup (page__title, page__meta)."""
    parts = [f'<h1 id="page-title" class="page__title">{html.escape(meta.title)}</h1>']
    bits = []
    if meta.date:
        bits.append(f'<span class="page__meta-date"><time datetime="{meta.date}">{meta.date}</time></span>')
    if meta.reading_time:
        bits.append(f'<span class="page__meta-readtime">{html.escape(meta.reading_time)}</span>')
    if bits:
        parts.append('<p class="page__meta">' + '<span class="page__meta-sep"></span>'.join(bits) + "</p>")
    return "<header>" + "".join(parts) + "</header>"


def taxonomy_html(meta: PageMeta) -> str:
    rows = []
    for label, items in (("Tags", meta.tags), ("Categories", meta.categories)):
        if items:
            links = ", ".join(f'<a class="page__taxonomy-item">{html.escape(t)}</a>' for t in items)
            rows.append(f'<p class="page__taxonomy"><strong>{label}: </strong>{links}</p>')
    return '<footer class="page__meta">' + "".join(rows) + "</footer>" if rows else ""


def toc_html(meta: PageMeta, toc_list_html: str) -> str:
    if not meta.toc or not toc_list_html:
        return ""
    return (
        '<aside class="sidebar__right"><nav class="toc"><header><h4 class="nav__title">'
        f"{html.escape(meta.toc_label)}</h4></header>{toc_list_html}</nav></aside>"
    )


def standalone_html(fragment: str, meta: PageMeta, toc_list_html: str = "",
                    skin: str | None = None) -> str:
    """A self-contained page: the preview's CSS and KaTeX inlined, no scripts of its own; in
    skin `skin` (what the preview shows), else the site's own skin."""
    css = ""
    p = resource_path("preview", "preview.css")
    if p.is_file():
        css += p.read_text(encoding="utf-8") + "\n"
    css += skin_css(skin or meta.skin)
    # KaTeX inline (its fonts as data: URIs), never linked into the installed package, and only
    # when the text may hold math: the page must show the same wherever it is moved.
    math = math_head() if needs_math(fragment) else ""
    return (
        "<!doctype html>\n<html><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(meta.title)}</title><style>{css}</style>{math}</head>"
        '<body><div id="main"><article class="page">'
        f"{toc_html(meta, toc_list_html)}<div class=\"page__inner-wrap\">{header_html(meta)}"
        f'<section class="page__content">{fragment}</section>{taxonomy_html(meta)}'
        "</div></article></div></body></html>\n"
    )
