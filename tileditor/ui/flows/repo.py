"""What the window shows of the open repository's listing: the post list, the tag and
category completions and the site's snapshot of its posts, scanned off the UI thread (a
20,000-post repo takes seconds) on open, after a save or move and after every watcher burst.
A small repo's listing arrives within a short grace period, so it opens in one step as before;
a big one shows the editor at once and the list fills in. Part of the composition root."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from tileditor.core.document import Document
from tileditor.core.site import (
    PostScanner,
    forget_changed,
    listing_cache,
    pending,
    with_conventions,
)
from tileditor.services.index_loader import IndexLoader, Then
from tileditor.ui.post_rows import PostRows

GRACE_MS = 50  # the UI thread waits this long for a listing before letting it arrive later
NO_GRACE_ABOVE = 500  # files: a repo listed before as this big rarely makes it in GRACE_MS


class _Listing:
    """The worker's side: one scanner per window and the rows of the last listing, so a
    rescan re-reads only changed files and rebuilds only their rows; the listing is kept in
    the data folder for the next start (listing_cache). Jobs run one at a time."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.scanner = PostScanner()
        self.cache_dir = cache_dir
        self.last: tuple | None = None  # (snapshot, rows)

    def job(self, site, forget: list[str] | None):
        def run(cancel):
            scanner = self.scanner
            if self.cache_dir is not None and not scanner.known():
                scanner.seed(site, listing_cache.load(self.cache_dir, site.root,
                                                      scanner.cache_context(site)))
            if forget:
                # Here, not on the UI thread: each path is resolved, 5,000 after a checkout.
                forget_changed(site, scanner, forget)
            snapshot = with_conventions(site, scanner.scan(site, cancel), scanner)
            last, keep = self.last, None
            if last is not None and last[0] is snapshot:
                rows = last[1]
            else:
                rows = PostRows.build(snapshot.posts + snapshot.drafts,
                                      reuse=last[1] if last is not None else None)
                if self.cache_dir is not None:
                    context, entries = scanner.cache_context(site), scanner.export()

                    def keep():  # after the listing is handed over: it need not wait
                        listing_cache.save(self.cache_dir, site.root, context, entries)
            self.last = (snapshot, rows)
            return Then((site, snapshot, rows), keep) if keep else (site, snapshot, rows)

        return run


class RepoFlow(QObject):
    status_reported = Signal(str)
    index_loaded = Signal()  # the open repo's post list and completions have arrived

    def __init__(self, session, browser, form, docs, images, data_dir, parent=None):
        """`docs` opens and shows posts (DocumentFlow), `images` refreshes the pictures panel
        (ImageFlow); listings are kept under `data_dir` (None: not kept)."""
        super().__init__(parent)
        self.session, self.browser, self.form = session, browser, form
        self.docs, self.images = docs, images
        self.site = None  # the open repo (the window's), set by open()
        self.loader = IndexLoader(self)
        self.loader.loaded.connect(self._on_loader_loaded)
        self.loader.failed.connect(self._on_loader_failed)
        self._listing = _Listing(Path(data_dir) / "listings" if data_dir else None)
        self._placeholder = None  # the new post shown while a big repo is still listed
        self._in_request = False  # a listing delivered now arrived within the grace period
        self._tags: tuple | None = None
        self._first = False
        self._grace: tuple[int, float] | None = None  # (request, deadline) open() left to settle()

    @property
    def loading(self) -> bool:
        """The open repo's listing (or a refresh of it) has not arrived yet."""
        return self.site is not None and self.loader.loading

    def open(self, site) -> None:
        """Start listing the window's new `site` (None: an empty list)."""
        self.site = site
        self._placeholder = None
        self._tags = None
        self._first = True  # the first listing of this repo brings its real conventions
        if site is None:
            self.browser.set_posts([])
            return
        # Until the listing arrives nothing walks the repo for it: what needs the posts
        # waits for the listing on its way, the conventions are the defaults meanwhile.
        site.use_snapshot(pending(lambda: self._wait_listed(site)))
        # The grace period is spent later, in settle(): the window's other set-up work for
        # the repo runs meanwhile instead of after it (one UI freeze of the two, not both).
        big = self.is_big(site)
        self.refresh(wait=False)
        self._grace = None if big else (self.loader.generation,
                                         time.monotonic() + GRACE_MS / 1000)
        self.browser.set_loading(self.loading)

    def settle(self) -> None:
        """What is left of open()'s grace period: a small repo's listing is in when this
        returns (as it was when open() waited for it), a big one's arrives later."""
        grace, self._grace = self._grace, None
        if grace is None or not self.loading:
            return
        generation, deadline = grace
        self._in_request = True
        try:
            self.loader.wait_delivered(generation, max(0.0, deadline - time.monotonic()) * 1000)
        finally:
            self._in_request = False
        self.browser.set_loading(self.loading)

    def refresh(self, forget: list[str] | None = None, wait: bool = True) -> None:
        """List the repo again (after a save, a move, a pull, a watcher burst)."""
        site = self.site
        if site is None:
            self.browser.set_posts([])
            return
        if self.is_big(site):
            wait = False
        self._in_request = True
        try:
            self.loader.request(self._listing.job(site, forget), wait_ms=GRACE_MS if wait else 0)
        finally:
            self._in_request = False

    def is_big(self, site) -> bool:
        """Listed before as too big to make it within the grace period (this window, or the
        kept listing's first line: a new window need not wait for 20,000 posts either)."""
        listing = self._listing
        known = listing.scanner.known()
        if not known and listing.cache_dir is not None:
            known = listing_cache.kept_count(listing.cache_dir, site.root)
        return known > NO_GRACE_ABOVE

    def open_first_post(self) -> None:
        """The newest post once listed; until then an empty new post (a template would need
        the listing), replaced by the newest one when the listing arrives and nothing has
        been typed into it."""
        if self.loading:
            doc = Document("")
            doc.saved_text = ""
            self.docs.show(doc, draft=False)
            self._placeholder = doc
            return
        self._open_newest()

    def wait_listed(self) -> None:
        """Block until the listing on its way is in (a new post is saved where the blog's
        conventions, known only from the listing, put it)."""
        if self.loading:
            self.loader.wait()

    def _wait_listed(self, site):
        result = self.loader.wait()
        return result[1] if result is not None and result[0] is site else None

    def on_watcher_changed(self, paths: list) -> None:
        if self.site is None:
            return
        self.refresh(forget=list(paths), wait=False)
        self.images.refresh_panel()

    def shutdown(self) -> None:
        self.loader.shutdown()

    # -- listing arrived ------------------------------------------------------------------
    def _open_newest(self) -> None:
        posts = self.site.posts() if self.site is not None else []
        if not posts or not self.docs.open_post(posts[0].path, ask=False):
            self.docs.new_post(ask=False)

    def _on_loader_loaded(self, _generation: int, result) -> None:
        site, snapshot, rows = result
        if site is not self.site:
            return  # listed for a repo the window has left since
        site.use_snapshot(snapshot)
        self.browser.set_loading(False)
        self.browser.set_posts(rows)
        self.browser.select_path(self.session.document.path)
        if self._in_request:  # within the grace period: all of it now, as before
            self._apply_completions(site, snapshot)
            return
        # Arrived later: the rest in turns of its own, so no single one holds the UI long.
        # With self as context: dropped if the window goes first.
        QTimer.singleShot(0, self, lambda: self._apply_completions(site, snapshot))

    def _current(self, site, snapshot) -> bool:
        return site is self.site and site.snapshot is snapshot

    def _apply_completions(self, site, snapshot) -> None:
        if not self._current(site, snapshot):
            return  # a newer listing is on its way and brings its own
        tags = (snapshot.tags.tags, snapshot.tags.categories)
        if tags != self._tags:  # a burst rarely changes them: no rebuild of the completers
            self._tags = tags
            self.form.set_completions(*tags)
        if self._first:
            self._first = False
            if not self._in_request:  # the open post's pictures folder, by the blog's habits
                self.images.refresh_panel()
        if self._placeholder is None:
            self.index_loaded.emit()
        elif self._in_request:
            self._settle_placeholder(site, snapshot)
        else:
            QTimer.singleShot(0, lambda: self._settle_placeholder(site, snapshot))

    def _settle_placeholder(self, site, snapshot) -> None:
        if not self._current(site, snapshot):
            return
        placeholder, self._placeholder = self._placeholder, None
        doc = self.session.document
        if placeholder is not None and doc is placeholder and not doc.dirty:
            self._open_newest()
        elif placeholder is not None:
            # Shown before the listing: `{% post_url %}` and `site.posts` resolve now.
            self.session.request_render()
        self.index_loaded.emit()

    def _on_loader_failed(self, _generation: int, message: str) -> None:
        self.status_reported.emit(message)
        self.browser.set_loading(False)
        if self._placeholder is not None:
            self._placeholder = None
        self.index_loaded.emit()
