"""Opening a generated 2,000-post repo: JekyllSite.posts() + tag_index() in a fresh process
(first), again on the same object (cached headers) and on a new object (re-parse, warm
process); and the real window's open_repo (post list, tag completions, first post)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import gen
import qtharness as qh


def _timed(fn) -> tuple[float, object]:
    t0 = time.perf_counter()
    value = fn()
    return time.perf_counter() - t0, value


def run_core(count: int = 2000, quick: bool = False) -> dict:
    """Meant to run in a fresh process: the first figure includes nothing imported before."""
    with tempfile.TemporaryDirectory(prefix="tileditor-bench-repo-") as tmp:
        root = gen.make_big_repo(Path(tmp) / "blog", count)
        t_import, _ = _timed(lambda: __import__("tileditor.core.site"))
        from tileditor.core.site import JekyllSite

        def open_fresh():
            site = JekyllSite(root)
            return site, len(site.posts()), site.tag_index()

        t_first, (site, n_posts, index) = _timed(open_fresh)
        again = [_timed(lambda: (len(site.posts()), site.tag_index()))[0]
                 for _ in range(3 if quick else 5)]
        reopen = [_timed(open_fresh)[0] for _ in range(2 if quick else 3)]
    return {
        "posts": n_posts, "tags": len(index.tags), "categories": len(index.categories),
        "import_s": round(t_import, 3), "first_s": round(t_first, 3),
        "again_samples_s": [round(s, 4) for s in again],
        "again_s": round(sorted(again)[len(again) // 2], 4),
        "reopen_new_object_samples_s": [round(s, 4) for s in reopen],
        "reopen_new_object_s": round(sorted(reopen)[len(reopen) // 2], 4),
    }


def _open_listed(window, root) -> float:
    """open_repo until the list, the tag completions and the first post are in: at once
    when the listing arrives within its grace period, else when `repo.index_loaded` fires
    (the listing is made off the UI thread since issue 15 item 14)."""
    loaded = []

    def on_loaded() -> None:
        loaded.append(time.perf_counter())

    window.repo.index_loaded.connect(on_loaded)
    t0 = time.perf_counter()
    window.open_repo(root)
    done = time.perf_counter()
    if window.repo.loading:
        deadline = done + 60
        while not loaded and time.perf_counter() < deadline:
            qh.spin(2)
        done = loaded[0] if loaded else time.perf_counter()
    window.repo.index_loaded.disconnect(on_loaded)
    return done - t0


def run_window(count: int = 2000, quick: bool = False) -> dict:
    """The window's open_repo on the big repo, twice, in a fresh process; then how long until
    the first post shows in the preview."""
    qh.init_qt()
    from tileditor.app import build_window

    with tempfile.TemporaryDirectory(prefix="tileditor-bench-repo-") as tmp:
        tmp = Path(tmp)
        root = gen.make_big_repo(tmp / "blog", count)
        empty = gen.make_small_repo(tmp / "empty", {})
        window = build_window(empty, settings_path=tmp / "settings.ini", data_path=tmp / "data")
        window.show()
        qh.spin(1500)  # the empty repo's new-post page loads; we time only open_repo below
        try:
            probe = qh.RenderProbe(window)
            t_start = time.perf_counter()
            t_first = _open_listed(window, root)
            probe.arm(window.renderer.generation)
            shown = probe.wait(60)
            t_shown = None if shown is None else shown - t_start
            listed = window.browser.list_widget().count()
            qh.spin(300)
            t_again = _open_listed(window, root)
            qh.spin(1000)
        finally:
            window.shutdown()
    return {"open_repo_first_s": round(t_first, 3), "open_repo_again_s": round(t_again, 3),
            "first_post_rendered_after_open_s": None if t_shown is None else round(t_shown, 3),
            "browser_rows": listed}
