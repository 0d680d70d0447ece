"""The window lists its repo off the UI thread: usable before the listing arrives, the list
and tag completions filled when it does, and after a real checkout of 5,000 posts the list,
the tags and the site's listing match the disk and the open post's change is reported."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from tests.helpers.window import close_window
from tileditor.app import build_window
from tileditor.core.site import JekyllSite, PostScanner
from tileditor.ui.dialogs import RecordingPrompter


@pytest.fixture
def slow_listing(monkeypatch):
    """Every scan waits for the test to let it go: the listing 'takes as long as a
    20,000-post repo', without the test depending on how fast the machine is."""
    gate = threading.Event()
    real = PostScanner.scan

    def scan(self, site, cancel=None):
        while not gate.wait(0.01):
            if cancel is not None and cancel.is_set():
                break
        return real(self, site, cancel)

    monkeypatch.setattr(PostScanner, "scan", scan)
    yield gate
    gate.set()


def _completions(field) -> list[str]:
    model = field.completer().model()
    return [model.index(i, 0).data() for i in range(model.rowCount())]


def _add_posts(site: Path) -> list[Path]:
    out = []
    for day, tag in ((10, "Kafka"), (11, "Spark"), (12, "Kafka")):
        p = site / "_posts" / "2025" / f"2025-05-{day}-stream-{day}.md"
        p.write_text(f"---\ntitle: Stream {day}\ntags: [{tag}]\ncategories: Data\n---\nbody\n",
                     encoding="utf-8")
        out.append(p)
    return out


def test_window_is_usable_before_the_listing_and_fills_in_when_it_arrives(
        qtbot, tmp_site, tmp_path, slow_listing):
    posts = _add_posts(tmp_site)
    w = build_window(tmp_site, settings_path=tmp_path / "s.ini", data_path=tmp_path / "d",
                     prompter=RecordingPrompter())
    w.show()
    try:
        assert w.repo.loading
        assert w.browser.list_widget().count() == 0
        assert w.browser.findChild(QLabel, "postCount").text() == "Listing the blog's posts…"
        assert _completions(w.form.tags_field) == []
        doc = w.session.document
        assert doc.path is None and not doc.dirty  # a new post to start with
        assert w.editor.isEnabled() and not w.editor.isReadOnly()
        qtbot.keyClicks(w.browser.filter_edit(), "stream")  # the list's filter works already
        w.browser.set_filter_text("")
        with qtbot.waitSignal(w.repo.index_loaded, timeout=10000):
            slow_listing.set()
        assert not w.repo.loading
        assert w.browser.findChild(QLabel, "postCount").text() == "4 posts"
        first = tmp_site / "_posts" / "2025" / "2025-04-22-TIL25_ANewChapter.md"
        assert w.browser.visible_paths() == [*reversed(posts), first]
        assert "Kafka (2)" in _completions(w.form.tags_field)
        assert "Data (3)" in _completions(w.form.categories_field)
        # Nothing was typed into the new post: the newest post replaces it.
        assert w.session.document.path == posts[-1]
        assert w.browser.current_path() == posts[-1]
    finally:
        close_window(w)


def test_what_was_typed_before_the_listing_arrived_stays(qtbot, tmp_site, tmp_path, slow_listing):
    _add_posts(tmp_site)
    prompter = RecordingPrompter()
    w = build_window(tmp_site, settings_path=tmp_path / "s.ini", data_path=tmp_path / "d",
                     prompter=prompter)
    w.show()
    try:
        assert w.repo.loading
        w.editor.setFocus()
        cursor = w.editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        w.editor.setTextCursor(cursor)
        qtbot.keyClicks(w.editor, "my first thought")
        typed = w.session.document
        assert typed.dirty
        with qtbot.waitSignal(w.repo.index_loaded, timeout=10000):
            slow_listing.set()
        assert w.session.document is typed and "my first thought" in w.editor.text()
        assert w.browser.list_widget().count() == 4
    finally:
        close_window(w, prompter)


def test_the_post_given_to_the_window_is_the_only_one_opened(qtbot, tmp_site, tmp_path,
                                                              slow_listing):
    posts = _add_posts(tmp_site)
    w = build_window(tmp_site, posts[0], settings_path=tmp_path / "s.ini",
                     data_path=tmp_path / "d", prompter=RecordingPrompter())
    try:
        assert w.session.document.path == posts[0]
        with qtbot.waitSignal(w.repo.index_loaded, timeout=10000):
            slow_listing.set()
        assert w.session.document.path == posts[0]
        assert w.browser.current_path() == posts[0]
    finally:
        close_window(w)


def test_a_small_repo_opens_in_one_step(qtbot, tmp_site, tmp_path):
    """Within the grace period: list, completions and the newest post are there when
    build_window returns, as before the listing moved off the UI thread."""
    posts = _add_posts(tmp_site)
    w = build_window(tmp_site, settings_path=tmp_path / "s.ini", data_path=tmp_path / "d")
    try:
        if w.repo.loading:  # a machine too busy for the grace period: then it comes soon
            qtbot.waitSignal(w.repo.index_loaded, timeout=10000).wait()
        assert w.browser.list_widget().count() == 4
        assert w.session.document.path == posts[-1]
        assert "Spark (1)" in _completions(w.form.tags_field)
    finally:
        w.shutdown()


@pytest.mark.slow
def test_checkout_of_5000_posts_leaves_list_tags_and_open_post_as_on_disk(
        qtbot, checkout_repo, tmp_path):
    from checkout_support import post_paths, run_beside_loop, switch

    posts = post_paths(checkout_repo)
    open_post = posts[4321]
    prompter = RecordingPrompter()
    w = build_window(checkout_repo, open_post, settings_path=tmp_path / "s.ini",
                     data_path=tmp_path / "d", prompter=prompter)
    w.show()
    try:
        if w.repo.loading:
            qtbot.waitSignal(w.repo.index_loaded, timeout=60000).wait()
        assert w.browser.list_widget().count() == len(posts)
        qtbot.waitUntil(lambda: w.disk.watcher._baseline is not None, timeout=30000)
        statuses: list[str] = []
        w.statusBar().messageChanged.connect(statuses.append)
        target = run_beside_loop(qtbot, switch, checkout_repo)
        tag = target.capitalize() + "Tag"
        expected_text = open_post.read_text(encoding="utf-8")

        def settled() -> bool:
            rows = w.browser.rows()
            # The completions follow the rows one event-loop turn later: wait for both.
            return (not w.repo.loading and len(rows) == len(posts)
                    and all(r.title.startswith(target) for r in rows)
                    and w.editor.text() == expected_text
                    and _completions(w.form.tags_field) == [f"{tag} ({len(posts)})"])

        qtbot.waitUntil(settled, timeout=60000)
        on_disk = JekyllSite(checkout_repo)  # no snapshot: read from the disk now
        assert w.site.posts() == on_disk.posts()
        assert w.site.tag_index() == on_disk.tag_index()
        assert w.site.tag_index().tags == {tag: len(posts)}
        assert _completions(w.form.tags_field) == [f"{tag} ({len(posts)})"]
        assert set(w.browser.visible_paths()) == set(posts)
        assert w.session.document.path == open_post and not w.session.document.dirty
        assert any("reloaded" in m for m in statuses), statuses
        assert prompter.messages() == []
    finally:
        close_window(w, prompter)


def test_the_next_window_lists_from_the_listing_kept_in_the_data_folder(
        qtbot, tmp_site, tmp_path, monkeypatch):
    from tileditor.core.site import scan as site_scan

    _add_posts(tmp_site)
    data = tmp_path / "d"
    first = build_window(tmp_site, settings_path=tmp_path / "s.ini", data_path=data)
    if first.repo.loading:
        qtbot.waitSignal(first.repo.index_loaded, timeout=10000).wait()
    first.shutdown()
    assert list((data / "listings").glob("*.jsonl"))
    made = []
    real = site_scan.make_entry
    monkeypatch.setattr(site_scan, "make_entry", lambda *a, **k: (made.append(a[1]),
                                                                  real(*a, **k))[1])
    second = build_window(tmp_site, settings_path=tmp_path / "s.ini", data_path=data)
    try:
        if second.repo.loading:
            qtbot.waitSignal(second.repo.index_loaded, timeout=10000).wait()
        assert second.browser.list_widget().count() == 4
        assert made == []  # every post's entry came from the kept listing, none re-read
        assert second.site.posts() == JekyllSite(tmp_site).posts()
    finally:
        second.shutdown()
