"""Dropping a 12-megapixel JPEG on the editor of the real window (drag enter, move, drop, as
a real drag sends them): time from the drag entering until the link is in the editor's text."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import gen
import qtharness as qh

POST_NAME = "2025-04-22-TIL25_Bench.md"


def _drop(widget, path: Path, pos) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(pos, *args)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        raise RuntimeError("the editor refused the drag")
    QApplication.sendEvent(widget, QDragMoveEvent(pos, *args))
    QApplication.sendEvent(widget, QDropEvent(QPointF(pos), *args))


def run(quick: bool = False) -> dict:
    qh.init_qt()
    drops = 2 if quick else 5
    with tempfile.TemporaryDirectory(prefix="tileditor-bench-img-") as tmp:
        tmp = Path(tmp)
        text = gen.make_post(300)
        repo = gen.make_small_repo(tmp / "blog", {POST_NAME: text})
        outside = tmp / "camera"
        outside.mkdir()
        pictures = []
        for i in range(drops):
            pic = outside / f"IMG_{4032 + i}.JPG"
            pictures.append((pic, gen.make_jpeg(pic, seed=i)))
        window, probe = qh.open_window(repo, repo / "_posts" / "2025" / POST_NAME, tmp)
        samples, found = [], []
        try:
            qh.middle_cursor(window, text)
            qh.spin(500)
            for pic, _size in pictures:
                editor = window.editor
                pos = editor.cursorRect(editor.textCursor()).center()
                t0 = time.perf_counter()
                _drop(editor.viewport(), pic, pos)
                t1 = _until_in_text(editor, pic.stem, timeout_s=10)
                samples.append(None if t1 is None else t1 - t0)
                found.append(t1 is not None)
                qh.spin(800)  # the preview catches up before the next drop
        finally:
            window.shutdown()
    ok = [s for s in samples if s is not None]
    return {"drops": drops, "jpeg_bytes": [size for _, size in pictures],
            "megapixels": 12.0, "link_found": found,
            "samples_ms": [None if s is None else round(s * 1000, 2) for s in samples],
            **qh.summary(ok)}


def _until_in_text(editor, stem: str, timeout_s: float) -> float | None:
    deadline = time.perf_counter() + timeout_s
    while True:
        if stem.lower() in editor.text().lower():
            return time.perf_counter()
        if time.perf_counter() > deadline:
            return None
        qh.spin(1)
