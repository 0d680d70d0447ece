"""What the window shows of the open repository's listing: the post list, the tag and
category completions and the site's snapshot of its posts, scanned off the UI thread (a
20,000-post repo takes seconds) on open, after a save or move and after every watcher burst.
A small repo's listing arrives within a short grace period, so it opens in one step as before;
a big one shows the editor at once and the list fills in. Part of the composition root."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from tileditor.core.site_scan import EMPTY, PostScanner
from tileditor.services.index_loader import IndexLoader
from tileditor.ui.post_rows import PostRows

GRACE_MS = 50  # the UI thread waits this long for a listing before letting it arrive later


def _listing_job(site, scanner: PostScanner, forget: list[str] | None):
    """Runs on the worker: forget what the watcher named, scan, and build the list's rows."""

    def job(cancel):
        if forget:
            scanner.forget(forget)
            # Here, not on the UI thread: each path is resolved, 5,000 of them after a checkout.
            site.invalidate([Path(p) for p in forget])
        snapshot = scanner.scan(site, cancel)
        return site, snapshot, PostRows.build(snapshot.posts + snapshot.drafts)

    return job


class RepoFlow(QObject):
    status_reported = Signal(str)
    index_loaded = Signal()  # the open repo's post list and completions have arrived

    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.w = window
        self.loader = IndexLoader(self)
        self.loader.loaded.connect(self._on_loader_loaded)
        self.loader.failed.connect(self._on_loader_failed)
        self._scanner = PostScanner()
        self._placeholder = None  # the new post shown while a big repo is still listed
        self._tags: tuple | None = None

    @property
    def loading(self) -> bool:
        """The open repo's listing (or a refresh of it) has not arrived yet."""
        return self.w.site is not None and self.loader.loading

    def open(self, site) -> None:
        """Start listing the window's new `site` (None: an empty list)."""
        self._placeholder = None
        self._tags = None
        if site is None:
            self.w.browser.set_posts([])
            return
        # Until the listing arrives, nothing on the UI thread walks the repo for it.
        site.use_snapshot(EMPTY)
        self.refresh()

    def refresh(self, forget: list[str] | None = None, wait: bool = True) -> None:
        """List the repo again (after a save, a move, a pull, a watcher burst)."""
        site = self.w.site
        if site is None:
            self.w.browser.set_posts([])
            return
        self.loader.request(_listing_job(site, self._scanner, forget),
                            wait_ms=GRACE_MS if wait else 0)

    def open_first_post(self) -> None:
        """The newest post once listed; until then a new post, replaced by the newest one
        when the listing arrives and nothing has been typed into it."""
        if self.loading:
            self.w.docs.new_post(ask=False)
            self._placeholder = self.w.session.document
            return
        self._open_newest()

    def on_watcher_changed(self, paths: list) -> None:
        if self.w.site is None:
            return
        self.refresh(forget=list(paths), wait=False)
        self.w.images.refresh_panel()

    def shutdown(self) -> None:
        self.loader.shutdown()

    # -- listing arrived ------------------------------------------------------------------
    def _open_newest(self) -> None:
        posts = self.w.site.posts() if self.w.site is not None else []
        if not posts or not self.w.docs.open_post(posts[0].path, ask=False):
            self.w.docs.new_post(ask=False)

    def _on_loader_loaded(self, _generation: int, result) -> None:
        site, snapshot, rows = result
        w = self.w
        if site is not w.site:
            return  # listed for a repo the window has left since
        site.use_snapshot(snapshot)
        w.browser.set_posts(rows)
        tags = (snapshot.tags.tags, snapshot.tags.categories)
        if tags != self._tags:  # a burst rarely changes them: no rebuild of the completers
            self._tags = tags
            w.form.set_completions(*tags)
        w.browser.select_path(w.session.document.path)
        placeholder, self._placeholder = self._placeholder, None
        if placeholder is not None:
            doc = w.session.document
            if doc is placeholder and not doc.dirty:
                self._open_newest()
            else:
                # Shown before the listing: `{% post_url %}` and `site.posts` resolve now.
                w.session.request_render()
        self.index_loaded.emit()

    def _on_loader_failed(self, _generation: int, message: str) -> None:
        self.status_reported.emit(message)
        if self._placeholder is not None:
            self._placeholder = None
        self.index_loaded.emit()
