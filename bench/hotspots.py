"""Where the time goes for the figures that miss: cProfile of the UI thread while typing in
the 5,000-line post, of the worker's render path, of a cold app start, of opening the
2,000-post repo and of an image drop. Prints the top functions; run on demand:

    uv run python bench/hotspots.py {typing,render,startup,repo,drop} [--top N]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

import gen  # noqa: E402
import qtharness as qh  # noqa: E402

POST_NAME = "2025-04-22-TIL25_Bench.md"


def _top(prof: cProfile.Profile, n: int, key: str) -> str:
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).strip_dirs().sort_stats(key).print_stats(n)
    return buf.getvalue()


def typing(n: int, lines: int = 5000) -> str:
    """UI-thread profile of 60 keys at 30 ms in the middle of a post of `lines` lines."""
    from latency import typing_stall

    qh.init_qt()
    text = gen.make_post(lines)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        repo = gen.make_small_repo(tmp / "blog", {POST_NAME: text})
        window, probe = qh.open_window(repo, repo / "_posts" / "2025" / POST_NAME, tmp)
        qh.middle_cursor(window, text)
        qh.spin(500)
        prof = cProfile.Profile()
        prof.enable()
        stall = typing_stall(window, probe, 60)
        prof.disable()
        window.shutdown()
    head = f"stall {stall['stall_ms']} ms, worst {stall['worst_gaps_ms'][:5]}\n"
    return head + _top(prof, n, "cumulative") + _top(prof, n, "tottime")


def render_path(n: int) -> str:
    """The renderer's work for one edit in the middle of the 5,000-line post, as the worker
    runs it (the service's own render function, so any incremental path is included)."""
    from tileditor.core.site import JekyllSite
    from tileditor.services import preview_renderer as pr

    text = gen.make_post(5000)
    with tempfile.TemporaryDirectory() as tmp:
        repo = gen.make_small_repo(Path(tmp) / "blog", {POST_NAME: text})
        site, post = JekyllSite(repo), repo / "_posts" / "2025" / POST_NAME
        # The service's own default render function (private; it changes as the app does).
        factory = getattr(pr, "_IncrementalRender", None)
        fn = factory() if factory else pr._default_render
        fn(text, site, post)
        line = gen.middle_paragraph_line(text)
        lines = text.split("\n")
        prof = cProfile.Profile()
        for _i in range(20):
            lines[line] += "x"
            edited = "\n".join(lines)
            prof.enable()
            fn(edited, site, post)
            prof.disable()
    return _top(prof, n, "cumulative")


def startup(n: int) -> str:
    text = gen.make_post(300)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        repo = gen.make_small_repo(tmp / "blog", {POST_NAME: text})
        out = tmp / "start.prof"
        env = {**__import__("startup")._env(tmp)}
        subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "tileditor",
                        "--quit-after-render", str(repo / "_posts" / "2025" / POST_NAME)],
                       env=env, cwd=ROOT, capture_output=True, timeout=120)
        buf = io.StringIO()
        pstats.Stats(str(out), stream=buf).strip_dirs().sort_stats("cumulative").print_stats(n)
    return buf.getvalue()


def repo(n: int) -> str:
    from tileditor.core.site import JekyllSite

    with tempfile.TemporaryDirectory() as tmp:
        root = gen.make_big_repo(Path(tmp) / "blog", 2000)
        prof = cProfile.Profile()
        prof.enable()
        site = JekyllSite(root)
        site.posts()
        site.tag_index()
        prof.disable()
    return _top(prof, n, "tottime")


def drop(n: int) -> str:
    import image_drop

    prof = cProfile.Profile()
    prof.enable()
    result = image_drop.run(quick=True)
    prof.disable()
    return f"drop samples {result['samples_ms']}\n" + _top(prof, n, "cumulative")


def main() -> int:
    jobs = {"typing": typing, "render": render_path, "startup": startup, "repo": repo,
            "drop": drop}
    p = argparse.ArgumentParser(description="profile one benchmark path")
    p.add_argument("what", choices=list(jobs))
    p.add_argument("--top", type=int, default=25)
    p.add_argument("--lines", type=int, default=5000, help="post length for `typing`")
    args = p.parse_args()
    if args.what == "typing":
        print(typing(args.top, args.lines))
    else:
        print(jobs[args.what](args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
