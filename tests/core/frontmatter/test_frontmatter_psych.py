"""Differential test against Ruby's Psych (Jekyll's YAML reader): every value FrontMatter or a
new post writes reads back in Psych exactly as it was set, and the header still ends where
Jekyll's front-matter regex says. One Ruby process serves all examples; skips without ruby."""

from __future__ import annotations

import os
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.helpers import psych as psych_oracle
from tileditor.core.frontmatter import split_front_matter
from tileditor.core.new_post import new_post_text
from tileditor.core.post import Post

pytestmark = pytest.mark.skipif(not psych_oracle.available(), reason="ruby (Psych) is not installed")

SPECIAL = ["\u2028", "\u2029", "\x85", "\x00", "\x07", "\x1b", "\x7f", "\x9f", "\t", "\n", "\r",
           "\r\n", "\ufeff", "\u00a0", "\u200b", "\u202f", "\U0001f600", "\U00010348", "한", "é",
           "\ufdd0", "\ufffe", "\uffff", "\ue000"]
FRAGMENTS = ["---", "...", "#", " #", ": ", ":", "'", '"', "&", "*", "!", "|", ">", "%", "@", "`",
             "-", "- ", "?", ",", "[", "]", "{", "}", "yes", "no", "on", "off", "~", "null", "Null",
             "true", "True", "FALSE", "y", "n", "1", "0x1F", "0o17", "017", "1,000", "1_0", "1e5",
             ".5", ".inf", "-.INF", ".nan", "1:30", "2024-01-01", "2024-01-01 10:00:00 +0900", " ",
             "  ", "<<", "=", "\\", "\\n", "a", "Title", "TIL_25", "::"]
PIECE = st.sampled_from(FRAGMENTS) | st.sampled_from(SPECIAL) | st.text(
    st.characters(blacklist_categories=("Cs",)), max_size=3)
HOSTILE = st.lists(PIECE, min_size=1, max_size=6).map("".join)
VALUE = st.one_of(
    HOSTILE,
    st.lists(HOSTILE, min_size=1, max_size=3),
    st.booleans(), st.none(), st.integers(-10**9, 10**9), st.dates(date(1900, 1, 1), date(2200, 1, 1)),
)
BASES = [
    "title: plain\ntags: [a, b]\n",
    'title: "double"\ntag:\n  - a\n',
    "title: 'single'\ntags:\n- a\n- [b, c]\n",
    "title: >\n  folded\n  text\ncategories: X\n",
    "title: |\n  literal\nread_time: True\ntoc: true \n",
]
KEYS = st.sampled_from(["title", "tags", "tag", "categories", "excerpt", "read_time"])
N = int(os.environ.get("TILEDITOR_HYPOTHESIS_EXAMPLES", "150"))
EXAMPLES = settings(max_examples=N, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def psych():
    proc = psych_oracle.Psych()
    yield proc
    proc.close()


def _jekyll_reads(psych, text: str):
    span = split_front_matter(text)
    assert span is not None, text
    return psych.load(span.yaml), span


@EXAMPLES
@given(base=st.sampled_from(BASES), key=KEYS, value=VALUE)
@example(base=BASES[0], key="title", value="a\u2028b")
@example(base=BASES[0], key="title", value="a\u2029b")
@example(base=BASES[0], key="title", value="1,000")
@example(base=BASES[0], key="tags", value=[":sym", "b:c"])
@example(base=BASES[3], key="title", value="x\u2028y\nz")
@example(base=BASES[0], key="title", value=["...:?"])
def test_values_written_read_back_in_psych(psych, base, key, value):
    post = Post.from_text("---\n" + base + "---\nbody\n")
    post.front_matter[key] = value
    text = post.to_text()
    got, span = _jekyll_reads(psych, text)
    assert span.yaml == post.header_text and text.endswith("---\nbody\n")
    expected = dict(post.front_matter.items())
    assert expected[key] == value
    assert got == {"ok": psych_oracle.as_psych(expected)}, post.header_text


@settings(max_examples=max(20, N * 2 // 5), deadline=None)
@given(title=HOSTILE, tags=st.lists(HOSTILE, max_size=3), cats=st.lists(HOSTILE, max_size=2))
@example(title="a\n---\nb", tags=[], cats=[])
@example(title="\x07bell\u2028", tags=["- x"], cats=["yes"])
def test_new_post_headers_read_back_in_psych(psych, title, tags, cats):
    text = new_post_text(None, title, datetime(2024, 5, 1, 9, 30), tags, cats)
    got, span = _jekyll_reads(psych, text)
    assert got["ok"]["map"][0] == ["title", title], span.yaml
    values = dict(got["ok"]["map"])
    assert values.get("tags", []) == tags and values.get("categories", []) == cats


_KEY = st.sampled_from(["teaser", "title", "tags", "date", "excerpt", "toc", "a_b"])
_SCALAR = st.sampled_from(["/a.png", "Hello", "[a, b]", "2024-01-02", "true", "'q: x'", "1"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(indent=st.integers(1, 4), first=st.lists(st.tuples(_KEY, _SCALAR), min_size=1, max_size=3,
                                                  unique_by=lambda kv: kv[0]),
       rest=st.lists(st.tuples(_KEY, _SCALAR), min_size=1, max_size=3, unique_by=lambda kv: kv[0]))
@example(indent=2, first=[("teaser", "/a.png")], rest=[("title", "Hello"), ("tags", "[a]")])
def test_where_the_error_says_jekyll_stops_reading_psych_keeps_only_the_lines_above(
        psych, indent, first, rest):
    """A header whose first keys are indented and the next are not: Psych (Jekyll) reads the
    first, indented mapping and silently ignores the rest; the form's error names the line
    where that happens, and what Psych keeps is exactly the YAML above that line."""
    above = "".join(f"{' ' * indent}{k}: {v}\n" for k, v in first)
    yaml_text = above + "".join(f"{k}: {v}\n" for k, v in rest)
    post = Post.from_text(f"---\n{yaml_text}---\nbody\n")
    error = post.front_matter_error or ""
    line = 2 + len(first)  # the file line of the first unindented key
    assert f"line {line}: Jekyll stops reading the header here" in error
    assert "its first key is indented" in error
    read, _span = _jekyll_reads(psych, post.to_text())
    expected = Post.from_text(f"---\n{above}---\n").front_matter
    assert read == {"ok": psych_oracle.as_psych(dict(expected))}
