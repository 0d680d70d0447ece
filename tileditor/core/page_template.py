"""Builds the preview page (a Minimal Mistakes post page) from a RenderResult and page metadata:
the full HTML for a first load and the parts a later patch replaces (ui/preview_pane.py loads
and patches it). Pure string work, so it lives in the Qt-free core."""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tileditor.core.resources import resources_dir
from tileditor.core.skins import skin_css

if TYPE_CHECKING:  # only for the annotations: the UI thread must not import the renderer early
    from tileditor.core.render import RenderResult

NONE = "'none'"
_MARKER = re.compile(r"@(CSP|BASE|CSS|SKIN|HEAD_EXTRA|META|TAXONOMY|TITLE|CONTENT)@")
PARTS = ("title", "title_text", "meta", "content", "taxonomy")


def resource_dir() -> Path:
    """The resources folder (shared lookup in tileditor.core.resources)."""
    return resources_dir()


def katex_dir() -> Path | None:
    """The vendored KaTeX folder, or None when it was not shipped."""
    path = resource_dir() / "katex"
    return path if (path / "katex.min.js").is_file() else None


@cache
def _read(name: str) -> str:
    return (resource_dir() / "preview" / name).read_text(encoding="utf-8")


def page_css() -> str:
    """The skin-independent rules; the colours come from `skin_css` (own <style>, swappable)."""
    return _read("preview.css")


def app_script_source() -> str:
    """KaTeX (when vendored) followed by tileditor's own preview.js, as one ordered script."""
    pieces = []
    kdir = katex_dir()
    if kdir is not None:
        pieces.append((kdir / "katex.min.js").read_text(encoding="utf-8"))
        auto = kdir / "contrib" / "auto-render.min.js"
        if auto.is_file():
            pieces.append(auto.read_text(encoding="utf-8"))
    pieces.append(_read("preview.js"))
    return ";\n".join(pieces)


def content_security_policy(allow_scripts: bool, block_remote: bool) -> str:
    """CSP for the page: no page scripts, no fetch/XHR, remote content only when allowed.
    tileditor's own scripts run in Qt's ApplicationWorld, which this policy does not govern."""
    remote = "" if block_remote else " http: https:"
    scripts = f"'unsafe-inline' 'unsafe-eval' file:{remote}" if allow_scripts else "'none'"
    return "; ".join(
        [
            "default-src 'none'",
            f"img-src file: data: blob:{remote}",
            f"media-src file: data: blob:{remote}",
            f"style-src 'unsafe-inline' file:{remote}",
            f"font-src file: data:{remote}",
            f"script-src {scripts}",
            "connect-src 'none'",
            f"frame-src {remote.strip() or NONE}",
            "object-src 'none'",
            "form-action 'none'",
        ]
    )


def _as_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [v for v in value.split() if v]
    if isinstance(value, (list, tuple, set)):
        return [str(v) for v in value if v is not None and str(v) != ""]
    return [str(value)]


def meta_html(page_meta: dict) -> str:
    items = []
    if page_meta.get("date"):
        items.append(
            '<span class="page__meta-date">'
            f'<time>{html.escape(str(page_meta["date"]))}</time></span>'
        )
    if page_meta.get("reading_time"):
        items.append(
            '<span class="page__meta-readtime">'
            f'{html.escape(str(page_meta["reading_time"]))}</span>'
        )
    return '<span class="page__meta-sep"></span>'.join(items)


def taxonomy_html(page_meta: dict) -> str:
    out = []
    for key, label in (("tags", "Tags"), ("categories", "Categories")):
        values = _as_list(page_meta.get(key))
        if not values:
            continue
        items = '<span class="sep"> </span>'.join(
            f'<a class="page__taxonomy-item" rel="tag">{html.escape(v)}</a>' for v in values
        )
        out.append(
            f'<p class="page__taxonomy page__taxonomy--{key}"><strong>{label}: </strong>'
            f"<span>{items}</span></p>"
        )
    return "".join(out)


def _toc_from_headings(headings: list) -> str:
    """Nested <ul> for [(level, id, text)], for results that carry no toc_html."""
    if not headings:
        return ""
    out: list[str] = []
    depth_stack: list[int] = []
    for level, hid, text in headings:
        while depth_stack and depth_stack[-1] > level:
            out.append("</li></ul>")
            depth_stack.pop()
        if depth_stack and depth_stack[-1] == level:
            out.append("</li>")
        else:
            out.append("<ul>")
            depth_stack.append(level)
        out.append(f'<li><a href="#{html.escape(str(hid))}">{html.escape(str(text))}</a>')
    out.append("</li></ul>" * len(depth_stack))
    return "".join(out)


def toc_html(result: RenderResult | None, page_meta: dict) -> str:
    """The sidebar table of contents (`result` None: the empty page, which has none)."""
    if not page_meta.get("toc") or result is None:
        return ""
    inner = result.toc_html or _toc_from_headings(result.headings or [])
    if not inner:
        return ""
    if "toc__menu" not in inner[:80]:
        inner = inner.replace("<ul>", '<ul class="toc__menu">', 1)
    label = html.escape(str(page_meta.get("toc_label") or "On this page"))
    return (
        '<aside class="sidebar__right"><nav class="toc"><header>'
        f'<h4 class="nav__title">{label}</h4></header>'
        f"{inner}</nav></aside>"
    )


BLOCK_MARK = "<!--tlb-->"  # before each block group (see preview.js patchBlocks)
TAIL_MARK = "<!--tlt-->"  # before the endnotes


# A post's own `<!--tlb-->` (or `--!>`, which browsers also accept as a comment end) would
# read as a marker and shift every later patch: its comment text gets a space.
_FORGED_MARK = re.compile(r"<!--(tl[bt])--!?>")


# A post's `<meta http-equiv="refresh">` would navigate the preview away; Chromium does not
# ask the page before going to about:blank, so the tag is made inert here instead.
_REFRESH = re.compile(r"(<meta\b[^>]*?\bhttp-equiv\s*=\s*[\"']?)(refresh)", re.I)


def _unforged(markup: str) -> str:
    if "<!--tl" in markup:
        markup = _FORGED_MARK.sub(r"<!--\1 -->", markup)
    if "http-equiv" in markup.lower():
        markup = _REFRESH.sub(r"\1x-refresh-blocked-in-preview", markup)
    return markup


def blocks_html(blocks) -> str:
    """Block groups as the page holds them: each after its marker comment, so a later patch
    can find group k without diffing the page."""
    return "".join(f"{BLOCK_MARK}{_unforged(b)}" for b in blocks)


def content_html(result: RenderResult | None) -> str:
    """The post body: the result's HTML, cut at its block groups when it carries them (an
    IncrementalResult does; None: the empty page)."""
    if result is None:
        return ""
    if not result.blocks:
        return _unforged(str(result.html or ""))
    return blocks_html(result.blocks) + TAIL_MARK + _unforged(result.tail or "")


def head_parts(result: RenderResult | None, page_meta: dict) -> dict[str, str]:
    """The small parts (title, meta, taxonomy): cheap to build and compare on every edit."""
    title = str(page_meta.get("title") or (result.title if result is not None else "") or "")
    return {
        "title": html.escape(title),
        "title_text": title,
        "meta": meta_html(page_meta),
        "taxonomy": taxonomy_html(page_meta),
    }


def page_parts(result: RenderResult | None, page_meta: dict) -> dict[str, str]:
    """The variable parts of the page, keyed like PARTS (all HTML except `title_text`); None
    for `result`: the empty page (loaded early to start the web engine)."""
    parts = head_parts(result, page_meta)
    parts["content"] = toc_html(result, page_meta) + content_html(result)
    return parts


def full_page(parts: dict[str, str], base_url: str, csp: str, skin: str = "default") -> str:
    """The whole page document for a first (or forced) load, in Minimal Mistakes skin `skin`."""
    head_extra = ""
    kdir = katex_dir()
    if kdir is not None:
        css_url = (kdir / "katex.min.css").as_uri()
        head_extra = f'<link rel="stylesheet" href="{html.escape(css_url)}">'
    replacements = {
        "@CSP@": html.escape(csp),
        "@BASE@": html.escape(base_url),
        "@CSS@": page_css(),
        "@SKIN@": skin_css(skin),
        "@HEAD_EXTRA@": head_extra,
        "@META@": parts["meta"],
        "@TAXONOMY@": parts["taxonomy"],
        "@TITLE@": parts["title"],
        "@CONTENT@": parts["content"],
    }
    # One pass, so text in the post that looks like a marker is never substituted.
    return _MARKER.sub(lambda m: replacements[m.group(0)], _read("page.html"))
