"""The exported page as one portable file: KaTeX (script, CSS, fonts as data: URIs) inlined,
and every local file the page shows (the render's file:// URLs) embedded as a data: URI, so
the HTML shows the same wherever it is moved or sent and never points into the installed
package. Files outside the blog (or, without one, the post's folder) are never read.
Pure; must not import PySide6."""

from __future__ import annotations

import base64
import html
import mimetypes
import os
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin, urlsplit

from tileditor.core.resources import resource_path

if TYPE_CHECKING:
    from tileditor.core.site import JekyllSite

# Attributes whose value is one URL a browser fetches or follows; srcset holds several.
_URL_ATTRS = {"src", "href", "poster", "data"}
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
_MATH_HINTS = ("$", "\\(", "\\[")

# The same delimiters as the preview (resources/preview/preview.js), so the export typesets
# what the preview does.
_MATH_INIT = (
    "<script>addEventListener('DOMContentLoaded',()=>{if(window.renderMathInElement)"
    "renderMathInElement(document.querySelector('.page__content'),{delimiters:["
    "{left:'$$',right:'$$',display:true},{left:'\\\\[',right:'\\\\]',display:true},"
    "{left:'\\\\(',right:'\\\\)',display:false},{left:'$',right:'$',display:false}],"
    "throwOnError:false})});</script>"
)


def data_uri(path: Path) -> str:
    data = path.read_bytes()
    return f"data:{_mime(path, data)};base64,{base64.b64encode(data).decode('ascii')}"


def _mime(path: Path, data: bytes) -> str:
    from tileditor.core.images import sniff_image_type

    kind = sniff_image_type(data)
    if kind is not None:
        return "image/svg+xml" if kind == "svg" else f"image/{kind}"
    guessed = mimetypes.guess_type(path.name)[0]
    if guessed is None and path.suffix.lower() == ".woff2":
        guessed = "font/woff2"
    return guessed or "application/octet-stream"


@cache
def math_head() -> str:
    """KaTeX's CSS with its fonts as data: URIs and its scripts, all inline ('' when not shipped)."""
    katex = resource_path("katex")
    if not (katex / "katex.min.js").is_file():
        return ""
    css = (katex / "katex.min.css").read_text(encoding="utf-8")

    def font(m: re.Match) -> str:
        ref = m.group(1).strip("'\"")
        target = katex / ref
        return f"url({data_uri(target)})" if target.is_file() else "url()"

    css = re.sub(r"url\(([^)]*)\)", font, css)
    scripts = [(katex / "katex.min.js").read_text(encoding="utf-8")]
    auto = katex / "contrib" / "auto-render.min.js"
    if auto.is_file():
        scripts.append(auto.read_text(encoding="utf-8"))
    # Neither file holds "</script" (tests/test_portable_page.py checks), so inline is safe.
    return f"<style>{css}</style>" + "".join(f"<script>{s}</script>" for s in scripts) + _MATH_INIT


def needs_math(fragment: str) -> bool:
    return any(hint in fragment for hint in _MATH_HINTS)


class _StartTags(HTMLParser):
    """Every start tag's offset, raw text and attributes (script/style bodies and comments
    are the parser's business, so a URL written in them is never taken for an attribute)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[int, int, str, list]] = []  # (line, column, raw, attrs)

    def handle_starttag(self, tag, attrs):
        raw = self.get_starttag_text() or ""
        line, col = self.getpos()
        self.tags.append((line, col, raw, [(tag, None)] + attrs))

    handle_startendtag = handle_starttag


class Embedder:
    """Rewrites the URLs in one page fragment. `root`: the folder local files may come from;
    `page_url`: the published address of the post, against which links that are neither
    local files nor absolute are made absolute (None: they stay as written)."""

    def __init__(self, root: Path | None, page_url: str | None = None) -> None:
        self.root = Path(os.path.realpath(root)) if root is not None else None
        self.page_url = page_url or None
        self.warnings: list[str] = []
        self._cache: dict[str, str] = {}

    def rewrite(self, markup: str) -> str:
        parser = _StartTags()
        parser.feed(markup)
        parser.close()
        starts = [0]
        starts.extend(m.end() for m in re.finditer("\n", markup))
        out, pos = [], 0
        for line, col, raw, attrs in parser.tags:
            at = starts[line - 1] + col
            if markup.startswith(raw, at):
                new = self._tag(raw, attrs)
                if new != raw:
                    out.append(markup[pos:at])
                    out.append(new)
                    pos = at + len(raw)
        out.append(markup[pos:])
        return "".join(out)

    def _tag(self, raw: str, attrs: list) -> str:
        changed = False
        values = []
        for name, value in attrs[1:]:
            new = value
            if value is not None and name in _URL_ATTRS:
                new = self.url(value)
            elif value is not None and name == "srcset":
                new = ", ".join(self._srcset_item(item) for item in value.split(",") if item.strip())
            changed |= new != value
            values.append((name, new))
        if not changed:
            return raw
        tag = attrs[0][0]
        text = "".join(f" {n}" if v is None else f' {n}="{html.escape(v, quote=True)}"' for n, v in values)
        return f"<{tag}{text}{' /' if raw.endswith('/>') else ''}>"

    def _srcset_item(self, item: str) -> str:
        parts = item.strip().split(None, 1)
        return " ".join([self.url(parts[0]), *parts[1:]])

    def url(self, value: str) -> str:
        """The portable form of one URL: a data: URI for a local file, the published address
        for a site link, '' for a local file the export may not read; else as written."""
        if value not in self._cache:
            self._cache[value] = self._portable(value.strip())
        return self._cache[value]

    def _portable(self, value: str) -> str:
        if not value or value.startswith("#") or value.lower().startswith("data:"):
            return value
        if value.lower().startswith("file:"):
            return self._embed(value)
        if _SCHEME.match(value) or value.startswith("//") or self.page_url is None:
            return value
        return urljoin(self.page_url, value)

    def _embed(self, url: str) -> str:
        parts = urlsplit(url)
        path = Path(os.path.realpath(unquote(parts.path))) if not parts.netloc else None
        if path is None or self.root is None or not path.is_relative_to(self.root) \
                or not path.is_file():
            self._warn(f"left out of the export (not a file of the blog): {url}")
            return ""
        try:
            return data_uri(path) + (f"#{parts.fragment}" if parts.fragment else "")
        except OSError as exc:
            self._warn(f"left out of the export: {path}: {exc.strerror or exc}")
            return ""

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def portable_html(fragment: str, meta, toc_list_html: str = "", skin: str | None = None,
                  site: JekyllSite | None = None, post_path: Path | None = None,
                  front_matter=None) -> tuple[str, list[str]]:
    """(the standalone page of `fragment`, warnings): nothing in it depends on where it lies."""
    from tileditor.core.page import standalone_html

    root = site.root if site is not None else (Path(post_path).parent if post_path else None)
    page_url = None
    if site is not None and post_path is not None and site.url:
        try:
            page_url = site.absolute_url_for(Path(post_path), front_matter)
        except Exception:  # noqa: BLE001 - a permalink the model cannot build keeps links as written
            page_url = None
    embedder = Embedder(root, page_url)
    body = embedder.rewrite(fragment)
    toc = embedder.rewrite(toc_list_html) if toc_list_html else ""
    return standalone_html(body, meta, toc, skin), embedder.warnings
