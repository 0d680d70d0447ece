"""The cold-start yardstick: a bare QWebEngineView showing an exported HTML file, run as its
own process by startup.py; prints one "loaded ..." line on loadFinished and quits.
Imports only PySide6, so it costs what any QtWebEngine app must pay."""

from __future__ import annotations

import os
import sys
import time

STARTED = time.perf_counter()


def main(html_path: str, base_dir: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    view = QWebEngineView()
    view.resize(700, 860)  # about the preview's share of the app's window

    def done(ok: bool) -> None:
        print(f"loaded ok={ok} in {time.perf_counter() - STARTED:.3f}s", flush=True)
        app.quit()

    view.loadFinished.connect(done)
    with open(html_path, encoding="utf-8") as fh:
        html = fh.read()
    base = QUrl.fromLocalFile(base_dir.rstrip("/") + "/")
    if len(html.encode("utf-8")) <= 1_500_000:
        view.setHtml(html, base)
    else:  # setHtml refuses pages over 2 MB
        view.load(QUrl.fromLocalFile(html_path))
    view.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
