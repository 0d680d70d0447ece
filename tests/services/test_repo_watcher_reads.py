"""RepoWatcher and files that are only read (the listing reads every post's header): with a
real watchdog observer on real files, reads reach neither the watcher nor watchdog's queue,
while writes still do."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from watchdog.events import FileSystemEventHandler

from tileditor.core.site import JekyllSite, PostScanner
from tileditor.services.repo_watcher import RepoWatcher


class _Everything(FileSystemEventHandler):
    """Every event the observer dispatches for the watch, whatever the watcher keeps."""

    def __init__(self) -> None:
        self.kinds: list[tuple[str, str]] = []
        self._lock = threading.Lock()

    def on_any_event(self, event) -> None:
        with self._lock:
            self.kinds.append((event.event_type, os.fsdecode(event.src_path)))


def _posts(site: Path, n: int) -> list[Path]:
    folder = site / "_posts" / "2024"
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        p = folder / f"2024-03-{1 + i % 28:02d}-read-{i}.md"
        p.write_text(f"---\ntitle: Read {i}\ntags: [a]\n---\nbody\n", encoding="utf-8")
        out.append(p)
    return out


def _watching(qtbot, site: Path) -> tuple[RepoWatcher, _Everything]:
    w = RepoWatcher(site, quiet_ms=100, max_wait_ms=500)
    w.start()
    qtbot.wait(100)  # inotify watches in place
    seen = _Everything()
    observer = w._observer
    for emitter in list(observer.emitters):
        observer.add_handler_for_watch(seen, emitter.watch)
    return w, seen


def test_reading_posts_sends_no_event_and_a_write_still_does(qtbot, tmp_site):
    posts = _posts(tmp_site, 200)
    w, seen = _watching(qtbot, tmp_site)
    try:
        changes = []
        w.changed.connect(changes.append)
        for p in posts:  # as the listing does: open, read, close without writing
            with open(p, encoding="utf-8") as fh:
                fh.read()
        qtbot.wait(400)
        assert [k for k in seen.kinds if k[0] in ("opened", "closed_no_write")] == []
        assert changes == [] and w.rescans == 0
        # The control: a write to one of them comes through as before.
        posts[7].write_text("---\ntitle: Written\n---\n", encoding="utf-8")
        qtbot.waitUntil(lambda: bool(changes), timeout=5000)
        assert os.path.realpath(posts[7]) in changes[-1]
        assert ("modified", os.path.realpath(posts[7])) in seen.kinds
    finally:
        w.stop()


def test_listing_a_big_repo_while_watched_causes_no_rescan(qtbot, tmp_site):
    """20,000 header reads were 40,000 events: enough to overflow inotify's queue (16,384
    by default) and so a rescan, or at least seconds of watchdog's threads holding the GIL."""
    _posts(tmp_site, 3000)
    w, seen = _watching(qtbot, tmp_site)
    try:
        changes = []
        w.changed.connect(changes.append)
        snapshot = PostScanner().scan(JekyllSite(tmp_site))  # every header read
        assert len(snapshot.posts) == 3001
        qtbot.wait(1200)  # past the watcher's quiet and max-wait windows
        assert seen.kinds == [] and changes == [] and w.rescans == 0
    finally:
        w.stop()
