"""PreviewPane in a real QtWebEngine view (offscreen): loads, patches, scroll sync, link
handling and the safety rules. One shared view per module because each one costs ~0.3 s."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QUrl

from tileditor.core.page_template import katex_dir
from tileditor.core.render import RenderResult
from tileditor.ui.preview_pane import PreviewPane

JS_TIMEOUT = 10000


META = {"title": "TIL :: A new chapter", "date": "April 22, 2025", "tags": ["Notice", "TIL_25"],
        "categories": "Notice", "reading_time": "1 minute read", "toc": True, "toc_label": None}


def long_body(n=120):
    return "".join(f'<p data-line="{i * 2 + 1}">Paragraph number {i}</p>' for i in range(n))


def js(qtbot, pane, code):
    box = []
    pane.run_app_js(code, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=JS_TIMEOUT)
    return box[0]


def show(qtbot, pane, result, meta=META):
    with qtbot.waitSignal(pane.rendered, timeout=JS_TIMEOUT):
        pane.show_result(result, meta)


@pytest.fixture(scope="module")
def shared(qapp, tmp_path_factory):
    root = tmp_path_factory.mktemp("repo")
    (root / "inside.txt").write_text("inside", encoding="utf-8")
    opened: list[QUrl] = []
    pane = PreviewPane(opener=opened.append, repo_root=root)
    pane.resize(900, 600)
    pane.show()
    yield pane, opened, root
    pane.close()
    pane.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def pane(shared, qtbot):
    p, opened, _root = shared
    opened.clear()
    return p


def test_first_show_renders_page_with_meta_toc_and_body(pane, qtbot):
    res = RenderResult('<h2 id="intro" data-line="3">Intro</h2><p data-line="5">Hello preview</p>',
                     headings=[(2, "intro", "Intro")])
    show(qtbot, pane, res)
    text = js(qtbot, pane, "document.body.innerText")
    assert "Hello preview" in text
    assert "TIL :: A new chapter" in text
    assert "1 minute read" in text and "April 22, 2025" in text
    assert "TIL_25" in text
    assert js(qtbot, pane, "document.querySelector('.toc a').getAttribute('href')") == "#intro"
    title = js(qtbot, pane, "document.querySelector('.toc .nav__title').textContent")
    assert title == "On this page"


def test_patch_updates_text_and_keeps_scroll(pane, qtbot):
    show(qtbot, pane, RenderResult(long_body()))
    js(qtbot, pane, "window.scrollTo(0, 700); window.scrollY")
    qtbot.waitUntil(lambda: js(qtbot, pane, "window.scrollY") >= 600, timeout=JS_TIMEOUT)
    before = js(qtbot, pane, "window.scrollY")
    marker = js(qtbot, pane, "window.__sameDocument = 42")
    assert marker == 42
    show(qtbot, pane, RenderResult(long_body() + '<p data-line="999">Patched tail</p>'))
    assert "Patched tail" in js(qtbot, pane, "document.body.innerText")
    assert js(qtbot, pane, "window.scrollY") == before
    # A patch, not a reload: the app-world global survives.
    assert js(qtbot, pane, "window.__sameDocument") == 42


def test_scroll_to_line_moves_to_nearest_block(pane, qtbot):
    show(qtbot, pane, RenderResult(long_body()))
    box = []
    pane.scroll_to_line(161, box.append)  # paragraph 80 starts at line 161
    qtbot.waitUntil(lambda: bool(box), timeout=JS_TIMEOUT)
    top = js(qtbot, pane,
             "document.querySelector('[data-line=\"161\"]').getBoundingClientRect().top")
    assert box[0] > 500
    assert abs(top) < 2
    lines = []
    pane.request_top_line(lines.append)
    qtbot.waitUntil(lambda: bool(lines), timeout=JS_TIMEOUT)
    assert lines == [161]
    pane.scroll_to_line(0, box.append)
    qtbot.waitUntil(lambda: len(box) == 2, timeout=JS_TIMEOUT)
    assert box[1] == 0


def test_clicking_a_link_opens_it_outside_and_page_stays(pane, qtbot):
    show(qtbot, pane, RenderResult('<p data-line="1"><a id="ext" href="https://example.org/x">'
                                 'out</a></p>'))
    url_before = pane.page().url()
    js(qtbot, pane, "document.getElementById('ext').click(); true")  # a script's click: no
    qtbot.wait(300)
    assert pane_opened(pane) == []
    real_click(qtbot, pane, "ext")
    qtbot.waitUntil(lambda: len(pane_opened(pane)) == 1, timeout=JS_TIMEOUT)
    assert pane_opened(pane)[0].toString() == "https://example.org/x"
    qtbot.wait(200)
    assert pane.page().url() == url_before
    assert "out" in js(qtbot, pane, "document.body.innerText")


def pane_opened(pane):
    return pane._page._opener.__self__


def real_click(qtbot, pane, element_id: str, button=Qt.MouseButton.LeftButton) -> None:
    """A real mouse click on the element (scrolled into view): only such a click opens links."""
    rect = json.loads(js(qtbot, pane, f"(() => {{ const e = document.getElementById("
                                      f"{json.dumps(element_id)}); e.scrollIntoView(); "
                                      "const r = e.getBoundingClientRect(); "
                                      "return JSON.stringify([r.left + 3, r.top + 3]); })()"))
    qtbot.mouseClick(pane.focusProxy() or pane, button, pos=QPoint(int(rect[0]), int(rect[1])))


def test_clicking_a_block_reports_its_line(pane, qtbot):
    show(qtbot, pane, RenderResult('<p data-line="7" id="b">Click me</p>'))
    with qtbot.waitSignal(pane.line_clicked, timeout=JS_TIMEOUT) as blocker:
        js(qtbot, pane, "document.getElementById('b').click(); true")
    assert blocker.args == [7]


def test_post_scripts_cannot_run_read_files_or_navigate(shared, qtbot):
    pane, _opened, root = shared
    pane._needs_reload = True  # a fresh load, where a <script> would run if allowed
    evil = (
        '<p data-line="1">evil post</p>'
        "<script>document.title='pwned'; window.__marker = 1;"
        "document.body.setAttribute('data-pwned', '1');"
        "fetch('file:///etc/passwd').then(r => r.text()).then(t => document.title = t);"
        "window.location = 'https://example.org/';</script>"
        '<img src="x" onerror="document.title=\'onerror\'">'
        '<img id="outside" src="file:///etc/hostname">'
        f'<img id="inside" src="{(root / "inside.txt").as_uri()}">'
    )
    show(qtbot, pane, RenderResult(evil))
    url_before = pane.page().url()
    qtbot.wait(500)
    assert js(qtbot, pane, "document.title") == META["title"]
    assert "evil post" in js(qtbot, pane, "document.body.innerText")
    assert pane.page().url() == url_before
    assert js(qtbot, pane, "typeof window.tileditor") == "object"
    # Main world: the page's scripts are off, so its globals are untouched.
    main = []
    pane.page().runJavaScript("typeof window.__marker", 0, main.append)
    qtbot.wait(300)
    assert main in ([], ["undefined"], [None], [""])
    assert js(qtbot, pane, "document.body.hasAttribute('data-pwned')") is False
    assert any(u.startswith("file:///etc/hostname") for u in pane.blocked_requests())
    assert not any("inside.txt" in u for u in pane.blocked_requests())


def test_large_page_loads_from_a_file(pane, qtbot):
    pane._needs_reload = True
    big = long_body(33000)  # about 1.6 MB, above the setHtml limit
    assert len(big) > 1_500_000
    show(qtbot, pane, RenderResult(big + '<p data-line="99999">the very end</p>'))
    assert pane.page().url().isLocalFile()
    assert js(qtbot, pane, "document.querySelectorAll('[data-line]').length") == 33001
    assert "the very end" in js(qtbot, pane, "document.getElementById('tileditor-content')"
                                             ".lastElementChild.textContent")
    show(qtbot, pane, RenderResult('<p data-line="1">small again</p>'))  # patched in place
    assert "small again" in js(qtbot, pane, "document.body.innerText")


def test_request_guard_limits_files_and_remote(tmp_path):
    from tileditor.ui.preview_page import RequestGuard

    guard = RequestGuard()
    guard.set_roots([tmp_path / "repo"])
    inside = QUrl.fromLocalFile(str(tmp_path / "repo" / "images" / "a.png"))
    sibling = QUrl.fromLocalFile(str(tmp_path / "repo-other" / "a.png"))
    escape = QUrl.fromLocalFile(str(tmp_path / "repo" / ".." / "secret.txt"))
    assert guard.allows(inside)
    assert not guard.allows(sibling)
    assert not guard.allows(escape)
    assert not guard.allows(QUrl("file:///etc/passwd"))
    assert guard.allows(QUrl("https://example.org/a.png"))
    guard.block_remote = True
    assert not guard.allows(QUrl("https://example.org/a.png"))
    assert guard.allows(QUrl("data:image/png;base64,AAAA"))


@pytest.mark.skipif(katex_dir() is None, reason="resources/katex is not vendored")
def test_math_is_typeset_on_load_and_on_patch(pane, qtbot):
    pane._needs_reload = True
    show(qtbot, pane, RenderResult('<p data-line="1">$$x^2$$ and \\(y\\)</p>'))
    qtbot.waitUntil(lambda: js(qtbot, pane, "document.querySelectorAll('.katex').length") == 2,
                    timeout=JS_TIMEOUT)
    show(qtbot, pane, RenderResult('<p data-line="1">inline $a+b$ here</p>'))
    assert js(qtbot, pane, "document.querySelectorAll('#tileditor-content .katex').length") == 1
    assert "$a+b$" not in js(qtbot, pane, "document.body.innerText")


def test_allowing_scripts_lets_the_post_run_its_own(shared, qtbot):
    pane, _opened, _root = shared
    try:
        pane.set_allow_scripts(True)
        show(qtbot, pane, RenderResult('<p data-line="1">s</p><script>'
                                     "document.body.setAttribute('data-ran', '1')</script>"))
        assert js(qtbot, pane, "document.body.getAttribute('data-ran')") == "1"
    finally:
        with qtbot.waitSignal(pane.rendered, timeout=JS_TIMEOUT):
            pane.set_allow_scripts(False)  # reloads the last result without scripts
    assert js(qtbot, pane, "document.body.hasAttribute('data-ran')") is False


def test_real_render_result_of_the_sample_site(pane, qtbot, tmp_site):
    render_mod = pytest.importorskip("tileditor.core.render")
    post = tmp_site / "_posts" / "2025" / "2025-04-22-TIL25_ANewChapter.md"
    result = render_mod.render(post.read_text(encoding="utf-8"), post_path=post)
    pane.set_repo_root(tmp_site)
    show(qtbot, pane, result, {**META, "toc": True})
    assert "with a break" in js(qtbot, pane, "document.body.innerText")
    assert js(qtbot, pane, "document.querySelectorAll('#tileditor-content [data-line]').length") > 0


def test_patch_replaces_only_changed_blocks(pane, qtbot):
    show(qtbot, pane, RenderResult(long_body(50)))
    js(qtbot, pane, "document.querySelector('[data-line=\"1\"]').__kept = 1;"
                    "document.querySelector('[data-line=\"21\"]').__kept = 1; true")
    changed = long_body(50).replace(">Paragraph number 10<", ">Paragraph number ten<")
    show(qtbot, pane, RenderResult(changed))
    assert js(qtbot, pane, "document.querySelector('[data-line=\"1\"]').__kept") == 1
    assert js(qtbot, pane, "document.querySelector('[data-line=\"21\"]').__kept === undefined")
    assert "Paragraph number ten" in js(qtbot, pane, "document.body.innerText")
    assert js(qtbot, pane, "document.getElementById('tileditor-content').innerHTML") == changed


def test_toc_anchor_scrolls_in_page_and_blank_target_goes_to_opener(pane, qtbot):
    body = ('<p data-line="1"><a id="toc" href="#far">to far</a> '
            '<a id="blank" href="https://example.org/new" target="_blank">new</a></p>'
            + long_body(100) + '<h2 id="far" data-line="500">Far</h2>' + long_body(20))
    pane._needs_reload = True
    show(qtbot, pane, RenderResult(body))
    url_before = pane.page().url()
    js(qtbot, pane, "document.getElementById('toc').click(); true")
    qtbot.waitUntil(lambda: js(qtbot, pane, "window.scrollY") > 500, timeout=JS_TIMEOUT)
    assert pane.page().url() == url_before
    assert pane_opened(pane) == []
    real_click(qtbot, pane, "blank")
    qtbot.waitUntil(lambda: len(pane_opened(pane)) == 1, timeout=JS_TIMEOUT)
    assert pane_opened(pane)[0].toString() == "https://example.org/new"
    assert pane.page().url() == url_before


def test_real_mouse_click_on_a_block_reports_its_line(pane, qtbot):
    show(qtbot, pane, RenderResult('<p data-line="1">top</p>'
                                 '<p data-line="42" id="target" style="padding:40px">here</p>'))
    js(qtbot, pane, "window.scrollTo(0, 0); true")
    rect = json.loads(js(qtbot, pane, "(() => { const r = document.getElementById('target')"
                                      ".getBoundingClientRect(); "
                                      "return JSON.stringify([r.left + 20, r.top + 20]); })()"))
    target = pane.focusProxy() or pane
    with qtbot.waitSignal(pane.line_clicked, timeout=JS_TIMEOUT) as blocker:
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(int(rect[0]), int(rect[1])))
    assert blocker.args == [42]


@pytest.mark.corpus
def test_corpus_posts_show_in_the_preview(pane, qtbot, corpus):
    render_mod = pytest.importorskip("tileditor.core.render")
    from tests.helpers.corpus import corpus_posts

    posts = corpus_posts()
    sample = [posts[i] for i in range(0, len(posts), max(1, len(posts) // 4))][:4]
    for post in sample:
        text = post.read_text(encoding="utf-8", errors="replace")
        result = render_mod.render(text, post_path=post)
        show(qtbot, pane, result, {**META, "title": post.stem})
        assert js(qtbot, pane, "document.title") == post.stem
        blocks = js(qtbot, pane, "document.querySelectorAll('#tileditor-content [data-line]')"
                                 ".length")
        assert blocks == result.html.count("data-line=")


def test_block_remote_stops_remote_images(shared, qtbot):
    pane, _opened, _root = shared
    try:
        pane.set_block_remote(True)
        show(qtbot, pane, RenderResult('<p data-line="1"><img id="r" '
                                     'src="https://tileditor-test.invalid/remote.png"></p>'))
        seen: list[list[str]] = []

        def blocked() -> bool:
            pane.request_policy_violations(seen.append)
            refused = pane.blocked_requests() + (seen[-1] if seen else [])
            return any("remote.png" in u for u in refused)

        qtbot.waitUntil(blocked, timeout=JS_TIMEOUT)
        assert js(qtbot, pane, "document.getElementById('r').naturalWidth") == 0
    finally:
        with qtbot.waitSignal(pane.rendered, timeout=JS_TIMEOUT):
            pane.set_block_remote(False)
