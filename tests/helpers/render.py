"""Rendering helpers for tests: canonical HTML (sorted attributes, no data-line, collapsed
whitespace) so the renderer's output compares with kramdown's."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import markdown

from tileditor.core.render import RenderOptions, render
from tileditor.core.render.kramdown import KramdownBundle, KramdownSettings
from tileditor.core.render.kramdown.bundle import normalize

_VOID = {"br", "img", "hr", "input", "meta", "link"}


class _Canon(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []

    def handle_starttag(self, tag, attrs):
        kept = sorted((k, v or "") for k, v in attrs if k != "data-line")
        text = "".join(f' {k}="{v}"' for k, v in kept)
        self.out.append(f"<{tag}{text}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag not in _VOID:
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(data)

    def handle_comment(self, data):
        self.out.append(f"<!--{data.strip()}-->")


def canon(markup: str) -> str:
    """Tags lowercased with sorted attributes (data-line dropped), whitespace collapsed."""
    parser = _Canon()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.out)
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"\s*(<[^>]+>)\s*", r"\1", text).strip()


def html_of(source: str, **kw) -> str:
    return render(source, options=RenderOptions(**kw)).html


def assert_same(source: str, expected: str, **kw) -> None:
    assert canon(html_of(source, **kw)) == canon(expected)


@dataclass
class StandInSite:
    """A site without files or posts: what a render reads of a JekyllSite (RenderSite), with
    the `kramdown:` settings and config a test gives it."""

    kramdown: dict = field(default_factory=dict)
    config: dict = field(default_factory=dict)
    url: str = ""
    baseurl: str = ""
    root: Path | None = None

    def posts(self) -> list:
        return []

    def header_values(self, path) -> tuple[dict, str | None]:
        return {}, None

    def page_url(self, path, front_matter=None) -> str:
        return "/" + Path(path).stem + "/"

    def url_for(self, path, front_matter=None) -> str:
        return self.baseurl + self.page_url(path, front_matter)

    def defaults_for(self, path, type: str = "posts") -> dict:  # noqa: A002 - Jekyll's name
        return {}


def kramdown_site(config: dict | None = None) -> StandInSite | None:
    """A stand-in site whose `kramdown:` setting is `config` (None: no site)."""
    return StandInSite(kramdown=dict(config)) if config else None


def bundle_html(source: str, config: dict | None = None,
                without: frozenset[tuple[str, str]] = frozenset()) -> str:
    """The Markdown step alone (no Liquid, no images) through the render protocol, on a fresh
    converter whose bundle leaves out the rows named in `without` ((registry, name))."""
    settings = KramdownSettings.of(kramdown_site(config), RenderOptions())
    bundle = KramdownBundle(settings, without=without)
    md = markdown.Markdown(output_format="xhtml", extensions=[bundle])
    text = normalize(source)
    bundle.begin(md, text, data_lines=True)
    return md.convert(text)
