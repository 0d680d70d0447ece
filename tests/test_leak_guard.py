"""The autouse leak guard (tests/helpers/leaks.py) sees what a test leaves running."""

from __future__ import annotations

import threading

from tests.helpers import leaks


def test_guard_reports_an_active_timer_a_running_qthread_and_a_python_thread(qtbot):
    from PySide6.QtCore import QThread, QTimer

    before = leaks.Snapshot()
    timer = QTimer()
    timer.setObjectName("leftover")
    timer.start(10_000)
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait, name="leftover-worker", daemon=True)
    worker.start()
    qthread = QThread()
    qthread.start()
    try:
        found = before.leaks(settle_s=0.1)
        assert any("QTimer" in f and "leftover" in f for f in found), found
        assert any("leftover-worker" in f for f in found), found
        assert any(f.startswith("QThread") for f in found), found
    finally:
        timer.stop()
        stop.set()
        worker.join(2)
        qthread.quit()
        qthread.wait(2000)
    assert before.leaks(settle_s=1.0) == []
