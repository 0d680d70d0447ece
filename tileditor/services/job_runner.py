"""JobRunner: runs one blocking core call at a time on a worker thread (a git push over a slow
network, the repo health check), so the window never freezes; progress lines and the result
come back as signals, and shutdown cancels. QtCore only: must not import QtWidgets or ui."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal


class _Job(QThread):
    progress = Signal(str, object)  # (text, percent or None)
    done = Signal(str, object)  # (job name, result)
    failed = Signal(str, str)  # (job name, one-sentence message)

    def __init__(self, name: str, fn: Callable[..., Any], kwargs: dict, parent=None):
        super().__init__(parent)
        self.setObjectName(f"job-{name}")
        self.name, self.fn, self.kwargs = name, fn, kwargs
        self.cancel = threading.Event()

    def run(self) -> None:
        from tileditor.core.git_repo import GitError

        try:
            result = self.fn(**self.kwargs)
        except GitError as exc:
            self.failed.emit(self.name, str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - a bug in a job must not kill the window
            self.failed.emit(self.name, f"{self.name} failed: {exc}.")
            return
        self.done.emit(self.name, result)


class JobRunner(QObject):
    progress = Signal(str, object)
    finished = Signal(str, object)  # (job name, result)
    failed = Signal(str, str)  # (job name, message)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._job: _Job | None = None

    def busy(self) -> bool:
        return self._job is not None and self._job.isRunning()

    def start(self, name: str, fn: Callable[..., Any], *, with_progress: bool = False,
              **kwargs) -> bool:
        """Run `fn(**kwargs)`; False when another job is still running. With
        `with_progress`, fn also gets `on_progress` and `cancel` (push, fetch, pull)."""
        if self.busy():
            return False
        job = _Job(name, fn, kwargs, self)
        if with_progress:
            kwargs["on_progress"] = lambda text, pct: job.progress.emit(text, pct)
            kwargs["cancel"] = job.cancel
        job.progress.connect(self.progress)
        job.done.connect(self.finished)
        job.failed.connect(self.failed)
        job.finished.connect(lambda j=job: self._forget(j))
        self._job = job
        job.start()
        return True

    def _forget(self, job: _Job) -> None:
        if self._job is job:
            self._job = None
        job.deleteLater()

    def shutdown(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.cancel.set()
            job.wait(10000)
