"""Look at spell checking in the real window on Xvfb: a small blog with an English and Korean
post, misspelled words typed with real X keys (xdotool), a real right-click on the last, and a
screenshot of the context menu. Prints what the menu and the editor hold. Usage:
    xvfb-run -a -s "-screen 0 1500x950x24" uv run python tools/shot_spelling.py OUT.png"""
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
import PySide6.QtWebEngineWidgets  # noqa: E402,F401
from PySide6.QtCore import QPoint, QTimer  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication, QMenu  # noqa: E402

from tileditor.app import build_window  # noqa: E402

POST = """---
title: "TIL :: 맞춤법 검사"
tags: [TIL, Jekyll]
---
## Spell checking

Today I learned how the editor checks my spelling while I write. Words inside `backtick
code`, a [link](https://example.com/pagge) or {{ site.baseurl }} are never flagged.

오늘은 배포가 잘 됬다. Jekyll을 쓰면 블로그 글을 Markdown으로 씁니다.

```bash
kubectl aplly -f deploy.yaml
```

I will """

app = QApplication.instance() or QApplication(sys.argv)
out = Path(sys.argv[1]).resolve()
tmp = Path(tempfile.mkdtemp(prefix="tileditor-shot-"))
blog = tmp / "blog"
(blog / "_posts").mkdir(parents=True)
(blog / "_config.yml").write_text("title: TIL\nlocale: en-US\n", encoding="utf-8")
post = blog / "_posts" / "2025-04-22-spelling.md"
post.write_text(POST, encoding="utf-8")
w = build_window(blog, post, settings_path=tmp / "settings.ini", data_path=tmp / "data")
w.resize(1480, 920)
w.show()


def pump(sec: float) -> None:
    end = time.time() + sec
    while time.time() < end:
        app.processEvents()
        time.sleep(0.02)


def xdo(*args: str) -> None:
    subprocess.run(["xdotool", *args], check=True)
    pump(0.3)


pump(3)
editor = w.editor
end = editor.cursorRect(QTextCursor(editor.document().lastBlock())).center()
p = editor.viewport().mapToGlobal(QPoint(editor.viewport().width() - 20, end.y()))
xdo("mousemove", str(p.x()), str(p.y()))
xdo("click", "1")
xdo("key", "ctrl+End")
xdo("type", "recieve the new posts tommorow.")
pump(1.5)
cursor = QTextCursor(editor.document())
# The last word's end: the menu opens to the right of it, the underlines stay in sight.
cursor.setPosition(editor.document().toPlainText().rindex("tommorow") + 7)
spot = editor.viewport().mapToGlobal(editor.cursorRect(cursor).center())
xdo("mousemove", str(spot.x()), str(spot.y()))


def shoot() -> None:
    # Runs inside the menu's own event loop (QMenu.exec does not return until it closes).
    menu = QApplication.activePopupWidget()
    entries = [a.text() for a in menu.actions() if not a.isSeparator()] \
        if isinstance(menu, QMenu) else []
    print("MENU:", entries, flush=True)
    print("STATUS:", repr(w.statusBar().currentMessage()), flush=True)
    subprocess.run(["import", "-window", "root", str(out)], check=True)
    if isinstance(menu, QMenu):
        menu.close()


QTimer.singleShot(1500, shoot)
subprocess.run(["xdotool", "click", "3"], check=True)
pump(3)
print("EDITOR END:", repr(editor.text()[-60:]))
w.shutdown()
os._exit(0)
