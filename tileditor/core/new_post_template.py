"""The header template of a new post: jekyll-compose's `default_front_matter` when `_config.yml`
has one, else what the blog's newest posts share (keys nearly all of them carry with one value,
copied as written, in their order, with the title/date/tag/category keys in place).
Pure text in, text out; must not import PySide6."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from tileditor.core.frontmatter import FrontMatter, Style, split_front_matter
from tileditor.core.frontmatter import emit as render

if TYPE_CHECKING:
    from tileditor.core.site import JekyllSite

SAMPLE = 30  # the newest posts looked at: the blog's habits of today, not of five years ago
SHARE = 0.8  # a key (and its value) must be in this share of them to be copied
TAG_KEYS, CAT_KEYS = ("tags", "tag"), ("categories", "category")
STRUCTURAL = {"title", "date", *TAG_KEYS, *CAT_KEYS}


def compose_template(site: JekyllSite | None, draft: bool = False) -> str | None:
    """jekyll-compose's `jekyll_compose: default_front_matter: posts:` (or `drafts:`) as header
    text after the title (and date for posts) it always writes, or None when not configured."""
    cfg = (site.config if site is not None else None) or {}
    compose = cfg.get("jekyll_compose") if isinstance(cfg, dict) else None
    defaults = compose.get("default_front_matter") if isinstance(compose, dict) else None
    if not isinstance(defaults, dict):
        return None
    keys = defaults.get("drafts" if draft else "posts")
    if not isinstance(keys, dict):
        return None
    lines = ['title: ""\n'] + ([] if draft else ["date:\n"])
    style = Style(quote=None)
    for key, value in keys.items():
        if key in ("title", "date"):
            continue
        if value is None:
            lines.append(f"{render.scalar(key, style)}:\n")
        else:
            lines += render.value_lines(render.scalar(key, style) + ":", value, "", style)
    return "".join(lines)


def recent_headers(site, limit: int = SAMPLE) -> list[FrontMatter]:
    """Valid headers of the newest posts, newest first."""
    from tileditor.core.site import read_text

    out = []
    for entry in site.posts()[:limit]:
        try:
            span = split_front_matter(read_text(entry.path))
        except (OSError, ValueError):
            continue
        if span is not None:
            fm = FrontMatter(span.yaml)
            if fm.error is None and len(fm):
                out.append(fm)
    return out


def derived_template(site, draft: bool = False) -> str:
    """The header the blog's newest posts share, with empty title/date/tag/category slots."""
    headers = recent_headers(site) if site is not None else []
    if not headers:
        return 'title: ""\n'
    n = len(headers)
    blocks: dict[str, str] = {}
    presence = Counter(k for fm in headers for k in fm if isinstance(k, str))
    for key, count in presence.items():
        if key not in STRUCTURAL and count >= SHARE * n:
            block = _shared_block(headers, key, n)
            if block is not None:
                blocks[key] = block
    newest = headers[0]
    blocks["title"] = _title_slot(newest)
    if not draft and presence["date"] * 2 > n:
        blocks["date"] = "date:\n"
    for aliases in (TAG_KEYS, CAT_KEYS):
        key = max(aliases, key=lambda k: presence[k])
        if presence[key] * 2 > n:
            blocks[key] = _list_slot(headers, key)
    order = _key_order(headers, list(blocks))
    return "".join(blocks[k] for k in order)


def _canon(value) -> str:
    return f"{type(value).__name__}:{value!r}"


def _shared_block(headers: list[FrontMatter], key: str, n: int) -> str | None:
    values = Counter(_canon(fm[key]) for fm in headers if key in fm)
    canon, count = values.most_common(1)[0]
    if count < SHARE * n:
        return None
    source = next(fm for fm in headers if key in fm and _canon(fm[key]) == canon)
    first, last = source.line_span(key)
    lines = source.text.splitlines(keepends=True)[first:last + 1]
    lines = [line if line.endswith("\n") else line + "\n" for line in lines]
    # Trailing spaces (`toc: true `) are an accident of typing, unless they are the value.
    stripped = "".join(line.rstrip(" \t\r\n") + "\n" for line in lines)
    probe = FrontMatter(stripped)
    if probe.error is None and key in probe and render.same(probe[key], source[key]):
        return stripped
    return "".join(lines).replace("\r\n", "\n")


def _title_slot(fm: FrontMatter) -> str:
    span = fm.line_span("title")
    line = fm.text.splitlines()[span[0]] if span else ""
    after = line.partition(":")[2].lstrip()
    if after[:1] == "'":
        return "title: ''\n"
    if after[:1] == '"' or not after:
        return 'title: ""\n'
    return "title:\n"


def _list_slot(headers: list[FrontMatter], key: str) -> str:
    """`key: []` for flow lists, `key:` for block lists and plain strings."""
    for fm in headers:
        if key in fm:
            value = fm[key]
            first, _ = fm.line_span(key)
            line = fm.text.splitlines()[first]
            if isinstance(value, list) and line.partition(":")[2].strip().startswith("["):
                return f"{key}: []\n"
            return f"{key}:\n"
    return f"{key}:\n"


def _key_order(headers: list[FrontMatter], keys: list[str]) -> list[str]:
    """The order of the newest post holding the most of `keys`; the others after it."""
    model = max(headers, key=lambda fm: sum(k in fm for k in keys))
    ranked = [k for k in model if k in keys]
    return ranked + [k for k in keys if k not in ranked]


def list_style_of(headers: list[FrontMatter], aliases: tuple[str, ...]) -> str | None:
    """How the newest post holding one of `aliases` writes it: "plain" (a string), "flow",
    "flow-tight", "block" or "block-unindented"; None when no post has it."""
    for fm in headers:
        key = next((k for k in aliases if k in fm), None)
        if key is None or fm[key] is None:
            continue
        first, last = fm.line_span(key)
        lines = fm.text.splitlines()[first:last + 1]
        rest = lines[0].partition(":")[2].strip()
        if isinstance(fm[key], str):
            return "plain"
        if rest.startswith("["):
            inner = rest[1:rest.rfind("]")]
            return "flow-tight" if "," in inner and ", " not in inner else "flow"
        item = next((ln for ln in lines[1:] if ln.strip().startswith("-")), "")
        return "block-unindented" if item.startswith("-") else "block"
    return None
