"""Qt plumbing shared by the in-process benchmarks: the offscreen environment set before any
QApplication, the real window on a generated repo, and waiting for `rendered` of a given edit
with a blocking QEventLoop (never a busy loop, which would steal the GIL from the renderer)."""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path


def init_qt() -> None:
    from tileditor.qtenv import prepare_qt_environment

    prepare_qt_environment(offscreen=True)
    os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    import PySide6.QtWebEngineWidgets  # noqa: F401  (must precede the QApplication)


FIRST_RENDER_LIMIT_S = 60.0


def open_window(repo: Path, post: Path, scratch: Path, timeout_s: float = 60.0):
    """The real main window on `post`, shown, with its first preview on screen."""
    from tileditor.app import build_window
    from tileditor.services.preview_renderer import TIME_LIMIT

    window = build_window(repo, post, settings_path=scratch / "settings.ini",
                          data_path=scratch / "data")
    # On a loaded shared machine the first (full) render of the 5,000-line post can pass the
    # preview's 2 s watchdog, which then leaves no page to type into. Give that render time
    # (setInterval restarts the running watchdog; no timer has fired yet): typing renders are
    # incremental and far below the limit either way.
    window.renderer._watchdog.setInterval(int(FIRST_RENDER_LIMIT_S * 1000))
    window.show()
    probe = RenderProbe(window)
    probe.arm(window.renderer.generation)
    shown = probe.wait(timeout_s)
    window.renderer._watchdog.setInterval(int(TIME_LIMIT * 1000))  # back to the app's own
    if shown is None:
        raise RuntimeError("the first preview never showed")
    return window, probe


def spin(ms: float) -> None:
    """Run the event loop for `ms` milliseconds (timers, queued signals, WebEngine replies)."""
    from PySide6.QtCore import QEventLoop, QTimer

    if ms <= 0:
        return
    loop = QEventLoop()
    QTimer.singleShot(max(1, int(ms)), loop.quit)
    loop.exec()


class RenderProbe:
    """Records when `preview.rendered` fires for a result at least as new as an armed
    generation. PostSession connects to `renderer.finished` before us, so by the time our
    slot runs the preview has already been handed that result."""

    def __init__(self, window) -> None:
        from PySide6.QtCore import QTimer

        self.window = window
        self.target: int | None = None
        self.ready = False
        self.t_rendered: float | None = None
        self.last_finished = -1
        self.shown: tuple[int, float] = (-1, 0.0)  # (generation, time) last put on screen
        self._loop = None
        self._timer = QTimer(singleShot=True)
        self._timer.timeout.connect(self._quit)
        self.t_slots_done: float | None = None
        self.t_finished: float | None = None  # the worker's result reached the UI thread
        window.renderer.finished.connect(self._on_renderer_finished)
        window.preview.rendered.connect(self._on_preview_rendered)
        _move_after(window.preview.rendered, window.images.refresh_panel)
        window.preview.rendered.connect(self._on_rendered_slots_done)

    def arm(self, generation: int) -> None:
        self.target, self.ready, self.t_rendered = generation, False, None
        self.t_slots_done = self.t_finished = None
        if self.shown[0] >= generation:  # already on screen before we asked
            self.ready, self.t_rendered = True, self.shown[1]

    def wait(self, timeout_s: float) -> float | None:
        """Block (in the event loop) until armed result is on screen; perf_counter or None."""
        from PySide6.QtCore import QEventLoop

        if self.t_rendered is None:
            self._loop = QEventLoop()
            self._timer.start(int(timeout_s * 1000))
            self._loop.exec()
            self._timer.stop()
            self._loop = None
        return self.t_rendered

    def _quit(self) -> None:
        if self._loop is not None:
            self._loop.quit()

    def _on_renderer_finished(self, generation: int, _result) -> None:
        self.last_finished = max(self.last_finished, generation)
        if self.target is not None and generation >= self.target and not self.ready:
            self.ready, self.t_finished = True, time.perf_counter()

    def _on_rendered_slots_done(self) -> None:
        if self.t_rendered is not None and self.t_slots_done is None:
            self.t_slots_done = time.perf_counter()

    def _on_preview_rendered(self) -> None:
        now = time.perf_counter()
        generation = self.last_finished
        if not self.window.renderer.is_busy():
            # The pane may emit `rendered` inside PostSession's `finished` slot (a result that
            # changes nothing on the page), before ours has seen `finished`: with the renderer
            # idle, its newest generation has been delivered.
            generation = max(generation, self.window.renderer.generation)
        self.shown = (generation, now)
        due = self.target is not None and (self.ready or generation >= self.target)
        if due and self.t_rendered is None:
            self.t_rendered = now
            self._quit()


def _move_after(signal, slot) -> None:
    """Reconnect the window's own `slot` after ours: Qt calls slots in connection order, and
    `rendered` must be timed when it fires, not after the window's follow-up work (that work
    is the UI stall figure's business, and `t_slots_done` records where it ends)."""
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            ok = signal.disconnect(slot)
        except (RuntimeError, TypeError, SystemError):
            return
    if ok is not False and not caught:  # a warning means it was not connected at all
        signal.connect(slot)


def middle_cursor(window, text: str) -> None:
    """Put the editor's cursor at the end of a paragraph line in the middle of the post."""
    from gen import middle_paragraph_line
    from PySide6.QtGui import QTextCursor

    editor = window.editor
    line = middle_paragraph_line(text)
    block = editor.document().findBlockByNumber(line)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    editor.centerCursor()
    editor.setFocus()


def summary(samples_s: list[float]) -> dict:
    """Median, p95, max and count of samples given in seconds, reported in ms."""
    ms = sorted(s * 1000 for s in samples_s)
    if not ms:
        return {"n": 0}
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return {"n": len(ms), "median_ms": round(statistics.median(ms), 2),
            "p95_ms": round(p95, 2), "max_ms": round(ms[-1], 2)}


class StackSampler:
    """Every `every_s` a thread records where the UI thread's Python stack is (its innermost
    `depth` frames of tileditor code, or of anything when it has none): what a stall was
    spent on. A sample is taken only when the sampler gets the GIL, so a stall in pure
    Python shows as the frames that held it at each switch interval."""

    def __init__(self, every_s: float = 0.002, depth: int = 4) -> None:
        import threading

        self.every_s, self.depth = every_s, depth
        self.samples: list[tuple[float, str]] = []
        self._main = threading.main_thread().ident
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stack-sampler", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        import sys

        while not self._stop.wait(self.every_s):
            frame = sys._current_frames().get(self._main)
            if frame is not None:
                self.samples.append((time.perf_counter(), self._describe(frame)))

    def _describe(self, frame) -> str:
        ours, other = [], []
        while frame is not None and len(ours) < self.depth:
            code = frame.f_code
            where = f"{Path(code.co_filename).name}:{code.co_name}:{frame.f_lineno}"
            (ours if "tileditor" in code.co_filename else other).append(where)
            frame = frame.f_back
        return " < ".join(ours or other[: self.depth])

    def during(self, start: float, end: float, top: int = 3) -> list[list]:
        """The most frequent stacks sampled between start and end, with their counts."""
        from collections import Counter

        found = Counter(s for t, s in self.samples if start <= t <= end)
        return [[n, s] for s, n in found.most_common(top)]


class StallProbe:
    """A 1 ms PreciseTimer on the UI thread logging its ticks: the longest gap between two
    ticks (minus the 1 ms interval) is the longest time the UI thread could not react.
    With `stacks=True` a StackSampler says what the worst gaps were spent on."""

    def __init__(self, stacks: bool = False) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.ticks: list[float] = []
        self._timer = QTimer(interval=1, timerType=Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))
        self.sampler = StackSampler() if stacks else None

    def start(self) -> None:
        self.ticks = [time.perf_counter()]
        self._timer.start()
        if self.sampler is not None:
            self.sampler.start()

    def stop(self, t0: float | None = None) -> dict:
        """Longest gap, p99 gap, gaps over 100 ms and the 5 worst (ms, seconds after t0);
        with stacks, what the UI thread ran in each of those."""
        self._timer.stop()
        if self.sampler is not None:
            self.sampler.stop()
        self.ticks.append(time.perf_counter())
        t0 = self.ticks[0] if t0 is None else t0
        gaps = [(b - a, a) for a, b in zip(self.ticks, self.ticks[1:], strict=False)]
        worst = sorted(gaps, reverse=True)[:5]
        ordered = sorted(g for g, _a in gaps)
        p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))] if ordered else 0
        return {"stall_ms": round(max(0.0, (worst[0][0] if worst else 0) - 0.001) * 1000, 1),
                "p99_gap_ms": round(p99 * 1000, 2),
                "gaps_over_100ms": sum(1 for g, _a in gaps if g > 0.101),
                "worst_gaps_ms_at_s": [[round(g * 1000, 1), round(a - t0, 3)] for g, a in worst],
                **({"worst_gap_stacks": [self.sampler.during(a, a + g) for g, a in worst]}
                   if self.sampler is not None else {})}
