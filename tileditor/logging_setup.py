"""The app's log and crash reports: a rotating log file in the state folder (mirrored to stderr
with --verbose), faulthandler writing hard crashes into that file, and an excepthook that logs
uncaught tracebacks and tells the user where the log is. No widgets: the window's dialog is a
callback the app passes in."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sys
import threading
from collections.abc import Callable
from pathlib import Path

LOG = logging.getLogger("tileditor")
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_state: dict = {"path": None}


class _FaultRotatingHandler(logging.handlers.RotatingFileHandler):
    """Keeps faulthandler pointed at the current log file across rotations."""

    def _open(self):
        stream = super()._open()
        faulthandler.enable(file=stream, all_threads=True)
        return stream


def setup_logging(log_file: Path | None, verbose: bool = False) -> Path | None:
    """Log to `log_file` (rotated at 1 MB, 3 kept) and, with `verbose`, to stderr. Returns the
    file actually used: None when its folder cannot be written (the app still starts)."""
    root = logging.getLogger("tileditor")
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for h in list(root.handlers):
        root.removeHandler(h)
        h.close()
    used = None
    if log_file is not None:
        try:
            log_file.parent.mkdir(parents=True, exist_ok=True)
            handler = _FaultRotatingHandler(log_file, maxBytes=1_000_000, backupCount=3,
                                            encoding="utf-8", delay=False)
            handler.setFormatter(logging.Formatter(_FORMAT))
            root.addHandler(handler)
            used = log_file
        except OSError as exc:
            print(f"tileditor: no log file ({exc})", file=sys.stderr)
    if used is None:
        # Hard crashes still say where, on the real stderr (never a closed log file's fd).
        faulthandler.enable(file=sys.__stderr__, all_threads=True)
    if verbose or used is None:
        err = logging.StreamHandler(sys.stderr)
        err.setFormatter(logging.Formatter(_FORMAT))
        err.setLevel(logging.DEBUG if verbose else logging.WARNING)
        root.addHandler(err)
    _state["path"] = used
    return used


def current_log_path() -> Path | None:
    return _state["path"]


def install_excepthook(notify: Callable[[str, Path | None], None] | None = None) -> None:
    """Uncaught exceptions (main thread and worker threads) go to the log with their traceback,
    then `notify(summary, log_path)`; the process keeps running so the recovery snapshot and the
    unsaved buffer survive. Ctrl+C keeps Python's default behaviour."""

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        LOG.critical("uncaught exception", exc_info=(exc_type, exc, tb))
        if notify is not None:
            try:
                notify(f"{exc_type.__name__}: {exc}", current_log_path())
            except Exception:  # the report must never raise in its turn
                LOG.exception("could not show the crash report")

    def thread_hook(args):
        if args.exc_type is not SystemExit:
            LOG.critical("uncaught exception in thread %s", getattr(args.thread, "name", "?"),
                         exc_info=(args.exc_type, args.exc_value, args.exc_traceback))

    sys.excepthook = hook
    threading.excepthook = thread_hook
