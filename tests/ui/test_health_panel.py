"""The repo health check through the real window: findings of a generated blog are listed with
file and line, a finding opens its post at that line, and an unused picture goes to the trash
only after the user says so."""

from __future__ import annotations

import os

import pytest


@pytest.fixture
def tmp_site(tmp_site):
    (tmp_site / "images" / "unused.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_site / "_posts" / "2025-03-01-broken.md").write_text(
        "---\ntitle: broken\n---\nline two\n![gone](/images/nowhere.png)\n", encoding="utf-8")
    return tmp_site


def test_findings_listed_opened_and_unused_picture_trashed(qtbot, window, tmp_site, prompter,
                                                          tmp_path, monkeypatch):
    (tmp_path / "xdg").mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))  # the trash lives here
    with qtbot.waitSignal(window.health.runner.finished, timeout=30000):
        assert window.health.check()
    panel = window.findChild(type(window.health.panel), "healthPanel")
    kinds = {(f.kind, f.path.name, f.line) for f in panel.findings()}
    assert ("broken_image", "2025-03-01-broken.md", 5) in kinds
    assert ("orphan_image", "unused.png", 1) in kinds
    row = next(i for i, f in enumerate(panel.findings()) if f.kind == "broken_image")
    panel.results.activated.emit(panel.model.index(row, 0))
    assert window.session.document.path == tmp_site / "_posts" / "2025-03-01-broken.md"
    assert window.editor.cursor_line_column()[0] == 5
    orphan = next(i for i, f in enumerate(panel.findings()) if f.kind == "orphan_image")
    panel.select_row(orphan)
    assert panel.trash_button.isEnabled()
    prompter.answers[:] = ["Cancel"]
    panel.trash_button.click()
    assert (tmp_site / "images" / "unused.png").exists()
    prompter.answers[:] = ["Move to trash"]
    panel.trash_button.click()
    assert prompter.warnings == []
    qtbot.waitUntil(lambda: panel.check_button.isEnabled(), timeout=30000)
    assert not (tmp_site / "images" / "unused.png").exists()
    trashed = list((tmp_path / "xdg").rglob("unused.png"))
    assert trashed, os.listdir(tmp_path / "xdg")
