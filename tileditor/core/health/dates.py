"""Header findings: front matter that is not valid YAML (or never closed), `date:` values
Jekyll cannot read, posts it skips (a future date with `future: false`, `published: false`),
and a file-name date that disagrees with `date:`. Must not import PySide6."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from tileditor.core.frontmatter import HeaderError, load_yaml_mapping
from tileditor.core.site import date_from_name, split_post_name, to_site_time

from .model import Finding, ScannedFile

_OPEN_FENCE = re.compile(r"\A---[ \t]*\r?\n")


def site_now(site, now: datetime | None = None) -> datetime:
    """Build time as Jekyll's site.time, naive in the site's zone (UTC without `timezone`,
    as GitHub Pages builds)."""
    if now is not None:
        return now
    return datetime.now(site.tz or UTC).replace(tzinfo=None)


def header_findings(site, files: list[ScannedFile], now: datetime | None = None) -> list[Finding]:
    out: list[Finding] = []
    now = site_now(site, now)
    future_ok = site.config.get("future") is True
    for f in files:
        out += _front_matter(f)
        if f.error:
            continue
        if f.values.get("published") is False:
            out.append(Finding(f.path, f.key_line("published"), "unpublished",
                               "published: false: Jekyll leaves this post out of the site"))
        if f.draft:
            continue
        out += _dates(site, f, now, future_ok)
    return out


def _front_matter(f: ScannedFile) -> list[Finding]:
    if f.span is None:
        if _OPEN_FENCE.match(f.text):
            return [Finding(f.path, 1, "front_matter",
                            "the front matter's closing --- line is missing: Jekyll shows the "
                            "header as text")]
        return []
    if not f.error:
        return []
    try:
        load_yaml_mapping(f.span.yaml, line_offset=2)
    except HeaderError as exc:
        return [Finding(f.path, exc.line or 1, "front_matter", str(exc))]
    return [Finding(f.path, 1, "front_matter", f.error)]


def _dates(site, f: ScannedFile, now: datetime, future_ok: bool) -> list[Finding]:
    out = []
    day = split_post_name(f.rel)[0]
    name_date = date_from_name(day)
    raw = f.values.get("date")
    when = None
    if "date" in f.values and raw is not None:
        when = to_site_time(raw, site.tz)
        if when is None:
            out.append(Finding(f.path, f.key_line("date"), "bad_date",
                               f"date: {raw!s} is not a date Jekyll reads: it stops the build"))
            return out
        if name_date is not None and when.date() != name_date.date():
            out.append(Finding(
                f.path, f.key_line("date"), "date_mismatch",
                f"the file name says {name_date:%Y-%m-%d} but date: puts the post on "
                f"{when:%Y-%m-%d}{_zone_note(site, raw)} (the site uses date:)"))
    when = when or name_date
    if when is not None and not future_ok and when > now:
        line = f.key_line("date") if "date" in f.values else 1
        out.append(Finding(f.path, line, "future_post",
                           f"dated {when:%Y-%m-%d %H:%M}, in the future: with future: false "
                           "Jekyll skips it until then"))
    return out


def _zone_note(site, raw) -> str:
    if isinstance(raw, date) and not isinstance(raw, datetime):
        return ""
    if isinstance(raw, datetime) and raw.tzinfo is None:
        return ""
    if isinstance(raw, str) and not re.search(r"(Z|[+-]\d{2}:?\d{2})\s*$", raw):
        return ""
    return f" in the site's time zone ({site.config.get('timezone') or 'UTC'})"
