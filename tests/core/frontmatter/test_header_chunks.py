"""A big header's values loaded piece by piece are exactly the whole-header load: the same
values in the same key order (duplicates: the last wins, in its place), the same error with
the same line, whatever the header holds; and after a one-key edit only that key's lines are
parsed again."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tileditor.core.frontmatter import MIN_CHARS, HeaderError, load_header_values, load_yaml_mapping
from tileditor.core.frontmatter import chunks as header_chunks

FILLER = "".join(f"key_{i:04d}: value {i} with words\n" for i in range(MIN_CHARS // 28 + 1))
LINES = st.sampled_from([
    'title: "Quoted"', "title: plain  # c", "tags: [a, b]", "tags:", "- x", "  - y", "-key: v",
    "# comment", "", "   ", "header:", "  teaser: /a.png", "excerpt: >", "  folded", "note: |",
    "  kept", "list: [a,", "b]", 'q: "open', 'more"', "date: 2023-03-17 17:00:00 +0900",
    "n: ~", "t: True", "title: again", '"quoted key": 1', "'single': 2", "k: &a A", "r: *a",
    "<<: {m: 1}", "? complex", ": value", "%YAML 1.2", "bad: [", "\tindented: tab", "x:y",
    "key_0001: overridden", "한글: 값", "empty:", "- top level seq", "dup: 1", "dup: 2", "a: b: c",
])


def _same(yaml: str) -> None:
    try:
        expected = load_yaml_mapping(yaml, 2)
    except HeaderError as exc:
        try:
            load_header_values(yaml, 2)
        except HeaderError as got:
            assert (str(got), got.line) == (str(exc), exc.line)
            return
        raise AssertionError(f"no error, expected {exc}") from None
    got = load_header_values(yaml, 2)
    assert got == expected and list(got) == list(expected)


EXAMPLES = int(os.environ.get("TILEDITOR_HYPOTHESIS_EXAMPLES", "200"))


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(LINES, max_size=10), st.lists(LINES, max_size=10), st.booleans())
@example(["  teaser: /a.png"], [], False)  # an indented first key: the whole header is invalid
def test_pieces_read_as_the_whole_header(before, after, crlf):
    yaml = "\n".join(before) + "\n" + FILLER + "\n".join(after) + ("\n" if after else "")
    if crlf:
        yaml = yaml.replace("\n", "\r\n")
    _same(yaml)


def test_values_handed_out_are_copies():
    yaml = FILLER + "tags:\n- a\n- b\n"
    first = load_header_values(yaml)
    first["tags"].append("changed")
    assert load_header_values(yaml)["tags"] == ["a", "b"]


def test_a_one_key_edit_parses_only_that_key_again(monkeypatch):
    yaml = 'title: "Big"\n' + FILLER
    assert load_header_values(yaml)["title"] == "Big"
    sizes = []
    real = header_chunks.load_yaml_mapping
    monkeypatch.setattr(header_chunks, "load_yaml_mapping",
                        lambda text, offset=1: sizes.append(text.count("\n")) or real(text, offset))
    edited = yaml.replace('"Big"', '"Bigger"', 1)
    assert load_header_values(edited) == load_yaml_mapping(edited)
    assert sizes == [1]
