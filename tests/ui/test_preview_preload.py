"""preload() puts the empty template up early without claiming a render; a result that comes
while it loads, or after, is shown and then `rendered` fires."""

from __future__ import annotations

from tileditor.core.render import render
from tileditor.ui.preview_pane import PreviewPane

TIMEOUT = 10000


def _text(qtbot, pane) -> str:
    box = []
    pane.run_app_js("document.getElementById('tileditor-content').innerText", box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=TIMEOUT)
    return box[0]


def _loaded(pane) -> bool:
    return pane._loaded  # the pane's own flag: the template answered after loadFinished


def test_preload_emits_no_rendered_then_first_result_patches_in(qtbot, tmp_path):
    pane = PreviewPane(repo_root=tmp_path)
    qtbot.addWidget(pane)
    fired = []
    pane.rendered.connect(lambda: fired.append(1))
    pane.preload()
    qtbot.waitUntil(lambda: _loaded(pane), timeout=TIMEOUT)
    qtbot.wait(200)
    assert fired == []
    with qtbot.waitSignal(pane.rendered, timeout=TIMEOUT):
        pane.show_result(render("---\ntitle: Hi\n---\nPreloaded *page*.\n"), {"title": "Hi"})
    assert "Preloaded page." in _text(qtbot, pane)


def test_result_arriving_while_preloading_is_shown(qtbot, tmp_path):
    pane = PreviewPane(repo_root=tmp_path)
    qtbot.addWidget(pane)
    pane.preload()
    with qtbot.waitSignal(pane.rendered, timeout=TIMEOUT):
        pane.show_result(render("Arrived early.\n"), {"title": "Early"})
    assert "Arrived early." in _text(qtbot, pane)


def _count(qtbot, pane, selector: str) -> int:
    box = []
    pane.run_app_js(f"document.querySelectorAll('{selector}').length", box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=TIMEOUT)
    return box[0]


def test_display_math_between_blocks_is_typeset_after_a_patch(qtbot, tmp_path):
    # kramdown writes block math as a bare \[...\] text node between elements: it must still
    # be typeset when it arrives by patch (preload first) and not only on a full load.
    pane = PreviewPane(repo_root=tmp_path)
    qtbot.addWidget(pane)
    pane.preload()
    qtbot.waitUntil(lambda: _loaded(pane), timeout=TIMEOUT)
    text = "Before:\n\n$$\np_i = \\frac{a}{b}\n$$\n\n- inline $$x^2$$ here\n"
    with qtbot.waitSignal(pane.rendered, timeout=TIMEOUT):
        pane.show_result(render(text), {"title": "Math"})
    qtbot.waitUntil(lambda: _count(qtbot, pane, ".katex-display") == 1, timeout=TIMEOUT)
    assert _count(qtbot, pane, ".katex") >= 2
    assert "\\[" not in _text(qtbot, pane)
