"""Fuzz of the preview sandbox (issue 15): generated posts mixing iframes (local web pages that
refresh, navigate the top frame or open windows), meta refresh, forms, links of every scheme,
SVG and image-map links, scripts (when the post's scripts are allowed) and files reached through
symlinks, shown in the real page. Whatever the mix, nothing reaches the opener or the desktop
except the http/https/mailto link a real click landed on (the user declines every question),
the editor only moves on a real click, and no file outside the repo is ever opened (inotify)."""

from __future__ import annotations

import html
import json
import os
from types import SimpleNamespace
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QUrl

from tests.helpers.sandbox import APP, DesktopRecorder, OpenWatch, js, make_sandbox_repo, serve
from tileditor.core.render import RenderResult
from tileditor.ui.dialogs import RecordingPrompter
from tileditor.ui.preview_page import confirm_with, link_action
from tileditor.ui.preview_pane import PreviewPane

JS_TIMEOUT = 10000
SETTLE_MS = 350
TARGETS = ["file:///usr/bin/xterm", "ssh://attacker.invalid/x", "vscode://file/etc/passwd",
           "https://example.invalid/", "mailto:x@example.invalid", "file:///etc/passwd"]
SCHEME_URLS = ["https://example.invalid/a", "http://example.invalid/b", "mailto:a@b.invalid",
               "file:///etc/passwd", "file:///usr/bin/xterm", "ssh://h.invalid/", "vscode://x/y",
               "tel:+1", "ftp://f.invalid/", "irc://i.invalid/", "smb://s.invalid/share",
               "magnet:?xt=urn:x", "javascript:void(0)", "data:text/html,<b>x</b>",
               "about:blank", "blob:https://a.invalid/1", "x-terminal://run", "notes.html",
               "#top", "images/real.png", "", "//example.invalid/c", "steam://run/1"]
FRAME_PAGES = {
    "refresh.html": f'<meta http-equiv="refresh" content="0;url={APP}/open?url=ssh%3A%2F%2Fx">',
    "top.html": '<a target="_top" href="ssh://top.invalid/" style="display:block;height:600px">'
                "t</a><script>top.location = 'vscode://x/top';</script>",
    "blank.html": '<a target="_blank" href="file:///etc/passwd" style="display:block;'
                  "height:600px\">b</a><script>window.open('ssh://popup.invalid/');</script>",
    "line.html": f"<script>location = '{APP}/line/40';</script><meta http-equiv=\"refresh\" "
                 f'content="0;url={APP}/line/41">',
}


@pytest.fixture(scope="module")
def world(qapp, tmp_path_factory):
    repo = make_sandbox_repo(tmp_path_factory.mktemp("fuzz"))
    www = repo.root.parent / "www"
    www.mkdir()
    for name, text in FRAME_PAGES.items():
        (www / name).write_text(text, encoding="utf-8")
    server = serve(www)
    watch, desktop = OpenWatch(repo.outside), DesktopRecorder()
    desktop.install()
    opened: list[str] = []
    prompter = RecordingPrompter()
    pane = PreviewPane(opener=lambda url: opened.append(url.toString()), repo_root=repo.root,
                       confirm=confirm_with(prompter))
    lines: list[int] = []
    pane.line_clicked.connect(lines.append)
    pane.resize(900, 700)
    pane.show()
    web = f"http://127.0.0.1:{server.server_address[1]}"
    files = list(repo.links.values()) + [(repo.root / "images" / "real.png").as_uri()]
    urls = (SCHEME_URLS + files + [f"{web}/{n}" for n in FRAME_PAGES]
            + [f"{APP}/open?url={quote(t, safe='')}" for t in TARGETS]
            + [f"{APP}/line/40", f"{APP}/line/1", f"{APP}/"])
    yield SimpleNamespace(pane=pane, repo=repo, watch=watch, desktop=desktop, opened=opened,
                          prompter=prompter, lines=lines, urls=urls)
    server.shutdown()
    desktop.uninstall()
    watch.stop()
    pane.close()
    pane.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def element(kind: str, url: str, i: int) -> str:
    u = html.escape(url, quote=True)
    box = 'style="display:inline-block;width:300px;height:120px"'
    return {
        "iframe": f'<iframe src="{u}" {box}></iframe>',
        "srcdoc": f'<iframe srcdoc="{html.escape(f"<meta http-equiv=refresh content=0;url={u}>")}"'
                  f"></iframe>",
        "refresh": f'<meta http-equiv="refresh" content="0;url={u}">',
        "form": f'<form action="{u}" method="post"><input name="q" value="1">'
                f'<button id="f{i}">send</button></form>',
        "link": f'<a id="a{i}" href="{u}" {box}>link {i}</a>',
        "blank": f'<a id="a{i}" href="{u}" target="_blank" {box}>new window {i}</a>',
        "top": f'<a id="a{i}" href="{u}" target="_top">top {i}</a>',
        "svg": f'<svg width="200" height="60"><a id="a{i}" xlink:href="{u}"><rect width="200" '
               'height="60"/></a></svg>',
        "area": f'<img src="images/real.png" usemap="#m{i}" width="200" height="60">'
                f'<map name="m{i}"><area shape="rect" coords="0,0,200,60" href="{u}"></map>',
        "img": f'<img src="{u}">',
        "css": f'<link rel="stylesheet" href="{u}">',
        "embed": f'<object data="{u}"></object><embed src="{u}"><video src="{u}"></video>',
        "block": f'<p data-line="{i + 2}">block {i}</p>',
        "script": f"<script>location = {json.dumps(url)};</script>",
        "script-open": f"<script>window.open({json.dumps(url)}); top.location = "
                       f"{json.dumps(url)};</script>",
        "script-click": "<script>for (const a of document.querySelectorAll('a')) a.click();"
                        "for (const f of document.forms) f.submit();</script>",
    }[kind]


KINDS = ["iframe", "srcdoc", "refresh", "form", "link", "blank", "top", "svg", "area", "img",
         "css", "embed", "block", "script", "script-open", "script-click"]


def link_under(qtbot, pane, point: QPoint) -> str | None:
    """The absolute URL of the main-page link at `point`, or None (no link, or an iframe)."""
    return js(qtbot, pane, f"""(() => {{
        const e = document.elementFromPoint({point.x()}, {point.y()});
        const a = e && e.closest && e.closest("a[href], area[href], a[*|href]");
        if (!a) return null;
        const raw = typeof a.href === "string" ? a.href : a.href.baseVal;
        try {{ return new URL(raw, document.baseURI).href; }} catch (err) {{ return null; }}
    }})()""")


def target_point(qtbot, pane, k: int) -> tuple[int, int] | None:
    """A point inside piece k's link or form button (scrolled into view), None without one."""
    found = js(qtbot, pane, f"""(() => {{
        const e = document.getElementById("a{k}") || document.getElementById("f{k}");
        if (!e) return null;
        e.scrollIntoView();
        const r = e.getBoundingClientRect();
        return r.width > 2 && r.height > 2 ? JSON.stringify([r.left + 2, r.top + 2]) : null;
    }})()""")
    if not found:
        return None
    x, y = json.loads(found)
    return (int(x), int(y)) if 0 <= x < 900 and 0 <= y < 700 else None


@settings(max_examples=int(os.environ.get("TILEDITOR_FUZZ_EXAMPLES", "40")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data(), scripts=st.booleans(), block_remote=st.booleans(),
       click=st.sampled_from(["none", "piece", "piece", "point"]))
def test_no_post_opens_anything_or_reads_outside_the_repo(world, qtbot, data, scripts,
                                                          block_remote, click):
    kinds = st.sampled_from(KINDS + ["link", "blank", "svg", "area"])  # clickable ones twice
    pieces = data.draw(st.lists(st.tuples(kinds, st.sampled_from(world.urls)),
                                min_size=1, max_size=8))
    body = '<p data-line="1" id="top">post</p>' + "".join(
        element(kind, url, i) for i, (kind, url) in enumerate(pieces))
    pane = world.pane
    pane.set_allow_scripts(scripts)
    pane.set_block_remote(block_remote)
    world.opened.clear()
    world.lines.clear()
    world.desktop.urls.clear()
    world.prompter.asked.clear()
    world.prompter.answers[:] = ["Cancel"] * 10
    pane._needs_reload = True
    with qtbot.waitSignal(pane.rendered, timeout=JS_TIMEOUT):
        pane.show_result(RenderResult(html=body), {"title": "F"})
    qtbot.wait(SETTLE_MS)
    assert world.opened == [] and world.desktop.urls == [] and world.lines == []
    assert world.prompter.asked == []
    allowed: list[str] = []
    if click == "piece":  # a real click on one piece's link or form button, if it has one
        spot = target_point(qtbot, pane, data.draw(st.integers(0, len(pieces) - 1)))
    elif click == "point":
        spot = data.draw(st.tuples(st.integers(5, 880), st.integers(5, 680)))
    else:
        spot = None
    if spot is not None:
        point = QPoint(*spot)
        under = link_under(qtbot, pane, point)
        if under is not None and link_action(QUrl(under)) == "open":
            allowed.append(QUrl(under).toString())
        qtbot.mouseClick(pane.focusProxy() or pane, Qt.MouseButton.LeftButton, pos=point)
        qtbot.wait(SETTLE_MS)
    event(f"click opened {len(world.opened)}, asked {len(world.prompter.asked)}")
    assert all(u in allowed for u in world.opened), (world.opened, allowed)
    assert world.desktop.urls == []
    assert js(qtbot, pane, "!!document.getElementById('tileditor-content')") is True
    assert world.watch.take() == []
