"""The recovery list's title read from the header's own title lines equals what a full parse of
a valid header reads (the last of duplicate keys, folded and quoted titles, anchors and
aliases, quoted keys); a header that does not parse never raises (its own title lines may
still give the title, which is all the recovery list shows)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tileditor.core.frontmatter import HeaderError, header_title, read_header_values

CASES = [
    '---\ntitle: "TIL :: A new chapter"\ntag: [a]\n---\nbody',
    "---\ntags: [a]\ntitle: >\n  folded\n  title\n\n# note\ndate: 2020-01-01\n---\n",
    "---\ntitle: first\nx: 1\ntitle: second\n---\n",
    "---\nbase: &t Anchored\ntitle: *t\n---\n",
    "---\ntitle: &t Hello\nexcerpt: *t\n---\n",
    '---\n"title": quoted key\n---\n',
    "---\nsubtitle: not it\n---\n",
    "---\ntitle:\n  - a list\n---\n",
    "---\ntitle: 3\n---\n",
    "---\r\ntitle: crlf\r\ntags: [a]\r\n---\r\n",
    "no header\n",
]


def _reference(text: str) -> str:
    try:
        value = read_header_values(text).get("title")
    except HeaderError:
        return ""
    return "" if value is None else str(value)


@pytest.mark.parametrize("text", CASES)
def test_title_is_what_a_full_parse_reads(text):
    assert header_title(text) == _reference(text)


def test_a_big_header_is_not_parsed_for_its_title(monkeypatch):
    from tileditor.core.frontmatter import title as module

    sizes = []
    real = module.load_yaml_mapping
    monkeypatch.setattr(module, "load_yaml_mapping", lambda y, o=1: sizes.append(len(y)) or real(y, o))
    text = "---\n" + "".join(f"k{i}: v\n" for i in range(10000)) + "title: Big\n---\nbody"
    assert header_title(text) == "Big" and sizes == [len("title: Big\n")]


def test_broken_header_gives_empty_title():
    assert header_title("---\ntitle: [unclosed\nx: 1\n---\n") == ""


_LINES = st.sampled_from(["title: a", "title: 'b c'", "title: >\n  d\n  e", "tags: [x]", "# c", "",
                          "title:", "t2: &a A", "title: *a", "k:\n  title: nested", "- bad"])


@given(st.lists(_LINES, max_size=6))
def test_generated_headers_agree_with_a_full_parse(lines):
    text = "---\n" + "\n".join(lines) + "\n---\n"
    try:
        read_header_values(text)
    except HeaderError:
        assert isinstance(header_title(text), str)
        return
    assert header_title(text) == _reference(text)


def test_a_block_list_at_column_zero_is_the_titles_value():
    # Found by the property above in a clean-clone CI run: "- bad" belongs to `title:`.
    text = "---\ntitle:\n- bad\n---\n"
    assert header_title(text) == _reference(text) == "['bad']"
