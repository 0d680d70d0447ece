"""After a one-key edit FrontMatter carries its entries over instead of parsing the header
again (issue 15 item 14: 10,000-line headers): the carried entries are what a fresh scan of
the new text gives, to every line, column and node offset, and any sequence of form edits
writes exactly the bytes that parsing afresh before each edit writes."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tileditor.core.frontmatter import FrontMatter, FrontMatterEditError
from tileditor.core.frontmatter import scan as frontmatter_scan
from tileditor.core.frontmatter.scan import scan, split_lines

PARTS = [
    'title: "Quoted title"\n', "title: plain title  # comment\n", "date: 2023-03-17 17:00:00 +0900\n",
    "tag: [Notice, MLOpsReview, TIL_25]\n", "tags: [a,b]\n", "categories: Notice\n",
    "read_time: True\n", "toc: true \n", "typora-root-url: ../\n", "# a comment line\n", "\n",
    "tags:\n  - x\n  - y\n", "items:\n- one\n- two\n", "header:\n  teaser: /a.png\n  overlay: x\n",
    "excerpt: >\n  folded\n  text\n", "note: |\n  kept\n  lines\n", "count: 3\n", "title: 'single'\n",
    "list: [[a, b], c]\n", "empty:\n", "n: ~\n", "hangul: 한글 제목\n",
]
KEYS = st.sampled_from(["title", "tags", "tag", "categories", "date", "toc", "layout", "header",
                        "items", "note", "count", "new_key"])
TEXTS = st.text(st.sampled_from(list("ab :#'\"-[]{}&*!|>,?") + ["한", "é", "\u00a0"]), max_size=12)
VALUES = st.one_of(TEXTS, st.lists(TEXTS, max_size=3), st.booleans(), st.integers(-5, 5),
                   st.just(None), st.just(""), st.just([]),
                   st.dictionaries(st.sampled_from(["teaser", "overlay", "k"]), TEXTS, max_size=2))


@st.composite
def headers(draw) -> str:
    text = "".join(draw(st.lists(st.sampled_from(PARTS), min_size=1, max_size=12)))
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    if draw(st.booleans()):
        text = text.rstrip("\r\n")
    return text


def _node_marks(node, shift: int) -> list:
    out, stack = [], [node]
    while stack:
        n = stack.pop()
        # A block collection's end mark runs on to the next token (over comment lines after
        # it); nothing reads it, and an edit after it moves it, so only its start counts.
        block = isinstance(n.value, list) and not getattr(n, "flow_style", True)
        end = None if block else n.end_mark.index + shift
        out.append((type(n).__name__, n.tag, n.start_mark.index + shift, end,
                    getattr(n, "style", None), getattr(n, "flow_style", None),
                    n.value if isinstance(n.value, str) else None))
        if isinstance(n.value, list):
            for item in n.value:
                stack.extend(item if isinstance(item, tuple) else (item,))
    return out


def _facts(entries) -> list:
    return [(e.key, repr(e.value), e.first, e.last, e.key_col, e.colon_end, e.value_inline,
             e.value_col, e.value_end_line, e.value_end_col, e.alias, e.kind,
             _node_marks(e.node, e.shift), _node_marks(e.key_node, e.shift)) for e in entries]


def _edit(fm: FrontMatter, key, value) -> bool:
    try:
        fm.set_field(key, value)
        return True
    except FrontMatterEditError:
        return False


EXAMPLES = int(os.environ.get("TILEDITOR_HYPOTHESIS_EXAMPLES", "150"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(headers(), st.lists(st.tuples(KEYS, VALUES), min_size=1, max_size=6))
def test_carried_entries_are_a_fresh_scan_and_edits_write_the_same_bytes(header, edits):
    nl = "\r\n" if "\r\n" in header else "\n"
    carried = FrontMatter(header, newline=nl)
    fresh_text = header
    for key, value in edits:
        fresh = FrontMatter(fresh_text, newline=nl)  # parsed afresh before each edit
        ok = _edit(fresh, key, value)
        assert _edit(carried, key, value) == ok, (key, value)
        fresh_text = fresh.text
        assert carried.text == fresh_text
        if not carried._stale and carried.error is None:
            assert _facts(carried._state[0]) == _facts(scan(split_lines(carried.text), 2))
        assert dict(carried.items()) == dict(FrontMatter(carried.text, newline=nl).items())


def test_a_title_edit_in_a_big_header_does_not_parse_it_again(monkeypatch):
    header = 'title: "Big"\n' + "".join(f"key_{i:05d}: value {i}\n" for i in range(3000))
    header += "items:\n" + "".join(f"  - item {i}\n" for i in range(3000))
    FrontMatter(header)  # the window has read this header before the first edit
    calls = []
    real = frontmatter_scan.scan
    monkeypatch.setattr(frontmatter_scan, "scan",
                        lambda lines, offset=2: calls.append(len(lines)) or real(lines, offset))
    text = header
    for title in ("Big1", "Big12", "Big123"):
        fm = FrontMatter(text)  # as the session builds it from the editor's text, each edit
        fm.set_field("title", title)
        text = fm.text
        assert fm["title"] == title and text.startswith(f'title: "{title}"\n')
    assert all(n < 10 for n in calls), calls  # only the edited key's own lines were parsed
