"""Runs the user's own `git` command: no terminal prompts (a missing credential fails
instead of hanging), English messages for classification, a timeout, cancellation that kills
the whole process group, and progress lines parsed from stderr. No global state: safe to call
from worker threads. Must not import PySide6."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import GitError

ProgressFn = Callable[[str, "int | None"], None]

LOCAL_TIMEOUT = 60.0  # status, add, commit (hooks may run tests: generous)
NETWORK_TIMEOUT = 300.0  # push, fetch, pull
_PERCENT = re.compile(r"(\d{1,3})% \(\d+/\d+\)")


@dataclass(frozen=True)
class GitResult:
    returncode: int
    stdout: str
    stderr: str


def git_env(extra: dict | None = None) -> dict:
    """The caller's environment (config, credential helpers, agents, signing all apply) with
    prompts disabled and git's messages in English so errors can be recognised."""
    env = dict(os.environ)
    env["GIT_TERMINAL_PROMPT"] = "0"
    # `git status` would otherwise refresh the index under index.lock now and then: the
    # user's own checkout or commit in a terminal then fails with "index.lock: File exists".
    env["GIT_OPTIONAL_LOCKS"] = "0"
    # LC_ALL would override LC_MESSAGES: move it to LC_CTYPE so file names keep their charset.
    if env.get("LC_ALL"):
        env.setdefault("LC_CTYPE", env["LC_ALL"])
    env.pop("LC_ALL", None)
    env["LC_MESSAGES"] = "C"
    env["LANGUAGE"] = "C"
    env.pop("GIT_INDEX_FILE", None)
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    if extra:
        env.update(extra)
    return env


def _kill(proc: subprocess.Popen) -> None:
    try:
        if hasattr(os, "killpg"):
            os.killpg(proc.pid, signal.SIGTERM)
        else:  # pragma: no cover - Windows
            proc.terminate()
        try:
            proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            if hasattr(os, "killpg"):
                os.killpg(proc.pid, signal.SIGKILL)
            else:  # pragma: no cover
                proc.kill()
            proc.wait(timeout=5)
    except (ProcessLookupError, PermissionError, OSError):
        pass


class _StderrReader(threading.Thread):
    """Collects stderr and reports each progress line (git ends them with \\r)."""

    def __init__(self, stream, on_progress: ProgressFn | None):
        super().__init__(daemon=True)
        self._stream = stream
        self._on_progress = on_progress
        self.chunks: list[bytes] = []

    def run(self) -> None:
        pending = b""
        last = None
        while True:
            data = self._stream.read1(4096) if hasattr(self._stream, "read1") else \
                self._stream.read(4096)
            if not data:
                break
            self.chunks.append(data)
            if self._on_progress is None:
                continue
            pending += data
            *lines, pending = re.split(rb"[\r\n]", pending)
            for raw in lines:
                last = self._report(raw, last)
        if self._on_progress is not None and pending:
            self._report(pending, last)

    def _report(self, raw: bytes, last):
        text = raw.decode("utf-8", "replace").strip()
        if not text or text == last:
            return last
        m = _PERCENT.search(text)
        try:
            self._on_progress(text, int(m.group(1)) if m else None)
        except Exception:  # a broken callback must not kill the reader (git would block)
            self._on_progress = None
        return text


def run_git(cwd, args: list[str], *, input_text: str | None = None, env: dict | None = None,
            timeout: float = LOCAL_TIMEOUT, cancel: threading.Event | None = None,
            on_progress: ProgressFn | None = None) -> GitResult:
    """Run `git <args>` in `cwd` and wait for it; raises GitError only for no git, timeout
    and cancel (a non-zero exit is the caller's to interpret)."""
    try:
        proc = subprocess.Popen(
            ["git", *args], cwd=str(Path(cwd)), env=git_env(env),
            stdin=subprocess.PIPE if input_text is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            start_new_session=True,  # no controlling tty: ssh cannot prompt; killpg reaches it
        )
    except FileNotFoundError:
        raise GitError("no_git") from None
    except NotADirectoryError:
        raise GitError("not_a_repo") from None
    reader = _StderrReader(proc.stderr, on_progress)
    reader.start()
    out: list[bytes] = []
    out_thread = threading.Thread(target=lambda: out.append(proc.stdout.read()), daemon=True)
    out_thread.start()
    if input_text is not None:
        try:
            proc.stdin.write(input_text.encode("utf-8"))
            proc.stdin.close()
        except (BrokenPipeError, OSError):
            pass
    _wait(proc, timeout, cancel)
    reader.join(5)
    out_thread.join(5)
    return GitResult(proc.returncode, b"".join(out).decode("utf-8", "replace"),
                     b"".join(reader.chunks).decode("utf-8", "replace"))


def _wait(proc: subprocess.Popen, timeout: float, cancel: threading.Event | None) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            proc.wait(timeout=0.05)
            return
        except subprocess.TimeoutExpired:
            pass
        if cancel is not None and cancel.is_set():
            _kill(proc)
            raise GitError("cancelled")
        if time.monotonic() > deadline:
            _kill(proc)
            raise GitError("timeout")


def git_ok(cwd, args: list[str], **kw) -> str:
    """stdout of a git command that must succeed; its failure becomes a classified GitError."""
    from .errors import classify

    result = run_git(cwd, args, **kw)
    if result.returncode != 0:
        raise classify(result.stderr)
    return result.stdout
