"""SearchRunner: runs core.search over a blog's posts on a worker thread, streaming hits in
batches; a new search cancels the one in flight, and results of a cancelled search never
arrive. QtCore only: must not import QtWidgets or tileditor.ui."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from tileditor.core.search import SearchError, SearchQuery, search_files, shared_cache

BATCH_SECONDS = 0.05  # hits reach the list at least this often while a search runs


class _SearchThread(QThread):
    batch = Signal(int, list)  # (generation, [Hit])
    done = Signal(int, int, float)  # (generation, hits, seconds)
    error = Signal(int, str)

    def __init__(self, generation: int, paths: list[Path], query: SearchQuery, parent=None):
        super().__init__(parent)
        self.setObjectName("search-runner")
        self.generation, self.paths, self.query = generation, paths, query
        self.cancel = threading.Event()

    def run(self) -> None:
        start = time.perf_counter()
        pending, count, last = [], 0, start
        try:
            for hit in search_files(self.paths, self.query, shared_cache(), self.cancel.is_set):
                pending.append(hit)
                count += 1
                now = time.perf_counter()
                if now - last >= BATCH_SECONDS:
                    self.batch.emit(self.generation, pending)
                    pending, last = [], now
        except SearchError as exc:
            self.error.emit(self.generation, str(exc))
            return
        if pending:
            self.batch.emit(self.generation, pending)
        self.done.emit(self.generation, count, time.perf_counter() - start)


class SearchRunner(QObject):
    """`start(paths, query)`; hits come as `hits_found(list)`, then `finished(count, seconds)`;
    an invalid query gives `failed(message)`."""

    hits_found = Signal(list)
    finished = Signal(int, float)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._generation = 0
        self._threads: list[_SearchThread] = []

    def start(self, paths: list[Path], query: SearchQuery) -> None:
        self.cancel()
        self._generation += 1
        thread = _SearchThread(self._generation, list(paths), query, self)
        thread.batch.connect(self._on_thread_batch)
        thread.done.connect(self._on_thread_done)
        thread.error.connect(self._on_thread_error)
        thread.finished.connect(lambda t=thread: self._forget(t))
        self._threads.append(thread)
        thread.start()

    def cancel(self) -> None:
        for thread in self._threads:
            thread.cancel.set()

    def is_running(self) -> bool:
        return any(t.isRunning() for t in self._threads)

    def shutdown(self) -> None:
        """Stop every search and wait for its thread (a search checks between files)."""
        self.cancel()
        for thread in list(self._threads):
            thread.wait(5000)
        self._threads.clear()

    def _forget(self, thread: _SearchThread) -> None:
        if thread in self._threads:
            self._threads.remove(thread)
        thread.deleteLater()

    def _on_thread_batch(self, generation: int, hits: list) -> None:
        if generation == self._generation:
            self.hits_found.emit(hits)

    def _on_thread_done(self, generation: int, count: int, seconds: float) -> None:
        if generation == self._generation:
            self.finished.emit(count, seconds)

    def _on_thread_error(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.failed.emit(message)
