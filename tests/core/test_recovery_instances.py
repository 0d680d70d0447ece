"""Issue 15 item 3: recovery per instance. Two instances on one post keep two snapshots; one's
save deletes only its own; a running instance's buffers are never offered or deleted by
another; liveness is the flock on the instance's folder, not a pid (pids are reused)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tileditor.core.fileio import fingerprint
from tileditor.core.recovery import RecoveryStore, key_for

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def folder(tmp_path) -> Path:
    return tmp_path / "data" / "recovery"


def _post(tmp_path) -> Path:
    p = tmp_path / "blog" / "_posts" / "2025-01-01-a.md"
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text("---\ntitle: a\n---\nbody\n", encoding="utf-8")
    return p


def test_two_instances_on_one_post_keep_two_snapshots(folder, tmp_path):
    post = _post(tmp_path)
    a, b = RecoveryStore(folder, "inst-a"), RecoveryStore(folder, "inst-b")
    key = key_for(post, "any")  # the same key: keys are per path
    a.save(key, "text of A", {"path": post})
    b.save(key, "text of B", {"path": post})
    assert sorted(e.text for e in RecoveryStore(folder).entries()) == ["text of A", "text of B"]
    # Neither offers the other's live buffer, nor its own.
    assert a.leftovers() == [] and b.leftovers() == []
    a.release_leftovers()
    b.release_leftovers()
    # A saves: only A's snapshot goes.
    a.discard(key)
    assert [(e.owner, e.text) for e in RecoveryStore(folder).entries()] == [("inst-b", "text of B")]
    a.close()
    b.close()


def test_both_gone_both_offered_then_folders_cleaned(folder, tmp_path):
    post = _post(tmp_path)
    for name, text in (("inst-a", "A"), ("inst-b", "B")):
        store = RecoveryStore(folder, name)
        store.save(key_for(post, name), text, {"path": post, "saved_at": 1.0 + len(text)})
        store.close()
    c = RecoveryStore(folder, "inst-c")
    left = c.leftovers()
    assert sorted(e.text for e in left) == ["A", "B"]
    for entry in left:
        c.discard_entry(entry)
    c.release_leftovers()
    assert not any((folder / "instances").iterdir())  # dead owners' folders removed


def test_running_instances_leftovers_are_not_deleted(folder, tmp_path):
    post = _post(tmp_path)
    live = RecoveryStore(folder, "live")
    live.save(key_for(post, "x"), "still typing", {"path": post})
    other = RecoveryStore(folder, "other")
    [entry] = RecoveryStore(folder).entries()
    with pytest.raises(ValueError, match="running"):
        other.discard_entry(entry)
    assert live.get(key_for(post, "x")).text == "still typing"
    live.close()


def test_two_instances_starting_at_once_never_offer_the_same_buffer(folder, tmp_path):
    dead = RecoveryStore(folder, "dead")
    dead.save("new-1", "orphan", {})
    dead.close()
    legacy = RecoveryStore(folder)  # an older tileditor's flat file
    legacy.save("new-old", "flat", {})
    first, second = RecoveryStore(folder, "first"), RecoveryStore(folder, "second")
    assert sorted(e.text for e in first.leftovers()) == ["flat", "orphan"]
    assert second.leftovers() == []  # `first` is offering them right now
    second.release_leftovers()
    first.release_leftovers()  # "Later" for both: offered again afterwards
    assert sorted(e.text for e in second.leftovers()) == ["flat", "orphan"]
    second.release_leftovers()


def test_a_recorded_pid_that_is_alive_does_not_make_a_folder_live(folder):
    """After a crash the pid in the lock file may belong to some other process (here: us);
    only the flock counts."""
    inst = folder / "instances" / "crashed"
    inst.mkdir(parents=True)
    (inst / ".lock").write_text(f"pid {os.getpid()} since 0\n")
    (inst / "new-1.json").write_text('{"text": "kept", "saved_at": 1}', encoding="utf-8")
    store = RecoveryStore(folder, "me")
    assert [e.text for e in store.leftovers()] == ["kept"]
    store.release_leftovers()


CHILD = r"""
import sys
from tileditor.core.recovery import RecoveryStore
store = RecoveryStore(sys.argv[1], "child")
store.save("new-1", "typed in the child", {})
print("ready", flush=True)
sys.stdin.read()
"""


def test_a_sigkilled_process_s_snapshot_becomes_a_leftover(folder):
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(folder)], cwd=ROOT,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                             env=dict(os.environ, PYTHONPATH=str(ROOT)))
    try:
        assert child.stdout.readline().strip() == "ready"
        me = RecoveryStore(folder, "me")
        assert me.leftovers() == []  # alive: not offered
        me.release_leftovers()
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        assert [e.text for e in me.leftovers()] == ["typed in the child"]
        me.release_leftovers()
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=10)


def test_snapshot_records_the_base_fingerprint(folder, tmp_path):
    post = _post(tmp_path)
    fp = fingerprint(post)
    store = RecoveryStore(folder, "s")
    store.save("k", "edited", {"path": post, "fingerprint": fp})
    [entry] = store.entries()
    assert entry.base.same_bytes(fp)
    post.write_text("pulled from git\n", encoding="utf-8")
    assert not entry.base.same_bytes(fingerprint(post))
    store.close()
