"""The text of a brand-new post in the blog's own shape: the header template (see
new_post_template.py) with the title, date, tags and categories written in, every value
quoted so Psych reads it back exactly. Pure; must not import PySide6."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from tileditor.core.frontmatter import FrontMatter, Style
from tileditor.core.frontmatter import emit as render
from tileditor.core.new_post_template import (
    CAT_KEYS,
    TAG_KEYS,
    compose_template,
    derived_template,
    list_style_of,
    recent_headers,
)

if TYPE_CHECKING:
    from tileditor.core.site import Conventions


class TemplateError(ValueError):
    """The header template is not a valid YAML mapping (the message says where)."""


def yaml_scalar(value: str, quote: bool = False) -> str:
    """A YAML scalar for `value`: plain when Psych reads that back the same, else quoted."""
    return render.scalar(value, Style(quote='"' if quote else None))


def yaml_list(items: list[str], style: str, indent: str = "  ") -> str:
    """The text after `key:` for a list, in one of the conventions' list styles."""
    plain = Style(quote=None)
    if style in ("string", "plain") and items and all(
            render.psych_plain_ok(i) and not any(c.isspace() for c in i) for i in items):
        return " " + " ".join(items)  # Jekyll splits a string of tags on whitespace
    if style in ("block", "block-unindented"):
        pad = "" if style == "block-unindented" else indent
        return "".join(f"\n{pad}- {render.scalar(i, plain)}" for i in items)
    sep = "," if style == "flow-tight" else ", "
    return " [" + sep.join(render.scalar(i, plain, flow=True) for i in items) + "]"


def post_template(site, draft: bool = False) -> str:
    """The header text a new post starts from (shown and edited by a settings UI; pass an
    edited copy back as `new_post_text(..., template=...)`)."""
    return compose_template(site, draft) or derived_template(site, draft)


def check_template(text: str) -> str | None:
    """Why `text` cannot be a header template, or None when it can."""
    fm = FrontMatter(text)
    if fm.error is not None:
        return fm.error
    if "---" in (line.rstrip() for line in text.splitlines()):
        return "a template line cannot be '---' (it would end the header)"
    return None


def new_post_text(site, title: str, when: datetime, tags=(), categories=(), draft: bool = False,
                  template: str | None = None) -> str:
    """Front matter plus an empty body for a new post in `site`'s conventions."""
    text = post_template(site, draft) if template is None else template
    error = check_template(text)
    if error is not None:
        raise TemplateError(f"the new-post template is not usable: {error}")
    if text and not text.endswith("\n"):
        text += "\n"
    fm = FrontMatter(text, line_offset=2)
    if title or "title" in fm:
        fm[fm.key_for("title")] = title
    headers = recent_headers(site) if site is not None else []
    conv = site.conventions() if site is not None else None
    if "date" in fm and not draft:
        text = _put(fm, "date", "date: " + when.strftime("%Y-%m-%d %H:%M:%S"))
    elif "date" in fm and fm["date"] is None:
        text = _put(fm, "date", None)  # Jekyll refuses an empty date: drop the slot
    else:
        text = fm.text
    for aliases, values, fallback in ((CAT_KEYS, categories, "categories"), (TAG_KEYS, tags, "tags")):
        if not values:
            continue
        fm = FrontMatter(text)
        key = fm.key_for(*aliases) if any(k in fm for k in aliases) else _conv_key(conv, aliases, fallback)
        style = list_style_of(headers, aliases) or (conv.list_style if conv is not None else None) or "flow"
        values = list(values)
        if style == "plain" and len(values) == 1:
            line = f"{key}: {render.scalar(values[0], Style(quote=None))}"
        else:
            line = f"{key}:" + yaml_list(values, "flow" if style == "plain" else style)
        text = _put(fm, key, line)
    return f"---\n{text}---\n\n"


def _conv_key(conv: Conventions | None, aliases: tuple[str, ...], fallback: str) -> str:
    if conv is None:
        return fallback
    key = conv.tag_key if "tags" in aliases else conv.category_key
    return key if key in aliases else fallback


def _put(fm: FrontMatter, key: str, line: str | None) -> str:
    """The header text with `key`'s lines replaced by `line` (appended when absent, removed
    when None)."""
    lines = fm.text.splitlines(keepends=True)
    new = [] if line is None else [line + "\n"]
    span = fm.line_span(key)
    if span is None:
        return "".join(lines + new)
    return "".join(lines[:span[0]] + new + lines[span[1] + 1:])
