"""render(): front matter split, Liquid pass, Markdown with one extension per kramdown
behaviour, data-line tagging and image resolution. Thread-safe: one Markdown per thread and
configuration. Must not import PySide6."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path

import markdown

from tileditor.core.frontmatter import HeaderError, load_header_values, split_front_matter
from tileditor.core.liquid import LiquidContext, render_liquid
from tileditor.core.render.context import page_variables, post_url_resolver, site_variables
from tileditor.core.render.highlight import highlight_tag_html
from tileditor.core.render.kramdown.abbr_defs import LinearAbbrExtension
from tileditor.core.render.kramdown.blockquotes import BlockQuoteExtension
from tileditor.core.render.kramdown.fences import FencesExtension, expand_tabs
from tileditor.core.render.kramdown.footnotes import KramdownFootnotesExtension
from tileditor.core.render.kramdown.gfm_blocks import GfmBlocksExtension
from tileditor.core.render.kramdown.heading_ids import HeadingIdExtension
from tileditor.core.render.kramdown.html_nesting import NestedMarkdownAttrExtension
from tileditor.core.render.kramdown.html_scan import LinearHtmlExtension
from tileditor.core.render.kramdown.ial import IalExtension
from tileditor.core.render.kramdown.images import resolve_images
from tileditor.core.render.kramdown.inline_blank import BlankTextExtension
from tileditor.core.render.kramdown.inline_code import InlineCodeExtension
from tileditor.core.render.kramdown.link_scan import LinearLinksExtension
from tileditor.core.render.kramdown.list_indent import ListIndentExtension
from tileditor.core.render.kramdown.list_tightness import ListTightnessExtension
from tileditor.core.render.kramdown.markup import KramdownMarkupExtension
from tileditor.core.render.kramdown.math import KramdownMathExtension
from tileditor.core.render.kramdown.table_sections import TableSectionExtension
from tileditor.core.render.kramdown.task_lists import TaskListExtension
from tileditor.core.render.kramdown.toc import TocExtension
from tileditor.core.render.kramdown.typography import typography_extension
from tileditor.core.render.linemap import align, lift_data_lines, parse_with_lines, stash_spans
from tileditor.core.render.options import RenderOptions, RenderResult

_local = threading.local()
# header.load_yaml_mapping shares one ruamel YAML object, which is not thread-safe.
_YAML_LOCK = threading.Lock()
_DEFAULT_OPTIONS = RenderOptions()
_STRAY_MARKER = re.compile("\x02tlial:\\d+\x03")


def _settings(site, options: RenderOptions) -> tuple:
    kd = dict(getattr(site, "kramdown", None) or {}) if site is not None else {}
    quotes = options.smart_quotes if options.smart_quotes is not None else kd.get(
        "smart_quotes", "lsquo,rsquo,ldquo,rdquo")
    if isinstance(quotes, (list, tuple)):
        quotes = ",".join(str(q) for q in quotes)
    levels = options.toc_levels or _levels(kd.get("toc_levels"))
    auto_ids = options.auto_ids if options.auto_ids is not None else bool(kd.get("auto_ids", True))
    mode = (options.input or kd.get("input") or "GFM").lower()
    return (quotes, options.typographic, tuple(levels), auto_ids, "gfm" if mode == "gfm" else "kd")


def _levels(value) -> tuple[int, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(int(v) for v in value if str(v).isdigit())
    if isinstance(value, str) and ".." in value:
        lo, _, hi = value.partition("..")
        try:
            return tuple(range(int(lo), int(hi) + 1))
        except ValueError:
            pass
    if isinstance(value, str) and value.strip():
        return tuple(int(v) for v in value.replace(",", " ").split() if v.isdigit())
    return (1, 2, 3, 4, 5, 6)


def _markdown(settings: tuple) -> markdown.Markdown:
    cache = getattr(_local, "instances", None)
    if cache is None:
        cache = _local.instances = {}
    md = cache.get(settings)
    if md is None:
        quotes, typographic, levels, auto_ids, mode = settings
        md = markdown.Markdown(
            output_format="xhtml",
            extensions=[
                "abbr", "def_list", "tables", "md_in_html",
                IalExtension(), FencesExtension(), KramdownMathExtension(),
                KramdownFootnotesExtension(), GfmBlocksExtension(gfm=mode == "gfm"),
                HeadingIdExtension(style="gfm" if mode == "gfm" else "kramdown",
                                   enabled=auto_ids),
                TaskListExtension(), TocExtension(levels=list(levels)),
                ListIndentExtension(gfm=mode == "gfm"), BlockQuoteExtension(), InlineCodeExtension(),
                KramdownMarkupExtension(), TableSectionExtension(),
                NestedMarkdownAttrExtension(), ListTightnessExtension(),
                typography_extension(quotes, typographic),
                # Last: they replace processors registered above with linear twins.
                LinearLinksExtension(), LinearHtmlExtension(), BlankTextExtension(),
                LinearAbbrExtension(),
            ],
        )
        md.preprocessors.deregister("normalize_whitespace")
        cache[settings] = md
    return md


def _normalize(body: str) -> str:
    """What Python-Markdown's normalize_whitespace does, done before Liquid so that stash
    placeholders made by the Liquid pass survive."""
    body = body.replace("\x02", "").replace("\x03", "").replace("\r\n", "\n").replace("\r", "\n")
    lines = expand_tabs(body.split("\n"))
    # Python-Markdown appends two newlines so the last block ends like every other one.
    return "\n".join("" if not ln.strip(" ") else ln for ln in lines) + "\n\n"


def _front_matter(text: str) -> tuple[str, dict, int, list[str]]:
    span = split_front_matter(text)
    if span is None:
        return text, {}, 0, []
    try:
        with _YAML_LOCK:
            fm = load_header_values(span.yaml, line_offset=2)  # a big header: by pieces
        warnings: list[str] = []
    except HeaderError as exc:
        fm, warnings = {}, [str(exc)]
    return text[span.body_start:], fm, text[: span.body_start].count("\n"), warnings


def _default_resolver(site, post_path, front_matter):
    if site is None or post_path is None:
        return None
    try:
        from tileditor.core.images import resolve_reference
    except ImportError:
        return None

    def resolve(src: str) -> str | None:
        try:
            found = resolve_reference(site, post_path, src, front_matter)
        except Exception:  # noqa: BLE001 - a resolver bug must not break the preview
            return None
        return Path(found).as_uri() if found is not None else None

    return resolve


def render(text: str, site=None, post_path: Path | None = None,
           options: RenderOptions = _DEFAULT_OPTIONS) -> RenderResult:
    """Render a whole post file's text to an HTML body fragment, as Jekyll would."""
    body, fm, offset, warnings = _front_matter(text)
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
                    post_path: Path | None = None, options: RenderOptions = _DEFAULT_OPTIONS,
                    references: dict | None = None) -> Fragment:
    """Render `body` (post text without front matter) whose first line is file line
    `first_line`; `references` seeds link definitions made elsewhere in the post."""
    md = _markdown(_settings(site, options))
    md.reset()
    md.tl_spans = {}
    if references:
        md.references.update(references)
    source = _normalize(body)
    ctx = LiquidContext(
        variables={"site": site_variables(site),
                   "page": page_variables(site, post_path, front_matter)},
        post_url=post_url_resolver(site),
        protect=lambda markup, block: _protect(md, markup, block),
        highlight=highlight_tag_html,
        markdownify=lambda text: _markdownify(text, _settings(site, options)),
    )
    liquid_text, liquid_warnings = render_liquid(source, ctx)
    html = _convert(md, liquid_text, source[:-2].split("\n"), first_line, options.data_lines,
                    keep_trailing=True)
    stripped = html.rstrip()
    trailing, html = html[len(stripped):], stripped
    resolver = options.resolve_image or _default_resolver(site, post_path, front_matter)
    html, images, image_warnings = resolve_images(html, resolver)
    return Fragment(
        html=html, liquid_warnings=liquid_warnings, image_warnings=image_warnings,
        images=images, headings=list(getattr(md, "tl_headings", [])),
        toc_html=_expand_stash(md, getattr(md, "tl_toc_html", "")),
        references=dict(md.references), trailing=trailing,
    )


def _markdownify(text: str, settings: tuple) -> str:
    """Jekyll's `markdownify` filter (Markdown only, no Liquid), on a second converter per
    thread because the post's own converter is in the middle of its Liquid pass."""
    outer = _local.instances
    if not hasattr(_local, "nested"):
        _local.nested = {}
    _local.instances = _local.nested
    try:
        md = _markdown(settings)
        md.reset()
        md.tl_spans = {}
        source = _normalize(text)
        html = _convert(md, source, source[:-2].split("\n"), 1, False)
        return html + "\n" if html else ""  # kramdown's output ends with a newline
    finally:
        _local.instances = outer


def _expand_stash(md, markup: str) -> str:
    """The sidebar TOC is serialised before postprocessing: put stashed markup (smart quotes,
    raw HTML) back, so it shows and does not depend on stash numbering."""
    if "\x02" not in markup or "raw_html" not in md.postprocessors:
        return markup
    return md.postprocessors["raw_html"].run(markup)


def _protect(md, markup: str, block: bool) -> str:
    placeholder = md.htmlStash.store(markup)
    md.tl_spans[placeholder] = 0
    return f"\n\n{placeholder}\n\n" if block else placeholder


def _convert(md, text: str, source_lines: list[str], first_line: int, data_lines: bool,
             keep_trailing: bool = False) -> str:
    """Markdown.convert, with the block parser driven by linemap for data-line."""
    md.tl_headings, md.tl_toc_html = [], ""
    if not text.strip():
        return ""
    lines = text.split("\n")
    for prep in md.preprocessors:
        lines = prep.run(lines)
    if data_lines:
        line_of = align(lines, source_lines, stash_spans(md))
        root = parse_with_lines(md, lines, line_of, first_line)
    else:
        root = md.parser.parseDocument(lines).getroot()
    for treeprocessor in md.treeprocessors:
        new_root = treeprocessor.run(root)
        if new_root is not None:
            root = new_root
    output = md.serializer(root)
    start = output.index(f"<{md.doc_tag}>") + len(md.doc_tag) + 2 if (
        f"<{md.doc_tag}>" in output) else None
    if start is None:
        return ""
    output = output[start:output.rindex(f"</{md.doc_tag}>")].strip()
    output = lift_data_lines(output, md.htmlStash)
    for pp in md.postprocessors:
        output = pp.run(output)
    # IAL markers that landed inside raw HTML blocks have no element to attach to.
    output = _STRAY_MARKER.sub("", output)
    return output.lstrip() if keep_trailing else output.strip()

