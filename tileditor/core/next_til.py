"""The next TIL of a series: from the blog's newest numbered post (`TIL25_Day209`) the next
slug and title (`TIL25_Day210`; `TIL26_Day1` in a new year when the series encodes the year,
restarting or continuing the count as the blog's history shows) and the header keys to copy
(categories, series tags, layout keys) with their lines in the post's own style.
Plain data only (new_post.py writes the file); must not import PySide6."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tileditor.core.frontmatter import FrontMatter, split_front_matter
from tileditor.core.site import read_text

if TYPE_CHECKING:
    from tileditor.core.site import JekyllSite

_LAST_NUMBER = re.compile(r"^(.*?)(\d+)(\D*)$", re.S)
_DIGITS = re.compile(r"\d+")
_HISTORY = 5  # recent posts of the series that show its habits
# Keys that describe one post only: never copied to the next one.
PER_POST_KEYS = frozenset({
    "title", "date", "last_modified_at", "permalink", "slug", "excerpt", "description",
    "summary", "redirect_from", "redirect_to", "image", "og_image", "published", "id", "guid",
    "seo_title", "canonical_url", "hidden", "pin", "sitemap",
})
_IMAGE_KEYS = frozenset({"image", "teaser", "overlay_image", "og_image", "image_path",
                         "thumbnail", "cover"})
_TAG_KEYS = ("tag", "tags")


@dataclass(frozen=True)
class NextPost:
    title: str
    slug: str | None  # the file-name slug in the author's casing; None: derive it from title
    date: date
    number: int  # the series number of the new post
    header: dict  # key -> value to write after the title, in the newest post's key order
    header_lines: dict = field(default_factory=dict)  # key -> YAML lines in the found style
    source: Path | None = None  # the post it continues
    title_quoted: bool = False  # the newest post's title was quoted


@dataclass(frozen=True)
class _Series:
    entry: object  # PostEntry
    prefix: str
    number: int
    width: int  # digits written, for zero-padded counters (Day009)
    suffix: str
    year_text: str | None  # the digits in the prefix that spell the post's year ("25")


def _year_text(prefix: str, year: int) -> str | None:
    for m in _DIGITS.finditer(prefix):
        if m.group(0) in (f"{year % 100:02d}", str(year)):
            return m.group(0)
    return None


def _parse(entry) -> _Series | None:
    m = _LAST_NUMBER.match(entry.slug)
    if not m or entry.date is None:
        return None
    prefix, digits, suffix = m.groups()
    return _Series(entry, prefix, int(digits), _pad(digits), suffix,
                   _year_text(prefix, entry.date.year))


def _pad(digits: str) -> int:
    """The zero-padded width a counter is written with (1: not padded)."""
    return len(digits) if digits.startswith("0") and len(digits) > 1 else 1


def _shape(slug: str) -> str:
    return _DIGITS.sub("#", slug)


def _newest_series(site) -> tuple[_Series, list[_Series]] | None:
    """The newest numbered post and its series' earlier posts (oldest first)."""
    posts = [e for e in site.posts() if e.published and e.date is not None]
    head = next((s for s in map(_parse, posts[:20]) if s is not None), None)
    if head is None:
        return None
    shape = _shape(head.entry.slug)
    history = [s for s in map(_parse, (e for e in posts if _shape(e.slug) == shape)) if s]
    history.sort(key=lambda s: (s.entry.date, s.number))
    return head, history


def _last_year_change(history: list[_Series]) -> tuple[int, int] | None:
    """(last number before, first number after) the series' latest change of year prefix."""
    pairs = list(zip(history[:-1], history[1:], strict=True))
    for before, after in reversed(pairs):
        if before.year_text and after.year_text and before.year_text != after.year_text:
            return before.number, after.number
    return None


def _next_numbers(head: _Series, history: list[_Series], today: date) -> tuple[str, int]:
    """The new prefix and number."""
    year = head.entry.date.year
    if head.year_text is None or today.year <= year:
        return head.prefix, head.number + 1
    width = len(head.year_text)
    new_year = str(today.year) if width == 4 else f"{today.year % 100:02d}"
    prefix = head.prefix.replace(head.year_text, new_year, 1)
    seen = _last_year_change(history)
    if seen is None:
        return prefix, 1  # a year in the name reads as a yearly count
    last, first = seen
    return (prefix, first) if first < last else (prefix, head.number + 1)


def _slug(head: _Series, prefix: str, number: int) -> str:
    return f"{prefix}{number:0{head.width}d}{head.suffix}"


def _split_title(title: str, number: int) -> tuple[str, str, str] | None:
    """(before, digits, after) around the last run of digits equal to `number`."""
    hits = [m for m in _DIGITS.finditer(title) if int(m.group(0)) == number]
    if not hits:
        return None
    m = hits[-1]
    return title[:m.start()], m.group(0), title[m.end():]


def _common_start(texts: list[str]) -> str:
    if not texts:
        return ""
    first, out = texts[0], 0
    while out < len(first) and all(len(t) > out and t[out] == first[out] for t in texts):
        out += 1
    common = first[:out]
    if any(len(t) > out for t in texts) and common and common[-1].isalnum():
        common = re.sub(r"\w+$", "", common)  # never end inside a topic's first word
    return common


def _title(head: _Series, history: list[_Series], prefix: str, number: int) -> str:
    """The newest title with the new number (and year), keeping the text all recent titles
    share after the number (a fixed label) and dropping the topic."""
    parts = _split_title(head.entry.title, head.number)
    if parts is None:
        return _slug(head, prefix, number)
    before, digits, after = parts
    if head.year_text and prefix != head.prefix:
        start = head.prefix.index(head.year_text)
        new_year = prefix[start:start + len(head.year_text)]
        before = re.sub(rf"(?<!\d){head.year_text}(?!\d)", new_year, before, count=1)
    afters = [p[2] for p in (_split_title(s.entry.title, s.number)
                             for s in history[-_HISTORY:]) if p]
    tail = _common_start(afters) if len(afters) >= 2 else re.match(r"\W*", after).group(0)
    title = f"{before}{number:0{_pad(digits)}d}{tail}"
    return re.sub(r"[\s\-\u2013\u2014:|\u00b7,]+$", "", title)


def _series_tags(head: _Series, history: list[_Series], today: date) -> list[str]:
    """Tags most recent posts of the series share (the series' own tags, not the topic's),
    with a year tag (TIL_25) moved to the new year."""
    recent = [set(s.entry.tags) for s in history[-_HISTORY:]] or [set(head.entry.tags)]
    keep = [t for t in head.entry.tags
            if len(recent) == 1 or sum(t in r for r in recent) * 2 > len(recent)]
    year = head.entry.date.year
    if today.year > year:
        old, new = f"{year % 100:02d}", f"{today.year % 100:02d}"
        keep = [re.sub(rf"(?<!\d)({year}|{old})(?!\d)",
                       lambda m: str(today.year) if len(m.group(0)) == 4 else new, t)
                for t in keep]
    return keep


def _copy_value(key: str, value):
    if key == "header" and isinstance(value, dict):
        kept = {k: v for k, v in value.items() if k not in _IMAGE_KEYS}
        return kept or None
    return value


def _header(site, head: _Series, tags: list[str]) -> tuple[dict, dict, bool]:
    try:
        text = read_text(head.entry.path)
    except (OSError, ValueError):
        return {}, {}, False
    span = split_front_matter(text)
    fm = FrontMatter(span.yaml if span else "")
    values, lines = {}, {}
    for key in fm:
        if key in PER_POST_KEYS and key != "date":
            continue
        value = _copy_value(key, fm[key]) if key != "date" else None
        if key in _TAG_KEYS:
            value = tags if isinstance(fm[key], list) else " ".join(tags)
        if value is None and key != "date":
            continue
        first, last = fm.line_span(key)
        raw = "".join(fm.text.splitlines(keepends=True)[first:last + 1])
        if key == "date":
            lines[key] = raw  # only its shape: the caller writes today's date
            continue
        values[key] = value
        if value == fm[key]:
            lines[key] = raw
    t = re.search(r"^title[ \t]*:[ \t]*(\S)", fm.text, re.M)
    return values, lines, bool(t and t.group(1) in "\"'")


def next_in_series(site, today: date) -> NextPost | None:
    """The next post of the newest post's series, or None when no recent post is numbered."""
    found = _newest_series(site)
    if found is None:
        return None
    head, history = found
    prefix, number = _next_numbers(head, history, today)
    tags = _series_tags(head, history, today)
    header, lines, quoted = _header(site, head, tags)
    return NextPost(
        title=_title(head, history, prefix, number),
        slug=_slug(head, prefix, number),
        date=today,
        number=number,
        header=header,
        header_lines=lines,
        source=head.entry.path,
        title_quoted=quoted,
    )


def _value_lines(key: str, value, style: str, indent: str = "") -> str:
    from tileditor.core.new_post import yaml_list, yaml_scalar

    if isinstance(value, bool):
        text = " true" if value else " false"
    elif isinstance(value, (int, float)):
        text = f" {value}"
    elif isinstance(value, (list, tuple)):
        text = yaml_list([str(v) for v in value], style, indent + "  ")
    elif isinstance(value, dict):
        text = "\n" + "".join(_value_lines(k, v, style, indent + "  ") for k, v in value.items())
        return f"{indent}{key}:{text}"
    else:
        text = " " + yaml_scalar(str(value))
    return f"{indent}{key}:{text}\n"


def next_post_text(site: JekyllSite | None, nxt: NextPost) -> str:
    """The new post's text: the title, then the copied keys in the newest post's order and
    lines (a changed value, such as the tags, written in the blog's list style); `date:` only
    when the newest post had one, in its shape with the new day."""
    from tileditor.core.new_post import yaml_scalar

    style = site.conventions().list_style if site is not None else "flow"
    lines = [f"title: {yaml_scalar(nxt.title, quote=nxt.title_quoted)}\n"]
    if "date" in nxt.header_lines:
        old = nxt.header_lines["date"]
        lines.append(re.sub(r"\d{4}-\d{1,2}-\d{1,2}", nxt.date.isoformat(), old, count=1))
    for key, value in nxt.header.items():
        lines.append(nxt.header_lines.get(key) or _value_lines(key, value, style))
    return "---\n" + "".join(lines) + "---\n\n"
