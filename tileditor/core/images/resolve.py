"""Resolving an image reference of a post to a file in the repo the way the published site
would (Liquid url filters, baseurl or url path, the post's URL, own-domain URLs), with Typora's
root and the post's folder as last fallbacks. Never returns a path outside the site root.
Must not import PySide6."""

from __future__ import annotations

import os
import posixpath
import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

_LIQUID_VAR = re.compile(r"\{\{-?\s*site\.(url|baseurl)\s*-?\}\}")
_LIQUID_FILTER = re.compile(
    r"""\{\{-?\s*(?:"([^"]*)"|'([^']*)')\s*\|\s*(relative_url|absolute_url)\s*-?\}\}""")
_LIQUID_PREPEND = re.compile(
    r"""\{\{-?\s*(?:"([^"]*)"|'([^']*)')\s*\|\s*prepend:\s*site\.(url|baseurl)\s*"""
    r"""(?:\|\s*prepend:\s*site\.(url|baseurl)\s*)?-?\}\}""")
_LIQUID_LINK = re.compile(r"\{%-?\s*link\s+(\S+)\s*-?%\}")


def expand_liquid(site, src: str) -> str | None:
    """The URL a src with Jekyll's url Liquid renders to; None when other Liquid remains."""
    def var(m):
        return site.url if m.group(1) == "url" else site.baseurl

    def filt(m):
        path = m.group(1) if m.group(1) is not None else m.group(2)
        if not path.startswith("/") and "://" not in path:
            path = "/" + path
        if "://" in path:
            return path
        base = site.baseurl + path
        return site.url + base if m.group(3) == "absolute_url" else base

    def prepend(m):
        path = m.group(1) if m.group(1) is not None else m.group(2)
        for name in (m.group(3), m.group(4)):
            if name:
                path = (site.url if name == "url" else site.baseurl) + path
        return path

    out = _LIQUID_FILTER.sub(filt, src)
    out = _LIQUID_PREPEND.sub(prepend, out)
    out = _LIQUID_VAR.sub(var, out)
    out = _LIQUID_LINK.sub(lambda m: site.baseurl + "/" + m.group(1).lstrip("/"), out)
    if "{{" in out or "{%" in out:
        return None
    return out


def _host(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def _strip_prefix(path: str, prefixes) -> list[str]:
    """Site-internal paths a public URL path may mean (with baseurl/url path removed)."""
    out = []
    for prefix in prefixes:
        if prefix and (path == prefix or path.startswith(prefix + "/")):
            out.append(path[len(prefix):] or "/")
    out.append(path)
    return list(dict.fromkeys(out))


def page_folders(site, post_path: Path, front_matter=None) -> tuple[str, ...]:
    """The folders a relative `src` is resolved against: the page as the browser sees it
    (under baseurl, or under the url's path when baseurl is empty), then as Jekyll names it,
    for sites actually served at the domain root. The same for every image of one post, so
    a caller resolving many can compute it once."""
    pages = (site.public_url_path(post_path, front_matter), site.page_url(post_path, front_matter))
    return tuple(page if page.endswith("/") else posixpath.dirname(page) + "/" for page in pages)


def site_paths_for(site, post_path: Path, src: str, front_matter=None,
                   folders: tuple[str, ...] | None = None) -> list[str]:
    """Site-root paths ('/images/x.png') the browser would request for `src`, best first.
    `folders`: page_folders() of the post, if the caller has them."""
    url = expand_liquid(site, src.strip().strip("<>").strip())
    if url is None or not url or url.startswith(("data:", "mailto:", "#")):
        return []
    url = url.split("#", 1)[0].split("?", 1)[0]
    prefixes = [p for p in (site.baseurl, site.site_path_prefix) if p]
    if url.startswith("//") or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url):
        own = _host(site.url)
        full = url if not url.startswith("//") else "https:" + url
        if not own or _host(full) != own:
            return []
        return _strip_prefix(urlsplit(full).path or "/", prefixes)
    if url.startswith("/"):
        return _strip_prefix(url, prefixes)
    paths: list[str] = []
    for folder in folders or page_folders(site, post_path, front_matter):
        joined = posixpath.normpath(posixpath.join(folder, url))
        paths += _strip_prefix("/" + joined.lstrip("/"), prefixes)
    return list(dict.fromkeys(paths))


def find_file(root: Path, rel: str) -> Path | None:
    """The file at `rel` under `root`, tolerating NFC/NFD differences; never outside root."""
    parts = [p for p in rel.split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        return None
    direct = root.joinpath(*parts)
    if direct.is_file():
        return direct
    here = root
    for part in parts:
        want = unicodedata.normalize("NFC", part)
        try:
            names = os.listdir(here)
        except OSError:
            return None
        match = next((n for n in names if unicodedata.normalize("NFC", n) == want), None)
        if match is None:
            return None
        here = here / match
    return here if here.is_file() else None


def _inside(root: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except (ValueError, OSError):
        return False


def _published(site, rel: str) -> bool:
    """Whether Jekyll copies files at `rel` to the site ('_' and '.' folders and excluded
    paths are not published unless the config's `include` names them)."""
    from tileditor.core.site import is_excluded

    rel = rel.strip("/")
    include = site.config.get("include") or []
    include = [str(i).strip("/") for i in include if i] if isinstance(include, list) else []
    if any(rel == i or rel.startswith(i + "/") for i in include):
        return True
    if any(part.startswith(("_", ".", "#", "~")) for part in rel.split("/")):
        return False
    return not is_excluded(rel, site.excludes)


def _decoded(path: str) -> list[str]:
    return list(dict.fromkeys([unquote(path), path]))


def resolve_reference(site, post_path: Path, src: str, front_matter=None,
                      from_front_matter: bool = False,
                      folders: tuple[str, ...] | None = None) -> Path | None:
    """The repo file `src` shows on the published page of `post_path`, or None.
    `folders`: page_folders() of the post, if the caller has them."""
    root = site.root
    src = (src or "").strip()
    if not src:
        return None
    if from_front_matter and not src.startswith(("/", "{", "http:", "https:", "//", ".")):
        src = "/" + src  # theme templates pass these through relative_url
    for site_path in site_paths_for(site, Path(post_path), src, front_matter, folders):
        for rel in _decoded(site_path):
            if not _published(site, rel):
                continue
            hit = find_file(root, rel)
            if hit is not None and _inside(root, hit):
                return hit
    return _fallbacks(site, Path(post_path), src, front_matter)


def _fallbacks(site, post_path: Path, src: str, front_matter) -> Path | None:
    root = site.root
    if "{{" in src or "://" in src or src.startswith("//"):
        return None
    clean = src.strip("<>").split("#", 1)[0].split("?", 1)[0]
    folder = post_path.parent
    typora = (front_matter or {}).get("typora-root-url") if front_matter else None
    candidates = []
    if typora and clean.startswith("/"):
        candidates.append(folder / str(typora) / clean.lstrip("/"))
    if not clean.startswith("/"):
        candidates.append(folder / clean)
    for cand in candidates:
        for text in _decoded(str(cand)):
            path = Path(os.path.normpath(text))
            if not _inside(root, path):
                continue
            rel = path.resolve().relative_to(root.resolve()).as_posix()
            hit = find_file(root, rel)
            if hit is not None:
                return hit
    return None
