"""RepoWatcher in a burst (a checkout rewriting hundreds of posts): the Qt thread takes the
gathered events a few times, not once per event; the stats of what it reports are taken off
the Qt thread; the open post is checked after the burst even when its own event is lost."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from tileditor.core.site import tree_stats
from tileditor.services import repo_watcher as rw
from tileditor.services.repo_watcher import RepoWatcher

FILES = 400


def _write_burst(site: Path, files: int, pause_s: float = 0.001) -> tuple[threading.Thread, list]:
    """Write `files` posts from another thread, about one per `pause_s` (as git does)."""
    folder = site / "_posts" / "burst"
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"2024-02-01-p{i:03d}.md" for i in range(files)]

    def run() -> None:
        for i, p in enumerate(paths):
            p.write_text(f"---\ntitle: p{i}\n---\n", encoding="utf-8")
            time.sleep(pause_s)

    thread = threading.Thread(target=run, name="test-burst")
    return thread, paths


def test_a_burst_is_taken_by_the_qt_thread_a_few_times_not_per_event(
        qtbot, tmp_site, monkeypatch):
    drains: list[str] = []
    drain = RepoWatcher._drain

    def counted(self) -> None:
        drains.append(threading.current_thread().name)
        drain(self)

    monkeypatch.setattr(RepoWatcher, "_drain", counted)  # before the slot is connected
    w = RepoWatcher(tmp_site, quiet_ms=300, max_wait_ms=5000)
    w.start()
    try:
        changes: list[list] = []
        w.changed.connect(changes.append)
        qtbot.wait(100)
        drains.clear()
        thread, paths = _write_burst(tmp_site, FILES)
        t0 = time.perf_counter()
        thread.start()
        qtbot.waitUntil(lambda: not thread.is_alive(), timeout=30000)
        elapsed_ms = (time.perf_counter() - t0) * 1000
        qtbot.waitUntil(lambda: bool(changes), timeout=10000)
        qtbot.wait(400)
        # One delivery with every path, on the Qt thread.
        assert len(changes) == 1
        assert {os.path.realpath(p) for p in paths} <= set(changes[0])
        assert set(drains) == {threading.main_thread().name}
        # About one drain per DRAIN_MS while events came (each write makes 2-3 events, each
        # of which woke the Qt thread before), plus those of the quiet period after.
        assert len(drains) <= elapsed_ms / rw.DRAIN_MS + 12, (len(drains), elapsed_ms)
    finally:
        w.stop()


def test_the_stats_of_reported_paths_and_the_rescans_compare_are_off_the_qt_thread(
        qtbot, tmp_site, monkeypatch):
    where: list[str] = []
    compared: list[str] = []
    signature, changed_paths = tree_stats.signature, tree_stats.changed_paths

    def recorded(path: str):
        where.append(threading.current_thread().name)
        return signature(path)

    def compare(before, after):
        compared.append(threading.current_thread().name)
        return changed_paths(before, after)

    w = RepoWatcher(tmp_site, quiet_ms=100, max_wait_ms=1000)
    w.start()
    try:
        changes: list[list] = []
        w.changed.connect(changes.append)
        qtbot.wait(100)
        monkeypatch.setattr(tree_stats, "signature", recorded)
        monkeypatch.setattr(tree_stats, "changed_paths", compare)
        thread, paths = _write_burst(tmp_site, 50, pause_s=0)
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: bool(changes), timeout=10000)
        # The baseline learns the reported files' stats: a rescan now reports nothing.
        qtbot.waitUntil(lambda: all(w._baseline.get(os.path.realpath(p)) is not None
                                    for p in paths), timeout=10000)
        assert len(where) >= len(paths)
        assert threading.main_thread().name not in where
        before = list(changes)
        w._start_rescan()
        qtbot.waitUntil(lambda: w.rescans == 1, timeout=10000)
        qtbot.wait(200)
        assert changes == before
        assert compared and threading.main_thread().name not in compared
        # And what no event told (lost events) the rescan still reports.
        w._post = lambda *args: None
        lost = tmp_site / "_posts" / "2024-03-01-lost.md"
        lost.write_text("---\ntitle: lost\n---\n", encoding="utf-8")
        w._start_rescan()
        qtbot.waitUntil(lambda: len(changes) > len(before), timeout=10000)
        assert changes[-1] == [os.path.realpath(lost)]
    finally:
        w.stop()


def test_the_open_post_is_checked_after_a_burst_that_lost_its_event(qtbot, tmp_site):
    post = next((tmp_site / "_posts").rglob("*.md"))
    w = RepoWatcher(tmp_site, quiet_ms=100, max_wait_ms=1000)
    w.start()
    try:
        w.watch_file(post)
        real = os.path.realpath(post)
        post_event = w._post

        def lose_the_posts_own(kind, src, dest):  # as an overflowing inotify queue would
            if real not in (src, dest):
                post_event(kind, src, dest)

        w._post = lose_the_posts_own
        got: list[tuple[str, str]] = []
        w.file_changed.connect(lambda path, kind: got.append((path, kind)))
        qtbot.wait(100)
        thread, _paths = _write_burst(tmp_site, 100, pause_s=0)
        thread.start()
        post.write_text(post.read_text(encoding="utf-8") + "\nchanged by git\n",
                        encoding="utf-8")
        thread.join()
        qtbot.waitUntil(lambda: bool(got), timeout=10000)
        qtbot.wait(300)
        assert got == [(str(post), "modified")]
    finally:
        w.stop()
