"""Image findings: references the published page cannot load (resolved as the site resolves
them, through tileditor.core.images.plan), including links that only work relative to the file
(Typora, the preview's fallback) but not on the site; and pictures in the blog's image
folders that no post, draft, page or config mentions. Must not import PySide6."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from tileditor.core.images import (
    find_image_references,
    front_matter_image_refs,
    resolve_reference,
    site_paths_for,
)

from .model import Finding, ScannedFile

if TYPE_CHECKING:
    from tileditor.core.site import JekyllSite

IMAGE_EXTS = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".avif", ".ico",
              ".tif", ".tiff", ".heic")
_TEXT_EXTS = (".md", ".markdown", ".html", ".htm", ".yml", ".yaml", ".json", ".scss", ".sass",
              ".css", ".js", ".liquid", ".xml", ".txt", ".toml")
_SKIP_DIRS = {"_site", ".git", "node_modules", "vendor", ".jekyll-cache", ".sass-cache",
              ".bundle", "__pycache__"}
_NAME = re.compile(r"[^\s/\\\"'()<>\[\]=]+\.(?:" + "|".join(e[1:] for e in IMAGE_EXTS) + r")\b",
                   re.I)


def _norm(path: Path) -> str:
    return unicodedata.normalize("NFC", os.path.normpath(path.as_posix()))


class _PostUrls:
    """The site as the resolver (core/images) reads it, with each post's URL computed once
    per check (the resolver asks for it for every reference; the header cannot change during
    a check). Carries exactly the JekyllSite fields the resolver reads."""

    def __init__(self, site: JekyllSite):
        self._site = site
        self.root, self.config, self.excludes = site.root, site.config, site.excludes
        self.url, self.baseurl, self.site_path_prefix = site.url, site.baseurl, site.site_path_prefix
        self._page: dict[str, str] = {}
        self._public: dict[str, str] = {}

    def page_url(self, path, front_matter=None) -> str:
        key = str(path)
        if key not in self._page:
            self._page[key] = self._site.page_url(path, front_matter)
        return self._page[key]

    def public_url_path(self, path, front_matter=None) -> str:
        key = str(path)
        if key not in self._public:
            self._public[key] = self._site.public_url_path(path, front_matter)
        return self._public[key]


def image_findings(site: JekyllSite, files: list[ScannedFile]) -> list[Finding]:
    site = _PostUrls(site)
    used: set[str] = set()
    opaque: set[str] = set()  # file names of references we cannot evaluate ({{ page.x }})
    out: list[Finding] = []
    for f in files:
        out += _broken(site, f, used, opaque)
    out += _orphans(site, files, used, opaque)
    return out


def _refs(f: ScannedFile):
    """(src, line, from_front_matter) of each image reference of a file."""
    body_line = f.line_at(f.body_start)
    for ref in find_image_references(f.body):
        yield ref.src, body_line + f.body.count("\n", 0, ref.start), False
    for src in front_matter_image_refs(f.values):
        yield src, f.header_line_with(src), True


def _broken(site, f: ScannedFile, used: set[str], opaque: set[str]) -> list[Finding]:
    out = []
    for src, line, from_fm in _refs(f):
        probe = "/" + src if from_fm and not src.startswith(("/", "{", "http", ".")) else src
        wanted = site_paths_for(site, f.path, probe, f.values)
        if not wanted:
            if "{{" in src or "{%" in src:
                opaque.update(_names_in(src))
            continue  # another site's URL, data:, or Liquid we cannot evaluate
        hit = resolve_reference(site, f.path, src, f.values, from_front_matter=from_fm)
        if hit is not None:
            used.add(_norm(hit))
            rel = Path(os.path.relpath(hit, site.root)).as_posix()
            names = {unicodedata.normalize("NFC", unquote(w).strip("/")) for w in wanted}
            if unicodedata.normalize("NFC", rel) in names:
                continue
            out.append(Finding(f.path, line, "broken_image",
                               f"{src} works only relative to the file (Typora, the preview); "
                               f"the published page requests {wanted[0]}, which does not exist"))
            continue
        out.append(Finding(f.path, line, "broken_image",
                           f"{src}: no such file (the page requests {wanted[0]})"))
    return out


def _image_dirs(site, used: set[str]) -> list[Path]:
    """The folders the blog's pictures live in: those its links point into, and the usual
    ones (the site's conventions detect the same roots, at a higher price)."""
    roots = {"images", "assets/images", "assets/img", "img"}
    base = _norm(site.root) + "/"
    for p in used:
        parts = Path(p[len(base):]).parts if p.startswith(base) else ()
        if len(parts) >= 3 and parts[0] in ("assets", "wp-content", "static", "public"):
            roots.add("/".join(parts[:2]))
        elif len(parts) >= 2:
            roots.add(parts[0])
    dirs = [site.root / r for r in sorted(roots)]
    return [d for d in dirs if d.is_dir() and not d.name.startswith(("_", "."))]


def _orphans(site, files: list[ScannedFile], used: set[str], opaque: set[str]
             ) -> list[Finding]:
    candidates = []
    for folder in _image_dirs(site, used):
        for dirpath, dirnames, names in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS)
            for n in sorted(names):
                p = Path(dirpath) / n
                if p.suffix.lower() in IMAGE_EXTS and _norm(p) not in used:
                    candidates.append(p)
    if not candidates:
        return []
    # Posts' own references were resolved above; other files are only searched for names.
    mentioned = _mentioned_names(site, files) | opaque
    out = []
    for p in candidates:
        name = unicodedata.normalize("NFC", p.name).lower()
        if name in mentioned:
            continue  # named somewhere we cannot resolve (a layout, _data, a {{ page.x }})
        out.append(Finding(p, 1, "orphan_image",
                           "no post, draft, page or config references this image"))
    return out


def _mentioned_names(site, files: list[ScannedFile]) -> set[str]:
    """Every image file name written in the site's other text files (lower case): pages,
    layouts, includes, _data, the config."""
    texts: list[str] = []
    scanned = {f.path for f in files}
    for dirpath, dirnames, names in os.walk(site.root):
        dirnames[:] = [d for d in dirnames if d not in _SKIP_DIRS]
        for n in names:
            p = Path(dirpath) / n
            if p.suffix.lower() in _TEXT_EXTS and p not in scanned:
                try:
                    if p.stat().st_size < 2_000_000:
                        texts.append(p.read_text(encoding="utf-8", errors="replace"))
                except OSError:
                    continue
    found: set[str] = set()
    for text in texts:
        found.update(_names_in(text))
    return found


def _names_in(text: str) -> set[str]:
    return {unicodedata.normalize("NFC", unquote(m.group(0))).rsplit("/", 1)[-1].lower()
            for m in _NAME.finditer(text)}
