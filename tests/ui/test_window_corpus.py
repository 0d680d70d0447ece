"""Opening and saving every corpus post through the real window, without edits, leaves each
file byte-identical; the preview shows each one."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from tests.helpers.corpus import corpus_sites
from tileditor.app import build_window

SITES = corpus_sites()


@pytest.mark.corpus
@pytest.mark.parametrize("site_dir", SITES, ids=[s.parent.name if s.name == "docs" else s.name for s in SITES])
def test_open_and_save_every_post_byte_identical(qtbot, site_dir, tmp_path):
    repo = tmp_path / "repo"
    # copyfile, not copy2: the shared corpus is kept read-only (mode 444), and a read-only post
    # rightly opens read-only now; the copy stands for the user's own, writable clone.
    shutil.copytree(site_dir, repo, copy_function=shutil.copyfile)
    posts = sorted(p for sub in ("_posts", "_drafts") if (repo / sub).is_dir()
                   for p in (repo / sub).rglob("*") if p.suffix in (".md", ".markdown"))
    assert posts
    before = {p: p.read_bytes() for p in posts}
    window = build_window(repo, settings_path=tmp_path / "s.ini", data_path=tmp_path / "data")
    qtbot.addWidget(window)
    try:
        for post in posts:
            assert window.open_post(post), post
            assert window.session.document.path == post
            assert not window.session.document.dirty, post
            # A real edit through the editor (type a character, delete it) must not disturb
            # any other byte: NBSP, ZWSP, trailing spaces, CRLF, no final newline.
            editor = window.editor
            cursor = editor.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            editor.setTextCursor(cursor)
            qtbot.keyClicks(editor, "x")
            assert window.session.document.dirty
            qtbot.keyClick(editor, Qt.Key.Key_Backspace)
            assert window.save(), (post, window.statusBar().currentMessage())
        with qtbot.waitSignal(window.preview.rendered, timeout=15000):
            window.session.request_render()
    finally:
        window.shutdown()
    changed = [p.name for p, data in before.items() if p.read_bytes() != data]
    assert changed == []
