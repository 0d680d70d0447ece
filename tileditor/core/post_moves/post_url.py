"""`{% post_url %}` tags naming a moved post: rewritten to the new name in the shape they were
written (with or without a folder). Jekyll stops the whole build on a post_url it cannot find,
so a post that other posts name this way cannot silently go back to drafts. Pure text work;
must not import PySide6."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TAG = re.compile(r"(\{%-?\s*post_url\s+)(\S+?)(\s*-?%\})")
_NAME = re.compile(r"^((?:.+/)*)(\d+-\d+-\d+)-(.*)$")
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.S)


@dataclass(frozen=True)
class PostName:
    """A post as post_url names it: `[folder/]YYYY-MM-DD-slug`."""

    day: str
    slug: str
    inner: str  # folders inside `_posts` ('' or '2025/')
    outer: str  # folders above `_posts` ('' or 'ko/')


def _day_key(day: str) -> tuple[int, ...]:
    return tuple(int(x) for x in day.split("-"))


def _names(arg: str, post: PostName) -> bool:
    m = _NAME.match(arg.lstrip("/"))
    if not m:
        return False
    path, day, slug = m.groups()
    # Jekyll 4 matches `_posts/<path><date>-<slug>`, `<path>_posts/...`, and (deprecated)
    # date and slug alone.
    return (_day_key(day) == _day_key(post.day) and slug == post.slug
            and path in ("", post.inner, post.outer))


def _new_arg(arg: str, old: PostName, new: PostName) -> str:
    lead = "/" if arg.startswith("/") else ""
    path = _NAME.match(arg.lstrip("/")).group(1)
    folder = new.inner if path and path == old.inner else path
    return f"{lead}{folder}{new.day}-{new.slug}"


def post_url_refs(text: str, post: PostName) -> list[tuple[int, int]]:
    """Spans of post_url arguments naming `post` (outside {% raw %})."""
    raw = [m.span() for m in _RAW.finditer(text)]
    return [m.span(2) for m in _TAG.finditer(text) if _names(m.group(2), post)
            and not any(a <= m.start() < b for a, b in raw)]


def rewrite_post_urls(text: str, old: PostName, new: PostName) -> str:
    for start, end in reversed(post_url_refs(text, old)):
        text = text[:start] + _new_arg(text[start:end], old, new) + text[end:]
    return text
