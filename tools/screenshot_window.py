"""Render the main window on a copy of the demo blog offscreen and save a PNG (default
docs/screenshot.png), waiting until the preview shows the post. Used for the README picture."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tileditor.qtenv import prepare_qt_environment  # noqa: E402

prepare_qt_environment(offscreen=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--post", help="post file name (stem) inside the demo blog to open")
    parser.add_argument("--size", default="1500x900")
    args = parser.parse_args()
    import PySide6.QtWebEngineWidgets  # noqa: F401
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from tileditor.app import build_window
    from tileditor.core.demo import demo_blog_source

    app = QApplication.instance() or QApplication([])  # noqa: F841 - kept alive
    tmp = Path(tempfile.mkdtemp(prefix="tileditor-shot-"))
    repo = tmp / "demo-blog"
    shutil.copytree(demo_blog_source(), repo)
    post = None
    if args.post:
        post = next(p for p in repo.rglob("*.md") if args.post in p.stem)
    window = build_window(
        repo, post, settings_path=tmp / "settings.ini", data_path=tmp / "data", demo=True
    )
    w, h = (int(x) for x in args.size.split("x"))
    window.resize(w, h)
    window.show()
    loop = QEventLoop()
    window.preview.rendered.connect(loop.quit)
    QTimer.singleShot(15000, loop.quit)
    loop.exec()
    end = QEventLoop()  # let images and fonts paint
    QTimer.singleShot(1500, end.quit)
    end.exec()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(args.output))
    print(args.output)
    window.shutdown()
    window.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
