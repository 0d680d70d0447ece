"""Autosaver: recovery snapshots on a timer, optional repo autosave, pause, conflicts, failures."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tileditor.core.document import Document
from tileditor.core.recovery import RecoveryStore, key_for
from tileditor.services.autosaver import Autosaver


@pytest.fixture
def setup(qtbot, tmp_site, tmp_path):
    post = next((tmp_site / "_posts").rglob("*.md"))
    store = RecoveryStore(tmp_path / "userdata" / "recovery")
    saver = Autosaver(store, interval_ms=100)
    doc = Document.load(post, root=tmp_site)
    key = key_for(post, "test")
    saver.track(doc, key, lambda: {"repo": tmp_site, "title": "t", "imported_images": ["a.png"]})
    yield saver, doc, store, key, post
    saver.untrack()
    assert not saver.active


def test_dirty_buffer_is_snapshotted_outside_repo(qtbot, setup, tmp_site):
    saver, doc, store, key, post = setup
    on_disk = post.read_bytes()
    doc.set_text(doc.text + "\nunsaved")
    with qtbot.waitSignal(saver.snapshot_saved, timeout=2000):
        pass
    [entry] = store.entries()
    assert entry.key == key and entry.text == doc.text and entry.imported_images == ["a.png"]
    assert entry.repo == tmp_site and entry.path == post
    assert post.read_bytes() == on_disk
    assert not store.folder.is_relative_to(tmp_site)


def test_clean_buffer_writes_nothing_and_unchanged_text_is_not_rewritten(qtbot, setup):
    saver, doc, store, key, post = setup
    got = []
    saver.snapshot_saved.connect(got.append)
    qtbot.wait(350)
    assert got == [] and store.entries() == []
    doc.set_text("edit")
    qtbot.waitUntil(lambda: len(got) == 1, timeout=2000)
    qtbot.wait(350)
    assert len(got) == 1


def test_save_discards_the_snapshot(qtbot, setup):
    saver, doc, store, key, post = setup
    doc.set_text("edit")
    saver.flush()
    assert [e.text for e in store.entries()] == ["edit"]
    doc.save()
    saver.flush()
    assert store.entries() == []


def test_crash_entry_of_a_previous_run_is_not_discarded_by_a_clean_buffer(qtbot, setup):
    saver, doc, store, key, post = setup
    store.save(key, "from the crashed session", {"path": post})
    qtbot.wait(350)
    assert [e.text for e in store.entries()] == ["from the crashed session"]


def test_untrack_keeps_snapshot_and_stops_timer(qtbot, setup):
    saver, doc, store, key, post = setup
    doc.set_text("closing without saving")
    saver.flush()
    saver.untrack()
    assert not saver.active
    assert [e.text for e in store.entries()] == ["closing without saving"]


def test_autosave_to_repo_writes_the_post(qtbot, setup):
    saver, doc, store, key, post = setup
    saver.autosave_to_repo = True
    doc.set_text(doc.text + "\nautosaved")
    with qtbot.waitSignal(saver.saved, timeout=2000) as blocker:
        pass
    assert blocker.args == [str(post)]
    assert post.read_text(encoding="utf-8").endswith("\nautosaved")
    assert not doc.dirty and store.entries() == []


def test_pause_blocks_repo_autosave_but_not_the_snapshot(qtbot, setup):
    saver, doc, store, key, post = setup
    before = post.read_bytes()
    saver.autosave_to_repo = True
    saver.pause()
    doc.set_text("paused edit")
    qtbot.wait(350)
    assert post.read_bytes() == before
    assert [e.text for e in store.entries()] == ["paused edit"]
    saver.resume()
    qtbot.waitUntil(lambda: post.read_bytes() == b"paused edit", timeout=2000)


def test_external_change_pauses_and_emits_conflict_without_writing(qtbot, setup):
    saver, doc, store, key, post = setup
    saver.autosave_to_repo = True
    saver.pause()
    doc.set_text("mine")
    post.write_text("theirs", encoding="utf-8")
    saver.resume()
    with qtbot.waitSignal(saver.conflict, timeout=2000) as blocker:
        pass
    assert blocker.args == [str(post)] and saver.paused
    qtbot.wait(300)
    assert post.read_text(encoding="utf-8") == "theirs"
    assert [e.text for e in store.entries()] == ["mine"]


def test_write_failure_reported_once_and_buffer_kept(qtbot, setup, monkeypatch, tmp_site):
    saver, doc, store, key, post = setup
    before = post.read_bytes()
    real_open = os.open

    def full_disk_in_repo(path, *args, **kwargs):
        if Path(path).is_relative_to(tmp_site) and not Path(path).is_dir():
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", full_disk_in_repo)
    messages = []
    saver.failed.connect(messages.append)
    saver.autosave_to_repo = True
    doc.set_text("cannot land")
    qtbot.waitUntil(lambda: bool(messages), timeout=2000)
    qtbot.wait(350)
    assert messages == [f"Could not save {post.name}: the disk is full."]
    assert post.read_bytes() == before and doc.dirty
    assert [e.text for e in store.entries()] == ["cannot land"]


def test_deleted_post_is_not_recreated_by_repo_autosave(qtbot, setup):
    saver, doc, store, key, post = setup
    saver.autosave_to_repo = True
    post.unlink()
    doc.mark_missing()
    qtbot.wait(350)
    assert not post.exists()
    assert [e.text for e in store.entries()] == [doc.text]
