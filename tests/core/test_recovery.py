"""The crash-recovery store: snapshots round-trip, diffs against disk, corrupt files survive."""

from __future__ import annotations

import json
import os

import pytest

from tileditor.core.fileio import fingerprint
from tileditor.core.recovery import RecoveryStore, default_folder, key_for


@pytest.fixture
def store(tmp_path) -> RecoveryStore:
    return RecoveryStore(tmp_path / "data" / "recovery")


def test_save_and_list_with_diff_against_disk(store, tmp_site):
    post = next((tmp_site / "_posts").rglob("*.md"))
    disk = post.read_text(encoding="utf-8")
    key = key_for(post, "s1")
    store.save(
        key,
        disk + "\nunsaved line",
        {
            "path": post,
            "repo": tmp_site,
            "fingerprint": fingerprint(post),
            "title": "TIL :: A new chapter",
            "imported_images": [str(tmp_site / "images" / "x.png")],
        },
    )
    [entry] = store.entries()
    assert entry.key == key and entry.path == post and entry.repo == tmp_site
    assert entry.text == disk + "\nunsaved line" and entry.disk_text == disk
    assert entry.differs_from_disk and entry.loaded_sha256 == fingerprint(post).sha256
    assert entry.imported_images == [str(tmp_site / "images" / "x.png")]
    diff = store.diff(entry)
    assert "+unsaved line" in diff and "(recovered)" in diff
    # The repo is untouched: only the recovery folder holds the snapshot.
    assert post.read_text(encoding="utf-8") == disk
    assert not list(tmp_site.rglob("*.json"))


def test_new_post_entry_and_exact_text(store):
    text = "---\ntitle: x\n---\nno newline  \r\n\u00a0\u200b"
    store.save(key_for(None, "sess-9"), text, {"path": None, "title": "x"})
    [entry] = store.entries()
    assert entry.path is None and entry.disk_text is None and entry.text == text
    assert "+no newline" in store.diff(entry)


def test_later_save_replaces_earlier_and_discard_removes(store, tmp_path):
    p = tmp_path / "a.md"
    p.write_text("a")
    k = key_for(p, "s")
    store.save(k, "first", {"path": p})
    store.save(k, "second", {"path": p})
    assert [e.text for e in store.entries()] == ["second"]
    store.discard(k)
    assert store.entries() == []
    store.discard(k)  # discarding twice is harmless


def test_keys_differ_per_path_and_are_safe(tmp_path):
    a, b = tmp_path / "x" / "2025-01-01-한글 (1).md", tmp_path / "y" / "2025-01-01-한글 (1).md"
    assert key_for(a, "s") != key_for(b, "s")
    assert "/" not in key_for(a, "s") and " " not in key_for(a, "s")
    assert key_for(None, "s/1") != key_for(None, "s2")
    store = RecoveryStore(tmp_path / "store")
    store.save(key_for(a, "s"), "text", {"path": a})
    assert [e.path for e in store.entries()] == [a]


def test_corrupt_file_skipped_with_warning_and_kept(store, caplog):
    store.save("good", "kept", {})
    bad = store.folder / "bad.json"
    bad.write_text("{not json")
    wrong = store.folder / "wrong.json"
    wrong.write_text(json.dumps([1, 2]))
    entries = store.entries()
    assert [e.text for e in entries] == ["kept"]
    assert {p.name for p, _ in store.skipped} == {"bad.json", "wrong.json"}
    assert bad.exists() and wrong.exists()
    assert "bad.json" in caplog.text


def test_entries_newest_first(store):
    store.save("old", "o", {"saved_at": 100.0})
    store.save("new", "n", {"saved_at": 200.0})
    assert [e.key for e in store.entries()] == ["new", "old"]


def test_refuses_store_inside_repo(tmp_site):
    inside = RecoveryStore(tmp_site / ".tileditor")
    with pytest.raises(ValueError, match="inside the repo"):
        inside.save("k", "t", {"repo": tmp_site})
    assert not (tmp_site / ".tileditor").exists()


def test_default_folder_uses_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_folder() == tmp_path / "tileditor" / "recovery"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert str(default_folder()).startswith(os.path.expanduser("~"))


def test_invalid_key_rejected(store):
    with pytest.raises(ValueError):
        store.save("", "t", {})
