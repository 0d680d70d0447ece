"""The habits a blog's existing posts show (folders, slug casing, tag key and list style,
header key order, image folder and link style), so new posts and images look like the rest.
Must not import PySide6."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

SAMPLE = 50


@dataclass(frozen=True)
class Conventions:
    posts_subdir: str = ""
    slug_case: str = "lower"
    tag_key: str = "tags"
    category_key: str = "categories"
    list_style: str = "flow"
    key_order: tuple[str, ...] = ("title", "categories", "tags")
    image_root: str = "images"
    image_link_style: str = "root"
    image_markup: str = "markdown"
    image_width: str | None = None
    typora_root_url: str | None = None
    date_in_header: bool = False
    quote_titles: bool = True
    samples: int = field(default=0, compare=False)


def _top_keys(yaml: str) -> list[str]:
    return re.findall(r"^([A-Za-z_][\w-]*)[ \t]*:", yaml, re.M)


def _list_style(yaml: str, key: str) -> str | None:
    m = re.search(rf"^{key}[ \t]*:[ \t]*(.*)$", yaml, re.M)
    if not m:
        return None
    value = m.group(1).strip()
    if value.startswith("["):
        return "flow-tight" if re.search(r",\S", value) else "flow"
    if value:
        return "string"
    nxt = yaml[m.end():].lstrip("\n").split("\n", 1)[0]
    if nxt.startswith("-"):
        return "block-unindented"
    return "block"


def _majority(counter: Counter, default):
    return counter.most_common(1)[0][0] if counter else default


def _subdir_kind(entry) -> str:
    parts = entry.rel.split("/")
    inner = parts[parts.index("_posts") + 1:-1] if "_posts" in parts else []
    if not inner:
        return ""
    if len(inner) == 1 and re.fullmatch(r"\d{4}", inner[0]):
        return "year"
    return "/".join(inner)


def _header_habits(texts, keys) -> dict:
    from tileditor.core.frontmatter import split_front_matter

    tag_key, cat_key, styles, orders = Counter(), Counter(), Counter(), Counter()
    typora, dates, quoted = Counter(), 0, Counter()
    for text in texts:
        span = split_front_matter(text)
        if span is None:
            continue
        yaml = span.yaml
        top = _top_keys(yaml)
        orders[tuple(dict.fromkeys(top))] += 1
        for k in ("tag", "tags"):
            if k in top:
                tag_key[k] += 1
                styles[_list_style(yaml, k)] += 1
        for k in ("category", "categories"):
            if k in top:
                cat_key[k] += 1
        t = re.search(r"^typora-root-url[ \t]*:[ \t]*(.*?)[ \t]*$", yaml, re.M)
        typora[t.group(1) if t else None] += 1
        dates += "date" in top
        q = re.search(r"^title[ \t]*:[ \t]*(\S)", yaml, re.M)
        if q:
            quoted[q.group(1) in "\"'"] += 1
    n = max(1, len(texts))
    typ = _majority(typora, None)
    return {
        "tag_key": _majority(tag_key, "tags"),
        "category_key": _majority(cat_key, "categories"),
        "list_style": _majority(Counter({k: v for k, v in styles.items() if k}), "flow"),
        "key_order": _majority(orders, ("title", "categories", "tags")),
        "typora_root_url": typ if typ and typora[typ] * 2 > n else None,
        "date_in_header": dates * 2 > n,
        "quote_titles": _majority(quoted, True),
    }


def _link_style(site, src: str) -> str:
    s = src.strip()
    if "site.url" in s:
        return "url-liquid"
    if "site.baseurl" in s:
        return "baseurl-liquid"
    if "relative_url" in s:
        return "relative_url-liquid"
    if "://" in s or s.startswith("//"):
        return "absolute"
    prefix = site.site_path_prefix
    if prefix and not site.baseurl and s.startswith(prefix + "/"):
        return "site-path"
    return "root" if s.startswith("/") else "relative"


def _image_root(rel: str) -> str:
    parts = rel.split("/")
    if len(parts) >= 3 and parts[0] in ("assets", "wp-content", "static", "public"):
        return "/".join(parts[:2])
    return parts[0] if len(parts) > 1 else ""


def _with_images(site, samples, wanted: int = 10, limit: int = 400):
    """The sampled posts, then older ones until `wanted` posts with images were seen: many
    blogs stopped (or started) using local images at some point."""
    from tileditor.core.site.headers import read_text

    seen = 0
    for entry, text in samples:
        seen += "<img" in text.lower() or "![" in text
        yield entry, text
    for entry in site.posts()[len(samples):limit]:
        if seen >= wanted:
            return
        try:
            text = read_text(entry.path)
        except (OSError, ValueError):
            continue
        seen += "<img" in text.lower() or "![" in text
        yield entry, text


def _image_habits(site, samples) -> dict:
    from tileditor.core.images import find_image_references, resolve_reference

    styles, roots, markup, widths = Counter(), Counter(), Counter(), Counter()
    for entry, text in _with_images(site, samples):
        for ref in find_image_references(text):
            hit = resolve_reference(site, entry.path, ref.src)
            if hit is None:
                continue
            styles[_link_style(site, ref.src)] += 1
            roots[_image_root(hit.relative_to(site.root).as_posix())] += 1
            if ref.kind == "html":
                before = text[max(0, ref.start - 200):ref.start].lower()
                markup["html-center" if "<center>" in before else "html"] += 1
                w = re.match(r"""[^>]*?\bwidth\s*=\s*["']?([\w%.]+)""", text[ref.end:])
                if w:
                    widths[w.group(1)] += 1
            else:
                markup["markdown"] += 1
    default_root = "images"
    if not (site.root / "images").is_dir() and (site.root / "assets" / "images").is_dir():
        default_root = "assets/images"
    mk = _majority(markup, "markdown")
    return {
        "image_link_style": _majority(styles, "root"),
        "image_root": _majority(Counter({k: v for k, v in roots.items() if k}), default_root),
        "image_markup": "markdown" if mk == "markdown" else "html-center",
        "image_width": _majority(widths, None) if mk != "markdown" else None,
    }


def detect_conventions(site) -> Conventions:
    from tileditor.core.site.headers import read_text

    entries = site.posts()[:SAMPLE]
    samples = []
    for e in entries:
        try:
            samples.append((e, read_text(e.path)))
        except (OSError, ValueError):
            continue
    if not samples:
        return Conventions(image_root=_image_habits(site, [])["image_root"])
    subdirs = Counter(_subdir_kind(e) for e, _ in samples)
    cased = sum(1 for e, _ in samples if any(c.isupper() for c in e.slug))
    habits = _header_habits([t for _, t in samples], None)
    return Conventions(
        posts_subdir=_majority(subdirs, ""),
        slug_case="keep" if cased * 3 >= len(samples) else "lower",
        key_order=tuple(habits.pop("key_order")),
        samples=len(samples),
        **habits,
        **_image_habits(site, samples),
    )
