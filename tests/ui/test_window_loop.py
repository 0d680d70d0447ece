"""End to end through the real window (offscreen): a new post with title and tags typed in the
form, body typed in the editor, one PNG dropped on the editor and one pasted, Ctrl+S; then the
file, its header, the copied pictures, the preview and a real `jekyll build` are checked."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
)

from tests.helpers.window import close_window, drop_files, open_window
from tileditor.core.frontmatter import read_header_values
from tileditor.core.site import JekyllSite
from tileditor.ui.dialogs import RecordingPrompter


@pytest.fixture
def window(qtbot, tmp_site, tmp_path):
    prompter = RecordingPrompter()
    w = open_window(qtbot, tmp_site, None, tmp_path, prompter)
    qtbot.waitUntil(lambda: w.session.document.path is not None, timeout=5000)
    yield w
    close_window(w, prompter)


def _png_file(path: Path, color: str) -> Path:
    img = QImage(40, 30, QImage.Format.Format_RGB32)
    img.fill(QColor(color))
    assert img.save(str(path), "PNG")
    return path




def _preview_images(qtbot, window) -> list:
    box = {}
    js = ("JSON.stringify(Array.from(document.querySelectorAll('#tileditor-content img'))"
          ".map(i => [i.src, i.complete && i.naturalWidth > 0]))")
    window.preview.run_app_js(js, lambda v: box.setdefault("v", v))
    qtbot.waitUntil(lambda: "v" in box, timeout=5000)
    import json

    return json.loads(box["v"]) if box["v"] else box["v"]


def test_new_post_loop_end_to_end(qtbot, window, tmp_site, tmp_path):
    editor = window.findChild(type(window.editor), "editor")
    title_field = window.findChild(type(window.form.title_field), "titleField")
    tags_field = window.findChild(type(window.form.tags_field), "tagsField")
    assert editor is window.editor and title_field is not None and tags_field is not None

    window.findChild(type(window.actions_.new_post), "newPostAction").trigger()
    assert window.session.document.path is None

    qtbot.keyClicks(title_field, "Window functions")
    for tag in ("SQL", "TIL_25"):
        qtbot.keyClicks(tags_field.line_edit(), tag)
        qtbot.keyClick(tags_field.line_edit(), Qt.Key.Key_Return)
    assert tags_field.tokens() == ["SQL", "TIL_25"]

    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "Running totals without a self-join.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)

    dropped = _png_file(tmp_path / "My Diagram.PNG", "#3366cc")
    rect = editor.cursorRect(editor.textCursor())
    drop_files(editor.viewport(), [dropped], rect.center())
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)

    pasted = QImage(20, 20, QImage.Format.Format_RGB32)
    pasted.fill(QColor("#cc3333"))
    QGuiApplication.clipboard().setImage(pasted)
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)

    with qtbot.waitSignal(window.preview.rendered, timeout=10000):
        window.session.request_render()
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = window.session.document.path
    assert saved is not None and saved.is_file(), window.statusBar().currentMessage()

    # File name and place: _posts/<year>/ as the blog does, today's date, slug from the title.
    today = datetime.now().strftime("%Y-%m-%d")
    rel = saved.relative_to(tmp_site).as_posix()
    assert re.fullmatch(rf"_posts/{today[:4]}/{today}-[A-Za-z0-9-]*Window-functions\.md", rel), rel
    text = saved.read_text(encoding="utf-8")
    header = text.split("---\n")[1]
    # The blog's shape: its shared keys, `tag:` flow list, double-quoted title, the (empty)
    # categories slot where the blog writes it.
    assert header.splitlines() == ['title: "Window functions"', "tag: [SQL, TIL_25]", "categories:",
                                   "read_time: True", "toc: true", "typora-root-url: ../"]
    assert "Running totals without a self-join." in text
    assert read_header_values(text) == {"title": "Window functions", "tag": ["SQL", "TIL_25"],
                                        "categories": None, "read_time": True, "toc": True,
                                        "typora-root-url": "../"}

    # Both pictures copied into the dated folder and linked.
    folder = tmp_site / "images" / saved.stem
    files = sorted(p.name for p in folder.iterdir())
    assert len(files) == 2 and "My-Diagram.png" in files, files  # no spaces, lowercase extension
    for name in files:
        assert name in text

    # The preview shows both pictures, loaded from files that exist.
    with qtbot.waitSignal(window.preview.rendered, timeout=10000):
        window.session.request_render()
    # Pictures load after the page shows the text: wait until both have decoded (or time out).
    box: dict = {}

    def both_loaded() -> bool:
        box["shown"] = _preview_images(qtbot, window)
        return len(box["shown"]) == 2 and all(ok for _, ok in box["shown"])

    qtbot.waitUntil(both_loaded, timeout=10000)
    shown = box["shown"]
    for src, _ in shown:
        assert Path(unquote(urlparse(src).path)).is_file()

    if shutil.which("jekyll"):
        _assert_jekyll_builds_post_with_images(tmp_site, saved)


def _assert_jekyll_builds_post_with_images(site_root: Path, post: Path) -> None:
    dest = site_root.parent / "_site_build"
    proc = subprocess.run(["jekyll", "build", "--safe", "-s", str(site_root), "-d", str(dest)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    site = JekyllSite(site_root)
    url = site.url_for(post)
    page = dest / unquote(url.lstrip("/"))
    page = page / "index.html" if url.endswith("/") else page
    assert page.is_file(), (url, sorted(str(p) for p in dest.rglob("*.html")))
    html = page.read_text(encoding="utf-8")
    srcs = re.findall(r'<img[^>]+src="([^"]+)"', html)
    assert len(srcs) == 2, html
    for src in srcs:
        target = urljoin("https://example.github.io" + url, src)
        local = dest / unquote(urlparse(target).path).lstrip("/")
        assert local.is_file(), (src, local)


def test_status_bar_counts_published_words(qtbot, window):
    label = window.findChild(type(window.words_label), "wordCountLabel")
    with qtbot.waitSignal(window.preview.rendered, timeout=10000):
        window.session.apply_full_text(window.session.document.text + "\n\none two three four five\n")
    qtbot.waitUntil(lambda: "words" in label.text(), timeout=5000)
    words = int(label.text().split()[0])
    # the fixture post's visible words plus the five typed; markup and front matter not counted
    assert words == window.session.last_meta.extra["words"] and 5 < words < 30
    # The read time is worded as the page's header words it (Minimal Mistakes' integer division).
    assert label.text().endswith("· less than 1 minute read")
    assert window.session.last_meta.reading_time == "less than 1 minute read"  # the page header
