"""Drive the real tileditor window on Xvfb with xdotool (real X clicks and keys) on a blog copy:
open Raw, press Return and type at its end, add a tag in the form, Ctrl+S, then New TIL in series;
prints what Raw, the editor and the disk hold and saves screenshots. Usage:
    xvfb-run -a -s "-screen 0 1600x1000x24" uv run python tools/drive_xvfb.py BLOG POST OUTDIR"""
import os
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
import PySide6.QtWebEngineWidgets  # noqa
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication
from tileditor.app import build_window

app = QApplication.instance() or QApplication(sys.argv)
blog, post, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
w = build_window(blog, post, settings_path=out / "settings.ini", data_path=out / "data")
w.resize(1500, 950)
w.show()

def pump(sec):
    end = time.time() + sec
    while time.time() < end:
        app.processEvents()
        time.sleep(0.02)

def xdo(*args):
    subprocess.run(["xdotool", *args], check=True)
    pump(0.3)

def click(widget, x=None, y=None):
    r = widget.rect()
    p = widget.mapToGlobal(QPoint(r.width() - 5 if x is None else x, r.height() - 5 if y is None else y))
    xdo("mousemove", str(p.x()), str(p.y()))
    xdo("click", "1")

pump(3)
click(w.form.raw_button, 10, 10)
raw = w.form._raw
click(raw.viewport())
xdo("key", "ctrl+End")
xdo("key", "Return")
xdo("type", "abc: 1")
# a form edit: add a tag through the tags field
click(w.form.tags_field.line_edit(), 10, 10)
xdo("type", "Pandas")
xdo("key", "Return")
pump(1.5)
print("RAW:", repr(w.form.raw_text()))
print("EDITOR HEADER:", repr(w.editor.text()[:400]))
print("FORM ERROR:", repr(w.form.error_text()), "enabled", w.form.fields_enabled())
xdo("key", "ctrl+s")
pump(1)
print("DISK:", repr(post.read_text()[:400]))
subprocess.run(["import", "-window", "root", str(out / "raw.png")])
# new post in series
w.actions_.new_series.trigger()
pump(2.5)
print("NEW:", repr(w.editor.text()[:300]))
subprocess.run(["import", "-window", "root", str(out / "new.png")])
w.shutdown()
os._exit(0)
