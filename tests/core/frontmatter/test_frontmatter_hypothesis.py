"""Property tests on real headers and bodies: mutated posts load without raising and save back
unchanged; values set through FrontMatter read back from the saved text."""

from __future__ import annotations

import os
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.corpus import corpus_posts
from tileditor.core.post import Post

# A few hand-written headers so the properties run even without the corpus.
BUILTIN = [
    '---\ntitle: "TIL :: A new chapter"\ntag: [Notice, MLOpsReview, TIL_25]\ncategories: Notice\n'
    "read_time: True\ntoc: true \ntypora-root-url: ../\n---\n\n# Start\n\nSome text  \nwith",
    "---\r\ntitle: >\r\n  folded\r\n  title\r\ntags:\r\n- a\r\n- [b,c]\r\n\r\n# c\r\n---\r\nx\r\n",
    "---\ntags:\n  - x\ndate: 2023-03-17 17:00:00 +0900\ndate: 2020-01-01\nheader:\n"
    "  teaser: /a.png\n---\nbody\n---\nafter a thematic break",
    "no header at all\n",
]
TEXTS = BUILTIN + [p.read_bytes().decode("utf-8", "replace") for p in corpus_posts()]

YAML_NOISE = st.text(
    alphabet=st.sampled_from(list(":-[]{}#'\"|>&*!%@,?\n\r\t  ") + list(string.ascii_letters)
                             + ["\u00a0", "\u200b", "\u202f", "한", "é", "\ufeff", "\x85"]),
    max_size=12,
)
PLAIN_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)


@st.composite
def mutated_text(draw) -> str:
    text = draw(st.sampled_from(TEXTS))
    for _ in range(draw(st.integers(1, 3))):
        pos = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "dup_line", "crlf"]))
        if op == "insert":
            text = text[:pos] + draw(YAML_NOISE) + text[pos:]
        elif op == "delete":
            text = text[:pos] + text[pos + draw(st.integers(0, 10)):]
        elif op == "dup_line":
            lines = text.splitlines(keepends=True) or [""]
            i = pos % len(lines)
            text = "".join(lines[:i + 1] + lines[i:])
        else:
            text = text.replace("\n", "\r\n")
    return text


FAST = settings(max_examples=int(os.environ.get("TILEDITOR_HYPOTHESIS_EXAMPLES", "150")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FAST
@given(mutated_text())
def test_mutated_posts_load_and_save_unchanged(text):
    post = Post.from_text(text)
    assert post.to_text() == text
    dict(post.front_matter)  # reading every value never raises
    data = text.encode("utf-8")
    assert Post.from_bytes(data).to_bytes() == data
    if post.front_matter_error is not None:
        assert "YAML" in post.front_matter_error


KEYS = st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,12}", fullmatch=True)
VALUES = st.one_of(
    PLAIN_TEXT,
    st.lists(PLAIN_TEXT, min_size=1, max_size=4),
    st.booleans(),
    st.integers(-10**6, 10**6),
)


@FAST
@given(st.sampled_from(TEXTS), st.data())
def test_set_values_read_back_and_leave_other_keys(text, data):
    post = Post.from_text(text)
    if post.front_matter_error is not None:
        return
    fm = post.front_matter
    existing = [k for k in fm if isinstance(k, str)]
    key = data.draw(st.sampled_from(existing) | KEYS if existing else KEYS)
    value = data.draw(VALUES)
    others = {k: v for k, v in fm.items() if k != key}
    body = post.body
    fm[key] = value
    again = Post.from_text(post.to_text())
    assert again.front_matter_error is None
    assert again.front_matter[key] == value
    assert {k: v for k, v in again.front_matter.items() if k != key} == others
    assert again.body == body
