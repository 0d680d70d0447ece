"""The code-region lookup the image scanner asks once per match answers as trying every span
would (spans overlap: fences, highlight blocks and code spans)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tileditor.core.images.refs import _Regions

_SPAN = st.tuples(st.integers(0, 60), st.integers(0, 30)).map(lambda t: (t[0], t[0] + t[1]))


@given(st.lists(_SPAN, max_size=12), st.integers(-2, 95))
def test_has_is_any_span_containing_the_position(spans, pos):
    assert _Regions(spans).has(pos) == any(a <= pos < b for a, b in spans)
