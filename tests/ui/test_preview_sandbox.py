"""The preview as a sandbox (issue 15, security), one test per vector, against the real page
(QtWebEngine offscreen): a post cannot make the desktop open anything or move the editor without
a real click (and a confirmation outside http/https/mailto), and cannot read a file outside the
repo, not even through a symlink inside it. Qt's own desktop hand-offs are caught as well."""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import quote

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl

from tests.helpers.sandbox import (
    APP,
    DesktopRecorder,
    OpenWatch,
    js,
    make_sandbox_repo,
    real_click,
    selector_point,
    serve,
)
from tests.helpers.window import type_at_end
from tileditor.core.render import RenderResult
from tileditor.ui.dialogs import RecordingPrompter
from tileditor.ui.preview_page import RequestGuard, confirm_with, link_action
from tileditor.ui.preview_pane import PreviewPane

JS_TIMEOUT = 10000
SETTLE_MS = 600  # long enough for an iframe or a meta refresh to have fired (a few ms today)


def result(html: str):
    return RenderResult(html=html)


class Box(SimpleNamespace):
    def reset(self) -> None:
        self.opened.clear()
        self.lines.clear()
        self.desktop.urls.clear()
        self.prompter.asked.clear()
        self.prompter.answers.clear()
        self.watch.take()


@pytest.fixture(scope="module")
def box(qapp, tmp_path_factory):
    repo = make_sandbox_repo(tmp_path_factory.mktemp("sandbox"))
    watch = OpenWatch(repo.outside)
    desktop = DesktopRecorder()
    desktop.install()
    opened: list[str] = []
    prompter = RecordingPrompter()
    pane = PreviewPane(opener=lambda url: opened.append(url.toString()), repo_root=repo.root,
                       confirm=confirm_with(prompter))
    lines: list[int] = []
    pane.line_clicked.connect(lines.append)
    pane.resize(900, 600)
    pane.show()
    www = repo.root.parent / "www"
    www.mkdir()
    server = serve(www)
    web = f"http://127.0.0.1:{server.server_address[1]}"
    yield Box(pane=pane, repo=repo, watch=watch, desktop=desktop, opened=opened,
              prompter=prompter, lines=lines, www=www, web=web)
    server.shutdown()
    desktop.uninstall()
    watch.stop()
    pane.close()
    pane.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def sb(box, qtbot):
    box.pane.set_block_remote(False)
    box.pane.set_allow_scripts(False)
    box.reset()
    yield box
    box.pane._needs_reload = True  # each test starts from a fresh load of its own post


def show(qtbot, sb, html: str) -> None:
    sb.pane._needs_reload = True  # a full load: iframes and meta refresh act on load
    with qtbot.waitSignal(sb.pane.rendered, timeout=JS_TIMEOUT):
        sb.pane.show_result(result(html), {"title": "Sandbox"})


def assert_untouched(qtbot, sb) -> None:
    qtbot.wait(SETTLE_MS)
    assert sb.opened == [] and sb.desktop.urls == []
    assert sb.lines == [] and sb.prompter.asked == []
    assert js(qtbot, sb.pane, "!!document.getElementById('tileditor-content')") is True


def app_open(url: str) -> str:
    return f"{APP}/open?url={quote(url, safe='')}"


@pytest.mark.parametrize("target", ["file:///usr/bin/xterm", "ssh://attacker.invalid/x",
                                    "vscode://file/etc/passwd", "https://example.invalid/"])
def test_iframe_to_the_app_host_opens_nothing(sb, qtbot, target):
    show(qtbot, sb, f'<p data-line="1">post</p><iframe src="{app_open(target)}"></iframe>')
    assert_untouched(qtbot, sb)


def test_iframe_to_a_line_does_not_move_the_editor(sb, qtbot):
    show(qtbot, sb, f'<p data-line="1">post</p><iframe src="{APP}/line/40"></iframe>')
    assert_untouched(qtbot, sb)


@pytest.mark.parametrize("target", [app_open("file:///usr/bin/xterm"), f"{APP}/line/40",
                                    "ssh://attacker.invalid/x", "https://example.invalid/"])
def test_meta_refresh_with_remote_blocked_opens_nothing(sb, qtbot, target):
    sb.pane.set_block_remote(True)
    show(qtbot, sb, f'<meta http-equiv="refresh" content="0;url={target}"><p data-line="1">p</p>')
    assert_untouched(qtbot, sb)


def test_remote_iframe_cannot_hand_external_schemes_to_the_desktop(sb, qtbot):
    (sb.www / "frame.html").write_text(
        '<meta http-equiv="refresh" content="0;url=ssh://attacker.invalid/x">'
        '<a id="a" href="vscode://file/etc/passwd" style="display:block;height:300px">x</a>',
        encoding="utf-8")
    show(qtbot, sb, f'<iframe id="f" src="{sb.web}/frame.html" '
                    'style="width:600px;height:400px"></iframe>')
    qtbot.wait(300)
    real_click(qtbot, sb.pane, "f")  # a real click on the frame's vscode: link
    assert_untouched(qtbot, sb)


@pytest.mark.parametrize("href", ["https://example.org/x", "http://example.org/y",
                                  "mailto:someone@example.org"])
def test_clicked_web_and_mail_links_open_at_once(sb, qtbot, href):
    show(qtbot, sb, f'<p data-line="1"><a id="l" href="{href}">link</a></p>')
    real_click(qtbot, sb.pane, "l")
    qtbot.waitUntil(lambda: sb.opened == [href], timeout=JS_TIMEOUT)
    assert sb.prompter.asked == [] and sb.lines == []


@pytest.mark.parametrize("href", ["file:///etc/passwd", "ssh://host.invalid/", "vscode://x/y",
                                  "notes.html", "tel:+100"])
def test_clicked_links_of_other_schemes_ask_first(sb, qtbot, href):
    show(qtbot, sb, f'<p data-line="1"><a id="l" href="{href}" target="_blank">link</a></p>')
    sb.prompter.answers.append("Cancel")
    real_click(qtbot, sb.pane, "l")
    qtbot.waitUntil(lambda: len(sb.prompter.asked) == 1, timeout=JS_TIMEOUT)
    qtbot.wait(200)
    assert sb.opened == [] and sb.desktop.urls == []
    assert sb.prompter.asked[0].choices == ("Open", "Cancel")
    sb.prompter.answers.append("Open")
    real_click(qtbot, sb.pane, "l")
    qtbot.waitUntil(lambda: len(sb.opened) == 1, timeout=JS_TIMEOUT)
    assert QUrl(sb.opened[0]).scheme() == (QUrl(href).scheme() or "file")


@pytest.mark.parametrize("href", ["javascript:alert(1)", "data:text/html,<b>x</b>"])
def test_clicked_script_and_data_links_never_open(sb, qtbot, href):
    show(qtbot, sb, f'<p data-line="1"><a id="l" href="{href}">link</a></p>')
    real_click(qtbot, sb.pane, "l")
    assert_untouched(qtbot, sb)


def test_a_posts_own_script_cannot_click_open_or_reach_the_bridge(sb, qtbot):
    sb.pane.set_allow_scripts(True)
    show(qtbot, sb, '<p data-line="7" id="b">p</p><a id="l" href="https://example.org/">l</a>'
                    "<script>document.getElementById('l').click();"
                    "document.getElementById('b').click();"
                    "window.open('https://example.org/popup');"
                    "try { qt.webChannelTransport.send(JSON.stringify({type: 6, id: 1,"
                    " object: 'tileditorBridge', method: 'lineClicked', args: [9]})); }"
                    " catch (e) { document.body.setAttribute('data-no-qt', '1'); }</script>")
    qtbot.wait(SETTLE_MS)
    assert sb.opened == [] and sb.desktop.urls == [] and sb.prompter.asked == []
    assert 9 not in sb.lines
    assert js(qtbot, sb.pane, "document.body.getAttribute('data-no-qt')") == "1"


def test_a_real_click_on_a_block_still_moves_the_editor(sb, qtbot):
    show(qtbot, sb, '<p data-line="1">top</p><p data-line="42" id="t">here</p>')
    with qtbot.waitSignal(sb.pane.line_clicked, timeout=JS_TIMEOUT) as blocker:
        real_click(qtbot, sb.pane, "t")
    assert blocker.args == [42] and sb.opened == []


@pytest.mark.parametrize("name", ["link.png", "linked/y.png", "outside x.png", "dotdot"])
def test_images_through_symlinks_out_of_the_repo_do_not_load(sb, qtbot, name):
    url = sb.repo.links[name]
    show(qtbot, sb, f'<p data-line="1"><img id="in" src="images/real.png">'
                    f'<img id="out" src="{url}"></p>')
    qtbot.waitUntil(lambda: js(qtbot, sb.pane, "document.getElementById('in').naturalWidth")
                    == 11, timeout=JS_TIMEOUT)
    qtbot.wait(200)
    assert js(qtbot, sb.pane, "document.getElementById('out').naturalWidth") == 0
    assert sb.watch.take() == []


def test_stylesheet_through_a_symlink_does_not_load(sb, qtbot):
    show(qtbot, sb, '<link rel="stylesheet" href="secret.css"><p data-line="1" id="p">p</p>')
    qtbot.wait(SETTLE_MS)
    assert js(qtbot, sb.pane, "getComputedStyle(document.body).backgroundColor") \
        != "rgb(255, 0, 0)"
    assert sb.watch.take() == []


def test_repo_reached_through_a_symlinked_path_still_shows_its_images(sb, qtbot):
    try:
        sb.pane.set_repo_root(sb.repo.alias)
        alias_url = (sb.repo.alias / "images" / "real.png").as_uri()
        show(qtbot, sb, f'<p data-line="1"><img id="a" src="{alias_url}">'
                        '<img id="r" src="images/real.png"><img id="o" src="images/link.png"></p>')
        for el in ("a", "r"):
            qtbot.waitUntil(lambda el=el: js(qtbot, sb.pane, f"document.getElementById('{el}')"
                                                             ".naturalWidth") == 11,
                            timeout=JS_TIMEOUT)
        assert js(qtbot, sb.pane, "document.getElementById('o').naturalWidth") == 0
    finally:
        sb.pane.set_repo_root(sb.repo.root)


def test_guard_resolves_links_on_both_sides(tmp_path):
    repo = make_sandbox_repo(tmp_path)
    guard = RequestGuard()
    guard.set_roots([repo.alias])  # given as the symlinked path
    assert guard.allows(QUrl.fromLocalFile(str(repo.root / "images" / "real.png")))
    assert guard.allows(QUrl.fromLocalFile(str(repo.alias / "images" / "real.png")))
    for url in repo.links.values():
        assert not guard.allows(QUrl(url)), url
    assert not guard.allows(QUrl.fromLocalFile(str(repo.alias / "images" / "link.png")))
    assert not guard.allows(QUrl("file://server.invalid/share/x.png"))


@pytest.mark.parametrize("url,action", [
    ("https://a.org/", "open"), ("HTTP://a.org/", "open"), ("mailto:x@y.org", "open"),
    ("file:///etc/passwd", "ask"), ("ssh://h/", "ask"), ("vscode://x", "ask"),
    ("javascript:alert(1)", "refuse"), ("data:text/html,x", "refuse"), ("about:blank", "refuse"),
    ("blob:https://a.org/1", "refuse"), ("", "refuse"),
])
def test_link_action_by_scheme(url, action):
    assert link_action(QUrl(url)) == action


def test_middle_click_on_a_link_follows_the_same_rules(sb, qtbot):
    show(qtbot, sb, '<p data-line="1"><a id="w" href="https://example.org/m">w</a> '
                    '<a id="f" href="file:///etc/passwd">f</a></p>')
    real_click(qtbot, sb.pane, "w", Qt.MouseButton.MiddleButton)
    qtbot.waitUntil(lambda: sb.opened == ["https://example.org/m"], timeout=JS_TIMEOUT)
    sb.prompter.answers.append("Cancel")
    real_click(qtbot, sb.pane, "f", Qt.MouseButton.MiddleButton)
    qtbot.waitUntil(lambda: len(sb.prompter.asked) == 1, timeout=JS_TIMEOUT)
    qtbot.wait(200)
    assert sb.opened == ["https://example.org/m"] and sb.desktop.urls == []


def test_the_window_asks_through_its_prompter_before_a_file_link_leaves(window, prompter,
                                                                         qtbot):
    opened: list[str] = []
    window.preview.set_opener(lambda url: opened.append(url.toString()))
    type_at_end(qtbot, window, "")  # the cursor at the end; keyClicks cannot type newlines
    window.editor.textCursor().insertText(
        "\n\n[shell](ssh://host.invalid/x) and [web](https://example.org/w)\n")
    pane = window.preview
    qtbot.waitUntil(lambda: js(qtbot, pane, "!!document.querySelector('a[href^=\"ssh\"]')"),
                    timeout=JS_TIMEOUT)
    prompter.answers.extend(["Cancel"] * 3)
    # A click that lands while a late patch of the page is still being applied can be lost on
    # a busy machine: click again (each click that arrives asks once).
    for _attempt in range(3):
        qtbot.mouseClick(pane.focusProxy() or pane, Qt.MouseButton.LeftButton,
                         pos=selector_point(qtbot, pane, 'a[href^="ssh"]'))
        try:
            qtbot.waitUntil(lambda: len(prompter.asked) >= 1, timeout=4000)
            break
        except qtbot.TimeoutError:
            continue
    assert prompter.asked and all(
        a.title == "Open link" and "ssh://host.invalid/x" in a.message for a in prompter.asked)
    asked = len(prompter.asked)
    qtbot.mouseClick(pane.focusProxy() or pane, Qt.MouseButton.LeftButton,
                     pos=selector_point(qtbot, pane, 'a[href^="https"]'))
    qtbot.waitUntil(lambda: opened == ["https://example.org/w"], timeout=JS_TIMEOUT)
    assert len(prompter.asked) == asked and opened == ["https://example.org/w"]


def test_meta_refresh_to_about_blank_cannot_blank_the_preview(qtbot):
    """Found by the fuzz test: Chromium goes to about:blank without asking the page."""
    from tests.helpers.sandbox import js

    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(600, 400)
    pane.show()
    html = '<p data-line="1">post</p><meta http-equiv="refresh" content="0;url=about:blank">'
    with qtbot.waitSignal(pane.rendered, timeout=10000):
        pane.show_result(RenderResult(html=html), {"title": "T"})
    qtbot.wait(800)
    assert js(qtbot, pane, "!!document.getElementById('tileditor-content')") is True
