"""Range maxima in constant time over a list that does not change (a sparse table): the
lexicon asks, per fence, for the longest closing run among the lines that could close it.
Must not import PySide6."""

from __future__ import annotations


def max_table(values: list[int]) -> list[list[int]]:
    """A sparse table: row k holds the maximum of each run of 2**k values."""
    table = [values]
    width = 1
    while 2 * width <= len(values):
        row = table[-1]
        table.append(list(map(max, row[:-width], row[width:])))  # twice a comprehension's speed
        width *= 2
    return table


def range_max(table: list[list[int]], lo: int, hi: int) -> int:
    """max(values[lo:hi + 1]) in constant time."""
    k = (hi - lo + 1).bit_length() - 1
    return max(table[k][lo], table[k][hi - (1 << k) + 1])
