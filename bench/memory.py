"""Memory with the 5,000-line post open after 200 edits: PSS summed over this process and all
its descendants (QtWebEngineProcess renderer, zygote, GPU/utility), read from
/proc/<pid>/smaps_rollup. Linux only; meant to run in a fresh process."""

from __future__ import annotations

import gc
import os
import tempfile
import time
from pathlib import Path

import gen
import qtharness as qh

POST_NAME = "2025-04-22-TIL25_Bench.md"
TYPED = "memory edits "


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as fh:
                stat = fh.read()
        except OSError:
            continue
        # The command name may hold spaces and parentheses: fields start after the last ')'.
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def process_tree(pid: int) -> list[int]:
    tree, out, todo = _children(), [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += tree.get(p, [])
    return out


def rollup_kib(pid: int) -> dict[str, int]:
    """Rss, Pss and Uss (private clean + dirty) of `pid` in KiB; {} if it is gone."""
    fields: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="utf-8") as fh:
            for line in fh:
                key, _, rest = line.partition(":")
                if key in ("Rss", "Pss", "Private_Clean", "Private_Dirty"):
                    fields[key] = int(rest.split()[0])
    except OSError:
        return {}
    return {"rss": fields.get("Rss", 0), "pss": fields.get("Pss", 0),
            "uss": fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)}


def _name(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            args = fh.read().split(b"\0")
    except OSError:
        return "?"
    exe = os.path.basename(args[0].decode(errors="replace"))
    kind = next((a.decode() for a in args if a.startswith(b"--type=")), "")
    return f"{exe} {kind}".strip()


def measure_tree(pid: int) -> dict:
    """PSS (the target's measure) plus USS and RSS, summed over `pid` and its descendants.
    PSS splits shared library pages among every process mapping them, so it drops when other
    Qt processes run at the same time; USS does not depend on them."""
    rows = [(p, _name(p), rollup_kib(p)) for p in process_tree(pid)]

    def mib(kib: int) -> float:
        return round(kib / 1024, 1)

    return {"total_mib": mib(sum(r.get("pss", 0) for _, _, r in rows)),
            "uss_total_mib": mib(sum(r.get("uss", 0) for _, _, r in rows)),
            "rss_total_mib": mib(sum(r.get("rss", 0) for _, _, r in rows)),
            "processes": [{"pid": p, "name": n, **{f"{k}_mib": mib(v) for k, v in r.items()}}
                          for p, n, r in rows]}


def run(lines: int = 5000, edits: int = 200, quick: bool = False) -> dict:
    qh.init_qt()
    edits = 40 if quick else edits
    text = gen.make_post(lines)
    with tempfile.TemporaryDirectory(prefix="tileditor-bench-mem-") as tmp:
        tmp = Path(tmp)
        repo = gen.make_small_repo(tmp / "blog", {POST_NAME: text})
        window, probe = qh.open_window(repo, repo / "_posts" / "2025" / POST_NAME, tmp)
        try:
            qh.spin(500)
            before = measure_tree(os.getpid())
            qh.middle_cursor(window, text)
            t0 = time.perf_counter()
            shown = _edit(window, probe, edits)
            typing_s = time.perf_counter() - t0
            qh.spin(1000)  # let WebEngine settle (GC in the renderer, layout)
            gc.collect()
            after = measure_tree(os.getpid())
        finally:
            window.shutdown()
    return {"lines": lines, "edits": edits, "edits_shown_before_next": shown,
            "typing_s": round(typing_s, 1), "before_edits": before, "after_edits": after,
            "total_mib": after["total_mib"]}


def _edit(window, probe, edits: int, max_wait_ms: float = 100.0) -> int:
    """One key at a time; each waits until it is on screen or `max_wait_ms` passed (then the
    next edit coalesces with it). Returns how many were on screen before the next key."""
    from PySide6.QtTest import QTest

    shown = 0
    for i in range(edits):
        probe.arm(window.renderer.generation + 1)
        QTest.keyClicks(window.editor, TYPED[i % len(TYPED)])
        if probe.wait(max_wait_ms / 1000) is not None:
            shown += 1
    probe.arm(window.renderer.generation)
    probe.wait(30)
    return shown


def run_bare(lines: int = 5000, quick: bool = False) -> dict:
    """The yardstick: a bare QWebEngineView (no editor, no Python renderer state) showing the
    exported page of the same post, measured the same way."""
    qh.init_qt()
    from PySide6.QtCore import QEventLoop, QTimer, QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    from tileditor.core.page import page_meta, standalone_html
    from tileditor.core.render import render
    from tileditor.core.site import JekyllSite

    app = QApplication.instance() or QApplication([])
    text = gen.make_post(lines)
    with tempfile.TemporaryDirectory(prefix="tileditor-bench-mem-") as tmp:
        tmp = Path(tmp)
        repo = gen.make_small_repo(tmp / "blog", {POST_NAME: text})
        post, site = repo / "_posts" / "2025" / POST_NAME, JekyllSite(repo)
        result = render(text, site, post)
        page = tmp / "page.html"
        page.write_text(standalone_html(result.html, page_meta(result.front_matter, result.html,
                                                               site, post), result.toc_html),
                        encoding="utf-8")
        view = QWebEngineView()
        view.resize(700, 860)
        loop = QEventLoop()
        view.loadFinished.connect(lambda _ok: loop.quit())
        QTimer.singleShot(60_000, loop.quit)
        view.load(QUrl.fromLocalFile(str(page)))
        view.show()
        loop.exec()
        qh.spin(1500)
        gc.collect()
        measured = measure_tree(os.getpid())
        del view, app
    return {"lines": lines, "page_bytes": len(result.html), **measured}
