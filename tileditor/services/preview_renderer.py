"""PreviewRenderer: runs the pure render function on a worker thread, one job at a time,
coalescing requests (latest wins), dropping stale results by generation number, and cutting
off a render that runs past its time limit (the thread is abandoned, never joined: pure-Python
rendering cannot be interrupted). QtCore only: must not import QtWidgets, QtWebEngine or
anything from tileditor.ui."""

from __future__ import annotations

import dataclasses
import queue
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from tileditor.services.emit_gate import EmitGate

TIME_LIMIT = 2.0  # seconds before a render is abandoned and the preview says so


class _IncrementalRender:
    """The default render function: one IncrementalRenderer per (site, post), kept while the
    same post is rendered, so an edit re-renders only the blocks it touched. Used only from
    one worker thread."""

    def __init__(self) -> None:
        self._key: tuple | None = None
        self._renderer: Any = None

    def __call__(self, text: str, site: Any, post_path: Any) -> Any:
        # Imported lazily so this service loads (and is testable) without the core renderer.
        from tileditor.core.render import IncrementalRenderer

        key = (id(site), str(post_path) if post_path is not None else None)
        if key != self._key:
            self._key, self._renderer = key, IncrementalRenderer(site, post_path)
        try:
            return self._renderer.render(text)
        except Exception as exc:
            from tileditor.core.render import describe_failure as describe

            self._key = None  # its state may be half-updated: the next render starts afresh
            raise describe(exc, text, site, post_path) from exc


    @staticmethod
    def warm_up() -> None:
        """Import the renderer and build this thread's converter before the first job, so
        the time limit does not count them."""
        from tileditor.core.render import render

        render("warm *up*")


def _summary(exc: BaseException) -> str:
    from tileditor.core.render import RenderFailure  # loaded by now: only after a failure

    if isinstance(exc, RenderFailure):
        return exc.message
    return (f"The preview could not render this post ({type(exc).__name__}: {exc}); "
            "it shows the last page that rendered.")


class _Bridge(QObject):
    """Carries a worker's results to the UI thread (queued: it lives on the UI thread)."""

    started = Signal(object, int)  # worker, generation
    done = Signal(object, int, object, object)  # worker, generation, result, extras
    failed = Signal(object, int, str)  # worker, generation, message
    exited = Signal(object)  # worker


class _Worker(threading.Thread):
    """One render at a time from its own queue. A daemon thread: an abandoned worker that is
    still inside a render never delays the app's exit."""

    def __init__(self, render_fn: Callable[..., Any], extras_fn: Callable[..., Any] | None,
                 bridge: _Bridge, warm_up: Callable[[], None] | None = None,
                 gate: EmitGate | None = None) -> None:
        super().__init__(name="preview-renderer", daemon=True)
        self.jobs: queue.SimpleQueue = queue.SimpleQueue()
        self.abandoned = False
        self._render_fn, self._extras_fn, self._bridge = render_fn, extras_fn, bridge
        self._warm_up = warm_up
        self._gate = gate or EmitGate()

    def run(self) -> None:
        try:
            if self._warm_up is not None:
                try:
                    self._warm_up()
                except Exception:  # noqa: BLE001 - the first real render will report it
                    pass
            while not self.abandoned:
                job = self.jobs.get()
                if job is None or self.abandoned:
                    return
                self._render(*job)
        finally:
            self._emit(self._bridge.exited, self)

    def _render(self, generation: int, text: str, site: Any, post_path: Any) -> None:
        self._emit(self._bridge.started, self, generation)
        try:
            result = self._render_fn(text, site, post_path)
            extras = (self._extras_fn(result, site, post_path, text)
                      if self._extras_fn is not None else None)
        except Exception as exc:  # a broken post must not kill the preview thread
            message = _summary(exc) + "\n" + traceback.format_exc()
            if not self.abandoned:
                self._emit(self._bridge.failed, self, generation, message)
            return
        if not self.abandoned:
            self._emit(self._bridge.done, self, generation, result, extras)

    def _emit(self, signal, *args) -> None:
        # Never while the UI thread deletes the bridge: an abandoned worker's last emits once
        # crashed the interpreter (exit 139; the CI's faulthandler showed it in here).
        self._gate.emit(signal, *args)


class PreviewRenderer(QObject):
    """Render requests off the UI thread.

    `request()` may be called on every keystroke: while a render is in flight, later requests
    only replace the pending one, so at most one render runs and one waits. Results whose
    generation is older than the latest request are dropped, so `finished` only ever carries
    the newest text. A render still running after `time_limit` seconds is abandoned (its
    result will be dropped), `failed` says so, and later requests go to a fresh thread; at
    most two abandoned renders run on, after which requests wait for one of them to end.
    """

    finished = Signal(int, object)  # (generation, RenderResult)
    # (generation, message): a one-line summary for the user (with the post line when the
    # renderer can tell), then the traceback.
    failed = Signal(int, str)
    MAX_ABANDONED = 2

    def __init__(self, render_fn: Callable[..., Any] | None = None, parent: QObject | None = None,
                 extras_fn: Callable[..., Any] | None = None, time_limit: float = TIME_LIMIT,
                 held: bool = False):
        """`render_fn(text, site, post_path)` returns a RenderResult (default: an incremental
        render of the post). `extras_fn(result, site, post_path, text)`, when given, also runs on the worker thread
        (e.g. the page header's reading time, which scans the whole HTML) and its value is
        returned by `extras_for(generation)`. `held`: the worker thread (its imports, its
        renders) starts only at `release()`; requests made before wait, the latest wins."""
        super().__init__(parent)
        self._generation = 0
        self._pending: tuple[int, str, Any, Any] | None = None
        self._running: int | None = None  # generation of the render in flight
        self._renders = 0
        self._carried: tuple[int, Any] | None = None  # (version, patch) of a dropped result
        self._extras: dict[int, Any] = {}
        self._stopped = False
        # A given render_fn is shared by every worker; the default one keeps per-thread state.
        self._make_render = (lambda: render_fn) if render_fn is not None else _IncrementalRender
        # Only the default one is warmed up: a given render_fn has nothing to import first.
        self._warm_up = _IncrementalRender.warm_up if render_fn is None else None
        self._extras_fn = extras_fn
        # A child of this object: Qt deletes it with us on the UI thread, never the worker
        # dropping the last Python reference on its own thread (a crash); a worker that
        # outlives us finds the gate below shut and stays silent.
        self._bridge = _Bridge(self)
        self._gate = EmitGate()  # shut by stop() and when the bridge goes, before it is freed
        self._bridge.destroyed.connect(self._gate.shut)
        self._bridge.started.connect(self._on_worker_started)
        self._bridge.done.connect(self._on_worker_done)
        self._bridge.failed.connect(self._on_worker_failed)
        self._bridge.exited.connect(self._on_worker_exited)
        self._abandoned: list[_Worker] = []
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.setInterval(int(time_limit * 1000))
        self._watchdog.timeout.connect(self._on_watchdog_timeout)
        self._held = held
        self._worker: _Worker | None = None if held else self._new_worker()

    def release(self) -> None:
        """Start a held renderer's worker and its waiting request (no-op otherwise).

        The window holds it while it opens a post: the worker's imports are ~0.1 s of pure
        Python, and the UI thread, whose highlighter and widgets call into Python hundreds of
        times meanwhile, would wait for the GIL at each call (3-10x the work's own time)."""
        if not self._held:
            return
        self._held = False
        if self._worker is None and not self._stopped:
            self._worker = self._new_worker()
            self._start_next()

    def _new_worker(self) -> _Worker:
        worker = _Worker(self._make_render(), self._extras_fn, self._bridge, self._warm_up,
                         self._gate)
        worker.start()
        return worker

    @property
    def generation(self) -> int:
        """Generation number of the latest request (0 before any)."""
        return self._generation

    @property
    def render_count(self) -> int:
        """How many renders were started; coalescing keeps this far below the request count."""
        return self._renders

    def extras_for(self, generation: int) -> Any:
        """What `extras_fn` computed with the result of `generation` (None if nothing)."""
        return self._extras.get(generation)

    def is_busy(self) -> bool:
        return self._running is not None

    def is_running(self) -> bool:
        """Whether the live worker thread runs (False after stop())."""
        return self._worker is not None and self._worker.is_alive()

    def abandoned_count(self) -> int:
        """Abandoned renders still running on (diagnostics, tests)."""
        return sum(1 for w in self._abandoned if w.is_alive())

    def request(self, text: str, site: Any = None, post_path: Any = None) -> int:
        """Ask for a render of `text`; returns the generation number that will tag it."""
        self._generation += 1
        # str is immutable; site/post_path are read-only values by contract.
        self._pending = (self._generation, str(text), site, post_path)
        if self._running is None:
            self._start_next()
        return self._generation

    def stop(self) -> None:
        """End the worker thread. Never waits for a render in flight: an idle worker ends at
        once, a busy one is abandoned and ends (unseen) when its render returns. Safe to call
        twice."""
        self._pending = None
        self._stopped = True
        self._watchdog.stop()
        # From here no worker (this one, or one abandoned earlier) emits on the bridge.
        self._gate.shut()
        worker, self._worker = self._worker, None
        if worker is None:
            return
        worker.jobs.put(None)
        if self._running is None:
            worker.join(1.0)
        else:
            worker.abandoned = True
            self._running = None

    def _start_next(self) -> None:
        if self._pending is None or self._worker is None or self._stopped:
            return
        job, self._pending = self._pending, None
        self._running = job[0]
        self._renders += 1
        self._worker.jobs.put(job)

    @Slot(object, int)
    def _on_worker_started(self, worker: _Worker, generation: int) -> None:
        # The clock starts when the render does (not while the thread warms up).
        if worker is self._worker and generation == self._running:
            self._watchdog.start()

    @Slot(object, int, object, object)
    def _on_worker_done(self, worker: _Worker, generation: int, result: Any, extras: Any) -> None:
        if worker is not self._worker:
            return  # an abandoned render finished after all: too late
        self._watchdog.stop()
        self._running = None
        if self._extras_fn is not None:
            self._extras = {generation: extras}
        result = self._carry_patches(result, stale=generation != self._generation)
        if generation == self._generation:
            self.finished.emit(generation, result)
        self._start_next()

    def _carry_patches(self, result: Any, stale: bool) -> Any:
        """A dropped result's block patch is folded into the next one, so the view, which
        never saw it, can still patch instead of reloading."""
        patch = result.patch
        carried, self._carried = self._carried, None
        if patch is None:
            return result
        if carried is not None and patch.base == carried[0]:
            from tileditor.core.render import compose_patches

            patch = compose_patches(carried[1], patch, result.blocks)
            result = dataclasses.replace(result, patch=patch)
        if stale:
            self._carried = (result.version, patch)
        return result

    @Slot(object, int, str)
    def _on_worker_failed(self, worker: _Worker, generation: int, message: str) -> None:
        if worker is not self._worker:
            return
        self._watchdog.stop()
        self._running = None
        if generation == self._generation:
            self.failed.emit(generation, message)
        self._start_next()

    def _on_watchdog_timeout(self) -> None:
        worker, generation = self._worker, self._running
        if worker is None or generation is None:
            return
        worker.abandoned = True
        worker.jobs.put(None)
        self._abandoned = [w for w in self._abandoned if w.is_alive()] + [worker]
        self._running, self._carried = None, None
        seconds = self._watchdog.interval() / 1000
        self.failed.emit(generation, (
            f"Rendering this post took over {seconds:g} s and was stopped; the preview shows "
            "the last page that rendered."))
        self._worker = None
        if len(self._abandoned) <= self.MAX_ABANDONED:
            self._worker = self._new_worker()
            self._start_next()

    @Slot(object)
    def _on_worker_exited(self, worker: _Worker) -> None:
        self._abandoned = [w for w in self._abandoned if w is not worker and w.is_alive()]
        if self._worker is None and not self._stopped:
            self._worker = self._new_worker()
            self._start_next()
