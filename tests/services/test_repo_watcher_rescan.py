"""RepoWatcher when events are lost: inotify's overflow, a dead observer, no inotify at all,
the start in the background, and a real `git checkout` of 5,000 posts."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tileditor.services import repo_watcher as rw
from tileditor.services.repo_watcher import RepoWatcher


def _post(site: Path) -> Path:
    return next((site / "_posts").rglob("*.md"))


def _real(p: Path) -> str:
    import os

    return os.path.realpath(p)


def _started(qtbot, site: Path, **kw) -> RepoWatcher:
    w = RepoWatcher(site, quiet_ms=kw.pop("quiet_ms", 100), max_wait_ms=kw.pop("max_wait_ms", 500))
    w.start(**kw)
    qtbot.wait(100)
    return w


def _collect(w: RepoWatcher) -> tuple[list, list]:
    changes, files = [], []
    w.changed.connect(changes.append)
    w.file_changed.connect(lambda p, k: files.append((p, k)))
    return changes, files


def test_overflow_rescans_and_reports_what_no_event_told(qtbot, tmp_site):
    post = _post(tmp_site)
    w = _started(qtbot, tmp_site)
    try:
        w.watch_file(post)
        changes, files = _collect(w)
        w._post = lambda *args: None  # from now on the kernel's queue "overflows": no events
        other = tmp_site / "_posts" / "2025" / "2025-05-01-written-during-overflow.md"
        other.write_text("---\ntitle: lost\n---\n", encoding="utf-8")
        post.write_text(post.read_text(encoding="utf-8") + "\nchanged by git\n", encoding="utf-8")
        qtbot.wait(300)
        assert changes == [] and files == []
        # What watchdog logs (and tells no handler) when inotify drops events:
        logging.getLogger("watchdog.observers.inotify_c").warning(
            "Inotify queue overflowed; filesystem events were lost")
        qtbot.waitUntil(lambda: bool(files), timeout=5000)
        assert files == [(str(post), "modified")]
        assert {_real(other), _real(post)} <= set().union(*changes)
        assert w.rescans == 1
    finally:
        w.stop()


def test_big_burst_rescans_but_reports_nothing_twice(qtbot, tmp_site, monkeypatch):
    monkeypatch.setattr(rw, "RESCAN_BURST", 50)
    w = _started(qtbot, tmp_site)
    try:
        changes = []  # (rescans finished when emitted, paths)
        w.changed.connect(lambda paths: changes.append((w.rescans, paths)))
        folder = tmp_site / "_posts" / "burst"
        folder.mkdir()
        for i in range(80):
            (folder / f"2024-01-01-p{i:02d}.md").write_text(f"p{i}", encoding="utf-8")
        qtbot.waitUntil(lambda: w.rescans >= 1, timeout=5000)
        qtbot.wait(300)
        seen = set().union(*(paths for _n, paths in changes))
        assert {_real(folder / f"2024-01-01-p{i:02d}.md") for i in range(80)} <= seen
        # Every file came with its event: the rescan found nothing more to report.
        assert [paths for n, paths in changes if n >= 1] == []
    finally:
        w.stop()


def test_a_dead_observer_is_restarted_and_what_changed_meanwhile_is_reported(
        qtbot, tmp_site, monkeypatch):
    monkeypatch.setattr(rw, "HEALTH_MS", 200)
    post = _post(tmp_site)
    w = _started(qtbot, tmp_site)
    try:
        w.watch_file(post)
        changes, files = _collect(w)
        dead = w._observer
        dead.stop()
        dead.join(5)
        post.write_text("written while nobody watched\n", encoding="utf-8")
        qtbot.waitUntil(lambda: bool(files), timeout=5000)
        assert files == [(str(post), "modified")] and w._observer is not dead
        assert w._observer.is_alive()
        later = tmp_site / "_drafts" / "after-restart.md"
        later.parent.mkdir()
        later.write_text("x", encoding="utf-8")
        qtbot.waitUntil(lambda: _real(later) in set().union(*changes), timeout=5000)
    finally:
        w.stop()


def test_without_inotify_it_polls(qtbot, tmp_site, monkeypatch):
    monkeypatch.setattr(rw, "POLL_MS", 300)
    from watchdog.observers import Observer

    def no_watches(self):  # an observer whose watch could not be added (inotify limit)
        observer = Observer()
        observer.daemon = True
        return observer

    monkeypatch.setattr(RepoWatcher, "_make_observer", no_watches)
    w = _started(qtbot, tmp_site)
    try:
        assert w.degraded
        changes, _files = _collect(w)
        new = tmp_site / "_posts" / "2025" / "2025-06-01-polled.md"
        new.write_text("x", encoding="utf-8")
        qtbot.waitUntil(lambda: _real(new) in set().union(*changes), timeout=5000)
    finally:
        w.stop()


def test_changes_made_while_the_background_start_runs_are_reported(qtbot, tmp_site):
    post = _post(tmp_site)
    w = RepoWatcher(tmp_site, quiet_ms=100)
    w.watch_file(post)
    changes, files = _collect(w)
    w.start(background=True)
    other = tmp_site / "_posts" / "2025" / "2025-07-01-early.md"
    try:
        other.write_text("before the watches were in place", encoding="utf-8")
        post.write_text("edited at once", encoding="utf-8")
        qtbot.waitUntil(lambda: bool(files) and _real(other) in set().union(*changes),
                        timeout=5000)
        assert files[0] == (str(post), "modified")
    finally:
        w.stop()
    assert not any(t.is_alive() for t in w._threads)


# -- a real checkout of 5,000 posts --------------------------------------------------------------
@pytest.mark.slow
def test_real_checkout_of_5000_posts_reports_every_changed_file(qtbot, checkout_repo):
    from checkout_support import post_paths, run_beside_loop, switch

    posts = post_paths(checkout_repo)
    open_post = posts[1234]
    w = RepoWatcher(checkout_repo)
    w.watch_file(open_post)
    changes, files = _collect(w)
    w.start(background=True)
    try:
        qtbot.waitUntil(lambda: w._baseline is not None, timeout=20000)
        # git runs beside the live event loop, as when the user checks out in a terminal.
        run_beside_loop(qtbot, switch, checkout_repo)
        qtbot.waitUntil(lambda: bool(files), timeout=30000)
        # Until every rescan the burst asked for is done and nothing is pending any more.
        qtbot.waitUntil(lambda: not (w._rescan_timer.isActive() or w._rescanning
                                     or w._quiet.isActive()), timeout=30000)
        qtbot.wait(300)
    finally:
        w.stop()
    seen = set().union(*changes)
    missing = {_real(p) for p in posts} - seen
    assert not missing, f"{len(missing)} of 5,000 changed posts never reported"
    assert files[0] == (str(open_post), "modified")
