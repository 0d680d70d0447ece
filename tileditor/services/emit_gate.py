"""EmitGate: a worker thread's signal emits that can never meet the object's deletion.

A worker emitting on a QObject that the UI thread is deleting at that moment is a
use-after-free (the interpreter dies, exit 139): PySide raises RuntimeError only for an object
already gone, not for one going. So workers emit through a gate, holding its lock, and the
owner shuts the gate (taking the lock, so no emit is half done) before the object can be
deleted: in its stop()/shutdown() and, as a backstop, when the object is destroyed. Pure
Python: no Qt import."""

from __future__ import annotations

import threading


class EmitGate:
    def __init__(self) -> None:
        self._lock = threading.Lock()  # acquire() waits without the GIL: an emit never deadlocks
        self._open = True

    def emit(self, signal, *args) -> bool:
        """Emit `signal(*args)` if the gate is open; False when it was shut (or the object is
        already gone)."""
        with self._lock:
            if not self._open:
                return False
            try:
                signal.emit(*args)
            except RuntimeError:  # deleted without being shut first
                return False
            return True

    def shut(self, *_args) -> None:
        """No emit after this returns (also a slot for `destroyed`)."""
        with self._lock:
            self._open = False

    def reopen(self) -> None:
        with self._lock:
            self._open = True

    @property
    def is_open(self) -> bool:
        return self._open
