"""render(): front matter split, Liquid pass, Markdown through the kramdown bundle (every
processor, data-line tagging included: kramdown/bundle.py) and image resolution. Thread-safe:
one Markdown per thread and KramdownSettings. Must not import PySide6."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import markdown

from tileditor.core.frontmatter import HeaderError, load_header_values, split_front_matter
from tileditor.core.liquid import LiquidContext, render_liquid
from tileditor.core.render.context import page_variables, post_url_resolver, site_variables
from tileditor.core.render.highlight import highlight_tag_html
from tileditor.core.render.kramdown import KramdownBundle, KramdownSettings, StateHolder, stash
from tileditor.core.render.kramdown.bundle import normalize
from tileditor.core.render.kramdown.images import resolve_images
from tileditor.core.render.options import RenderOptions, RenderResult

_local = threading.local()
# header.load_yaml_mapping shares one ruamel YAML object, which is not thread-safe.
_YAML_LOCK = threading.Lock()
DEFAULT_OPTIONS = RenderOptions()


class _Converter(NamedTuple):
    md: markdown.Markdown
    bundle: KramdownBundle  # bundle.holder.state: the running conversion's ConversionState


def _converter(settings: KramdownSettings) -> _Converter:
    """This thread's converter for `settings` (the cache key: a frozen settings object)."""
    cache = getattr(_local, "instances", None)
    if cache is None:
        cache = _local.instances = {}
    conv = cache.get(settings)
    if conv is None:
        bundle = KramdownBundle(settings)
        md = markdown.Markdown(output_format="xhtml", extensions=[bundle])
        conv = cache[settings] = _Converter(md, bundle)
    return conv


def read_front_matter(text: str) -> tuple[str, dict, int, list[str]]:
    """(body, front matter, lines before the body, warnings) of a post file's text."""
    span = split_front_matter(text)
    if span is None:
        return text, {}, 0, []
    try:
        with _YAML_LOCK:
            fm = load_header_values(span.yaml, line_offset=2)  # a big header: by pieces
        warnings: list[str] = []
    except HeaderError as exc:
        fm, warnings = exc.jekyll_reads or {}, [str(exc)]  # the page Jekyll makes of it
    return text[span.body_start:], fm, text[: span.body_start].count("\n"), warnings


def _default_resolver(site, post_path, front_matter):
    if site is None or post_path is None:
        return None
    try:
        from tileditor.core.images import page_folders, resolve_reference
    except ImportError:
        return None
    folders: list[tuple[str, ...]] = []  # the post's page folders, once per render

    def resolve(src: str) -> str | None:
        try:
            if not folders:
                folders.append(page_folders(site, post_path, front_matter))
            found = resolve_reference(site, post_path, src, front_matter, folders=folders[0])
        except Exception:  # noqa: BLE001 - a resolver bug must not break the preview
            return None
        return Path(found).as_uri() if found is not None else None

    return resolve


def render(text: str, site=None, post_path: Path | None = None,
           options: RenderOptions = DEFAULT_OPTIONS) -> RenderResult:
    """Render a whole post file's text to an HTML body fragment, as Jekyll would."""
    body, fm, offset, warnings = read_front_matter(text)
    part = render_fragment(body, fm, offset + 1, site, post_path, options)
    title = fm.get("title")
    return RenderResult(
        html=part.html, warnings=warnings + part.liquid_warnings + part.image_warnings,
        title=str(title) if title is not None else None, front_matter=fm,
        toc_html=part.toc_html, headings=part.headings, images=part.images,
    )


@dataclass
class Fragment:
    """What rendering one stretch of a post body yields (render() is one stretch: the body)."""

    html: str
    liquid_warnings: list[str]
    image_warnings: list[str]
    images: list
    headings: list
    toc_html: str
    references: dict  # Markdown reference definitions seen, for later stretches
    trailing: str = ""  # whitespace the last block leaves before whatever would follow


def render_fragment(body: str, front_matter: dict, first_line: int, site=None,
                    post_path: Path | None = None, options: RenderOptions = DEFAULT_OPTIONS,
                    references: dict | None = None) -> Fragment:
    """Render `body` (post text without front matter) whose first line is file line
    `first_line`; `references` seeds link definitions made elsewhere in the post."""
    settings = KramdownSettings.of(site, options)
    md, bundle = _converter(settings)
    # The render protocol: begin (a fresh ConversionState and its inputs), Liquid (whose
    # protected output goes into the stash), convert.
    source = normalize(body)
    bundle.begin(md, source, options.data_lines, first_line)
    state = bundle.holder.state
    if references:
        md.references.update(references)
    ctx = LiquidContext(
        variables={"site": site_variables(site),
                   "page": page_variables(site, post_path, front_matter)},
        post_url=post_url_resolver(site),
        protect=lambda markup, block: _protect(md, bundle.holder, markup, block),
        highlight=highlight_tag_html,
        markdownify=lambda text: _markdownify(text, settings),
    )
    liquid_text, liquid_warnings = render_liquid(source, ctx)
    html = md.convert(liquid_text)
    resolver = options.resolve_image or _default_resolver(site, post_path, front_matter)
    html, images, image_warnings = resolve_images(html, resolver)
    return Fragment(
        html=html, liquid_warnings=liquid_warnings, image_warnings=image_warnings,
        images=images, headings=list(state.headings), toc_html=state.toc_html,
        references=dict(md.references), trailing=state.trailing if html else "",
    )


def _markdownify(text: str, settings: KramdownSettings) -> str:
    """Jekyll's `markdownify` filter (Markdown only, no Liquid), on a second converter per
    thread because the post's own converter is in the middle of its Liquid pass."""
    outer = _local.instances
    if not hasattr(_local, "nested"):
        _local.nested = {}
    _local.instances = _local.nested
    try:
        md, bundle = _converter(settings)
        source = normalize(text)
        bundle.begin(md, source)
        html = md.convert(source)
        return html + "\n" if html else ""  # kramdown's output ends with a newline
    finally:
        _local.instances = outer


def _protect(md, holder: StateHolder, markup: str, block: bool) -> str:
    """Liquid output Markdown must not read (`{% raw %}`, highlight blocks): stashed."""
    placeholder = stash.store_block(md, holder.state, markup, 0)
    return f"\n\n{placeholder}\n\n" if block else placeholder
