"""Advisory locks as liveness: a subprocess started while a lock is held shares it until it
execs or ends, so "held" must be asked with a little patience before a dead owner's buffers are
taken for a live one's (the flaky recovery offer in CI)."""

from __future__ import annotations

import os
import subprocess
import sys

from tileditor.core.locks import release, try_lock
from tileditor.core.recovery import RecoveryStore


def _child_holding(fd: int, seconds: float) -> subprocess.Popen:
    # pass_fds keeps the descriptor in the child, as a fork does until exec.
    return subprocess.Popen([sys.executable, "-c", f"import time; time.sleep({seconds})"],
                            pass_fds=[fd])


def test_a_lock_shared_with_a_short_lived_child_is_taken_with_patience(tmp_path):
    path = tmp_path / ".lock"
    fd = try_lock(path, create=True)
    child = _child_holding(fd, 0.3)
    release(fd)  # our copy is gone; the child's copy still holds the lock
    try:
        assert try_lock(path) is None
        again = try_lock(path, patience=10.0)
        assert again is not None
        assert child.poll() is not None  # it was free only once the child had ended
        release(again)
    finally:
        child.wait()


def test_a_live_holder_still_reads_as_held_after_the_patience(tmp_path):
    path = tmp_path / ".lock"
    held = try_lock(path, create=True)
    try:
        assert try_lock(path, patience=0.05) is None
    finally:
        release(held)


def test_leftovers_are_offered_while_a_subprocess_briefly_shares_their_lock(tmp_path):
    folder = tmp_path / "recovery"
    RecoveryStore(folder).save("new-a-1", "lost?")
    first = RecoveryStore(folder, "inst-a")
    assert [e.text for e in first.leftovers()] == ["lost?"]
    lock_fd = next(iter(first._adopted.values()))
    child = _child_holding(lock_fd, 0.1)  # a git or web-engine helper forked at that moment
    first.release_leftovers()
    try:
        second = RecoveryStore(folder, "inst-b")
        assert [e.text for e in second.leftovers()] == ["lost?"]
        second.release_leftovers()
    finally:
        child.wait()
    assert os.path.exists(folder / "new-a-1.json")
