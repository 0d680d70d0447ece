"""Every real post survives load/save byte for byte, and a tag edit touches only its lines."""

from __future__ import annotations

import pytest

from tests.helpers.corpus import corpus_posts
from tileditor.core.frontmatter import as_list
from tileditor.core.post import Post

POSTS = corpus_posts()
IDS = [p.name for p in POSTS]


def _needs_corpus():
    if not POSTS:
        pytest.skip("../shared/corpus is absent")


def test_corpus_is_found_when_present(corpus):
    assert len(POSTS) > 100


@pytest.mark.parametrize("path", POSTS, ids=IDS)
def test_text_and_bytes_round_trip(path, tmp_path):
    data = path.read_bytes()
    post = Post.from_bytes(data)
    text = data.decode(post.encoding).removeprefix("\ufeff")
    assert Post.from_text(text).to_text() == text
    out = tmp_path / path.name
    out.write_bytes(post.to_bytes())
    assert out.read_bytes() == data
    assert post.front_matter_error is None, post.front_matter_error


def _changed_region(old: list[str], new: list[str]) -> tuple[int, int, int]:
    """Common prefix length and the end (exclusive) of the changed part in old and in new."""
    p = 0
    while p < min(len(old), len(new)) and old[p] == new[p]:
        p += 1
    s = 0
    while s < min(len(old), len(new)) - p and old[-1 - s] == new[-1 - s]:
        s += 1
    return p, len(old) - s, len(new) - s


@pytest.mark.parametrize("path", POSTS, ids=IDS)
def test_adding_a_tag_changes_only_that_keys_lines(path):
    post = Post.from_bytes(path.read_bytes())
    fm = post.front_matter
    key = fm.key_for("tags", "tag")
    before_header = post.header_text.splitlines(keepends=True)
    old_span = fm.line_span(key)
    expected = as_list(fm.get(key)) + ["tileditor-test"]
    fm[key] = expected

    assert Post.from_text(post.to_text()).front_matter[key] == expected
    assert post.body == Post.from_bytes(path.read_bytes()).body
    after_header = post.header_text.splitlines(keepends=True)
    start, old_end, new_end = _changed_region(before_header, after_header)
    new_first, new_last = fm.line_span(key)
    if old_span is None:
        assert start == len(before_header) and old_end == start  # appended only
    else:
        assert old_span[0] <= start and old_end <= old_span[1] + 1
    assert new_first <= start and new_end <= new_last + 1
    # Everything else in the header reads back the same.
    others = {k: v for k, v in Post.from_bytes(path.read_bytes()).front_matter.items() if k != key}
    assert {k: v for k, v in fm.items() if k != key} == others
