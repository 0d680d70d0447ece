"""RepoWatcher with a real watchdog observer on a temporary Jekyll repo."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from tileditor.core.document import Document
from tileditor.core.fileio import atomic_write, fingerprint
from tileditor.services.repo_watcher import RepoWatcher, is_relevant


def _observer_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if "Observer" in type(t).__name__
            or "Emitter" in type(t).__name__ or "Inotify" in type(t).__name__]


@pytest.fixture
def watcher(qtbot, tmp_site):
    before = set(_observer_threads())
    w = RepoWatcher(tmp_site, quiet_ms=150, max_wait_ms=800)
    w.start()
    time.sleep(0.1)  # let inotify register before the test writes
    yield w
    w.stop()
    left = [t for t in _observer_threads() if t not in before and t.is_alive()]
    assert left == [], f"watchdog threads left running: {left}"


def _post(site: Path) -> Path:
    return next((site / "_posts").rglob("*.md"))


def _collect(qtbot, signal, ms: int) -> list:
    got = []
    signal.connect(lambda *args: got.append(args))
    qtbot.wait(ms)
    return got


def test_relevance_rules(tmp_path):
    r = tmp_path
    yes = ["_posts/a.md", "_drafts/b.md", "images/p/x.png", "assets/css/x.scss", "_config.yml",
           "files/diagram.svg"]
    no = [".git/index", "_site/index.html", "_posts/.a.md.1f2e3d4c.tileditor-tmp",
          "_posts/a.md~", "_posts/.a.md.swp", "Gemfile.lock", "_config.yml/../x", "/elsewhere/a.md"]
    assert all(is_relevant(r, str(r / p)) for p in yes)
    assert not any(is_relevant(r, str(r / p)) for p in no)


def test_external_write_to_open_post_is_reported(qtbot, watcher, tmp_site):
    post = _post(tmp_site)
    watcher.watch_file(post)
    with qtbot.waitSignal(watcher.file_changed, timeout=3000) as blocker:
        post.write_text("edited in another editor", encoding="utf-8")
    assert blocker.args == [str(post), "modified"]


def test_own_atomic_save_is_ignored_but_later_external_write_is_not(qtbot, watcher, tmp_site):
    post = _post(tmp_site)
    watcher.watch_file(post)
    doc = Document.load(post)
    doc.set_text(doc.text + "\nmine")
    files, changes = [], []
    watcher.file_changed.connect(lambda p, k: files.append((p, k)))
    watcher.changed.connect(changes.append)
    # The save runs on the Qt thread, so its events are drained only after it returns:
    # announcing the fingerprint right after the save is early enough.
    watcher.expect_write(post, doc.save())
    qtbot.wait(700)
    assert files == [] and changes == []
    with qtbot.waitSignal(watcher.file_changed, timeout=3000) as blocker:
        post.write_text("theirs", encoding="utf-8")
    assert blocker.args[1] == "modified"


def test_delete_of_open_post_reports_deleted(qtbot, watcher, tmp_site):
    post = _post(tmp_site)
    watcher.watch_file(post)
    with qtbot.waitSignal(watcher.file_changed, timeout=3000) as blocker:
        post.unlink()
    assert blocker.args == [str(post), "deleted"]


def test_rename_reports_moved_with_target(qtbot, watcher, tmp_site):
    post = _post(tmp_site)
    watcher.watch_file(post)
    target = post.with_name("2025-04-22-renamed.md")
    with qtbot.waitSignal(watcher.file_moved, timeout=3000) as blocker:
        post.rename(target)
    assert blocker.args == [str(post), str(target)]


def test_other_editors_atomic_replace_is_modified_not_deleted(qtbot, watcher, tmp_site):
    post = _post(tmp_site)
    watcher.watch_file(post)
    got = []
    watcher.file_changed.connect(lambda p, k: got.append(k))
    tmp = post.with_name("tmp-from-other-editor.md")
    tmp.write_text("new")
    tmp.replace(post)
    qtbot.waitUntil(lambda: bool(got), timeout=3000)
    qtbot.wait(400)
    assert got == ["modified"]


def test_git_like_burst_of_500_files_is_coalesced(qtbot, watcher, tmp_site):
    emissions = []
    watcher.changed.connect(emissions.append)
    written = []
    for i in range(500):
        folder = tmp_site / ("_posts/2024" if i % 2 else "images/burst")
        folder.mkdir(parents=True, exist_ok=True)
        p = folder / (f"2024-01-{i:03d}-post.md" if i % 2 else f"img{i:03d}.png")
        p.write_bytes(b"x" * 10)
        written.append(str(p))
    (tmp_site / ".git" / "HEAD").write_text("ref: refs/heads/other\n")
    (tmp_site / "_site").mkdir(exist_ok=True)
    (tmp_site / "_site" / "index.html").write_text("built")
    qtbot.waitUntil(lambda: bool(emissions), timeout=5000)
    qtbot.wait(600)
    assert 1 <= len(emissions) <= 2, [len(e) for e in emissions]
    seen = set().union(*emissions)
    assert set(written) <= seen
    assert not any("/.git/" in p or "/_site/" in p for p in seen)
    assert all(e == sorted(set(e)) for e in emissions)


def test_config_change_reported_and_irrelevant_files_not(qtbot, watcher, tmp_site):
    emissions = []
    watcher.changed.connect(emissions.append)
    (tmp_site / "Gemfile").write_text("source 'x'")
    (tmp_site / "_config.yml").write_text("title: changed\n")
    qtbot.waitUntil(lambda: bool(emissions), timeout=3000)
    assert emissions[0] == [str(tmp_site / "_config.yml")]


def test_continuous_events_flush_within_max_wait(qtbot, watcher, tmp_site):
    emissions = []
    watcher.changed.connect(lambda paths: emissions.append(time.monotonic()))
    start = time.monotonic()
    p = tmp_site / "_drafts"
    p.mkdir()
    for i in range(30):  # an event every 60 ms never leaves a 150 ms quiet window
        (p / f"d{i}.md").write_text(str(i))
        qtbot.wait(60)
    assert emissions and emissions[0] - start < 1.5


def test_stop_is_idempotent_and_drops_pending(qtbot, tmp_site):
    w = RepoWatcher(tmp_site)
    w.start()
    assert w.running
    (tmp_site / "_config.yml").write_text("x: 1\n")
    w.stop()
    w.stop()
    got = _collect(qtbot, w.changed, 400)
    assert got == [] and not w.running


def test_unused_atomic_write_expectation_is_dropped_on_foreign_bytes(qtbot, watcher, tmp_site):
    post = _post(tmp_site)
    watcher.watch_file(post)
    fp = atomic_write(post, b"ours", expected=fingerprint(post))
    watcher.expect_write(post, fp)
    qtbot.wait(500)
    with qtbot.waitSignal(watcher.file_changed, timeout=3000):
        post.write_bytes(b"theirs")


def test_signals_use_the_path_the_post_was_opened_by(qtbot, watcher, tmp_site):
    post = _post(tmp_site)
    link = tmp_site / "_drafts" / "alias.md"
    link.parent.mkdir()
    link.symlink_to(post)
    qtbot.wait(200)
    watcher.watch_file(link)
    with qtbot.waitSignal(watcher.file_changed, timeout=3000) as blocker:
        post.write_text("edited through the real path", encoding="utf-8")
    assert blocker.args == [str(link), "modified"]


def test_deleted_then_recreated_reports_created(qtbot, watcher, tmp_site):
    post = _post(tmp_site)
    watcher.watch_file(post)
    with qtbot.waitSignal(watcher.file_changed, timeout=3000) as gone:
        post.unlink()
    with qtbot.waitSignal(watcher.file_changed, timeout=3000) as back:
        post.write_text("restored by git checkout", encoding="utf-8")
    assert gone.args[1] == "deleted" and back.args == [str(post), "created"]


def test_a_burst_that_lost_the_open_posts_event_still_reports_it(qtbot, tmp_site):
    """inotify drops events when a checkout of thousands of files overflows its queue: after
    any burst, the open post's stat is checked even when its own event never arrived."""
    post = _post(tmp_site)
    w = RepoWatcher(tmp_site, quiet_ms=50, max_wait_ms=200)  # not started: events are ours
    w.watch_file(post)
    post.write_text(post.read_text(encoding="utf-8") + "\nchanged by git\n", encoding="utf-8")
    got = []
    w.file_changed.connect(lambda path, kind: got.append((path, kind)))
    w._pending = {str(tmp_site / "_posts" / "other.md")}  # the burst's events, not the post's
    w._flush()
    assert got == [(str(post), "modified")]
    w._pending = {str(tmp_site / "_posts" / "other.md")}
    w._flush()  # unchanged since: nothing more
    assert got == [(str(post), "modified")]
    w.stop()
