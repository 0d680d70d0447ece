"""The single replacement a form edit is applied with: it turns the old text into the new one
and is the smallest such (the longest common start, then the longest common end after it)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tileditor.core.text_diff import minimal_replacement

_TEXT = st.text(st.sampled_from("abxy\n"), max_size=40)


def _naive(old: str, new: str) -> tuple[int, int, str]:
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    a, b = len(old), len(new)
    while a > start and b > start and old[a - 1] == new[b - 1]:
        a, b = a - 1, b - 1
    return start, a, new[start:b]


@given(_TEXT, _TEXT, st.integers(0, 3), st.integers(0, 3))
def test_replacement_gives_the_new_text_and_is_the_smallest(old, new, pad_a, pad_b):
    # Long shared starts and ends (past one compared chunk) with a small change between.
    head, tail = "x" * (4096 * pad_a + 7), "y" * (4096 * pad_b + 3)
    old, new = head + old + tail, head + new + tail
    start, end, text = minimal_replacement(old, new)
    assert old[:start] + text + old[end:] == new
    if old != new:
        assert (start, end, text) == _naive(old, new)
