"""Images of a post: sniffing image bytes, where an imported image goes, the URL and snippet
to insert in the blog's own style; re-exports reference finding and resolution.
Plans only: writing the file is the caller's job. Must not import PySide6."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from tileditor.core.images.refs import ImageRef, find_image_references, front_matter_image_refs
from tileditor.core.images.resolve import resolve_reference

__all__ = [
    "ImageRef", "ImportPlan", "NotAnImageError", "find_image_references",
    "front_matter_image_refs", "plan_import", "post_image_dir", "resolve_reference",
    "sniff_image_type", "image_url",
]

_EXT = {"png": ".png", "jpeg": ".jpg", "gif": ".gif", "webp": ".webp", "svg": ".svg",
        "bmp": ".bmp", "avif": ".avif"}


class NotAnImageError(ValueError):
    """The bytes are not an image type a browser shows."""


def sniff_image_type(data: bytes) -> str | None:
    head = bytes(data[:512])
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"BM") and len(head) >= 26:
        return "bmp"
    if head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis"):
        return "avif"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<svg"):
        return "svg"
    if text.startswith((b"<?xml", b"<!doctype svg", b"<!--")) and b"<svg" in bytes(
        data[:4096]
    ).lower():
        return "svg"
    return None


@dataclass(frozen=True)
class ImportPlan:
    dest: Path  # where the file goes (or already is, when reuse_existing)
    folder: Path
    reuse_existing: bool
    url: str
    snippet: str


def post_image_dir(site, post_path) -> Path:
    """`<image_root>/<post file stem>/` under the site root."""
    root = site.conventions().image_root or "images"
    return site.root / root / Path(post_path).stem


def safe_name(name_hint: str, kind: str) -> str:
    """A file name with no spaces or path parts and the extension the bytes really have."""
    base = re.split(r"[\\/]", str(name_hint or ""))[-1]
    base = unicodedata.normalize("NFC", base)
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    stem = re.sub(r"[^\w-]+", "-", stem, flags=re.UNICODE).strip("-_.") or "image"
    ext = "." + ext.lower() if ext else ""
    if kind == "jpeg" and ext in (".jpg", ".jpeg"):
        return stem + ext
    return stem + _EXT[kind]


def _same_bytes_file(folder: Path, data: bytes) -> Path | None:
    if not folder.is_dir():
        return None
    for p in sorted(folder.iterdir()):
        try:
            if p.is_file() and p.stat().st_size == len(data) and p.read_bytes() == data:
                return p
        except OSError:
            continue
    return None


def _unique(folder: Path, name: str) -> Path:
    stem, ext = name.rsplit(".", 1)
    cand, n = folder / name, 2
    while cand.exists():
        cand, n = folder / f"{stem}-{n}.{ext}", n + 1
    return cand


def image_url(site, post_path, image: Path, style: str | None = None,
              front_matter=None) -> str:
    """The URL for `image` in `post_path` in the blog's link style, valid when published."""
    style = style or site.conventions().image_link_style
    rel = image.relative_to(site.root).as_posix().replace(" ", "%20")
    if style == "relative":
        page = site.page_url(post_path, front_matter)
        folder = page if page.endswith("/") else page.rsplit("/", 1)[0] + "/"
        levels = folder.strip("/").count("/") + 1 if folder.strip("/") else 0
        return "../" * levels + rel
    if style == "site-path":
        return (site.baseurl or site.site_path_prefix) + "/" + rel
    if style == "baseurl-liquid":
        return "{{ site.baseurl }}/" + rel
    if style == "url-liquid":
        return "{{ site.url }}{{ site.baseurl }}/" + rel
    if style == "relative_url-liquid":
        return "{{ '/" + rel + "' | relative_url }}"
    if style == "absolute" and site.url:
        return site.url + site.baseurl + "/" + rel
    return site.baseurl + "/" + rel


def snippet_for(site, url: str, alt: str = "") -> str:
    conv = site.conventions()
    if conv.image_markup == "markdown":
        clean = alt.replace("[", "").replace("]", "")
        return f"![{clean}]({url})"
    width = f' width="{conv.image_width}"' if conv.image_width else ""
    alt_attr = f' alt="{alt}"' if alt else ""
    return f'<center><img src="{url}"{alt_attr}{width}></center>'


def plan_import(site, post_path, data: bytes, name_hint: str, alt: str = "",
                front_matter=None) -> ImportPlan:
    """Where image `data` goes for `post_path`, and what to insert in the post.

    `front_matter` is the post's current (maybe unsaved) header; without it the saved file's
    header is used, and it decides the post's URL and so a relative link's depth."""
    kind = sniff_image_type(data)
    if kind is None:
        raise NotAnImageError(f"{name_hint or 'the data'} is not a PNG, JPEG, GIF, WebP, SVG, "
                              "BMP or AVIF image")
    folder = post_image_dir(site, post_path)
    same = _same_bytes_file(folder, data)
    dest = same if same is not None else _unique(folder, safe_name(name_hint, kind))
    url = image_url(site, post_path, dest, front_matter=front_matter)
    return ImportPlan(dest=dest, folder=folder, reuse_existing=same is not None, url=url,
                      snippet=snippet_for(site, url, alt))
