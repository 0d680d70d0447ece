"""Image sources in the final HTML (Markdown images, raw `<img>` in any case, links to image
files) resolved through a callable, so the preview shows the repository's files; absolute
URLs go through it too (they may point at the blog's own domain). No PySide6."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

IMG_SRC = re.compile(r"(<img\b[^>]*?\bsrc\s*=\s*)(\"[^\"]*\"|'[^']*'|[^\s>\"']+)", re.I)
_A = re.compile(r"(<a\b[^>]*?\bhref\s*=\s*)(\"[^\"]*\"|'[^']*'|[^\s>\"']+)", re.I)
_IMAGE_EXT = re.compile(r"\.(png|jpe?g|gif|webp|svg|bmp|avif)(?:[?#].*)?$", re.I)


def resolve_images(markup: str, resolve: Callable[[str], str | None] | None
                   ) -> tuple[str, list[tuple[str, str | None]], list[str]]:
    """(new html, [(src, url or None)], warnings)."""
    found: list[tuple[str, str | None]] = []
    warnings: list[str] = []
    cache: dict[str, str | None] = {}

    def lookup(src: str) -> str | None:
        if src not in cache:
            cache[src] = resolve(src) if resolve else None
        return cache[src]

    def img(m):
        src = html.unescape(_unquote(m.group(2)))
        remote = re.match(r"^(?:[a-z][a-z0-9+.-]*:|//)", src, re.I)
        if not src or src.lower().startswith(("data:", "file:")):
            url = src
        else:
            url = lookup(src)
            if url is None and remote:
                url = src  # really remote (not the blog's own domain): shown from the web
        found.append((src, url))
        if url is None:
            msg = f"image not found: {src}"
            if msg not in warnings:
                warnings.append(msg)
            return m.group(0)
        return f'{m.group(1)}"{html.escape(url, quote=True)}"'

    def link(m):
        href = html.unescape(_unquote(m.group(2)))
        if not _IMAGE_EXT.search(href) or re.match(r"^[a-z][a-z0-9+.-]*://", href, re.I):
            return m.group(0)
        url = lookup(href)
        return m.group(0) if url is None else f'{m.group(1)}"{html.escape(url, quote=True)}"'

    markup = IMG_SRC.sub(img, markup)
    markup = _A.sub(link, markup)
    return markup, found, warnings


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
