"""Valid but unusual headers (JSON style, complex keys, merge keys, anchors and aliases):
they parse as Psych reads them, and every form edit on them either works, read back by Psych,
or is refused with a FrontMatterEditError the UI can show (never a raw TypeError)."""

from __future__ import annotations

import pytest

from tests.helpers import psych as psych_oracle
from tileditor.core.frontmatter import FrontMatterEditError
from tileditor.core.post import Post

UNUSUAL = [
    '{"title": "JSON style", "tags": ["a", "b"], "toc": true}\n',
    "? [a, b]\n: c\ntitle: complex key\n",
    "? {a: 1}\n: mapping key\ntitle: x\n",
    "base: &b {layout: single, toc: true}\n<<: *b\ntitle: merged\n",
    "layout: wide\n<<: {layout: single, toc: true}\ntitle: merge overrides earlier keys\n",
    "<<: [{a: 1}, {a: 2, b: 3}]\ntitle: several maps\n",
    'title: &t Hello\nexcerpt: *t\ntags: &x [a, b]\ncategories: *x\n',
    "tags: &x\n  - a\n  - b\ncategories: *x\ntitle: block anchor\n",
    "title: !!str 123\nheader: {teaser: &img /a.png}\nog: *img\n",
]
EDITS = [("title", "New: title"), ("title", None), ("tags", ["c", "d"]), ("tags", None),
         ("layout", "splash"), ("layout", None), ("toc", False), ("excerpt", "Other"),
         ("categories", None), ("new_key", "v")]


@pytest.fixture(scope="module")
def psych():
    if not psych_oracle.available():
        pytest.skip("ruby (Psych) is not installed")
    proc = psych_oracle.Psych()
    yield proc
    proc.close()


@pytest.mark.parametrize("header", UNUSUAL)
def test_unusual_headers_parse_as_psych_reads_them(psych, header):
    post = Post.from_bytes(f"---\n{header}---\nbody\n".encode())
    assert post.front_matter_error is None
    assert psych.load(header) == {"ok": psych_oracle.as_psych(dict(post.front_matter.items()))}


@pytest.mark.parametrize("header", UNUSUAL)
@pytest.mark.parametrize("key, value", EDITS)
def test_form_edits_on_unusual_headers_work_or_say_why(psych, header, key, value):
    post = Post.from_text(f"---\n{header}---\nbody\n")
    before = post.to_text()
    fm = post.front_matter
    try:
        if value is None:
            if key not in fm:
                return
            del fm[key]
        else:
            fm[key] = value
    except FrontMatterEditError as exc:
        assert str(exc) and post.to_text() == before  # refused: nothing written
        return
    read = psych.load(post.header_text)
    assert read == {"ok": psych_oracle.as_psych(dict(fm.items()))}, post.header_text
    mapping = dict(read["ok"]["map"]) if all(isinstance(k, str) for k, _ in read["ok"]["map"]) else {}
    if value is None:
        assert key not in mapping
    elif mapping:
        assert mapping[key] == psych_oracle.as_psych(value)
    assert post.body == "body\n"


def test_alias_keeps_following_its_anchor():
    post = Post.from_text("---\ntitle: &t Hello\nexcerpt: *t\n---\n")
    post.front_matter["title"] = "World"
    assert post.header_text == "title: &t World\nexcerpt: *t\n"
    assert post.front_matter["excerpt"] == "World"


def test_removing_an_anchored_value_an_alias_uses_is_refused_with_a_message():
    post = Post.from_text("---\ntitle: &t Hello\nexcerpt: *t\n---\n")
    with pytest.raises(FrontMatterEditError, match="alias"):
        del post.front_matter["title"]
    assert post.header_text == "title: &t Hello\nexcerpt: *t\n"


def test_merged_key_is_overridden_after_the_merge_and_cannot_be_removed():
    post = Post.from_text("---\nbase: &b {layout: single}\n<<: *b\ntitle: x\n---\n")
    assert post.front_matter["layout"] == "single"
    post.front_matter["layout"] = "splash"
    assert post.header_text.endswith("title: x\nlayout: splash\n")
    with pytest.raises(FrontMatterEditError, match="merge"):
        del Post.from_text("---\n<<: {layout: single}\n---\n").front_matter["layout"]


def test_complex_key_post_loads_from_bytes():
    post = Post.from_bytes(b"---\n? [a, b]\n: c\n---\nx")
    assert post.front_matter[("a", "b")] == "c" and post.to_bytes() == b"---\n? [a, b]\n: c\n---\nx"


def test_json_style_header_refuses_edits_that_would_need_new_lines():
    post = Post.from_text('---\n{"title": "x", "tags": ["a"]}\n---\n')
    post.front_matter["title"] = "y"
    assert post.header_text == '{"title": "y", "tags": ["a"]}\n'
    with pytest.raises(FrontMatterEditError):
        del post.front_matter["tags"]
    with pytest.raises(FrontMatterEditError):
        post.front_matter["layout"] = "single"
