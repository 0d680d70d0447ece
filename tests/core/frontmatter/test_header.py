import pytest

from tileditor.core.frontmatter import (
    HeaderError,
    as_datetime,
    as_list,
    load_yaml_mapping,
    read_header_values,
    split_front_matter,
)


def test_split_finds_jekyll_header_and_body():
    text = "---\ntitle: x\n---\nbody\n---\nnot a header\n"
    span = split_front_matter(text)
    assert span.yaml == "title: x\n"
    assert text[span.body_start:] == "body\n---\nnot a header\n"


def test_split_accepts_dots_close_and_crlf_and_no_trailing_newline():
    assert split_front_matter("---\r\na: 1\r\n...\r\nx").yaml == "a: 1\r\n"
    span = split_front_matter("---\na: 1\n---")
    assert span.close_line == "---" and span.body_start == len("---\na: 1\n---")


def test_no_header_when_text_does_not_start_with_fence():
    assert split_front_matter("\n---\na: 1\n---\n") is None
    assert split_front_matter("# Title\n") is None


def test_empty_header():
    span = split_front_matter("---\n---\nbody")
    assert span.yaml == "" and read_header_values("---\n---\nbody") == {}


def test_duplicate_keys_last_wins_like_jekyll():
    assert load_yaml_mapping("tags: [a]\ntitle: t\ntags: [b, c]\n") == {"title": "t", "tags": ["b", "c"]}


def test_error_has_file_line_number():
    with pytest.raises(HeaderError) as info:
        read_header_values("---\ntitle: ok\ntags: [a, b\nx: 1\n---\n")
    assert info.value.line is not None and info.value.line >= 3
    assert "line" in str(info.value)


def test_as_list_and_as_datetime():
    assert as_list("a b") == ["a", "b"]
    assert as_list(["a", ["b", "c"]]) == ["a", "b", "c"]
    assert as_list(None) == []
    assert as_datetime("2023-03-17 17:00:00 +0900").hour == 17
    assert as_datetime("garbage") is None


def test_loading_is_safe_from_many_threads():
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"---\ntitle: post {i}\ntags: [a{i}, b{i}]\nn: {i}\n---\nbody" for i in range(400)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(read_header_values, texts))
    assert all(r == {"title": f"post {i}", "tags": [f"a{i}", f"b{i}"], "n": i} for i, r in enumerate(results))
