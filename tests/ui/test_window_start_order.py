"""What a start does before the first frame and what waits: the preview's worker thread (its
~0.1 s of imports) starts once the post is in the editor, so the UI thread does not wait for
the GIL at each of the highlighter's calls meanwhile; the window is complete either way."""

from __future__ import annotations

from tests.helpers.window import close_window, open_window
from tileditor.services import preview_renderer


def test_preview_worker_starts_after_the_post_is_open(qtbot, tmp_site, tmp_path, post,
                                                     prompter, monkeypatch):
    seen = []
    original = preview_renderer.PreviewRenderer._new_worker

    def recording(self):
        window = self.parent()
        seen.append(window.editor.text() if hasattr(window, "editor") else None)
        return original(self)

    monkeypatch.setattr(preview_renderer.PreviewRenderer, "_new_worker", recording)
    w = open_window(qtbot, tmp_site, post, tmp_path, prompter)
    try:
        assert len(seen) == 1 and seen[0] == w.editor.text() != ""
        assert w.renderer.is_running()
        qtbot.waitUntil(lambda: w.session.last_result is not None, timeout=20000)
        # Everything else exists right away.
        for name in ("docs", "repo", "disk", "health", "images", "search", "git", "spelling"):
            assert getattr(w, name) is not None
    finally:
        close_window(w, prompter)


def test_a_window_without_a_repo_still_starts_its_renderer(qtbot, tmp_path):
    from tileditor.app import build_window

    w = build_window(None, settings_path=tmp_path / "settings.ini", data_path=tmp_path / "data")
    try:
        assert w.renderer.is_running()
    finally:
        w.shutdown()
        w.deleteLater()
