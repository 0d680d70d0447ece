"""Form-field edits: an emptied title or tag field keeps its key in place (retyping does not
move it to the end), and one key's edit in a huge header does not re-parse the whole header."""

from __future__ import annotations

import pytest

from tileditor.core.frontmatter import mapping as frontmatter
from tileditor.core.frontmatter import scan as frontmatter_scan
from tileditor.core.post import Post

HEADER = '---\ntitle: "Old"\ntag: [a, b]\ncategories: Notice\ntoc: true\n---\nbody\n'


def test_retyping_the_title_keeps_its_place():
    post = Post.from_text(HEADER)
    for typed in ["", "N", "Ne", "New"]:  # select all, then type: the form sends each state
        post.front_matter.set_field("title", typed or None)
    assert post.to_text() == HEADER.replace('"Old"', '"New"')


def test_emptied_fields_keep_text_and_list_keys_and_drop_others():
    post = Post.from_text(HEADER)
    fm = post.front_matter
    fm.set_field("title", "")
    fm.set_field("tag", [])
    fm.set_field("toc", None)
    assert post.header_text == 'title: ""\ntag: []\ncategories: Notice\n'
    fm.set_field("tag", ["x"])
    fm.set_field("missing", None)  # nothing to clear: nothing written
    assert post.header_text == 'title: ""\ntag: [x]\ncategories: Notice\n'


@pytest.fixture
def scanned(monkeypatch):
    """Sizes (in lines) of every text the front-matter code parses."""
    sizes: list[int] = []
    real = frontmatter_scan.scan

    def counting(lines, offset=2):
        sizes.append(len(lines))
        return real(lines, offset)

    monkeypatch.setattr(frontmatter, "scan", counting)
    monkeypatch.setattr(frontmatter_scan, "scan", counting)
    return sizes


def test_one_key_edit_in_a_10000_line_header_parses_only_its_lines(scanned):
    header = 'title: "Big"\ntags: [a, b]\n' + "".join(f"key_{i}: value {i}\n" for i in range(10000))
    post = Post.from_text(f"---\n{header}---\nbody\n")
    assert post.front_matter_error is None and scanned == [10002]
    post.front_matter["title"] = "Bigger"  # the form's way: one edit on a freshly read post
    assert scanned[1:] == [1]
    text = post.to_text()
    assert text.startswith('---\ntitle: "Bigger"\ntags: [a, b]\nkey_0: value 0\n')
    assert text.endswith("key_9999: value 9999\n---\nbody\n")
    again = Post.from_text(text)
    assert again.front_matter["title"] == "Bigger" and len(again.front_matter) == 10002
    # The edit carried the other keys' entries over (no second parse of 10,002 lines), and the
    # window reading the text it just got finds them remembered.
    assert Post.from_text(text).front_matter_error is None
    assert scanned[1:] == [1]
    again.front_matter["new_key"] = "appended"
    assert scanned[1:] == [1, 1]
    assert again.to_text().endswith("key_9999: value 9999\nnew_key: appended\n---\nbody\n")
