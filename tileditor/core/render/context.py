"""What a post's Liquid sees (`site.*`, `page.*`, post_url) built from a duck-typed JekyllSite
and the post's front matter. Must not import PySide6 or Markdown."""

from __future__ import annotations

import re
from pathlib import Path

from tileditor.core.header import as_datetime

_DATED = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")


def site_variables(site) -> dict:
    if site is None:
        return {}
    values = dict(getattr(site, "config", None) or {})
    for key in ("url", "baseurl"):
        value = getattr(site, key, None)
        if value is not None:
            values[key] = value
    values.setdefault("title", "")
    return values


def page_variables(site, post_path: Path | None, front_matter: dict) -> dict:
    values: dict = {}
    if site is not None and post_path is not None and hasattr(site, "defaults_for"):
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
        if site is not None and hasattr(site, "url_for"):
            try:
                values["url"] = site.url_for(post_path, front_matter)
            except Exception:  # noqa: BLE001 - an odd permalink must not stop preview
                pass
    return values


def _site_relative(site, post_path: Path) -> str:
    """Jekyll's page.path: the file's path from the site root (`_posts/x.md`)."""
    root = getattr(site, "root", None)
    if root is not None:
        try:
            return Path(post_path).resolve().relative_to(Path(root).resolve()).as_posix()
        except (ValueError, OSError):
            pass
    return post_path.name


def post_url_resolver(site):
    """`{% post_url name %}` lookup over site.posts(), computed once per render."""
    if site is None or not hasattr(site, "posts"):
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
