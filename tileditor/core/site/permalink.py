"""Jekyll's URL computation for posts, drafts and pages (Jekyll::URL, Drops::UrlDrop,
Document#populate_title/categories), as pure functions of path, front matter and config.
Must not import PySide6."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timezone
from pathlib import PurePosixPath
from urllib.parse import quote

from tileditor.core.frontmatter import as_list
from tileditor.core.slug import jekyll_slugify

# Document::DATE_FILENAME_MATCHER
DATE_FILENAME = re.compile(r"^(?:.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$")
_PLACEHOLDER = re.compile(r":([a-z_]+)")
_SAFE_PATH = re.compile(r"^[a-zA-Z0-9./-]+$")


def split_post_name(rel: str) -> tuple[str | None, str, str]:
    """(date text or None, slug, extension) of a post path, as populate_title splits it."""
    m = DATE_FILENAME.match(rel)
    if m:
        day, slug, ext = m.groups()
    else:
        name = PurePosixPath(rel).name
        stem, dot, ext = name.rpartition(".")
        day, slug, ext = None, (stem if dot else name), ("." + ext if dot else "")
    return day, slug.rstrip("."), ext


def date_from_name(day: str | None) -> datetime | None:
    if not day:
        return None
    try:
        y, m, d = (int(x) for x in day.split("-"))
        return datetime(y, m, d)
    except ValueError:
        return None


def to_site_time(value, tz) -> datetime | None:
    """A front-matter date as the naive local time Jekyll formats URLs with."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(tz or UTC).replace(tzinfo=None)
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        return _parse_date_text(value, tz)
    return None


def _parse_date_text(text: str, tz) -> datetime | None:
    m = re.match(
        r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?"
        r"\s*(Z|[+-]\d{2}:?\d{2})?)?\s*$",
        text,
    )
    if not m:
        return None
    y, mo, d, h, mi, s = (int(g) if g else 0 for g in m.groups()[:6])
    try:
        value = datetime(y, mo, d, h, mi, s)
    except ValueError:
        return None
    off = m.group(7)
    if off:
        from datetime import timedelta

        if off == "Z":
            delta = timedelta(0)
        else:
            sign = -1 if off[0] == "-" else 1
            digits = off[1:].replace(":", "")
            delta = sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        value = value.replace(tzinfo=timezone(delta))
        value = value.astimezone(tz or UTC).replace(tzinfo=None)
    return value


def path_categories(rel: str, special: str = "_posts") -> list[str]:
    """Folders above `_posts` that Jekyll adds as categories (Document#categories_from_path)."""
    parts = rel.split("/")
    if special not in parts[:-1]:
        return []
    return [p for p in parts[: parts.index(special)] if p]


def post_categories(rel: str, data: dict, special: str = "_posts") -> list[str]:
    """Categories in Jekyll's order: path folders, then `categories`, then `category`."""
    out = list(path_categories(rel, special))
    cats = data.get("categories")
    if cats is not None:
        out += as_list(cats)
    if "category" in data and data["category"] is not None:
        single = data["category"]
        out += as_list(single) if isinstance(single, (list, tuple)) else [str(single)]
    seen: list[str] = []
    for c in out:
        if c not in seen:
            seen.append(c)
    return seen


def escape_path(value: str) -> str:
    """Jekyll::URL.escape_path."""
    if not value or _SAFE_PATH.match(value):
        return value
    return quote(value, safe="/!$&'()*+,;=:@-._~")


def sanitize_url(text: str) -> str:
    """Jekyll::URL#sanitize_url."""
    out = ("/" + text).replace("..", "/").replace("./", "")
    return re.sub(r"/{2,}", "/", out)


def post_placeholders(rel: str, data: dict, when: datetime | None, special: str) -> dict:
    _, file_slug, _ = split_post_name(rel)
    slug_src = str(data.get("slug") or file_slug)
    when = when or datetime(1970, 1, 1)
    cats = post_categories(rel, data, special)
    lower_cats: list[str] = []
    for c in cats:
        if c.lower() not in lower_cats:
            lower_cats.append(c.lower())
    stem = PurePosixPath(rel).stem
    collection_path = rel.split(special + "/", 1)[-1]
    return {
        "collection": "posts",
        "name": jekyll_slugify(stem),
        "title": jekyll_slugify(slug_src, "pretty", cased=True),
        "slug": jekyll_slugify(slug_src),
        "categories": "/".join(lower_cats),
        "slugified_categories": "/".join(dict.fromkeys(jekyll_slugify(c) for c in cats)),
        "path": "/" + collection_path.rsplit(".", 1)[0],
        "output_ext": ".html",
        **date_placeholders(when),
    }


def date_placeholders(when: datetime) -> dict:
    iso = when.isocalendar()
    return {
        "year": f"{when.year:04d}",
        "month": f"{when.month:02d}",
        "day": f"{when.day:02d}",
        "hour": f"{when.hour:02d}",
        "minute": f"{when.minute:02d}",
        "second": f"{when.second:02d}",
        "i_day": str(when.day),
        "i_month": str(when.month),
        "short_month": when.strftime("%b"),
        "long_month": when.strftime("%B"),
        "short_year": when.strftime("%y"),
        "w_year": str(iso[0]),
        "week": f"{iso[1]:02d}",
        "w_day": str(iso[2]),
        "short_day": when.strftime("%a"),
        "long_day": when.strftime("%A"),
        "y_day": when.strftime("%j"),
    }


def fill_template(template: str, values: dict) -> str:
    """Jekyll::URL#generate_url_from_drop followed by sanitize_url."""

    def sub(m: re.Match) -> str:
        name = m.group(1)
        pool = [name, name[:-1]] if name.endswith("_") else [name]
        for key in pool:
            if key in values:
                rest = name[len(key):]
                return escape_path(str(values[key] or "")) + rest
        return m.group(0)

    return sanitize_url(_PLACEHOLDER.sub(sub, template))


def page_template(rel: str, site_permalink: str, style_name: str) -> tuple[str, dict]:
    """Page#template and its placeholders for a non-post Markdown/HTML page."""
    pp = PurePosixPath(rel)
    values = {"path": str(pp.parent) if str(pp.parent) != "." else "", "basename": pp.stem,
              "output_ext": ".html"}
    if pp.stem == "index":
        return "/:path/", values
    if style_name == "pretty" or (style_name not in ("date", "ordinal", "none", "weekdate")
                                   and site_permalink.endswith("/")):
        return "/:path/:basename/", values
    if style_name in ("date", "ordinal", "none", "weekdate") or site_permalink.endswith(
        ":output_ext"
    ):
        return "/:path/:basename:output_ext", values
    return "/:path/:basename", values
