"""IndexLoader: runs the repo's listing job (scan posts and drafts, build the post list rows)
on a worker thread, one job at a time, the newest request replacing one still waiting; results
come back as `loaded` on the Qt thread. A caller may wait a short grace period so that a small
repo's listing arrives at once, exactly as before. QtCore only: must not import QtWidgets or ui."""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from tileditor.core.site import ScanCancelled
from tileditor.services.emit_gate import EmitGate
from tileditor.services.gc_policy import collector_paused

LOG = logging.getLogger("tileditor.index")

Job = Callable[[threading.Event], Any]


class Then:
    """What a job returns to have `after()` run on the worker once `result` is handed over
    (keeping the listing on disk need not delay showing it)."""

    __slots__ = ("result", "after")

    def __init__(self, result: Any, after: Callable[[], Any]):
        self.result, self.after = result, after


class IndexLoader(QObject):
    """`request(job)` -> generation; `loaded(generation, result)` / `failed(generation, msg)`
    in request order. `job(cancel)` runs on the worker and should stop when `cancel` is set."""

    loaded = Signal(int, object)
    failed = Signal(int, str)
    _finished = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._cond = threading.Condition()
        self._waiting: tuple[int, Job] | None = None
        self._done: list[tuple[int, bool, Any]] = []
        self._thread: threading.Thread | None = None
        self._cancel = threading.Event()
        # The worker's emit never meets this object's deletion (see emit_gate).
        self._gate = EmitGate()
        self.destroyed.connect(self._gate.shut)
        self.generation = 0  # the newest request
        self.delivered = 0  # the newest generation handed to `loaded`/`failed`
        self._latest: tuple[int, bool, Any] = (0, False, None)  # the newest job's outcome
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def loading(self) -> bool:
        """A requested listing has not arrived yet."""
        return self.delivered < self.generation

    def request(self, job: Job, wait_ms: int = 0) -> int:
        """Queue `job`; with `wait_ms`, block up to that long for its result and deliver it
        before returning (the worker runs meanwhile: the wait holds no lock it needs)."""
        with self._cond:
            self.generation += 1
            generation = self.generation
            self._waiting = (generation, job)
            if self._thread is None:
                self._gate.reopen()  # requests after a shutdown() work as before
                self._cancel = threading.Event()
                self._thread = threading.Thread(target=self._work, args=(self._cancel,),
                                                name="repo-index", daemon=True)
                self._thread.start()
        if wait_ms > 0:
            self.wait_delivered(generation, wait_ms)
        return generation

    def wait_delivered(self, generation: int, wait_ms: float) -> bool:
        """Block up to `wait_ms` for request `generation` (or a newer one) to finish, then
        deliver what is done; True when it has been delivered."""
        if wait_ms > 0:
            with self._cond:
                self._cond.wait_for(lambda: any(g >= generation for g, _o, _r in self._done),
                                    timeout=wait_ms / 1000)
        self._deliver()
        return self.delivered >= generation

    def wait(self) -> Any:
        """Block until the newest request's job is done; its result (None: it failed, was
        cancelled, or nothing was requested). On the Qt thread the result is delivered
        first, so `loaded` has been handled when this returns. A job waiting for itself
        gets None at once."""
        if threading.current_thread() is self._thread:
            return None
        with self._cond:
            target = self.generation
            self._cond.wait_for(lambda: self._latest[0] >= target or self._thread is None)
            generation, ok, result = self._latest
        if threading.current_thread() is threading.main_thread():
            self._deliver()
        return result if ok and generation >= target else None

    def shutdown(self, timeout_s: float = 10.0) -> None:
        """Stop the running job (it checks its cancel flag) and drop the waiting one."""
        with self._cond:
            self._waiting = None
            thread = self._thread
            self._cancel.set()
        if thread is not None:
            thread.join(timeout_s)
        self._gate.shut()  # a job that ignored its cancel flag may outlive us: it stays mute
        with self._cond:
            self._done.clear()
        self.delivered = self.generation
        # What our jobs froze goes back to the collector: the window that owned it is
        # closing, and whatever became garbage meanwhile must not outlive it.
        gc.unfreeze()

    # -- worker thread -------------------------------------------------------------------
    def _work(self, cancel: threading.Event) -> None:
        while True:
            with self._cond:
                if self._waiting is None or cancel.is_set():
                    self._thread = None
                    self._cond.notify_all()  # nothing more is coming for wait()
                    return
                generation, job = self._waiting
                self._waiting = None
            after = None
            try:
                with collector_paused():
                    result = job(cancel)
                if isinstance(result, Then):
                    result, after = result.result, result.after
                outcome = (generation, True, result)
            except ScanCancelled:
                outcome = None
            except Exception as exc:  # noqa: BLE001 - a bug in a scan must not kill the window
                LOG.exception("listing the repository failed")
                outcome = (generation, False, f"Could not list the blog's posts: {exc}")
            with self._cond:
                if outcome is not None and not cancel.is_set():
                    self._done.append(outcome)
                    self._latest = outcome
                self._cond.notify_all()
            if not self._gate.emit(self._finished):
                return  # shut down (or the Qt object is gone): nobody is left to tell
            if after is not None:  # also when closing: shutdown() waits for it
                try:
                    with collector_paused():
                        after()
                except Exception:  # noqa: BLE001 - the listing is in; only this is lost
                    LOG.exception("after listing the repository")

    # -- Qt thread -----------------------------------------------------------------------
    def _deliver(self) -> None:
        with self._cond:
            done, self._done = self._done, []
        for generation, ok, result in done:
            if generation <= self.delivered:
                continue
            self.delivered = generation
            if ok:
                self.loaded.emit(generation, result)
            else:
                self.failed.emit(generation, result)
