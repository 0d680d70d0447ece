"""The highlighter's linear scanners (core/linear_scan.py) find exactly what the regexes they
replace find with finditer, on generated lines and documents, and stay fast on hostile lines."""

from __future__ import annotations

import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from tileditor.core.linear_scan import EMPHASIS, STRONG, emphasis_spans, strong_spans

_TEXT = st.text(st.sampled_from(list("**__ ab\t\n.é1")), max_size=40)


def _regex_spans(pattern: str, text: str):
    return [m.span() for m in re.finditer(pattern, text)]


@settings(max_examples=2000, deadline=None)
@given(_TEXT)
def test_emphasis_spans_are_the_regexs(text):
    assert list(emphasis_spans(text)) == _regex_spans(EMPHASIS, text)


@settings(max_examples=2000, deadline=None)
@given(_TEXT)
def test_strong_spans_are_the_regexs(text):
    assert list(strong_spans(text)) == _regex_spans(STRONG, text)


def _cpu(scan, text: str) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        list(scan(text))
        best = min(best, time.process_time() - t0)
    return best


def test_a_line_of_unclosed_openers_is_linear():
    # The regexes are quadratic on these lines (a 50 KB one took seconds to highlight): time
    # at 4n over time at n is about 16 for them; the scanners stay near 4.
    for unit in ("*a ", "**a ", "_a ", "__a "):
        for scan in (emphasis_spans, strong_spans):
            small, big = _cpu(scan, unit * 2000), _cpu(scan, unit * 8000)
            assert big < 8 * max(small, 1e-4), (unit, scan.__name__, small, big)
