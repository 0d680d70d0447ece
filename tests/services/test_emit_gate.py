"""EmitGate: emits pass while open, none after shut() (which waits for one in progress), and
reopen() lets a restarted worker speak again."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from tileditor.services.emit_gate import EmitGate


class _Source(QObject):
    ping = Signal(int)


def test_emits_pass_until_shut_and_again_after_reopen(qtbot):
    source, seen, gate = _Source(), [], EmitGate()
    source.ping.connect(seen.append)
    assert gate.emit(source.ping, 1)
    gate.shut()
    assert not gate.emit(source.ping, 2) and not gate.is_open
    gate.reopen()
    assert gate.emit(source.ping, 3)
    assert seen == [1, 3]


def test_shut_waits_for_an_emit_in_progress(qtbot):
    """A slot (direct connection, on the worker) that blocks keeps the emit in progress:
    shut() returns only once it is done, so nothing is emitted after shut() returns."""
    source, gate = _Source(), EmitGate()
    inside, release, order = threading.Event(), threading.Event(), []

    def slow_slot(value):
        inside.set()
        release.wait(5)
        order.append("emit done")

    from PySide6.QtCore import Qt

    source.ping.connect(slow_slot, Qt.ConnectionType.DirectConnection)
    worker = threading.Thread(target=gate.emit, args=(source.ping, 1))
    worker.start()
    assert inside.wait(5)
    shutter = threading.Thread(target=lambda: (gate.shut(), order.append("shut")))
    shutter.start()
    shutter.join(0.2)
    assert shutter.is_alive()  # waiting for the emit
    release.set()
    worker.join(5)
    shutter.join(5)
    assert order == ["emit done", "shut"]


def test_an_object_already_deleted_is_not_emitted_on(qtbot):
    source, gate = _Source(), EmitGate()
    import shiboken6

    shiboken6.delete(source)
    assert not gate.emit(source.ping, 1)
