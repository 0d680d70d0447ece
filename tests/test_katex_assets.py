"""The vendored KaTeX folder (resources/katex/): complete, licensed, self-consistent, and able to
typeset math in QtWebEngine from file:// URLs with every non-file request blocked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

KATEX = Path(__file__).resolve().parents[1] / "resources" / "katex"
REQUIRED = [
    "katex.min.js",
    "katex.min.css",
    "contrib/auto-render.min.js",
    "LICENSE",
    "VERSION",
]


@pytest.mark.parametrize("name", REQUIRED)
def test_required_file_present_and_not_empty(name):
    path = KATEX / name
    assert path.is_file(), name
    assert path.stat().st_size > 0, name


def test_licence_is_katex_mit():
    text = (KATEX / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in text or "Permission is hereby granted, free of charge" in text
    assert "Khan Academy" in text


def test_version_names_a_katex_release():
    assert re.match(r"katex \d+\.\d+\.\d+\b", (KATEX / "VERSION").read_text(encoding="utf-8"))


def _css_urls() -> list[str]:
    css = (KATEX / "katex.min.css").read_text(encoding="utf-8")
    return [u.strip("'\"") for u in re.findall(r"url\(([^)]*)\)", css)]


def test_every_css_url_points_at_a_shipped_file():
    urls = _css_urls()
    assert len(urls) >= 20  # one per KaTeX font face
    missing = [u for u in urls if not (KATEX / u).is_file()]
    assert missing == []


def test_every_font_face_offers_woff2():
    css = (KATEX / "katex.min.css").read_text(encoding="utf-8")
    faces = re.findall(r"@font-face\{[^}]*\}", css)
    assert faces
    assert all('format("woff2")' in face for face in faces)


def test_folder_stays_small():
    size = sum(p.stat().st_size for p in KATEX.rglob("*") if p.is_file())
    assert size < 1_200_000, size


PAGE = """<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="{base}/katex.min.css">
<script src="{base}/katex.min.js"></script>
<script src="{base}/contrib/auto-render.min.js"></script>
</head><body><div id="content"><p>$$x^2$$</p><p>inline \\(a+b\\) and $c_1$.</p></div>
<script>
renderMathInElement(document.getElementById('content'), {{delimiters: [
  {{left: '$$', right: '$$', display: true}}, {{left: '\\\\[', right: '\\\\]', display: true}},
  {{left: '\\\\(', right: '\\\\)', display: false}}, {{left: '$', right: '$', display: false}}]}});
</script></body></html>"""


@pytest.mark.slow
def test_math_renders_offline_in_qtwebengine(qtbot, tmp_path):
    web = pytest.importorskip("PySide6.QtWebEngineWidgets")
    core = pytest.importorskip("PySide6.QtWebEngineCore")
    from PySide6.QtCore import QUrl

    class FileOnly(core.QWebEngineUrlRequestInterceptor):
        """Blocks and records every request that is not a local file: proves no network use."""

        def __init__(self):
            super().__init__()
            self.blocked: list[str] = []

        def interceptRequest(self, info):  # noqa: N802 - Qt override
            url = info.requestUrl()
            if url.scheme() not in ("file", "data"):
                self.blocked.append(url.toString())
                info.block(True)

    page_file = tmp_path / "math.html"
    page_file.write_text(PAGE.format(base=QUrl.fromLocalFile(str(KATEX)).toString()), "utf-8")
    view = web.QWebEngineView()
    qtbot.addWidget(view)
    guard = FileOnly()
    view.page().profile().setUrlRequestInterceptor(guard)
    with qtbot.waitSignal(view.loadFinished, timeout=20000) as loaded:
        view.load(QUrl.fromLocalFile(str(page_file)))
    assert loaded.args == [True]

    results: dict[str, object] = {}
    script = (
        "JSON.stringify({display: document.querySelectorAll('.katex-display').length,"
        " katex: document.querySelectorAll('.katex').length,"
        " text: document.getElementById('content').textContent})"
    )
    view.page().runJavaScript(script, 0, lambda value: results.setdefault("v", value))
    qtbot.waitUntil(lambda: "v" in results, timeout=10000)
    view.page().profile().setUrlRequestInterceptor(None)

    import json

    found = json.loads(results["v"])
    assert found["display"] == 1
    assert found["katex"] == 3  # $$x^2$$, \(a+b\), $c_1$
    assert "$" not in found["text"]
    assert guard.blocked == []
