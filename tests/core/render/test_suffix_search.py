"""SuffixSearch (kramdown/suffix_search.py) finds what `regex.search` finds in every block of
a chain of line tails, as Python-Markdown's block processors hand them over, with nested
blocks searched in between."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tileditor.core.render.kramdown.gfm_blocks import _GFM_HASH, _LIST_LIKE_RULE
from tileditor.core.render.kramdown.suffix_search import SuffixSearch

_QUOTE = re.compile(r"(^|\n)[ ]{0,3}>[ ]?(.*)")
_PATTERNS = [_GFM_HASH, _LIST_LIKE_RULE, _QUOTE]
_LINES = st.lists(st.sampled_from(["# h", "#x", "a", "> q", " >", "- - -", "---", "* * *",
                                   "", "  # b", "text #", "-"]), max_size=14)


def _span(m):
    return None if m is None else (m.start(), m.end(), m.groups())


@settings(max_examples=300, deadline=None)
@given(lines=_LINES, nested=st.lists(_LINES, max_size=4), which=st.sampled_from(_PATTERNS),
       cuts=st.lists(st.integers(0, 3), max_size=14))
def test_every_tail_gets_the_plain_search(lines, nested, which, cuts):
    search = SuffixSearch(which)
    search.SHORT = 0  # every block through the memo, however short
    block = "\n".join(lines)
    others = ["\n".join(n) for n in nested]
    for i, cut in enumerate(cuts):
        assert _span(search.search(block)) == _span(which.search(block))
        if others:  # a nested block searched between two lines of the outer one
            other = others[i % len(others)]
            assert _span(search.search(other)) == _span(which.search(other))
        block = block.split("\n", cut + 1)[-1] if "\n" in block else ""


def test_a_block_that_is_not_a_tail_is_searched_afresh():
    search = SuffixSearch(_GFM_HASH)
    search.SHORT = 0
    assert search.search("a\n# h\nb") is not None
    assert search.search("b") is None  # a tail, past the heading
    assert search.search("h\nb") is None  # not a whole-line tail ("# h" cut mid-line)
    assert search.search("# c") is not None
