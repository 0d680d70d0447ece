"""An exported page stays whole when moved: exported from the command line and from the window,
moved to another folder, every href/src in it is a data: URI, an in-page anchor or a web
address, nothing points into the app's resources or at file://, and a real QWebEngineView
that may load only files of the new folder typesets the math with KaTeX's own font and shows
the picture."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView

from tileditor.cli import main
from tileditor.core.resources import resources_dir

BODY = ("\n# Math\n\nEuler: $$e^{i\\pi} + 1 = 0$$ inline.\n\n$$\n\\int_0^1 x\\,dx = \\frac{1}{2}\n$$\n\n"
        "<center><img src=\"../../images/2025-04-22-TIL25_ANewChapter/wide.png\"></center>\n\n"
        "[the picture](../../images/2025-04-22-TIL25_ANewChapter/wide.png) and "
        "[another post](../other/)\n")


@pytest.fixture
def post(tmp_site) -> Path:
    path = next((tmp_site / "_posts").rglob("*.md"))
    head = path.read_text(encoding="utf-8").split("---\n")[1]
    path.write_text(f"---\n{head}---\n{BODY}", encoding="utf-8")
    # 40x30 PNG, so naturalWidth proves the embedded bytes decoded.
    from PySide6.QtGui import QColor, QImage

    img = QImage(40, 30, QImage.Format.Format_RGB32)
    img.fill(QColor("red"))
    assert img.save(str(tmp_site / "images" / "2025-04-22-TIL25_ANewChapter" / "wide.png"))
    return path


def _moved(exported: Path, tmp_path: Path) -> Path:
    elsewhere = tmp_path / "elsewhere" / "deeper"
    elsewhere.mkdir(parents=True)
    return Path(shutil.move(str(exported), elsewhere / exported.name))


def _check_references(page: Path, site: Path) -> None:
    html = page.read_text(encoding="utf-8")
    body = html[html.index("<body"):]
    refs = re.findall(r"""\b(?:src|href|poster)\s*=\s*["']([^"']*)""", body)
    refs += re.findall(r"url\(([^)]*)\)", html)
    assert any(r.startswith("data:image/png;base64,") for r in refs)
    for ref in refs:
        ref = ref.strip("'\"")
        if ref.startswith(("data:", "#", "https://")):
            continue
        assert (page.parent / ref.split("#")[0]).exists(), ref  # anything else must be beside it
    assert "file:" not in html
    assert str(resources_dir()) not in html and str(site) not in html
    assert "https://example.github.io/notice/other/" in refs  # the post's link, as published


class Recorder(QWebEngineUrlRequestInterceptor):
    """Lets only files inside `folder` load and records every request it sees."""

    def __init__(self, folder: Path):
        super().__init__()
        self.folder, self.seen, self.blocked = str(folder), [], []

    def interceptRequest(self, info):  # noqa: N802 - Qt override
        url = info.requestUrl()
        self.seen.append(url.toString())
        if url.scheme() == "file" and url.toLocalFile().startswith(self.folder):
            return
        self.blocked.append(url.toString())
        info.block(True)


PROBE = """JSON.stringify((() => {
  const k = document.querySelectorAll('.katex');
  const img = document.querySelector('.page__content img');
  const rest = document.querySelector('.page__content').cloneNode(true);
  rest.querySelectorAll('.katex').forEach(e => e.remove());  // (their MathML keeps the TeX)
  const loaded = [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family);
  return {katex: k.length, display: document.querySelectorAll('.katex-display').length,
          width: k.length ? Math.min(...[...k].map(e => e.getBoundingClientRect().width)) : 0,
          errors: document.querySelectorAll('.katex-error').length, fonts: loaded,
          ready: document.fonts.status, img: img ? img.naturalWidth : -1,
          text: rest.textContent};
})())"""


def _load_and_probe(qtbot, page: Path) -> tuple[dict, Recorder]:
    view = QWebEngineView()
    qtbot.addWidget(view)
    # An own off-the-record profile: the window's preview keeps its guard and sees none of this.
    profile = QWebEngineProfile(view)
    guard = Recorder(page.parent)
    profile.setUrlRequestInterceptor(guard)
    view.setPage(QWebEnginePage(profile, view))
    view.resize(900, 700)
    view.show()
    try:
        with qtbot.waitSignal(view.loadFinished, timeout=30000) as loaded:
            view.load(QUrl.fromLocalFile(str(page)))
        assert loaded.args == [True]
        found: dict = {}

        def probe():
            found.clear()
            view.page().runJavaScript(PROBE, 0, lambda v: found.setdefault("v", v))
            qtbot.waitUntil(lambda: "v" in found, timeout=10000)
            state = json.loads(found["v"])
            return state["ready"] == "loaded" and any("KaTeX_Main" in f for f in state["fonts"])

        qtbot.waitUntil(probe, timeout=20000)
        return json.loads(found["v"]), guard
    finally:
        profile.setUrlRequestInterceptor(None)


def _assert_shows_everything(state: dict, guard: Recorder, page: Path) -> None:
    assert state["katex"] == 2 and state["display"] == 1 and state["errors"] == 0, state
    assert state["width"] > 0
    assert any("KaTeX_Math" in f for f in state["fonts"]), state["fonts"]
    assert "$$" not in state["text"] and "\\int" not in state["text"]
    assert state["img"] == 40
    assert guard.blocked == []
    assert all(u.startswith("file:") for u in guard.seen), guard.seen
    assert all(QUrl(u).toLocalFile() == str(page) for u in guard.seen), guard.seen


@pytest.mark.slow
def test_cli_export_survives_a_move_and_shows_math_and_picture(qtbot, tmp_site, post, tmp_path):
    exported = tmp_path / "first" / "page.html"
    exported.parent.mkdir()
    assert main(["export", str(post), "-o", str(exported)]) == 0
    assert sorted(p.name for p in exported.parent.iterdir()) == ["page.html"]  # one file
    page = _moved(exported, tmp_path)
    _check_references(page, tmp_site)
    state, guard = _load_and_probe(qtbot, page)
    _assert_shows_everything(state, guard, page)
    before = post.read_bytes()
    assert main(["export", str(post), "-o", str(post)]) == 1 and post.read_bytes() == before


@pytest.mark.slow
def test_window_export_survives_a_move_and_shows_math_and_picture(qtbot, window, tmp_site, tmp_path):
    qtbot.waitUntil(lambda: getattr(window.session, "last_result", None) is not None, timeout=10000)
    exported = tmp_path / "first" / "page.html"
    exported.parent.mkdir()
    assert window.exports.export_html(exported)
    page = _moved(exported, tmp_path)
    _check_references(page, tmp_site)
    state, guard = _load_and_probe(qtbot, page)
    _assert_shows_everything(state, guard, page)
