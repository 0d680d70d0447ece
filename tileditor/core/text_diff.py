"""The smallest single replacement that turns one text into another, so the window can apply
a form edit to the editor as one undo step that leaves the rest untouched. Widget-free."""

from __future__ import annotations

_CHUNK = 4096  # compared a slice at a time: a header of 10,000 lines is 300,000 characters


def minimal_replacement(old: str, new: str) -> tuple[int, int, str]:
    """(start, end, text): replacing old[start:end] with text gives new."""
    if old == new:
        return len(old), len(old), ""
    limit = min(len(old), len(new))
    start = 0
    while start + _CHUNK <= limit and old[start:start + _CHUNK] == new[start:start + _CHUNK]:
        start += _CHUNK
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    room = limit - start  # the common end may not reach back into the common start
    same = 0
    while same + _CHUNK <= room and old[end_old - same - _CHUNK:end_old - same] == \
            new[end_new - same - _CHUNK:end_new - same]:
        same += _CHUNK
    while same < room and old[end_old - same - 1] == new[end_new - same - 1]:
        same += 1
    return start, end_old - same, new[start:end_new - same]
