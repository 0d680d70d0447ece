"""Post: text and bytes round trips, body/header edits, Jekyll's tag/category readings."""

from __future__ import annotations

import codecs

import pytest

from tileditor.core.post import Post


def test_text_round_trip_and_parts():
    text = "---\ntitle: a\ntag: [x, y]\n---\n\n# Hi\n---\nthematic break above"
    post = Post.from_text(text)
    assert post.to_text() == text
    assert post.has_front_matter and post.header_text == "title: a\ntag: [x, y]\n"
    assert post.body == "\n# Hi\n---\nthematic break above"
    assert post.front_matter["tag"] == ["x", "y"]


def test_body_edit_changes_only_body():
    post = Post.from_text("---\ntitle: a\n---\nold")
    post.body = "new\n"
    assert post.to_text() == "---\ntitle: a\n---\nnew\n"


def test_header_text_setter_reparses():
    post = Post.from_text("---\ntitle: a\n---\nbody")
    post.header_text = "title: b\ntags: [x]"
    assert post.front_matter["title"] == "b" and post.tags == ["x"]
    assert post.to_text() == "---\ntitle: b\ntags: [x]\n---\nbody"


def test_no_header_then_set_key_creates_header():
    post = Post.from_text("just text\r\nmore\r\n")
    assert not post.has_front_matter and post.to_text() == "just text\r\nmore\r\n"
    post.front_matter["title"] = "New"
    assert post.to_text() == "---\r\ntitle: New\r\n---\r\njust text\r\nmore\r\n"


def test_crlf_header_and_body_survive_and_edits_use_crlf():
    text = "---\r\ntitle: a\r\ntags:\r\n  - x\r\n---\r\nbody\r\n"
    post = Post.from_text(text)
    assert post.to_text() == text
    post.front_matter["tags"] = ["x", "y"]
    assert post.to_text() == "---\r\ntitle: a\r\ntags:\r\n  - x\r\n  - y\r\n---\r\nbody\r\n"


@pytest.mark.parametrize("bom", [False, True])
def test_bytes_round_trip_keeps_bom_and_missing_final_newline(tmp_path, bom):
    data = (codecs.BOM_UTF8 if bom else b"") + "---\ntitle: é\n---\nno newline".encode()
    path = tmp_path / "2025-01-01-x.md"
    path.write_bytes(data)
    post = Post.from_bytes(path.read_bytes())
    assert post.bom is bom and post.front_matter["title"] == "é"
    path.write_bytes(post.to_bytes())
    assert path.read_bytes() == data


def test_legacy_encoding_round_trip(tmp_path):
    data = "---\ntitle: 한글\n---\n본문".encode("cp949")
    post = Post.from_bytes(data)
    assert post.encoding == "cp949" and post.front_matter["title"] == "한글"
    assert post.to_bytes() == data


def test_invalid_yaml_keeps_text_and_reports_line():
    text = "---\ntitle: a\ntags: [a, b\n---\nbody"
    post = Post.from_text(text)
    assert post.front_matter_error is not None
    assert "line" in post.front_matter_error
    assert dict(post.front_matter) == {}
    assert post.to_text() == text
    with pytest.raises(ValueError):
        post.front_matter["title"] = "x"


def test_dots_closing_fence_and_fence_without_newline():
    for text in ("---\ntitle: a\n...\nbody", "---\ntitle: a\n---"):
        post = Post.from_text(text)
        assert post.to_text() == text and post.front_matter["title"] == "a"


def test_tags_and_categories_follow_jekyll():
    assert Post.from_text("---\ntags: a b\n---\n").tags == ["a", "b"]
    assert Post.from_text("---\ntag: a b\n---\n").tags == ["a b"]
    assert Post.from_text("---\ntag: [x]\ntags: [y]\n---\n").tags == ["x"]
    assert Post.from_text("---\ncategories: Notice\n---\n").categories == ["Notice"]
    assert Post.from_text("---\ncategory: [A, B]\n---\n").categories == ["A", "B"]
    assert Post.from_text("no header").tags == []


def test_empty_header_gets_key():
    post = Post.from_text("---\n---\nbody")
    post.front_matter["title"] = "t"
    assert post.to_text() == "---\ntitle: t\n---\nbody"


def test_error_message_names_the_file_line():
    post = Post.from_text("---\ntitle: a\nbad: : x\n---\nbody")
    assert "line 3" in post.front_matter_error
    assert post.front_matter.error_line == 3


def test_duplicate_tag_keys_read_last_like_jekyll():
    post = Post.from_text("---\ntags: [a]\ntitle: t\ntags: [b, c]\n---\n")
    assert post.tags == ["b", "c"] and post.front_matter_error is None
