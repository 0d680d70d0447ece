from tileditor.core.settings import Settings
from tileditor.services.settings_store import SettingsStore


def test_settings_round_trip(tmp_path, qapp):
    store = SettingsStore(tmp_path / "s.ini")
    s = Settings(last_repo="/x/blog", autosave_to_repo=True, editor_font_size=14)
    s.remember_repo("/a")
    s.remember_repo("/b")
    s.remember_repo("/a")
    store.save(s)
    back = SettingsStore(tmp_path / "s.ini").load()
    assert back.last_repo == "/x/blog"
    assert back.autosave_to_repo is True
    assert back.editor_font_size == 14
    assert back.recent_repos == ["/a", "/b"]
    assert back.preview_allow_scripts is False


def test_defaults_when_empty(tmp_path, qapp):
    assert SettingsStore(tmp_path / "none.ini").load() == Settings()
