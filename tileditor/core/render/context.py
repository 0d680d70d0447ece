"""What a post's Liquid sees (`site.*`, `page.*`, post_url) built from a site (a JekyllSite, or
anything with what RenderSite lists) and the post's front matter. Must not import PySide6 or
Markdown."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol

from tileditor.core.frontmatter import as_datetime

_DATED = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")


class RenderSite(Protocol):
    """What a render reads of its site: JekyllSite has all of it."""

    root: Path
    config: dict
    kramdown: dict  # the `kramdown:` settings (read by the kramdown bundle)
    url: str
    baseurl: str

    def posts(self) -> list: ...  # PostEntry-like: path, rel, title, date, slug, tags...

    def header_values(self, path) -> tuple[dict, str | None]: ...

    def page_url(self, path, front_matter=None) -> str: ...

    def url_for(self, path, front_matter=None) -> str: ...

    def defaults_for(self, path, type: str = "posts") -> dict: ...  # noqa: A002 - Jekyll's name


def site_variables(site: RenderSite | None) -> dict:
    if site is None:
        return {}
    values = dict(site.config or {})
    for key, value in (("url", site.url), ("baseurl", site.baseurl)):
        if value is not None:
            values[key] = value
    values.setdefault("title", "")
    values["posts"] = _LazyPosts(lambda: _post_drops(site))
    return values


class _LazyPosts(list):
    """`site.posts`, read from the site's posts only when a post's Liquid looks at it."""

    def __init__(self, load):
        super().__init__()
        self._load = load

    def _fill(self) -> None:
        if self._load is not None:
            load, self._load = self._load, None
            self.extend(load())

    def __iter__(self):
        self._fill()
        return super().__iter__()

    def __len__(self) -> int:
        self._fill()
        return super().__len__()

    def __getitem__(self, index):
        self._fill()
        return super().__getitem__(index)


def _post_drops(site: RenderSite) -> list[dict]:
    """What Jekyll's post objects show Liquid: front matter, url (no baseurl), date, path."""
    drops = []
    try:
        entries = list(site.posts())
    except Exception:  # noqa: BLE001 - a broken site must not stop the preview
        return drops
    for entry in entries:
        values, _error = site.header_values(entry.path)
        drop = dict(values or {})
        try:
            drop["url"] = site.page_url(entry.path, values)
        except Exception:  # noqa: BLE001 - an odd permalink leaves the post without a url
            drop["url"] = None
        drop.setdefault("title", entry.title)
        drop["date"] = entry.date
        drop["path"] = entry.rel
        drop["slug"] = entry.slug
        drop["tags"], drop["categories"] = list(entry.tags), list(entry.categories)
        drops.append(drop)
    return drops


def page_variables(site: RenderSite | None, post_path: Path | None, front_matter: dict) -> dict:
    values: dict = {}
    if site is not None and post_path is not None:
        try:
            values.update(site.defaults_for(post_path) or {})
        except Exception:  # noqa: BLE001 - defaults are a nicety; a bad config must not stop preview
            pass
    values.update(front_matter)
    if post_path is not None:
        m = _DATED.match(post_path.stem)
        values.setdefault("slug", m.group(4) if m else post_path.stem)
        values["path"] = _site_relative(site, post_path)
        if "date" not in front_matter and m:
            values["date"] = as_datetime(f"{m.group(1)}-{m.group(2)}-{m.group(3)}")
        if site is not None:
            try:
                values["url"] = site.url_for(post_path, front_matter)
            except Exception:  # noqa: BLE001 - an odd permalink must not stop preview
                pass
    return values


def _site_relative(site: RenderSite | None, post_path: Path) -> str:
    """Jekyll's page.path: the file's path from the site root (`_posts/x.md`)."""
    root = site.root if site is not None else None
    if root is not None:
        try:
            return Path(post_path).resolve().relative_to(Path(root).resolve()).as_posix()
        except (ValueError, OSError):
            pass
    return post_path.name


def post_url_resolver(site: RenderSite | None):
    """`{% post_url name %}` lookup over site.posts(), computed once per render."""
    if site is None:
        return None
    cache: dict[str, str | None] = {}

    def resolve(name: str) -> str | None:
        if not cache:
            try:
                entries = list(site.posts())
            except Exception:  # noqa: BLE001
                entries = []
            for entry in entries:
                path = Path(entry.path)
                try:
                    url = site.url_for(path)
                except Exception:  # noqa: BLE001
                    continue
                cache.setdefault(path.stem, url)
                rel = path.as_posix()
                cache.setdefault(rel, url)
            cache.setdefault("", None)
        name = name.strip().strip("\"'")
        if name in cache:
            return cache[name]
        stem = name.rsplit("/", 1)[-1]
        for key, url in cache.items():
            if key.endswith("/" + name) or (key == stem and "/" not in name):
                return url
        return cache.get(stem)

    return resolve
