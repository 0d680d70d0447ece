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
