"""Every real corpus post renders: no exception, no Liquid or IAL syntax and no front matter
in the visible text, and data-line values that point at non-blank, increasing file lines."""

from __future__ import annotations

import re

import pytest

from tests.helpers.corpus import corpus_posts
from tileditor.core.frontmatter import read_header_values, split_front_matter
from tileditor.core.render import render

_POSTS = corpus_posts()


def visible_text(html: str) -> str:
    html = re.sub(r"<(pre|code|script|style)\b.*?</\1>", " ", html, flags=re.S | re.I)
    html = re.sub(r"<!--.*?-->", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def _site_for(path):
    try:
        from tileditor.core.site import JekyllSite
    except ImportError:
        return None
    return JekyllSite.find(path)


@pytest.mark.skipif(not _POSTS, reason="../shared/corpus is absent")
@pytest.mark.parametrize("path", _POSTS, ids=lambda p: p.name)
def test_corpus_post_renders_clean(path):
    text = path.read_text(encoding="utf-8")
    result = render(text, site=_site_for(path), post_path=path)
    visible = visible_text(result.html)
    for token in ("{%", "{{", "%}", "}}"):
        assert token not in visible, f"{token!r} shows in {path.name}"
    # kramdown publishes an IAL that follows text or a space literally ("* Contents {:toc}",
    # as on ben.balter.com); one right after an element, or alone on its line, never shows.
    # (Inside code it is code: Rouge's Markdown lexer prints `<span class="p">)</span>{: .btn}`.)
    outside_code = re.sub(r"<code[^>]*>.*?</code>", "", result.html, flags=re.S)
    assert not re.search(r"(?:</\w+>|/>)\{:", outside_code), path.name
    assert not re.search(r"<p[^>]*>\s*(?:\{:[^}\n]*\}\s*)+</p>", result.html), path.name
    span = split_front_matter(text)
    body = text[span.body_start:] if span else text
    assert result.html.strip() or not body.strip()
    lines = text.split("\n")
    numbers = [int(n) for n in re.findall(r'data-line="(\d+)"', result.html)]
    assert numbers == sorted(numbers)
    assert all(lines[n - 1].strip() for n in numbers)
    header = read_header_values(text)
    for key in ("layout", "permalink"):
        value = header.get(key)
        if isinstance(value, str) and len(value) > 8:
            assert f"{key}: {value}" not in visible
