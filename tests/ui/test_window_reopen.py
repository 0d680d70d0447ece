"""What the next start opens is written when it changes, not at close: after a crash (no
closeEvent) the app reopens the post that was being edited, not the repo's newest post."""

from __future__ import annotations

from tileditor.app import resolve_start
from tileditor.services.settings_store import SettingsStore


def test_post_being_edited_is_remembered_without_a_clean_close(qtbot, window, tmp_site, tmp_path):
    older = tmp_site / "_posts" / "2024-01-02-older.md"
    older.write_text("---\ntitle: Older\n---\nbody\n", encoding="utf-8")
    assert window.open_post(older)
    # A second process reading the settings now sees what a restart after a kill would see.
    settings = SettingsStore(tmp_path / "settings.ini").load()
    assert settings.last_repo == str(tmp_site) and settings.last_post == str(older)
    repo, post, demo = resolve_start(None, settings, tmp_path / "data")
    assert (repo, post, demo) == (tmp_site, older, False)
