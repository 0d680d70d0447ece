"""Draws the demo blog's pictures (resources/demo_blog/images/...) with QImage and QPainter.
Run from the repo root: `uv run python tools/make_demo_images.py`. A tool, not app code."""

from __future__ import annotations

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tileditor.qtenv import prepare_qt_environment  # noqa: E402

prepare_qt_environment(offscreen=True)

from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

IMAGES = ROOT / "resources" / "demo_blog" / "images"
INK = QColor("#334155")
BLUE, GREEN, ORANGE, RED = (QColor(c) for c in ("#3b82f6", "#10b981", "#f59e0b", "#ef4444"))


def _canvas(w: int, h: int) -> tuple[QImage, QPainter]:
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(QColor("#ffffff"))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    p.setFont(QFont("DejaVu Sans", 13))
    return img, p


def _tint(color: QColor, amount: float = 0.82) -> QColor:
    """`color` mixed with white: a soft fill that keeps the hue."""
    mix = [round(c + (255 - c) * amount) for c in (color.red(), color.green(), color.blue())]
    return QColor(*mix)


def _box(p: QPainter, rect: QRectF, fill: QColor, text: str, bold: bool = False) -> None:
    path = QPainterPath()
    path.addRoundedRect(rect, 10, 10)
    p.fillPath(path, _tint(fill))
    p.setPen(QPen(fill.darker(120), 2))
    p.drawPath(path)
    font = QFont(p.font())
    font.setBold(bold)
    p.setFont(font)
    p.setPen(INK)
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    font.setBold(False)
    p.setFont(font)


def _arrow(p: QPainter, a: QPointF, b: QPointF) -> None:
    p.setPen(QPen(INK, 2))
    p.drawLine(a, b)
    angle = math.atan2(b.y() - a.y(), b.x() - a.x())
    head = [
        b,
        *(b - QPointF(12 * math.cos(angle + s), 12 * math.sin(angle + s)) for s in (0.4, -0.4)),
    ]
    p.setBrush(INK)
    p.drawPolygon(QPolygonF(head))
    p.setBrush(Qt.BrushStyle.NoBrush)


def _save(img: QImage, p: QPainter, folder: str, name: str) -> Path:
    p.end()
    out = IMAGES / folder / name
    out.parent.mkdir(parents=True, exist_ok=True)
    img.save(str(out), "PNG")
    return out


def worktree() -> Path:
    img, p = _canvas(640, 300)
    _box(p, QRectF(230, 20, 180, 70), ORANGE, ".git\n(shared history)", bold=True)
    _box(p, QRectF(40, 190, 220, 80), BLUE, "blog/\nbranch: main")
    _box(p, QRectF(380, 190, 220, 80), GREEN, "../blog-hotfix/\nbranch: hotfix/login")
    _arrow(p, QPointF(150, 188), QPointF(270, 94))
    _arrow(p, QPointF(490, 188), QPointF(370, 94))
    p.drawText(QRectF(0, 120, 640, 30), Qt.AlignmentFlag.AlignCenter, "git worktree add")
    return _save(img, p, "2025-09-14-TIL25_GitWorktree", "worktree.png")


def pipeline() -> Path:
    img, p = _canvas(680, 170)
    labels = ["read_lines(path)", "only_errors(lines)", "parse(records)"]
    colors = [BLUE, ORANGE, GREEN]
    for i, (label, color) in enumerate(zip(labels, colors, strict=True)):
        _box(p, QRectF(20 + i * 225, 40, 190, 70), color, label)
        if i:
            _arrow(p, QPointF(i * 225 - 10, 75), QPointF(i * 225 + 18, 75))
    p.drawText(
        QRectF(0, 125, 680, 30),
        Qt.AlignmentFlag.AlignCenter,
        "yield: one line at a time, never the whole file in memory",
    )
    return _save(img, p, "2025-11-02-TIL25_PythonGenerator", "pipeline.png")


def _softmax(z: list[float], t: float) -> list[float]:
    m = max(z)
    e = [math.exp((x - m) / t) for x in z]
    s = sum(e)
    return [x / s for x in e]


def temperature() -> Path:
    img, p = _canvas(720, 300)
    scores = [2.0, 1.0, 0.1]
    colors = [BLUE, ORANGE, GREEN]
    for k, t in enumerate((0.5, 1.0, 4.0)):
        x0, base, height = 30 + k * 235, 240, 190
        p.setPen(QPen(INK, 1))
        p.drawLine(QPointF(x0, base), QPointF(x0 + 200, base))
        for i, prob in enumerate(_softmax(scores, t)):
            bar = QRectF(x0 + 15 + i * 62, base - prob * height, 46, prob * height)
            p.fillRect(bar, colors[i])
            p.drawText(
                QRectF(bar.left() - 10, bar.top() - 22, 66, 20),
                Qt.AlignmentFlag.AlignCenter,
                f"{prob:.2f}",
            )
        p.drawText(QRectF(x0, base + 10, 200, 30), Qt.AlignmentFlag.AlignCenter, f"T = {t:g}")
    return _save(img, p, "2026-01-08-TIL26_SoftmaxTemperature", "temperature.png")


def layers() -> Path:
    img, p = _canvas(560, 310)
    rows = [
        ("COPY . .", RED, "every commit"),
        ("RUN pip install -r requirements.txt", ORANGE, "when deps change"),
        ("COPY requirements.txt .", ORANGE, ""),
        ("WORKDIR /app", GREEN, ""),
        ("FROM python:3.12-slim", GREEN, "rarely"),
    ]
    for i, (label, color, note) in enumerate(rows):
        rect = QRectF(30, 20 + i * 58, 330, 48)
        _box(p, rect, color, label)
        if note:
            p.setPen(INK)
            p.drawText(QRectF(375, rect.top(), 180, 48), Qt.AlignmentFlag.AlignVCenter, note)
    _arrow(p, QPointF(16, 300), QPointF(16, 30))
    return _save(img, p, "2026-02-03-TIL26_DockerLayerCache", "layers.png")


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    for make in (worktree, pipeline, temperature, layers):
        out = make()
        print(f"{out.relative_to(ROOT)}: {out.stat().st_size} bytes")
    del app


if __name__ == "__main__":
    main()
