"""The smallest single replacement that turns one text into another, so the window can apply
a form edit to the editor as one undo step that leaves the rest untouched. Widget-free."""

from __future__ import annotations


def minimal_replacement(old: str, new: str) -> tuple[int, int, str]:
    """(start, end, text): replacing old[start:end] with text gives new."""
    if old == new:
        return len(old), len(old), ""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return start, end_old, new[start:end_new]
