"""Typing benchmarks in the real window: keystroke-to-`rendered` latency in the middle of a
generated post, the longest UI-thread stall during a 100-keystroke burst, and, in the same
process, direct timings of the app's render() and of a plain Python-Markdown render. Spell
checking is set explicitly (off for latency300/latency5000, on for the *_spell rows); the
typed "lorem ipsum" words are all flagged, so the checker does real work per key."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import gen
import qtharness as qh

TYPED = "lorem ipsum dolor sit amet "
POST_NAME = "2025-04-22-TIL25_Bench.md"


def run(lines: int, quick: bool = False, spelling: bool = False) -> dict:
    """Everything measured on one post of `lines` lines, in this (fresh) process."""
    qh.init_qt()
    text = gen.make_post(lines)
    with tempfile.TemporaryDirectory(prefix="tileditor-bench-") as tmp:
        tmp = Path(tmp)
        repo = gen.make_small_repo(tmp / "blog", {POST_NAME: text})
        post = repo / "_posts" / "2025" / POST_NAME
        window, probe = qh.open_window(repo, post, tmp)
        try:
            spell = set_spelling(window, spelling)
            qh.middle_cursor(window, text)
            spell["block_highlight_us"] = block_highlight(window, 50 if quick else 300)
            qh.spin(500)
            presses = (10 if quick else 30) if lines > 1000 else (20 if quick else 60)
            latency = keystroke_latency(window, probe, presses)
            qh.spin(500)
            stall = typing_stall(window, probe, 30 if quick else 100)
            qh.spin(300)
            direct = direct_renders(window.session.document.text, window.site, post,
                                    3 if quick else 10)
        finally:
            window.shutdown()
    out = {"lines": lines, "chars": len(text), "spelling": spelling, "latency": latency,
           "stall": stall, **spell, **direct}
    median = latency["summary"].get("median_ms")
    if median:
        out["ratio_markdown_over_keystroke"] = round(direct["markdown"]["median_ms"] / median, 2)
        out["ratio_render_over_keystroke"] = round(direct["render"]["median_ms"] / median, 2)
    return out


def set_spelling(window, on: bool, timeout_s: float = 30.0) -> dict:
    """Turn spell checking on or off, wait until the dictionaries are loaded and the sliced
    repaint is done, and time one synchronous re-highlight of the whole document."""
    flow = window.spelling
    window.actions_.spell_check.setChecked(on)
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout_s and (
            flow.repainter.busy() or flow._loader.busy() or (on and flow.checker.pending())):
        qh.spin(20)
    ready_s = time.perf_counter() - t0
    editor = window.editor
    editor._repainting = True  # a repaint, not an edit (as EditorPane.rehighlight_block)
    try:
        t1 = time.perf_counter()
        editor.highlighter.rehighlight()
        full_ms = (time.perf_counter() - t1) * 1000
    finally:
        editor._repainting = False
    qh.spin(200)
    return {"spelling_ready_s": round(ready_s, 3), "full_highlight_ms": round(full_ms, 1),
            "spelling_problems": flow.checker.problems()}


def block_highlight(window, repeats: int) -> float:
    """Median microseconds to re-highlight the block the typing goes into (a long paragraph
    line): the highlighter's share of each keystroke, without the load-sensitive rest."""
    editor = window.editor
    block = editor.textCursor().block()
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        editor.rehighlight_block(block)
        samples.append(time.perf_counter() - t0)
    return round(statistics.median(samples) * 1e6, 1)


def keystroke_latency(window, probe, presses: int, pace_ms: float = 150.0,
                      timeout_s: float = 20.0) -> dict:
    """t0 right before the key click, t1 when `rendered` fires for that edit. The next key
    goes out `pace_ms` after the previous one (a brisk typist), or at once if rendering took
    longer, so the UI's own timers (header sync, word count) run between keys as they would."""
    from PySide6.QtTest import QTest

    editor, renderer = window.editor, window.renderer
    samples, after, to_result, timeouts = [], [], [], 0
    for i in range(presses):
        probe.arm(renderer.generation + 1)
        t0 = time.perf_counter()
        QTest.keyClicks(editor, TYPED[i % len(TYPED)])
        t1 = probe.wait(timeout_s)
        if t1 is None:
            timeouts += 1
        else:
            samples.append(t1 - t0)
            if probe.t_slots_done is not None:
                after.append(probe.t_slots_done - t0)
            if probe.t_finished is not None:
                to_result.append(probe.t_finished - t0)
        qh.spin(pace_ms - (time.perf_counter() - t0) * 1000)
    return {"samples_ms": [round(s * 1000, 3) for s in samples], "timeouts": timeouts,
            "pace_ms": pace_ms, "summary": qh.summary(samples),
            # Until the window's own slots on `rendered` (image panel refresh) have run too.
            "after_rendered_slots_ms": [round(s * 1000, 3) for s in after],
            "after_rendered_slots": qh.summary(after),
            # Until the worker's result reached the UI thread (the rest is the page patch).
            "to_render_result_ms": [round(s * 1000, 3) for s in to_result],
            "to_render_result": qh.summary(to_result)}


def typing_stall(window, probe, keys: int, key_ms: int = 30) -> dict:
    """A 1 ms PreciseTimer on the UI thread logs its ticks while `keys` keystrokes go out
    every `key_ms` ms from another timer; the longest gap minus 1 ms is the stall."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest

    ticks: list[float] = []
    tick = QTimer(interval=1, timerType=Qt.TimerType.PreciseTimer)
    tick.timeout.connect(lambda: ticks.append(time.perf_counter()))
    sender = QTimer(interval=key_ms, timerType=Qt.TimerType.PreciseTimer)
    sent = [0]
    loop = QEventLoop()

    def send() -> None:
        if sent[0] >= keys:
            sender.stop()
            probe.arm(window.renderer.generation)
            if probe.t_rendered is not None:
                loop.quit()
            probe._loop = loop  # quit once the last edit is on screen
            return
        QTest.keyClicks(window.editor, TYPED[sent[0] % len(TYPED)])
        sent[0] += 1

    sender.timeout.connect(send)
    guard = QTimer(singleShot=True, interval=120_000)
    guard.timeout.connect(loop.quit)
    tick.start()
    sender.start()
    guard.start()
    t_start = time.perf_counter()
    loop.exec()
    t_end = time.perf_counter()
    tick.stop()
    guard.stop()
    probe._loop = None
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    longest = max(gaps) if gaps else t_end - t_start
    worst = sorted(range(len(gaps)), key=gaps.__getitem__, reverse=True)[:10]
    return {
        "keys": keys, "key_interval_ms": key_ms, "ticks": len(ticks),
        "burst_ms": round((t_end - t_start) * 1000, 1),
        "last_edit_on_screen": probe.t_rendered is not None,
        "stall_ms": round(max(0.0, longest - 0.001) * 1000, 2),
        "p99_gap_ms": round(_pct(gaps, 0.99) * 1000, 2) if gaps else None,
        "median_gap_ms": round(statistics.median(gaps) * 1000, 3) if gaps else None,
        "gaps_over_16ms": sum(1 for g in gaps if g > 0.017),
        "worst_gaps_ms": [round(gaps[i] * 1000, 2) for i in worst],
    }


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(q * (len(s) - 1)))]


def direct_renders(text: str, site, post: Path, repeats: int) -> dict:
    """The app's render() and a plain Python-Markdown render of the same text, on this
    thread while the window idles: the yardsticks for the keystroke figures."""
    import markdown

    from tileditor.core.frontmatter import split_front_matter
    from tileditor.core.render import render

    span = split_front_matter(text)
    body = text[span.body_start:] if span else text
    timings: dict[str, list[float]] = {"render": [], "markdown": []}
    render(text, site, post)  # warm the per-thread Markdown instance, as the worker's is
    for _ in range(repeats):
        t0 = time.perf_counter()
        render(text, site, post)
        timings["render"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        markdown.markdown(body, extensions=["extra", "toc", "codehilite"])
        timings["markdown"].append(time.perf_counter() - t0)
    return {name: {"samples_ms": [round(s * 1000, 3) for s in vals], **qh.summary(vals)}
            for name, vals in timings.items()}
