"""Issue 15 item 11: a SIGKILL during the save of a 20 MB post leaves `.<name>.<hex>.tileditor-tmp`
in the repo (shown by `git status`); the sweep at the next start removes exactly those
leftovers: never a live writer's (it holds a flock until its rename), never a young one, never a
file that only looks similar."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tileditor.core import stale_temps
from tileditor.core.fileio import TEMP_SUFFIX, create_temp

ROOT = Path(__file__).resolve().parents[2]

SAVER = r"""
import sys
from pathlib import Path
from tileditor.core.fileio import atomic_write
post = Path(sys.argv[1])
data = (b"x" * 99 + b"\n") * 200_000  # 20 MB
print("ready", flush=True)
n = 0
while True:
    atomic_write(post, data[:-1] + str(n % 10).encode())
    n += 1
"""


def _temps(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX))


def _backdate(path: Path, seconds: float = 60) -> None:
    past = time.time() - seconds
    os.utime(path, (past, past))


def _kill_during_a_save(post: Path) -> None:
    """SIGKILL a process saving `post` in a loop while one of its temp files exists."""
    for _attempt in range(20):
        child = subprocess.Popen([sys.executable, "-c", SAVER, str(post)], cwd=ROOT,
                                 stdout=subprocess.PIPE, text=True,
                                 env=dict(os.environ, PYTHONPATH=str(ROOT)))
        try:
            assert child.stdout.readline().strip() == "ready"
            deadline = time.monotonic() + 20
            while not _temps(post.parent) and time.monotonic() < deadline:
                time.sleep(0.002)
            os.kill(child.pid, signal.SIGKILL)
        finally:
            child.kill()
            child.wait(timeout=10)
        if _temps(post.parent):
            return
    pytest.fail("never caught the saver between creating and renaming its temp file")


def test_sigkill_during_save_leaves_a_temp_that_the_sweep_removes(tmp_site):
    post = next((tmp_site / "_posts").rglob("*.md"))
    original = post.read_bytes()
    _kill_during_a_save(post)
    [temp] = _temps(post.parent)
    assert stale_temps.is_temp_leftover_name(temp.name)
    if shutil.which("git"):
        status = subprocess.run(["git", "-C", str(tmp_site), "status", "--porcelain",
                                 "--untracked-files=all"], capture_output=True, text=True).stdout
        assert temp.name in status
    # The post itself is whole: the old bytes or one complete new version.
    got = post.read_bytes()
    assert got == original or (len(got) == 20_000_000 and got.startswith(b"x" * 99 + b"\n"))
    assert stale_temps.sweep(tmp_site) == []  # too young: a writer might not have locked yet
    _backdate(temp)
    removed = stale_temps.sweep(tmp_site)
    assert [p for p, _ in removed] == [temp] and not temp.exists()
    assert removed[0][1] > 0


def test_a_live_writers_temp_and_look_alikes_are_kept(tmp_path):
    target = tmp_path / "post.md"
    fd, live = create_temp(target)  # held, as during a save
    try:
        _backdate(live)
        lookalikes = [tmp_path / n for n in (
            ".post.md.tileditor-tmp", "post.md.0123abcd.tileditor-tmp",
            ".post.md.0123ABCD.tileditor-tmp", ".post.md.0123abcd.tileditor-tmp.bak",
            ".tileditor-abc.part")]
        for p in lookalikes:
            p.write_text("not ours")
            _backdate(p)
        abandoned = tmp_path / ".post.md.89abcdef.tileditor-tmp"
        abandoned.write_text("left by a killed save")
        _backdate(abandoned)
        young = tmp_path / ".post.md.00000000.tileditor-tmp"
        young.write_text("just created")
        old_image_temp = tmp_path / ".tileditor-k2j_9x0q.part"  # mkstemp's, from 0.x
        old_image_temp.write_bytes(b"\x89PNG")
        _backdate(old_image_temp)
        removed = {p for p, _ in stale_temps.sweep(tmp_path)}
        assert removed == {abandoned, old_image_temp}
        assert live.exists() and young.exists() and all(p.exists() for p in lookalikes)
    finally:
        os.close(fd)
    # The writer is gone now: its temp is a leftover too.
    assert {p for p, _ in stale_temps.sweep(tmp_path)} == {live}


def test_sweep_skips_git_and_site_folders_and_can_stop(tmp_path):
    import threading

    for folder in (".git/objects", "_site", "node_modules/x", "_posts"):
        (tmp_path / folder).mkdir(parents=True)
        t = tmp_path / folder / ".a.md.0123abcd.tileditor-tmp"
        t.write_text("x")
        _backdate(t)
    assert [p.parent.name for p, _ in stale_temps.sweep(tmp_path)] == ["_posts"]
    stop = threading.Event()
    stop.set()
    assert stale_temps.sweep(tmp_path, stop) == []
