"""PreviewRenderer: runs the pure render function on a worker thread, one job at a time,
coalescing requests (latest wins) and dropping stale results by generation number.
QtCore only: must not import QtWidgets, QtWebEngine or anything from tileditor.ui."""

from __future__ import annotations

import dataclasses
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot


class _IncrementalRender:
    """The default render function: one IncrementalRenderer per (site, post), kept while the
    same post is rendered, so an edit re-renders only the blocks it touched. Used only from
    the worker thread."""

    def __init__(self) -> None:
        self._key: tuple | None = None
        self._renderer: Any = None

    def __call__(self, text: str, site: Any, post_path: Any) -> Any:
        # Imported lazily so this service loads (and is testable) without the core renderer.
        from tileditor.core.render.incremental import IncrementalRenderer

        key = (id(site), str(post_path) if post_path is not None else None)
        if key != self._key:
            self._key, self._renderer = key, IncrementalRenderer(site, post_path)
        return self._renderer.render(text)


class _Worker(QObject):
    """Lives on the worker thread; receives jobs through a queued signal."""

    done = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, render_fn: Callable[..., Any], extras_fn: Callable[..., Any] | None) -> None:
        super().__init__()
        self._render_fn = render_fn
        self._extras_fn = extras_fn
        self.extras: dict[int, Any] = {}  # generation -> extras_fn's value (read on the UI thread)

    @Slot(int, object, object, object)
    def run(self, generation: int, text: str, site: Any, post_path: Any) -> None:
        try:
            result = self._render_fn(text, site, post_path)
            if self._extras_fn is not None:
                # Set before `done` is emitted, so the UI thread sees it with the result.
                self.extras[generation] = self._extras_fn(result, site, post_path)
        except Exception:  # a broken post must not kill the preview thread
            self.failed.emit(generation, traceback.format_exc())
            return
        self.done.emit(generation, result)


class PreviewRenderer(QObject):
    """Render requests off the UI thread.

    `request()` may be called on every keystroke: while a render is in flight, later requests
    only replace the pending one, so at most one render runs and one waits. Results whose
    generation is older than the latest request are dropped, so `finished` only ever carries
    the newest text.
    """

    finished = Signal(int, object)  # (generation, RenderResult)
    failed = Signal(int, str)  # (generation, traceback text)
    # The text goes as a Python object: a `str` argument would be copied to a QString and
    # back on every keystroke (milliseconds on the UI thread for a long post).
    _job = Signal(int, object, object, object)

    def __init__(self, render_fn: Callable[..., Any] | None = None, parent: QObject | None = None,
                 extras_fn: Callable[..., Any] | None = None):
        """`extras_fn(result, site, post_path)`, when given, also runs on the worker thread
        (e.g. the page header's reading time, which scans the whole HTML) and its value is
        returned by `extras_for(generation)`."""
        super().__init__(parent)
        self._generation = 0
        self._pending: tuple[int, str, Any, Any] | None = None
        self._busy = False
        self._renders = 0
        self._carried: tuple[int, Any] | None = None  # (version, patch) of a dropped result
        self._thread = QThread()
        self._thread.setObjectName("preview-renderer")
        self._worker = _Worker(render_fn or _IncrementalRender(), extras_fn)
        self._worker.moveToThread(self._thread)
        self._job.connect(self._worker.run)
        self._worker.done.connect(self._on_worker_done)
        self._worker.failed.connect(self._on_worker_failed)
        self._thread.start()

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
        return self._worker.extras.get(generation)

    def is_busy(self) -> bool:
        return self._busy

    def request(self, text: str, site: Any = None, post_path: Any = None) -> int:
        """Ask for a render of `text`; returns the generation number that will tag it."""
        self._generation += 1
        # str is immutable; site/post_path are read-only values by contract.
        self._pending = (self._generation, str(text), site, post_path)
        if not self._busy:
            self._start_next()
        return self._generation

    def stop(self) -> None:
        """End the worker thread (waits for a render in flight). Safe to call twice."""
        self._pending = None
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()

    def _start_next(self) -> None:
        if self._pending is None or not self._thread.isRunning():
            return
        job, self._pending = self._pending, None
        self._busy = True
        self._renders += 1
        self._job.emit(*job)

    @Slot(int, object)
    def _on_worker_done(self, generation: int, result: Any) -> None:
        self._busy = False
        for old in [g for g in self._worker.extras if g < generation]:
            self._worker.extras.pop(old, None)
        result = self._carry_patches(result, stale=generation != self._generation)
        if generation == self._generation:
            self.finished.emit(generation, result)
        self._start_next()

    def _carry_patches(self, result: Any, stale: bool) -> Any:
        """A dropped result's block patch is folded into the next one, so the view, which
        never saw it, can still patch instead of reloading."""
        patch = getattr(result, "patch", None)
        carried, self._carried = self._carried, None
        if patch is None:
            return result
        if carried is not None and patch.base == carried[0]:
            from tileditor.core.render.incremental import compose_patches

            patch = compose_patches(carried[1], patch, result.blocks)
            result = dataclasses.replace(result, patch=patch)
        if stale:
            self._carried = (result.version, patch)
        return result

    @Slot(int, str)
    def _on_worker_failed(self, generation: int, message: str) -> None:
        self._busy = False
        if generation == self._generation:
            self.failed.emit(generation, message)
        self._start_next()
