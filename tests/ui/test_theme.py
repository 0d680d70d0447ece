"""View > Theme (System / Light / Dark) through the real window: the highlighter's colours
follow the palette and stay readable, the preview shows the blog's Minimal Mistakes skin (or
the dark one in dark mode for a blog without one), and the choice survives a restart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from tests.helpers.window import close_window, open_window
from tileditor.ui.flows.theme import apply_theme
from tileditor.ui.palette_colors import contrast, is_dark

Role = QPalette.ColorRole
MAIN_FORMATS = ("heading", "code", "fence_body", "link", "html", "liquid", "front_matter")


@pytest.fixture(autouse=True)
def _system_theme_after():
    yield
    apply_theme("system")  # the QApplication outlives the test: leave it as it started


def _colour(fmt, role):
    brush = fmt.foreground() if role == "fg" else fmt.background()
    return brush.color()


def _body_background(qtbot, window) -> str:
    seen: list[str] = []
    # In tileditor's own script world: the page's world runs no scripts in the preview.
    window.preview.run_app_js("getComputedStyle(document.body).backgroundColor", seen.append)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    return seen[0]


def _wait_background(qtbot, window, expected: str) -> None:
    qtbot.waitUntil(lambda: _body_background(qtbot, window) == expected, timeout=10000)


def test_dark_theme_changes_the_highlighting_and_keeps_it_readable(qtbot, window):
    light = {k: _colour(f, "fg").name() for k, f in window.editor.highlighter.formats.items()}
    window.actions_.theme_dark.trigger()
    assert is_dark(QApplication.palette()) and window.settings.theme == "dark"
    formats = window.editor.highlighter.formats
    assert formats["heading"].foreground().color().name() != light["heading"]
    assert formats["front_matter"].foreground().color().name() != light["front_matter"]
    qtbot.waitUntil(lambda: is_dark(window.editor.palette()))  # widgets follow on the next pass
    base = window.editor.palette().color(Role.Base)
    assert base.lightness() < 80
    for name in MAIN_FORMATS:
        fmt = formats[name]
        bg = fmt.background().color() if fmt.background().style() != Qt.BrushStyle.NoBrush else base
        assert contrast(fmt.foreground().color(), bg) >= 4.5, name
        assert contrast(bg, base) < 1.6, name  # a shade off the editor, never a light slab
    # The text on screen was re-highlighted: line 1 is the header's `---`.
    block = window.editor.document().findBlockByNumber(0)
    applied = [r.format.foreground().color().name() for r in block.layout().formats()]
    assert formats["front_matter"].foreground().color().name() in applied


def test_light_theme_is_readable_too(qtbot, window):
    window.actions_.theme_light.trigger()
    assert not is_dark(QApplication.palette())
    qtbot.waitUntil(lambda: not is_dark(window.editor.palette()))
    base = window.editor.palette().color(Role.Base)
    for name in MAIN_FORMATS:
        fmt = window.editor.highlighter.formats[name]
        bg = fmt.background().color() if fmt.background().style() != Qt.BrushStyle.NoBrush else base
        assert contrast(fmt.foreground().color(), bg) >= 4.5, name


def test_info_bar_and_error_text_follow_the_theme(qtbot, window):
    window.actions_.theme_dark.trigger()
    bar = window.info_bar
    qtbot.waitUntil(lambda: is_dark(bar.palette()))
    bar.show_message("Read-only", kind="warning")
    background, _border = bar.colors()
    assert contrast(bar.palette().color(Role.WindowText), background) >= 4.5
    assert background.lightness() < 110
    error = window.form.findChild(object, "frontMatterError")
    text = error.palette().color(Role.WindowText)
    assert contrast(text, error.palette().color(Role.Window)) >= 4.5
    window.actions_.theme_light.trigger()
    qtbot.waitUntil(lambda: error.palette().color(Role.WindowText) != text)


def test_preview_shows_the_blogs_skin(qtbot, tmp_site, tmp_path, post, prompter):
    config = tmp_site / "_config.yml"
    config.write_text(config.read_text() + 'minimal_mistakes_skin: "dirt"\n', encoding="utf-8")
    w = open_window(qtbot, tmp_site, post, tmp_path, prompter)
    try:
        _wait_background(qtbot, w, "rgb(243, 243, 243)")  # dirt's #f3f3f3
        w.actions_.theme_dark.trigger()  # the blog chose a skin: dark mode keeps it
        assert w.preview.skin() == "dirt"
        _wait_background(qtbot, w, "rgb(243, 243, 243)")
    finally:
        close_window(w, prompter)


def test_dark_mode_shows_the_dark_skin_for_a_blog_without_one(qtbot, window):
    _wait_background(qtbot, window, "rgb(255, 255, 255)")
    window.actions_.theme_dark.trigger()
    assert window.preview.skin() == "dark"
    _wait_background(qtbot, window, "rgb(37, 42, 52)")  # dark's #252a34
    window.actions_.theme_system.trigger()
    _wait_background(qtbot, window, "rgb(255, 255, 255)")


def test_theme_survives_a_restart(qtbot, tmp_site, tmp_path, post, prompter):
    w = open_window(qtbot, tmp_site, post, tmp_path, prompter)
    w.actions_.theme_dark.trigger()
    close_window(w, prompter)
    apply_theme("system")
    assert not is_dark(QApplication.palette())
    again = open_window(qtbot, tmp_site, post, tmp_path, prompter)
    try:
        assert again.settings.theme == "dark"
        assert again.actions_.theme_dark.isChecked()
        assert not again.actions_.theme_system.isChecked()
        assert is_dark(QApplication.palette())
        assert again.preview.skin() == "dark"
    finally:
        close_window(again, prompter)
