"""Cold start: `python -m tileditor --quit-after-render POST` from process start to its
"rendered" line, against bare_view.py showing the same post's exported HTML, runs interleaved
in fresh processes with fresh config and data folders. No Qt in this process."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import gen

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
POST_NAME = "2025-04-22-TIL25_Bench.md"


def _env(scratch: Path, pycache: Path | None = None) -> dict:
    env = dict(os.environ)
    if pycache is not None:
        # An installed app starts from compiled bytecode; a session that sets
        # PYTHONDONTWRITEBYTECODE would otherwise recompile every module on every start.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env.update({
        "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_DISABLE_SANDBOX": "1",
        "QTWEBENGINE_CHROMIUM_FLAGS": "--disable-gpu",
        "TILEDITOR_DATA_DIR": str(scratch / "data"), "XDG_CONFIG_HOME": str(scratch / "config"),
        "XDG_DATA_HOME": str(scratch / "share"), "PYTHONPATH": str(ROOT),
    })
    return env


def _time_until(cmd: list[str], marker: str, env: dict, timeout_s: float = 120.0) -> dict:
    """Seconds from just before the process starts to the first stdout line starting with
    `marker`; the process is then left to exit on its own (it quits by itself)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=env, cwd=ROOT)
    seen, line = None, ""
    try:
        for line in proc.stdout:
            if line.startswith(marker):
                seen = time.perf_counter() - t0
                break
        proc.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    return {"s": seen, "line": line.strip(), "rc": proc.returncode}


def run(quick: bool = False, lines: int = 300) -> dict:
    runs = 2 if quick else 5
    with tempfile.TemporaryDirectory(prefix="tileditor-bench-start-") as tmp:
        tmp = Path(tmp)
        repo = gen.make_small_repo(tmp / "blog", {POST_NAME: gen.make_post(lines)})
        post = repo / "_posts" / "2025" / POST_NAME
        html = tmp / "export.html"
        subprocess.run([sys.executable, "-m", "tileditor", "export", str(post), "-o", str(html)],
                       check=True, cwd=ROOT, env=_env(tmp), capture_output=True)
        app_cmd = [sys.executable, "-m", "tileditor", "--quit-after-render", str(post)]
        bare_cmd = [sys.executable, str(HERE / "bare_view.py"), str(html), str(repo)]
        export_bytes = html.stat().st_size
        app_runs, bare_runs = [], []
        # One throw-away pair warms the OS file cache and the bytecode cache for both, so
        # "cold" means a cold process, not a cold disk or a first-ever run, for both alike.
        for i in range(runs + 1):
            for name, cmd, marker, sink in (("app", app_cmd, "rendered ", app_runs),
                                            ("bare", bare_cmd, "loaded ", bare_runs)):
                scratch = tmp / f"{name}{i}"
                scratch.mkdir()
                result = _time_until(cmd, marker, _env(scratch, tmp / "pycache"))
                if i > 0:
                    sink.append(result)
    app_s = [r["s"] for r in app_runs if r["s"] is not None]
    bare_s = [r["s"] for r in bare_runs if r["s"] is not None]
    out = {"post_lines": lines, "runs": runs, "app_runs": app_runs, "bare_runs": bare_runs,
           "app_median_s": round(statistics.median(app_s), 3) if app_s else None,
           "bare_median_s": round(statistics.median(bare_s), 3) if bare_s else None,
           "export_bytes": export_bytes}
    if app_s and bare_s:
        out["ratio"] = round(out["app_median_s"] / out["bare_median_s"], 2)
    return out
