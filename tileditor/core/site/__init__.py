"""The Jekyll site a post belongs to: its config, its posts and drafts, their URLs, the tag
index and the blog's conventions (config, posts, permalink, headers, index, conventions).
Code outside this package imports from here.
Must not import PySide6."""

from __future__ import annotations

import threading
from pathlib import Path

from tileditor.core.site import tree_stats  # the watcher's look at the disk (a module)
from tileditor.core.site.config import (
    CONFIG_NAMES,
    clean_baseurl,
    clean_url,
    config_path,
    defaults_for,
    exclude_patterns,
    expand_permalink,
    is_excluded,
    load_config,
    url_path_prefix,
)
from tileditor.core.site.conventions import Conventions
from tileditor.core.site.headers import (
    HeaderCache,
    fast_load,
    parse_header,
    read_text,
    shared_cache,
)
from tileditor.core.site.index import TagIndex
from tileditor.core.site.permalink import (
    DATE_FILENAME,
    date_from_name,
    fill_template,
    page_template,
    post_placeholders,
    split_post_name,
    to_site_time,
)
from tileditor.core.site.posts import (
    PostEntry,
    find_special_dirs,
    jekyll_list,
    list_files,
    make_entry,
    markdown_exts,
)
from tileditor.core.site.scan import (  # noqa: E402 (after the modules it builds on)
    PostScanner,
    ScanCancelled,
    SiteSnapshot,
    forget_changed,
    pending,
    with_conventions,
)

__all__ = [
    "PostScanner", "ScanCancelled", "SiteSnapshot", "forget_changed", "pending", "with_conventions",
    "DATE_FILENAME", "Conventions", "HeaderCache", "JekyllSite", "PostEntry", "TagIndex",
    "date_from_name", "fast_load", "find_special_dirs", "is_excluded", "jekyll_list",
    "markdown_exts", "parse_header", "read_text", "shared_cache", "split_post_name", "to_site_time",
    "tree_stats",
]


def _timezone(name):
    if not name:
        return None
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(str(name))
    except Exception:  # an unknown zone name: Jekyll would fail; we fall back to UTC
        return None


class JekyllSite:
    """A Jekyll repository rooted at the folder holding `_config.yml`."""

    def __init__(self, root) -> None:
        self.root = Path(root).resolve()
        self._headers = shared_cache()
        self._lock = threading.Lock()
        self._conventions = None
        # A site_scan.SiteSnapshot made off the UI thread; while set, posts(), drafts() and
        # tag_index() answer from it (until the next one) instead of walking the disk.
        self.snapshot = None
        self.reload_config()

    @classmethod
    def find(cls, path) -> JekyllSite | None:
        """The site holding `path` (a file or folder), walking up to a `_config.yml`."""
        p = Path(path).resolve()
        for folder in [p, *p.parents]:
            if any((folder / n).is_file() for n in CONFIG_NAMES):
                return cls(folder)
        return None

    def reload_config(self) -> None:
        cfg, err = load_config(self.root)
        self.config: dict = cfg
        self.config_error: str | None = err
        self.config_file = config_path(self.root)
        self.url = clean_url(cfg.get("url"))
        self.baseurl = clean_baseurl(cfg.get("baseurl"))
        self.site_path_prefix = url_path_prefix(self.url)
        raw = cfg.get("permalink")
        self.permalink_style = str(raw).strip().lstrip(":") if raw else "date"
        self.permalink = expand_permalink(raw)
        k = cfg.get("kramdown")
        self.kramdown: dict = k if isinstance(k, dict) else {}
        d = cfg.get("defaults")
        self.defaults: list = d if isinstance(d, list) else []
        try:
            self.words_per_minute = int(cfg.get("words_per_minute") or 200)
        except (TypeError, ValueError):
            self.words_per_minute = 200
        self.title = str(cfg.get("title") or self.root.name)
        self.tz = _timezone(cfg.get("timezone"))
        self.excludes: list[str] = exclude_patterns(cfg)
        self._conventions = None

    # --- listing ---------------------------------------------------------------------

    def _list(self, special: str, draft: bool) -> list[PostEntry]:
        exts = markdown_exts(self.config)
        out = []
        for base in find_special_dirs(self.root, self.excludes, special):
            for path in list_files(base, exts, need_date=not draft):
                values, error = self._headers.get(path)
                out.append(make_entry(self.root, path, values, error, draft, self.tz))
        return out

    def use_snapshot(self, snapshot) -> None:
        """Answer the listing calls from `snapshot` (None: from the disk again, each call)."""
        self.snapshot = snapshot
        self._conventions = snapshot.conventions if snapshot is not None else None

    def _listed(self):
        """The snapshot to answer from (waiting for one on its way), or None: the disk."""
        snapshot = self.snapshot
        if snapshot is not None and not snapshot.complete:
            snapshot = snapshot.wait() if snapshot.wait is not None else None
        return snapshot

    def posts(self) -> list[PostEntry]:
        """Posts under every `_posts` folder, newest first (then by path, as Jekyll sorts)."""
        listed = self._listed()
        if listed is not None:
            return list(listed.posts)
        entries = self._list("_posts", draft=False)
        entries.sort(key=lambda e: (e.date is not None, e.date or 0, e.rel), reverse=True)
        return entries

    def drafts(self) -> list[PostEntry]:
        listed = self._listed()
        if listed is not None:
            return list(listed.drafts)
        entries = self._list("_drafts", draft=True)

        def mtime(e):
            try:
                return e.path.stat().st_mtime
            except OSError:
                return 0.0

        entries.sort(key=mtime, reverse=True)
        return entries

    def header_values(self, path) -> tuple[dict, str | None]:
        p = Path(path)
        if not p.is_file():
            return {}, None
        return self._headers.get(p)

    def invalidate(self, paths=None) -> None:
        """Forget cached headers (all, or of `paths`); a config change reloads the config."""
        self._headers.invalidate(paths)
        self._conventions = None
        self.snapshot = None  # the next listing calls read the disk until a new one is in
        if paths is None or any(Path(p).name in CONFIG_NAMES for p in paths):
            self.reload_config()

    def tag_index(self) -> TagIndex:
        listed = self._listed()
        if listed is not None:
            return listed.tag_index()
        return TagIndex.from_entries(self.posts())

    def conventions(self):
        if self._conventions is None:
            from tileditor.core.site.conventions import detect_conventions

            self._conventions = detect_conventions(self)
        return self._conventions

    # --- URLs ------------------------------------------------------------------------

    def rel_path(self, path) -> str:
        p = Path(path)
        if not p.is_absolute():
            p = self.root / p
        try:
            return p.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return p.as_posix()

    def defaults_for(self, path, type: str = "posts") -> dict:  # noqa: A002 - Jekyll's name
        return defaults_for(self.defaults, self.rel_path(path), type)

    def _kind(self, rel: str) -> str:
        parts = rel.split("/")[:-1]
        if "_posts" in parts:
            return "posts"
        if "_drafts" in parts:
            return "drafts"
        return "pages"

    def page_url(self, path, front_matter=None) -> str:
        """The URL Jekyll gives the page (page.url, without baseurl)."""
        rel = self.rel_path(path)
        kind = self._kind(rel)
        if front_matter is None:
            front_matter = self.header_values(path)[0]
        data = dict(self.defaults_for(path, "posts" if kind != "pages" else "pages"))
        data.update(front_matter or {})
        permalink = data.get("permalink")
        if kind == "pages":
            template, values = page_template(rel, self.permalink, self.permalink_style)
        else:
            template = self.permalink
            values = post_placeholders(rel, data, self._post_date(path, rel, data, kind),
                                       "_posts" if kind == "posts" else "_drafts")
        if isinstance(permalink, str) and permalink.strip():
            template = permalink.strip()
        return fill_template(template, values)

    def _post_date(self, path, rel, data, kind):
        when = to_site_time(data.get("date"), self.tz) if data.get("date") else None
        if when is None and kind == "posts":
            when = date_from_name(split_post_name(rel)[0])
        if when is None:
            from datetime import datetime

            try:  # Jekyll dates a draft by its file's mtime
                when = datetime.fromtimestamp(Path(path).stat().st_mtime, self.tz)
                when = when.replace(tzinfo=None)
            except OSError:
                when = datetime.now()
        return when

    def url_for(self, path, front_matter=None) -> str:
        """The post's URL path as links on the site use it (baseurl + page.url)."""
        return self.baseurl + self.page_url(path, front_matter)

    def absolute_url_for(self, path, front_matter=None) -> str:
        return self.url + self.url_for(path, front_matter)

    def public_url_path(self, path, front_matter=None) -> str:
        """The path a browser sees: baseurl, or the url's path when baseurl is empty."""
        prefix = self.baseurl or self.site_path_prefix
        return prefix + self.page_url(path, front_matter)
