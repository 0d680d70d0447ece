"""The Markdown lexicon (core/lexicon.py): kramdown GFM's fence, heading and comment rules as
examples checked against real kramdown (re-checked live when Ruby with Jekyll is here), and
properties on generated texts: a line is inside a fence region iff render() (and kramdown)
puts its text inside <pre>."""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tileditor.core import lexicon
from tileditor.core.render import render

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

import differential_kramdown as dk  # noqa: E402

# (markdown, fenced code blocks as (first, last) lines): kramdown 2.4 + kramdown-parser-gfm 1.1
# through Jekyll's converter put exactly the `wN` words of those blocks' lines inside <pre>.
FENCES = [
    ("```\nw1\n```\n", [(0, 2)]),
    ("~~~\nw1\n```\n~~~\n", [(0, 3)]),  # the other character does not close
    ("````\nw1\n```\nw2\n````\n", [(0, 4)]),  # a shorter run does not close a longer one...
    ("```\nw1\n`````\nw2\n", [(0, 2)]),  # ...a longer run closes a shorter one
    ("~~~\nw1\n~~~~~\nw2\n", [(0, 2)]),
    ("````\nw1\n```\n", [(0, 2)]),  # no closing ````: the regex backtracks to ``` (lang "`")
    ("~~~~js\nw1\n~~~\n", [(0, 2)]),  # info attached to the run: the same (lang "~js")
    ("```` js\nw1\n```\n", []),  # a space before the info: no shorter fence, no fence
    ("   ```\nw1\n   ```\n", [(0, 2)]),  # up to 3 spaces
    ("text\n    ```\n    w1\n    ```\n", []),  # 4 spaces: not a fence
    ("```\nw1\n    ```\nw2\n", []),  # a closer 4 spaces in does not close: never closed
    ("text\n\t```\nw1\n\t```\n", []),  # a tab is 4 columns
    ("``` js foo\nw1\n```\n", []),  # two info words: kramdown's regex does not match
    ("```js?x\nw1\n```\n", [(0, 2)]),
    ("```a`b\nw1\n```\n", [(0, 2)]),  # backticks in the info are fine for kramdown
    ("```\nw1\n", []),  # never closed: a paragraph
    ("```\nw1\n\n# w2\n", []),
    ("para\n```\nw1\n```\n", [(1, 3)]),  # a fence interrupts a paragraph
    ("```\n```\n", [(0, 1)]),
    ("```\nw1\n```  \nw2\n", [(0, 2)]),
    ("```\nw1\n``` x\n```\n", [(0, 3)]),  # a closer holds nothing but the run
    ("<!--\n```\nw1\n```\n-->\n", []),
    ("{::comment}\n```\nw1\n```\n{:/comment}\n", []),
    ("{::nomarkdown}\n```\nw1\n```\n{:/nomarkdown}\n", []),
    ("{::comment}\n```\nw1\n```\n", [(1, 3)]),  # no stop tag: the opener is text
    ("<div>\n```\nw1\n```\n</div>\n", []),  # raw HTML block
    ("> ```\n> w1\n> ```\n", [(0, 2)]),
    ("> ```\n> w1\n```\n", [(0, 2)]),  # a lazy line still belongs to the quote
    ("- item\n\n  ```\n  w1\n  ```\n", [(2, 4)]),
    ("- item\n```\nw1\n```\n", [(1, 3)]),
    ("- a\n\n    - b\n\n        ```\n        w1\n        ```\n", [(4, 6)]),  # 3 past "b"
    ("1. Step\n        ```\n        w1\n        ```\n", []),  # 5 past "Step": text
    ("- a\n\n   ```\nw1\n\nw2\n```\n", []),  # the item ends before w2: the fence is open
    ("# A\n~~~~\nw1\n~~~\n# C\n", [(1, 3)]),
]

# (markdown, headings as (line, level, text)): what kramdown makes <h1>..<h6> of.
HEADINGS = [
    ("# h\n", [(0, 1, "h")]),
    ("#h\n", []),  # GFM input: a space after the marks
    (" # h\n", []),  # and no indentation
    ("# h #\n", [(0, 1, "h")]),
    ("# h#\n", [(0, 1, "h#")]),
    ("## h {#hid}\n", [(0, 2, "h")]),
    ("#\n", []),
    ("####### h\n", []),
    ("Title\n=====\n", [(0, 1, "Title")]),
    ("para\n\nTitle\n---\n", [(2, 2, "Title")]),
    ("para\nTitle\n===\n", []),  # setext text must follow a blank line
    ("Title\n  ===\n", []),  # the underline starts the line
    ("  Title\n===\n", [(0, 1, "Title")]),
    ("para\n\n#NoSpace\n===\n", [(2, 1, "#NoSpace")]),
    ("```\nx\n```\nTitle\n===\n", []),  # right after a block is not after a blank line
    ("para\n# h\n", [(1, 1, "h")]),  # ATX interrupts a paragraph
    ("<!--\n# h\n-->\n", []),
    (" <!--\n# h\n-->\n", [(1, 1, "h")]),  # an indented comment is paragraph text
    ("para\n<!--\n# h\n-->\n", [(2, 1, "h")]),  # so is one inside a paragraph
    ("{::comment}\n# h\n{:/comment}\n", []),
    ("{::comment}\n# h\n{:/}\n# i\n", [(3, 1, "i")]),
    ("{::comment}\n# h\n", [(1, 1, "h")]),  # no stop tag
    ("{::comment} x\n# h\n{:/comment}\n", [(1, 1, "h")]),  # not alone on its line
    ("<div>\n# h\n</div>\n\n# i\n", [(4, 1, "i")]),
]

_PRE = re.compile(r"<pre\b.*?</pre>", re.S)
_WORD = re.compile(r"\bw(\d+)\b")
_H = re.compile(r"<h([1-6])[^>]*>(.*?)</h\1>", re.S)


def words_in_pre(page: str) -> set[str]:
    out: set[str] = set()
    for m in _PRE.finditer(page):
        out |= set(_WORD.findall(html.unescape(re.sub(r"<[^>]*>", "", m.group(0)))))
    return out


def words_in_fences(text: str, regions) -> set[str]:
    lines = text.split("\n")
    return {w for first, last in regions for ln in lines[first + 1:last]
            for w in _WORD.findall(ln)}


def page_headings(page: str) -> list[tuple[int, str]]:
    return [(int(level), html.unescape(re.sub(r"<[^>]*>", "", inner)).strip())
            for level, inner in _H.findall(page)]


@pytest.mark.parametrize(("text", "fences"), FENCES)
def test_fence_regions_follow_kramdown(text, fences):
    assert lexicon.code_regions(text) == fences


@pytest.mark.parametrize(("text", "fences"), FENCES)
def test_render_puts_exactly_the_fenced_lines_in_pre(text, fences):
    assert words_in_pre(render(text).html) == words_in_fences(text, fences)


@pytest.mark.parametrize(("text", "headings"), HEADINGS)
def test_headings_follow_kramdown(text, headings):
    assert list(lexicon.scan(text.split("\n")).headings) == headings


def test_fence_open_and_close_line_rules():
    opener = lexicon.fence_open("> ```js")
    assert (opener.prefix, opener.marker, opener.info, opener.quotes) == ("> ", "```", "js", 1)
    assert opener.closes("> ````") and not opener.closes("> ```js") and not opener.closes("```")
    assert opener.closes("```", lazy=True)  # a lazy line continues the quote
    assert lexicon.fence_open("    ```") is None
    assert lexicon.fence_open("      ```", base=3) is not None  # 3 past a list item's text
    assert lexicon.fence_open("          ```", base=None) is not None  # any indentation
    assert lexicon.fence_open("``` two words") is None
    assert lexicon.fence_open("``") is None
    assert lexicon.fence_closes("~~~~ \t", "~", 4) and not lexicon.fence_closes("~~~", "~", 4)


def test_a_backtracked_fence_keeps_the_rest_of_the_run_as_its_info():
    (fence,) = lexicon.find_fences(["````js", "code", "```"])
    assert (fence.length, fence.info) == (3, "`js")
    (fence,) = lexicon.find_fences(["````js", "code", "```", "````"])
    assert (fence.last, fence.length, fence.info) == (3, 4, "js")


def test_list_items_and_their_text_column():
    assert lexicon.list_item("- a") == lexicon.ListItem(0, "-", 2)
    assert lexicon.list_item("  12. a") == lexicon.ListItem(2, "12.", 6)
    assert lexicon.list_item("*\ta").column == 4
    assert lexicon.list_item("1) a") is None  # kramdown: ordered lists use a dot
    assert lexicon.list_item("-a") is None and lexicon.list_item("- ") is None


def test_heading_line_helpers():
    assert lexicon.atx_heading("### Title ## {#tid}") == (3, "Title")
    assert lexicon.atx_heading("# ") is None
    assert lexicon.setext_underline("=-=") == 1 and lexicon.setext_underline("--- ") == 2
    assert lexicon.setext_underline(" ---") is None
    assert lexicon.can_be_setext_text("Title") and not lexicon.can_be_setext_text("- item")
    assert not lexicon.can_be_setext_text("> quote") and not lexicon.can_be_setext_text("***")


def test_liquid_blocks_and_hidden_regions():
    text = "a\n{% comment %}\n# x\n{% endcomment %}\n{% raw %}{{ y }}{% endraw %}\n{%- highlight py -%}\n"
    kinds = [(b.kind, b.closed) for b in lexicon.liquid_blocks(text)]
    assert kinds == [("comment", True), ("raw", True), ("highlight", False)]
    body = "<!--\nx\n-->\n\n{::comment}\ny\n{:/comment}\n" + text
    assert lexicon.hidden_regions(body) == [(0, 2), (4, 6), (8, 10)]


def test_code_spans_pair_runs_of_equal_length():
    text = "a `b` c ``d ` e`` f ``` g"
    assert [text[s:e] for s, e in lexicon.code_spans(text)] == ["`b`", "``d ` e``"]


def test_many_unclosed_fences_and_comments_are_scanned_once():
    # Every opener below has no closer: the scan must not look for one from each of them
    # (kept as a shape check, the timing goal lives in bench/adversarial.py).
    lines = ["````a", "~~~~ b", "<!--", "{::comment}", ""] * 2000
    result = lexicon.scan(lines)
    assert result.fences == () and result.regions == ()


# Generated posts: fence lines of every kind, words, headings, blank lines, comments, and
# quote or list lines. `lazy=False` puts a blank line after each quote or list line: the
# lexicon is a flat scan, so a fence that a lazy quote line swallows is beyond its rules.
def _fence_line(indent: int, char: str, size: int, info: str) -> str:
    other = "~" if char == "`" else "`"
    return " " * indent + char * size + info.replace("@", other)


_FENCE_LINES = st.builds(_fence_line, st.sampled_from([0, 0, 1, 2, 3]), st.sampled_from("`~"),
                         st.sampled_from([3, 3, 4, 5]),
                         st.sampled_from(["", "", "js", " js", " a b", " ", "@x"]))
_OTHER = st.sampled_from(["word", "word", "blank", "heading", "<!--", "-->", "{::comment}",
                          "{:/comment}", "quote", "item", "continued"])


def _post(kinds: list[str], lazy: bool) -> str:
    out = []
    for n, kind in enumerate(kinds):
        if kind == "word":
            out.append(f"w{n}")
        elif kind == "blank":
            out.append("")
        elif kind == "heading":
            out.append(f"# w{n}")
        elif kind in ("quote", "item"):
            out.append(f"{'>' if kind == 'quote' else '-'} w{n}")
            if not lazy:
                out.append("")
        elif kind == "continued":
            out.append(f"  w{n}")
        else:
            out.append(kind)
    return "\n".join(out) + "\n"


_POSTS = st.lists(st.one_of(_FENCE_LINES, _OTHER), min_size=1, max_size=14)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kinds=_POSTS, lazy=st.booleans())
# A stray `{:/comment}` line was read as an IAL and dropped, so the `<!--` under it opened a
# comment block that swallowed the fence (kramdown: text, then the fence).
@example(kinds=["```", "```", "{:/comment}", "<!--", "~~~", "word", "~~~", "-->"], lazy=False)
def test_fence_regions_agree_with_render(kinds, lazy):
    text = _post(kinds, lazy)
    assert words_in_fences(text, lexicon.code_regions(text)) == words_in_pre(render(text).html)


_live = pytest.mark.skipif(not dk.available(), reason="ruby with jekyll/kramdown absent")


@pytest.fixture(scope="module")
def kramdown():
    with dk.Kramdown() as kd:
        yield kd


@_live
def test_the_examples_are_what_kramdown_does(kramdown):
    for text, fences in FENCES:
        page, error = kramdown.convert(text)
        assert error is None and words_in_pre(page) == words_in_fences(text, fences), text
    for text, headings in HEADINGS:
        page, error = kramdown.convert(text)
        assert page_headings(page) == [(level, title) for _, level, title in headings], text


@_live
@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(kinds=_POSTS)
@example(kinds=["item", "  ```", "```", "```", "```js", "quote", "```"])  # a lazy fence line
def test_fence_regions_agree_with_kramdown(kramdown, kinds):
    text = _post(kinds, lazy=False)
    page, error = kramdown.convert(text)
    assert error is None
    assert words_in_fences(text, lexicon.code_regions(text)) == words_in_pre(page)
