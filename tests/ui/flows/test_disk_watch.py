"""DiskFlow.watch: a small repo's watches are in before the window goes on (a change right
after opening is seen); a big repo's (RepoFlow.is_big: listed before with more posts than the
grace period covers) are added on their thread without the UI thread waiting for them."""

from __future__ import annotations

import pytest

from tileditor.services.repo_watcher import RepoWatcher
from tileditor.ui.flows.disk import WATCH_GRACE_MS


@pytest.mark.parametrize(("big", "waited"), [(False, WATCH_GRACE_MS), (True, 0)])
def test_opening_a_repo_waits_for_its_watches_only_when_it_is_small(
        qtbot, window, tmp_site, monkeypatch, big, waited):
    starts = []
    original = RepoWatcher.start

    def recording(self, background=False, wait_ms=0):
        starts.append(wait_ms)
        return original(self, background=background, wait_ms=wait_ms)

    monkeypatch.setattr(RepoWatcher, "start", recording)
    monkeypatch.setattr(window.repo, "is_big", lambda site: big)
    window.open_repo(tmp_site)
    assert starts == [waited]
    qtbot.waitUntil(lambda: not window.repo.loading, timeout=10000)


def test_a_listing_that_misses_its_grace_spares_the_watcher_its_own(qtbot, window, tmp_site,
                                                                    monkeypatch):
    """One grace period per open: two in a row made the first open of a 20,000-post repo
    freeze the window for over 100 ms (bench `repo_scale.py window`, stall_open_ms)."""
    import threading

    starts = []
    original_start, listing = RepoWatcher.start, window.repo._listing
    original_job = listing.job
    gate = threading.Event()

    def recording(self, background=False, wait_ms=0):
        starts.append(wait_ms)
        return original_start(self, background=background, wait_ms=wait_ms)

    def slow_job(site, forget=None):
        job = original_job(site, forget)

        def run(cancel):
            gate.wait(10)  # a listing still under way when the grace ends
            return job(cancel)
        return run

    monkeypatch.setattr(RepoWatcher, "start", recording)
    monkeypatch.setattr(window.repo, "is_big", lambda site: False)
    monkeypatch.setattr(listing, "job", slow_job)
    window.open_repo(tmp_site)
    assert window.repo.loading and starts == [0]
    gate.set()
    qtbot.waitUntil(lambda: not window.repo.loading, timeout=10000)
