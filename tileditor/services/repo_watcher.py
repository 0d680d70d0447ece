"""Watches the blog repo with watchdog and reports coalesced changes on the Qt thread: posts,
drafts, image folders and _config.yml; ignores .git, _site and our own atomic writes.
Events can be lost (inotify's queue overflows in a checkout of thousands of files, the
observer dies, watches cannot be added): then the posts and drafts are rescanned off the Qt
thread once things are quiet and what differs is reported like any event.
QtCore only: must not import QtWidgets or tileditor.ui."""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

from tileditor.core.fileio import Fingerprint, fingerprint
from tileditor.core.pacing import Pacer
from tileditor.core.site import tree_stats
from tileditor.services import watch_rules
from tileditor.services.emit_gate import EmitGate
from tileditor.services.watch_rules import finish, is_relevant, overflow_log, stat_sig

__all__ = ["RepoWatcher", "is_relevant"]

LOG = logging.getLogger("tileditor.watcher")

SKIPPED_EVENTS = {"opened", "closed_no_write"}
# What the observer asks the kernel for. Not opens and reads (watchdog 6+ reports them on
# Linux): listing 20,000 posts reads 20,000 headers, and their 40,000 events overflowed
# inotify's queue (a needless rescan) and kept watchdog's threads busy holding the GIL.
# Nor a folder's "modified", which follows every change in it and is ignored here anyway.
EVENT_FILTER = [FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent,
                FileClosedEvent, DirCreatedEvent, DirDeletedEvent, DirMovedEvent]
RESCAN_BURST = 1000  # a burst this big may have overflowed inotify: look at the disk after it
DRAIN_MS = 50  # during a burst the Qt thread takes the gathered events this often, not per event
HEALTH_MS = 2000  # how often the observer's threads are checked for being alive
POLL_MS = 5000  # without inotify (watches could not be added): a rescan this often


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: RepoWatcher):
        self._watcher = watcher
        self._pace: Pacer | None = None  # made on watchdog's dispatch thread, its only caller

    def on_any_event(self, event: FileSystemEvent) -> None:
        if self._pace is None:
            self._pace = Pacer()
        self._pace()  # 15,000 events of a checkout: the GIL goes back to the UI now and then
        if event.event_type in SKIPPED_EVENTS:
            return
        if event.is_directory and event.event_type in ("modified", "closed"):
            return
        dest = os.fsdecode(event.dest_path) if event.dest_path else None
        self._watcher._post(event.event_type, os.fsdecode(event.src_path), dest)


class RepoWatcher(QObject):
    """`changed(list)`: sorted unique paths after a quiet window; `file_changed(path, kind)`
    for the file given to watch_file (kind: modified/deleted/moved/created)."""

    changed = Signal(list)
    file_changed = Signal(str, str)
    file_moved = Signal(str, str)  # old path, new path; emitted with file_changed(..., "moved")
    _woken = Signal()

    def __init__(self, root: Path, parent: QObject | None = None, quiet_ms: int = 200,
                 max_wait_ms: int = 1000):
        super().__init__(parent)
        self.root = Path(os.path.realpath(root))
        self._root_str = str(self.root)
        self._lock = threading.Lock()
        self._inbox: list[tuple] = []
        # What events named, gathered on the watchdog thread (under _lock): the Qt thread
        # takes it all at once, with no Python work per event.
        self._incoming: set[str] = set()
        self._incoming_watched: list[tuple[str, str, str | None]] = []  # (path, kind, dest)
        self._armed = False  # a wake is queued or the drain timer runs: no need to wake again
        self.drains = 0  # drains that took events (tests read it)
        self._seen_job: threading.Thread | None = None  # the last baseline update under way
        self._learnt: set[str] = set()  # paths whose baseline entry changed since a rescan began
        self._observer = None
        self._pending: set[str] = set()
        self._watched: str | None = None
        self._watched_as: str | None = None
        self._watched_kinds: list[tuple[str, str | None]] = []
        self._watched_existed = False
        self._watched_sig: tuple | None = None
        self._check_watched = False
        self._expected: dict[str, Fingerprint] = {}
        # What the disk held when last looked at (tree_stats), kept current with each flush:
        # a rescan reports only what no event told us about.
        self._baseline: dict | None = None
        self._threads: list[threading.Thread] = []
        self._stop = threading.Event()
        self._rescanning = False
        self._rescan_again = False
        self.rescans = 0  # finished rescans (tests and the log read it)
        self.degraded = False  # watching failed: only periodic rescans see changes
        self._gate = EmitGate()  # shut by stop() and on destruction (emit_gate)
        self.destroyed.connect(self._gate.shut)
        # Queued: the watchdog thread only wakes the Qt thread, which then drains the inbox.
        self._woken.connect(self._drain, Qt.ConnectionType.QueuedConnection)
        self._quiet = self._timer(quiet_ms, self._flush)
        self._drain_timer = self._timer(DRAIN_MS, self._drain)
        self._cap = self._timer(max_wait_ms, self._on_cap_timeout)
        self._rescan_timer = self._timer(max(2 * quiet_ms, 300), self._start_rescan)
        self._health = self._timer(HEALTH_MS, self._check_health, single=False)
        self._poll = self._timer(POLL_MS, self._start_rescan, single=False)

    def _timer(self, ms: int, slot, single: bool = True) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    # -- lifecycle ------------------------------------------------------------------------
    def start(self, background: bool = False, wait_ms: int = 0) -> None:
        """Start watching. `background`: adding inotify watches to every folder of a big
        repo takes seconds, so it happens on a thread (waited for up to `wait_ms`: a small
        repo is watched when this returns); changes made before the watches were in place
        are found by their status-change time and reported like events."""
        if self._observer is not None:
            return
        self._stop = threading.Event()
        self._gate.reopen()
        overflow_log().watchers.add(self)
        if background:
            self._start_observer(before=None).wait(wait_ms / 1000)
        else:
            self._observer = self._make_observer()
            self._observer.start()
            self._baseline = tree_stats.snapshot(self.root)
            self._after_start(self._observer)
        self._health.start()

    def stop(self, wait: bool = True) -> None:
        """Stop watching; `wait=False` leaves joining the threads to a helper thread (a
        repo switch need not wait for 20,000 inotify watches to be removed)."""
        observer, self._observer = self._observer, None
        self._stop.set()
        self._gate.shut()
        for timer in (self._quiet, self._cap, self._rescan_timer, self._health, self._poll,
                      self._drain_timer):
            timer.stop()
        with self._lock:
            self._inbox.clear()
            self._incoming.clear()
            self._incoming_watched.clear()
            self._armed = False
        self._seen_job = None
        self._pending.clear()
        self._watched_kinds.clear()
        self._baseline = None
        if watch_rules.OVERFLOW_LOG is not None:
            watch_rules.OVERFLOW_LOG.watchers.discard(self)
        threads, self._threads = self._threads, []
        if observer is None and not threads:
            return
        if wait:
            finish(observer, threads)
        else:
            threading.Thread(target=finish, args=(observer, threads), daemon=True,
                             name="watcher-stop").start()

    @property
    def running(self) -> bool:
        return self._observer is not None

    def _make_observer(self):
        observer = Observer()
        observer.daemon = True
        observer.schedule(_Handler(self), str(self.root), recursive=True,
                          event_filter=EVENT_FILTER)
        return observer

    def _start_observer(self, before: dict | None) -> threading.Event:
        """Start a new observer on a thread; the event is set once it watches. What changed
        meanwhile is found by comparing with `before` (a restart) or, on the first start, by
        the status-change time of the files and folders (a folder's changes when a file in it
        is removed) until the watches were in place; later changes come as events."""
        observer = self._observer = self._make_observer()
        stop, watching = self._stop, threading.Event()
        # File times come from the kernel's coarse clock, a few ms behind time_ns().
        since = time.time_ns() - 20_000_000 if before is None else None

        def run() -> None:
            try:
                observer.start()
            except (OSError, RuntimeError) as exc:  # e.g. the inotify instance limit
                LOG.warning("cannot watch %s: %s", self.root, exc)
            watching.set()
            until = time.time_ns()
            recent: set[str] = set()
            after = tree_stats.snapshot(self.root, stop, since, recent, until)
            self._send(("started", observer, before, after, recent))

        self._spawn(run, "watcher-start")
        return watching

    @property
    def ready(self) -> bool:
        """The watches are in place and the disk has been looked at once."""
        return self._observer is not None and self._baseline is not None

    def _after_start(self, observer) -> None:
        healthy = observer.is_alive() and bool(observer.emitters)
        self.degraded = not healthy
        if healthy:
            self._poll.stop()
        else:
            # watchdog drops an emitter that fails to start (too many inotify watches):
            # nothing would ever be reported, so look at the disk now and then instead.
            LOG.warning("watching %s failed; rescanning every %d s", self.root, POLL_MS // 1000)
            self._poll.start()

    def _spawn(self, fn, name: str) -> None:
        thread = threading.Thread(target=fn, name=name, daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    # -- what to watch --------------------------------------------------------------------
    def watch_file(self, path: Path | str | None) -> None:
        """The open post: its changes come as file_changed (None stops watching)."""
        self._watched = os.path.realpath(path) if path is not None else None
        # Events carry real paths; signals give back the path the caller knows the post by.
        self._watched_as = os.fspath(path) if path is not None else None
        self._watched_kinds.clear()
        self._watched_existed = path is not None and os.path.exists(self._watched)
        self._watched_sig = stat_sig(self._watched)

    def expect_write(self, path: Path | str, fp: Fingerprint) -> None:
        """Our own save of exactly these bytes: events showing them on disk are ignored.
        Call it right after the save on the Qt thread: events are drained only afterwards, and
        the check compares the file's hash when they are handled, not a time window."""
        self._expected[os.path.realpath(path)] = fp

    def events_lost(self) -> None:
        """Events may have been dropped (inotify said its queue overflowed): rescan once
        things are quiet. Any thread may call it."""
        self._send(("lost",))

    # -- watchdog thread ------------------------------------------------------------------
    def _post(self, kind: str, src: str, dest: str | None) -> None:
        watched, root = self._watched, self._root_str
        rel_src = is_relevant(root, src)
        rel_dest = dest is not None and is_relevant(root, dest)
        keep_src = rel_src or src == watched
        keep_dest = rel_dest or (dest is not None and dest == watched)
        if not (keep_src or keep_dest):
            return
        with self._lock:
            if rel_src:
                self._incoming.add(src)
            if rel_dest:
                self._incoming.add(dest)
            if watched is not None:
                if src == watched:
                    self._incoming_watched.append((watched, kind,
                                                   dest if kind == "moved" else None))
                elif dest == watched:
                    self._incoming_watched.append((watched, "created", None))
            wake, self._armed = not self._armed, True
        if wake:
            self._wake()

    def _send(self, item: tuple) -> None:
        with self._lock:
            self._inbox.append(item)
            wake, self._armed = not self._armed, True
        if wake:
            self._wake()

    def _wake(self) -> None:
        # The observer may still deliver events after stop(wait=False), while the window
        # drops this object: the gate keeps the emit from meeting its deletion.
        self._gate.emit(self._woken)

    # -- Qt thread ------------------------------------------------------------------------
    def _drain(self) -> None:
        with self._lock:
            batch, self._inbox = self._inbox, []
            paths, self._incoming = self._incoming, set()
            kinds, self._incoming_watched = self._incoming_watched, []
            # Events keep coming in a burst: take the next ones DRAIN_MS from now, all at once.
            again = self._armed = bool(paths or kinds) and self._observer is not None
        if again:
            self._drain_timer.start()
        if self._observer is None or not (batch or paths or kinds):
            return
        if paths or kinds:
            self.drains += 1
            self._pending |= paths
            # Only what concerns the post watched now (watch_file may have changed since).
            self._watched_kinds += [(k, d) for w, k, d in kinds if w == self._watched]
        looked = False
        for item in batch:
            if item[0] == "lost":
                self._want_rescan()
            elif item[0] in ("started", "rescanned"):
                looked = self._take_snapshot(*item) or looked
            elif item[0] == "seen":
                self._take_seen(item[1])
        if self._rescan_timer.isActive():
            self._rescan_timer.start()  # still busy out there: the rescan waits for quiet
        if looked:
            self._flush()
        elif self._pending or self._watched_kinds:
            self._quiet.start()
            if not self._cap.isActive():
                self._cap.start()

    def _take(self, kind: str, src: str, dest: str | None, rel_src: bool | None = None,
              rel_dest: bool | None = None) -> None:
        watched, root = self._watched, self._root_str
        if src and (rel_src if rel_src is not None else is_relevant(root, src)):
            self._pending.add(src)
        if dest and (rel_dest if rel_dest is not None else is_relevant(root, dest)):
            self._pending.add(dest)
        if watched is None:
            return
        if src == watched:
            self._watched_kinds.append((kind, dest if kind == "moved" else None))
        elif dest == watched:
            self._watched_kinds.append(("created", None))

    def _on_cap_timeout(self) -> None:
        # Events for a whole max-wait window without a pause: a big checkout, which may
        # overflow inotify; look at the disk once it is over.
        self._want_rescan()
        self._flush()

    def _want_rescan(self) -> None:
        self._rescan_timer.start()

    def _start_rescan(self) -> None:
        if self._observer is None:
            return
        if self._rescanning:
            self._rescan_again = True
            return
        self._rescanning, stop, before = True, self._stop, self._seen_job
        # Compared on the thread with what is known now (20,000 entries: a slot of its own
        # on the Qt thread); the Qt thread then looks again only at the paths that differ.
        known = dict(self._baseline) if self._baseline is not None else None
        self._learnt = set()

        def run() -> None:
            if before is not None:
                before.join()  # the stats of what was just reported go in first
            after = tree_stats.snapshot(self.root, stop)
            differ = tree_stats.changed_paths(known, after) if known is not None else None
            self._send(("rescanned", None, None, after, (), differ))

        self._spawn(run, "watcher-rescan")

    def _take_snapshot(self, kind: str, observer, before: dict | None, after: dict,
                       recent=(), differ: set | None = None) -> bool:
        """A look at the disk (after a start or a rescan): what differs from what we knew
        is pending like events. True: flush now (the disk has been looked at)."""
        if kind == "started":
            if observer is not self._observer:
                return False  # an earlier start of a watcher stopped since
            self._after_start(observer)
        else:
            self._rescanning = False
            self.rescans += 1
            if self._rescan_again:
                self._rescan_again = False
                self._want_rescan()
        known = before if before is not None else self._baseline
        found = set(recent)
        if known is not None and differ is not None:
            # What changed since the copy the thread compared with: what the baseline
            # learnt meanwhile (stats of reported paths) is not reported again.
            found |= {p for p in differ | self._learnt if known.get(p) != after.get(p)}
        elif known is not None:
            found |= tree_stats.changed_paths(known, after)
        for p in found:
            self._take("modified", p, None)
        self._baseline = after
        self._check_watched = True
        return True

    def _check_health(self) -> None:
        observer = self._observer
        if observer is None or self.degraded or any(
                t.name == "watcher-start" and t.is_alive() for t in self._threads):
            return
        if observer.is_alive() and observer.emitters and all(
                e.is_alive() for e in observer.emitters):
            return
        LOG.warning("the watcher of %s stopped; restarting it and rescanning", self.root)
        threading.Thread(target=finish, args=(observer, []), daemon=True).start()
        self._start_observer(before=self._baseline)

    def _flush(self) -> None:
        self._quiet.stop()
        self._cap.stop()
        paths, self._pending = self._pending, set()
        kinds, self._watched_kinds = self._watched_kinds, []
        check, self._check_watched = self._check_watched, False
        if (paths or check) and not kinds and self._watched is not None \
                and stat_sig(self._watched) != self._watched_sig:
            # A burst (a checkout of thousands of files) can overflow inotify and lose the
            # open post's own event: after every burst, its stat says whether it changed.
            kinds = [("modified", None)]
        self._note_seen(paths)
        # Only the few paths of our own saves are looked at, not each of a burst's 5,000.
        paths = paths - {p for p in self._expected.keys() & paths if self._is_own_write(p)}
        if len(paths) >= RESCAN_BURST:
            self._want_rescan()
        if paths:
            self.changed.emit(sorted(paths))
        if kinds and self._watched is not None:
            self._report_watched(kinds)

    def _note_seen(self, paths: set[str]) -> None:
        """What we report is what the disk holds now: a later rescan must not report it
        again (images are outside the rescan's files). A stat per reported post, 5,000 after
        a checkout: on a thread, after the previous one and before any later rescan (each
        waits for it), so their results arrive in order."""
        root = self._root_str
        if self._baseline is None or not paths:
            return
        before, stop, paths = self._seen_job, self._stop, tuple(paths)  # the thread's own

        def run() -> None:
            if before is not None:
                before.join()
            seen = {}
            pace = Pacer()
            for p in paths:
                pace()
                if stop.is_set():
                    return
                if tree_stats.covers(root, p):
                    seen[p] = tree_stats.signature(p)
            self._send(("seen", seen))

        self._spawn(run, "watcher-seen")
        self._seen_job = self._threads[-1]

    def _take_seen(self, seen: dict) -> None:
        baseline = self._baseline  # a rescan since began after these stats (it waited)
        if baseline is None:
            return
        self._learnt.update(seen)
        for p, sig in seen.items():
            if sig is None:
                baseline.pop(p, None)
            else:
                baseline[p] = sig

    def _is_own_write(self, path: str) -> bool:
        fp = self._expected.get(path)
        if fp is None:
            return False
        if fp.same_bytes(fingerprint(path)):
            return True
        del self._expected[path]  # someone else wrote since: from now on their events count
        return False

    def _report_watched(self, kinds: list[tuple[str, str | None]]) -> None:
        real, path = self._watched, self._watched_as
        self._watched_sig = stat_sig(real)
        exists = os.path.exists(real)
        existed, self._watched_existed = self._watched_existed, exists
        if exists:
            if self._is_own_write(real):
                return
            self.file_changed.emit(path, "modified" if existed else "created")
            return
        if not existed:
            return
        moved_to = next((d for k, d in reversed(kinds) if k == "moved" and d), None)
        if moved_to and os.path.exists(moved_to):
            self.file_changed.emit(path, "moved")
            self.file_moved.emit(path, moved_to)
        else:
            self.file_changed.emit(path, "deleted")
