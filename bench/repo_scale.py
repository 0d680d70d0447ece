"""Big repos (issue 14 "Scale", issue 15 item 14): the real window opening a generated
20,000-post repo (first, again) and refreshing after 5,000 posts change on disk, with the
longest UI-thread stall of each; and the listing, tag index, post list and search at 2,000,
5,000 and 20,000 posts in one process, to show how each grows."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import gen
import qtharness as qh

COUNTS = (2000, 5000, 20000)
STACKS = "--stacks" in sys.argv  # say what the UI thread ran in each worst gap


def _wait(predicate, timeout_s: float) -> bool:
    deadline = time.perf_counter() + timeout_s
    while not predicate():
        if time.perf_counter() > deadline:
            return False
        qh.spin(5)
    return True


def _open_once(window, root: Path) -> dict:
    """open_repo with a stall probe running: when it returned (the UI is back), when the
    listing was in (post list, tag completions, newest post open) and when that post was on
    screen; the longest UI gap from the call until a second after that."""
    probe, render = qh.StallProbe(stacks=STACKS), qh.RenderProbe(window)
    loaded: list[float] = []
    cpu: list[float] = []  # the UI thread's own CPU time when the listing was in

    def on_loaded() -> None:
        loaded.append(time.perf_counter())
        cpu.append(time.thread_time())

    window.repo.index_loaded.connect(on_loaded)
    probe.start()
    qh.spin(100)
    t0, c0 = time.perf_counter(), time.thread_time()
    window.open_repo(root)
    t_returned, c_returned = time.perf_counter(), time.thread_time()
    if not window.repo.loading and not loaded:
        loaded.append(t_returned)
        cpu.append(c_returned)
    ok = _wait(lambda: bool(loaded), 120)
    render.arm(window.renderer.generation)
    t_shown = render.wait(60)
    qh.spin(1000)
    stall = probe.stop(t0)
    window.repo.index_loaded.disconnect(on_loaded)
    return {"returned_s": round(t_returned - t0, 3),
            "listed_s": round(loaded[0] - t0, 3) if ok else None,
            "first_post_rendered_s": None if t_shown is None else round(t_shown - t0, 3),
            "rows": window.browser.list_widget().count(),
            "ui_cpu_returned_s": round(c_returned - c0, 3),
            "ui_cpu_s": round(cpu[0] - c0, 3) if cpu else None,
            "rescans": _rescans(window), **stall}


def _rescans(window) -> int | None:
    """The watcher's rescans so far (a flood of events it could not keep up with)."""
    watcher = getattr(window.disk, "watcher", None)
    return getattr(watcher, "rescans", None)


_REWRITE = """
import sys
from pathlib import Path
posts = sorted(Path(sys.argv[1]).rglob('*.md'))[: int(sys.argv[2])]
for p in posts:
    p.write_text(p.read_text(encoding='utf-8').replace('TIL ::', 'Changed ::', 1), encoding='utf-8')
"""


def _burst(window, root: Path, files: int) -> dict:
    """Another process rewrites `files` posts (as a checkout would); the window's watcher
    picks it up and the listing follows. Stall from the first write until a second after."""
    probe = qh.StallProbe(stacks=STACKS)
    loaded: list[float] = []
    window.repo.index_loaded.connect(lambda: loaded.append(time.perf_counter()))
    probe.start()
    t0, c0 = time.perf_counter(), time.thread_time()
    proc = subprocess.Popen([sys.executable, "-c", _REWRITE, str(root / "_posts"), str(files)])
    _wait(lambda: proc.poll() is not None, 300)
    t_written = time.perf_counter()

    seen: list = [None, False]  # the rows last counted, and whether all were in them

    def changed_listed() -> bool:
        # Counted once per new list, not every 5 ms: walking 20,000 rows that often was
        # most of the UI thread's time (and stalls) this figure measured.
        rows = window.browser.rows()
        if rows is not seen[0]:
            seen[:] = [rows, sum(1 for h in rows.haystacks() if h.startswith("changed"))
                       >= files]
        return seen[1]

    ok = _wait(changed_listed, 120)
    t_listed, c_listed = time.perf_counter(), time.thread_time()
    qh.spin(1000)
    stall = probe.stop(t0)
    return {"files": files, "write_s": round(t_written - t0, 3),
            "listed_after_writes_s": round(t_listed - t_written, 3) if ok else None,
            "ui_cpu_s": round(c_listed - c0, 3), "rescans": _rescans(window), **stall}


def run_window(count: int = 20000, quick: bool = False) -> dict:
    """The real window on a generated `count`-post repo, in a fresh process."""
    qh.init_qt()
    from tileditor.app import build_window

    with tempfile.TemporaryDirectory(prefix="tileditor-bench-big-") as tmp:
        tmp = Path(tmp)
        t = time.perf_counter()
        root = gen.make_big_repo(tmp / "blog", count)
        generated = time.perf_counter() - t
        empty = gen.make_small_repo(tmp / "empty", {})

        def new_window():
            w = build_window(empty, settings_path=tmp / "settings.ini", data_path=tmp / "data")
            w.show()
            qh.spin(1500)
            return w

        window = new_window()
        try:
            first = _open_once(window, root)
            qh.spin(500)
            again = _open_once(window, root)
            qh.spin(500)
            burst = _burst(window, root, 500 if quick else 5000)
        finally:
            window.shutdown()
        # A new window (as the next start of the app) lists from what the data folder kept.
        window = new_window()
        try:
            kept = _open_once(window, root)
        finally:
            window.shutdown()
    return {"posts": count, "generate_s": round(generated, 1), "first": first, "again": again,
            "burst": burst, "kept": kept, "open_kept_s": kept["listed_s"],
            # The figures of the table (time until the list, tags and newest post are in):
            "open_first_s": first["listed_s"], "open_again_s": again["listed_s"],
            "stall_open_ms": max(first["stall_ms"], again["stall_ms"], kept["stall_ms"]),
            "stall_burst_ms": burst["stall_ms"], "burst_listed_s": burst["listed_after_writes_s"],
            # The UI thread's own CPU (time.thread_time()) for each: what load does not inflate.
            "ui_cpu_first_s": first["ui_cpu_s"], "ui_cpu_again_s": again["ui_cpu_s"],
            "ui_cpu_kept_s": kept["ui_cpu_s"], "ui_cpu_burst_s": burst["ui_cpu_s"]}


def _timed(fn, repeat: int = 1):
    samples, value = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        value = fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples), value


def _scaling_one(count: int, tmp: Path, repeat: int) -> dict:
    from tileditor.core.search import SearchQuery, TextCache, search_files
    from tileditor.core.site import JekyllSite, PostScanner, TagIndex
    from tileditor.ui.post_browser import PostBrowserPanel
    from tileditor.ui.post_rows import PostRows

    root = gen.make_big_repo(tmp / f"blog{count}", count)
    site, scanner = JekyllSite(root), PostScanner()
    t_first, snapshot = _timed(lambda: scanner.scan(site))  # headers read and parsed
    t_again, _ = _timed(lambda: scanner.scan(site), repeat)  # every file stat-ed, none read
    entries = snapshot.posts + snapshot.drafts
    t_tags, _ = _timed(lambda: TagIndex.from_entries(snapshot.posts), repeat)
    t_rows, rows = _timed(lambda: PostRows.build(entries), repeat)
    panel = PostBrowserPanel()
    panel.resize(320, 700)
    panel.show()
    t_set, _ = _timed(lambda: (panel.set_posts(rows), qh.spin(0)), repeat)
    t_filter, _ = _timed(lambda: (panel.set_filter_text("kernel til"), qh.spin(0),
                                  panel.set_filter_text("")), repeat)
    paths = [e.path for e in entries]
    cache = TextCache()
    t_search_first, hits = _timed(lambda: sum(1 for _ in search_files(paths, SearchQuery("kernel"), cache)))
    t_search_again, _ = _timed(lambda: sum(1 for _ in search_files(paths, SearchQuery("gradient"), cache)),
                               repeat)
    panel.deleteLater()
    ms = lambda s: round(s * 1000, 2)  # noqa: E731
    return {"posts": count, "scan_first_ms": ms(t_first), "scan_again_ms": ms(t_again),
            "tag_index_ms": ms(t_tags), "post_rows_ms": ms(t_rows), "post_list_set_ms": ms(t_set),
            "post_filter_ms": ms(t_filter), "search_first_ms": ms(t_search_first),
            "search_again_ms": ms(t_search_again), "search_hits": hits}


def run_scaling(counts=COUNTS, quick: bool = False) -> dict:
    """Each figure at every size, in this one process (so the sizes share the warm-up)."""
    from PySide6.QtWidgets import QApplication

    qh.init_qt()
    _app = QApplication.instance() or QApplication([])
    out = {"counts": list(counts), "sizes": []}
    with tempfile.TemporaryDirectory(prefix="tileditor-bench-scale-") as tmp:
        for count in counts:
            out["sizes"].append(_scaling_one(count, Path(tmp), 1 if quick else 3))
    small, big = out["sizes"][0], out["sizes"][-1]
    factor = big["posts"] / small["posts"]
    # Time at the largest size over time at the smallest, per unit of size: 1.0 is linear.
    out["growth_per_post"] = {k: round((big[k] / small[k]) / factor, 2)
                              for k in small if k.endswith("_ms") and small[k] > 0}
    return out


def _gen_big_post(path: Path, megabytes: int) -> int:
    """A post of about `megabytes` MB made of the generated TIL sections."""
    lines = megabytes * 1_000_000 // 62
    text = gen.make_post(lines, seed=3)
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def run_big_post(megabytes: int = 20, quick: bool = False) -> dict:
    """Typing in a 20 MB post (its preview is off above 2 MB and says so): keystroke until
    `rendered` for that edit, and the longest stall during a burst of keys."""
    import latency

    qh.init_qt()
    with tempfile.TemporaryDirectory(prefix="tileditor-bench-20mb-") as tmp:
        tmp = Path(tmp)
        repo = gen.make_small_repo(tmp / "blog", {})
        post = repo / "_posts" / "2025" / "2025-04-22-TIL25_Huge.md"
        size = _gen_big_post(post, megabytes)
        t0 = time.perf_counter()
        window, probe = qh.open_window(repo, post, tmp, timeout_s=300)
        opened = time.perf_counter() - t0
        try:
            qh.middle_cursor(window, window.session.document.text)
            qh.spin(1000)
            lat = latency.keystroke_latency(window, probe, 10 if quick else 30, timeout_s=60)
            qh.spin(500)
            stall = latency.typing_stall(window, probe, 20 if quick else 50, key_ms=50)
        finally:
            window.shutdown()
    return {"bytes": size, "open_s": round(opened, 2), "latency": lat, "stall": stall,
            "median_ms": lat["summary"].get("median_ms")}


if __name__ == "__main__":
    import json

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    which = sys.argv[1] if len(sys.argv) > 1 else "window"
    fn = {"window": run_window, "scaling": run_scaling, "bigpost": run_big_post}[which]
    count = next((int(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--posts=")), None)
    kwargs = {"count": count} if count and which == "window" else {}
    print(json.dumps(fn(quick="--quick" in sys.argv, **kwargs), indent=1))
    os._exit(0)
