"""The header cache and its fast path: same values as the YAML loader, and fast enough."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.corpus import corpus_posts
from tileditor.core.frontmatter import HeaderError, load_yaml_mapping, split_front_matter
from tileditor.core.site import HeaderCache, JekyllSite, fast_load, parse_header, read_text

CORPUS_POSTS = corpus_posts()


@pytest.mark.skipif(not CORPUS_POSTS, reason="../shared/corpus is absent")
def test_fast_path_agrees_with_ruamel_on_every_corpus_header():
    taken = 0
    for path in CORPUS_POSTS:
        span = split_front_matter(read_text(path))
        if span is None:
            continue
        fast = fast_load(span.yaml)
        if fast is None:
            continue
        taken += 1
        try:
            slow = load_yaml_mapping(span.yaml)
        except HeaderError:
            pytest.fail(f"fast path accepted a header YAML rejects: {path}")
        assert fast == slow, path
        assert [type(v) for v in fast.values()] == [type(v) for v in slow.values()], path
    print(f"fast path taken for {taken} of {len(CORPUS_POSTS)} corpus headers")
    assert taken > 0


@pytest.mark.parametrize("yaml", [
    "title: Hello world\ntag: [Notice, MLOpsReview, TIL_25]\ncategories: Notice\n",
    "title: 한글 제목\ntags: [a,b]\ntoc: true \nread_time: false\n",
    "title: x\ntoc: True\n",  # capital True: YAML decides, not the fast path
    "title: 0x1F\n", "title: 2025-01-01\n", "title: a: b\n", "title: yes\n",
    "tags:\n  - a\n", "title: x # comment\n", "title: 'q'\n", "a: 1\na: 2\n",
    "title: 1.5e3\n", "title: ~\n", "title: null\n", "n: 12\n", "t: [1, 2]\n",
])
def test_fast_path_never_disagrees(yaml):
    fast = fast_load(yaml)
    if fast is None:
        return  # declined: the caller falls back to the real loader
    assert fast == load_yaml_mapping(yaml)


def test_fast_path_reads_capitalised_booleans_and_plain_ints_as_the_loader_does():
    from tileditor.core.frontmatter import load_yaml_mapping

    yaml = "read_time: True\ntoc: true\ncomments: FALSE\ncount: 12\nzero: 0\n"
    assert fast_load(yaml) == load_yaml_mapping(yaml) == {
        "read_time": True, "toc": True, "comments": False, "count": 12, "zero": 0}


def test_fast_path_declines_what_it_cannot_read_exactly():
    for yaml in ("title: 0x1F\n", "n: 007\n", "tags:\n  - [a]\n", "date: 2025-01-01\n",
                 "title: x # c\n", "a: 1\na: 2\n", "title: >\n  folded\n"):
        assert fast_load(yaml) is None, yaml


def test_broken_header_gives_error_not_exception():
    values, error = parse_header("---\ntitle: [unclosed\n---\nbody")
    assert values == {} and "line" in error


def test_cache_reuses_until_file_changes(tmp_path):
    p = tmp_path / "2025-01-01-a.md"
    p.write_text("---\ntitle: one\n---\n", encoding="utf-8")
    cache = HeaderCache()
    assert cache.get(p)[0] == {"title": "one"}
    p.write_text("---\ntitle: two, longer\n---\n", encoding="utf-8")
    assert cache.get(p)[0] == {"title": "two, longer"}
    st = p.stat()
    p.write_text("---\ntitle: six, longer\n---\n", encoding="utf-8")  # same size
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert cache.get(p)[0] == {"title": "two, longer"}  # (mtime, size) unchanged: cached
    cache.invalidate([p])
    assert cache.get(p)[0] == {"title": "six, longer"}


def _generate(root: Path, n: int) -> None:
    (root / "_config.yml").write_text("url: https://x.github.io\npermalink: /:categories/:title/\n")
    for i in range(n):
        year = 2015 + i % 10
        folder = root / "_posts" / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        style = i % 4
        if style == 0:
            head = f'title: "TIL :: day {i}"\ntag: [Notice, TIL_{i % 30}]\ncategories: Notice\n'
        elif style == 1:
            head = f"title: Day {i}\ntags:\n  - t{i % 50}\n  - common\ndate: {year}-01-02\n"
        else:
            head = f"title: Post {i}\ntags: [a{i % 7}, b]\ncategories: [C{i % 5}]\n"
        body = "Some text.\n" * 40
        (folder / f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}-Post_{i}.md").write_text(
            f"---\n{head}---\n{body}", encoding="utf-8")


def test_two_thousand_posts_listing(tmp_path):
    _generate(tmp_path, 2000)
    site = JekyllSite(tmp_path)
    t0 = time.perf_counter()
    first = site.posts()
    t1 = time.perf_counter()
    second = site.posts()
    t2 = time.perf_counter()
    index = site.tag_index()
    t3 = time.perf_counter()
    print(f"\n2000 posts: first listing {t1 - t0:.3f}s, second {t2 - t1:.3f}s, "
          f"tag index {t3 - t2:.3f}s")
    assert len(first) == len(second) == 2000
    assert first == second
    assert all(a.date >= b.date for a, b in zip(first, first[1:], strict=False))
    assert index.tags["common"] == sum(1 for i in range(2000) if i % 4 == 1)
    assert index.categories["Notice"] == 500
    assert not any(e.error for e in first)


@pytest.mark.parametrize("yaml", [
    'title: "TIL :: A new chapter"\n', "title: 'it''s'\n", 'title: "a \\" b"\n',
    "title: ' spaced '\n", 'tags: ["a", b]\n', 'tags: ["a, b"]\n',
    "tags:\n  - a\n  - \"b c\"\n", "tags:\n- a\n- b\ntitle: x\n", "tags:\ntitle: x\n",
    "tags:\n  - a\n - b\n", "tags:\n  - a\n\n  - b\n", "tags:\n  - [a]\n", "tags:\n  - a: b\n",
    "header:\n  image: x.png\n", "title: a\u00a0\n", "title: a\r\n", "null: x\n", "y: 1\n",
    "title: \"x\" # c\n", "tags:\n  -\n",
])
def test_fast_path_quoted_and_block_lists(yaml):
    fast = fast_load(yaml)
    try:
        slow = load_yaml_mapping(yaml)
    except HeaderError:
        assert fast is None
        return
    if fast is not None:
        assert fast == slow and [type(v) for v in fast.values()] == [
            type(v) for v in slow.values()]


def test_fast_path_takes_the_common_til_header():
    yaml = ('title: "TIL :: A new chapter"\ntag: [Notice, MLOpsReview, TIL_25]\n'
            "categories: Notice\ntoc: true \ntags:\n  - a\n  - b\n")
    assert fast_load(yaml) == load_yaml_mapping(yaml)


_VALUE = st.text(alphabet="ab 한:#-'\"[],{}!&*|>%@`?.0123456789\\\u00a0eE+~", max_size=12)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["title", "tags", "tag", "toc", "n"]),
                          st.sampled_from(["plain", "flow", "block", "dq", "sq"]),
                          st.lists(_VALUE, min_size=0, max_size=3)), max_size=4))
def test_fast_path_agrees_with_ruamel_on_generated_headers(spec):
    lines = []
    for key, form, values in spec:
        v = values or [""]
        if form == "plain":
            lines.append(f"{key}: {v[0]}")
        elif form == "flow":
            lines.append(f"{key}: [{', '.join(v)}]")
        elif form == "block":
            lines += [f"{key}:"] + [f"  - {x}" for x in v]
        elif form == "dq":
            lines.append(f'{key}: "{v[0]}"')
        else:
            lines.append(f"{key}: '{v[0]}'")
    yaml = "\n".join(lines) + "\n"
    fast = fast_load(yaml)
    if fast is None:
        return
    slow = load_yaml_mapping(yaml)  # the fast path must never accept invalid YAML
    assert fast == slow
    assert [type(v) for v in fast.values()] == [type(v) for v in slow.values()]
