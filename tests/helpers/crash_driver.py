"""Drives the real app (tileditor.app.main) from inside its own process for the crash test:
`type` mode opens a post (or presses Ctrl+N for a new one) and types at a steady pace, printing
"TYPED <count> <monotonic seconds>" after each key; `recover` mode answers every recovery dialog
with Restore and prints each restored buffer as "RESTORED <json>", then quits.
Run: python tests/helpers/crash_driver.py type|recover [--new] [--pace-ms N] [--text T] REPO"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tileditor import app as tileditor_app  # noqa: E402


def _say(line: str) -> None:
    print(line, flush=True)


def _main_window():
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "mainWindow":
            return widget
    return None


def _start_typing(args) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    state = {"typed": 0, "started": False}

    def prepare():
        window = _main_window()
        if window is None or window.session.document.path is None:
            QTimer.singleShot(50, prepare)
            return
        window.activateWindow()
        if QApplication.activeWindow() is not window:
            QTimer.singleShot(50, prepare)  # shortcuts such as Ctrl+N reach the active window only
            return
        if args.new:
            QTest.keyClick(window.editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
            if window.session.document.path is not None:
                _say("ERROR Ctrl+N did not open a new post")
                return
        editor = window.editor
        editor.setFocus()
        cursor = editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        editor.setTextCursor(cursor)
        _say(f"READY {json.dumps({'path': str(window.session.document.path or ''), 'text': editor.text()})}")
        timer.start()

    def type_one():
        window = _main_window()
        if state["typed"] >= len(args.text):
            timer.stop()
            _say("FINISHED")
            return
        QTest.keyClicks(window.editor, args.text[state["typed"]])
        state["typed"] += 1
        _say(f"TYPED {state['typed']} {time.monotonic():.4f}")

    timer = QTimer()
    timer.setInterval(args.pace_ms)
    timer.timeout.connect(type_one)
    _start_typing.timer = timer  # kept alive for the whole run
    QTimer.singleShot(0, prepare)


def _start_recovering(args) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    state = {"dialogs": 0, "connected": False, "idle_ticks": 0}

    def report():
        window = _main_window()
        doc = window.session.document
        _say("RESTORED " + json.dumps({"path": str(doc.path) if doc.path else None,
                                       "text": window.editor.text(), "dirty": doc.dirty}))

    def poll():
        modal = QApplication.activeModalWidget()
        window = _main_window()
        if modal is not None and modal.objectName() == "recoveryDialog":
            if not state["connected"] and window is not None:
                window.session.document_changed.connect(report)
                state["connected"] = True
            state["dialogs"] += 1
            _say(f"DIALOG {modal.windowTitle()}")
            modal.restore_button.click()
        elif window is not None and window.isVisible():
            state["idle_ticks"] += 1
            # offer_recovery runs before the main loop: no dialog for a while means it is done.
            if state["idle_ticks"] > 20:
                _say(f"DONE {state['dialogs']}")
                window.shutdown()
                # exit(), not quit(): quit() first closes the window, which would ask about the
                # restored (unsaved) buffers in a real message box.
                QApplication.instance().exit(0)
                return
        QTimer.singleShot(100, poll)

    QTimer.singleShot(0, poll)


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("type", "recover"))
    parser.add_argument("repo")
    parser.add_argument("--new", action="store_true", help="type into a new post (Ctrl+N)")
    parser.add_argument("--pace-ms", type=int, default=40)
    parser.add_argument("--text", default=" ".join(f"w{i:03d}" for i in range(400)))
    args = parser.parse_args(argv)
    tileditor_app._ensure_app()  # the QApplication main() will reuse; timers need it first
    (_start_typing if args.mode == "type" else _start_recovering)(args)
    return tileditor_app.main([args.repo])


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
