"""Regression guard for PySide6 6.12.0 on CPython 3.11: every signal delivered to a Python slot
released one reference to True too many, and the process died after a few thousand signals."""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(bool)


def test_100k_signals_keep_refcount_of_true():
    hits = []
    em = _Emitter()
    em.fired.connect(lambda value: hits.append(1) if len(hits) < 1 else None)
    before = sys.getrefcount(True)
    for _ in range(100_000):
        em.fired.emit(True)
    after = sys.getrefcount(True)
    assert hits == [1]
    # A healthy binding leaves it unchanged (give a little room for unrelated objects).
    assert abs(after - before) < 100, (before, after)
