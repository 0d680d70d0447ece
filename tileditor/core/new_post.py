"""The text of a brand-new post, written in the blog's own front-matter style (key spelling,
list style, title quoting, Typora's root key). Pure; must not import PySide6."""

from __future__ import annotations

import re
from datetime import datetime

from tileditor.core.header import load_yaml_mapping

_PLAIN_SAFE = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#]*$")


def yaml_scalar(value: str, quote: bool = False) -> str:
    """A YAML scalar for `value`: plain when that reads back the same, else double-quoted."""
    if not quote and _PLAIN_SAFE.match(value) and ": " not in value and not value.endswith((":", " ")):
        try:
            if load_yaml_mapping(f"k: {value}\n").get("k") == value:
                return value
        except ValueError:
            pass
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def yaml_list(items: list[str], style: str, indent: str = "  ") -> str:
    """The text after `key:` for a list, in one of the conventions' list styles."""
    if style == "string" and all(" " not in i for i in items):
        return " " + " ".join(items)
    if style in ("block", "block-unindented"):
        pad = "" if style == "block-unindented" else indent
        return "".join(f"\n{pad}- {yaml_scalar(i)}" for i in items)
    sep = "," if style == "flow-tight" else ", "
    return " [" + sep.join(yaml_scalar(i) for i in items) + "]"


def new_post_text(site, title: str, when: datetime, tags=(), categories=(), draft: bool = False) -> str:
    """Front matter plus an empty body for a new post in `site`'s conventions."""
    conv = site.conventions() if site is not None else None
    style = getattr(conv, "list_style", "flow") or "flow"
    lines: dict[str, str] = {}
    lines["title"] = "title: " + yaml_scalar(title, quote=bool(getattr(conv, "quote_titles", False)))
    if getattr(conv, "date_in_header", False) and not draft:
        lines["date"] = "date: " + when.strftime("%Y-%m-%d %H:%M:%S")
    if categories:
        key = getattr(conv, "category_key", "categories") or "categories"
        lines[key] = f"{key}:" + yaml_list(list(categories), style)
    if tags:
        key = getattr(conv, "tag_key", "tags") or "tags"
        lines[key] = f"{key}:" + yaml_list(list(tags), style)
    # typora-root-url is left out on purpose: Jekyll ignores it and tileditor's links do not
    # depend on it; a new post carries only the keys the user set.
    order = list(getattr(conv, "key_order", None) or [])
    ranked = sorted(lines, key=lambda k: (order.index(k) if k in order else len(order), list(lines).index(k)))
    header = "".join(lines[k] + "\n" for k in ranked)
    return f"---\n{header}---\n\n"
