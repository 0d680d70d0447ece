"""The one benchmark command (issue 5): runs each measurement in its own fresh process, one
after another, prints the table and writes every raw sample to JSON. Not part of the tests.

    uv run python bench/run.py [--quick] [--only NAME,...] [--repeat N] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

CHILD_TIMEOUT_S = 1800
# name -> (module, function, kwargs); each runs in a fresh child process.
BENCHMARKS = {
    "latency300": ("latency", "run", {"lines": 300}),
    "latency5000": ("latency", "run", {"lines": 5000}),
    # The same typing rows with spell checking on (the two above have it off).
    "latency300_spell": ("latency", "run", {"lines": 300, "spelling": True}),
    "latency5000_spell": ("latency", "run", {"lines": 5000, "spelling": True}),
    "startup": ("startup", "run", {}),
    "repo": ("repo_open", "run_core", {}),
    "repo_window": ("repo_open", "run_window", {}),
    "memory": ("memory", "run", {}),
    "memory_bare": ("memory", "run_bare", {}),
    "image_drop": ("image_drop", "run", {}),
    "header_edit": ("header_edit", "run", {}),
    "fallback": ("fallback", "run", {}),
    "repo_window_20k": ("repo_scale", "run_window", {"count": 20000}),
    "repo_scaling": ("repo_scale", "run_scaling", {}),
    "latency_20mb": ("repo_scale", "run_big_post", {"megabytes": 20}),
}
# Run only when named in --only: opening a 20 MB post in the window takes longer than a
# child may run today (the editor highlights and scans it all on the UI thread).
ON_DEMAND = {"latency_20mb"}


def _child(name: str, out: Path, quick: bool) -> int:
    import faulthandler
    import importlib

    # A hung child prints where it hangs (into its stderr file) instead of blocking the run.
    faulthandler.dump_traceback_later(CHILD_TIMEOUT_S - 60, exit=True)
    module, func, kwargs = BENCHMARKS[name]
    result = getattr(importlib.import_module(module), func)(quick=quick, **kwargs)
    out.write_text(json.dumps(result), encoding="utf-8")
    os._exit(0)  # skip Qt/WebEngine teardown at exit, which can hang on offscreen


def _run_child(name: str, quick: bool) -> dict:
    with tempfile.TemporaryDirectory(prefix="tileditor-bench-run-") as tmp:
        out, err = Path(tmp) / "result.json", Path(tmp) / "stderr.txt"
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", name,
               "--child-out", str(out)] + (["--quick"] if quick else [])
        t0 = time.perf_counter()
        # Files, not pipes: QtWebEngine helper processes inherit the child's stdio and may
        # outlive it, and a pipe would then never reach end-of-file.
        with open(err, "wb") as err_fh:
            proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                  stderr=err_fh, cwd=ROOT, timeout=CHILD_TIMEOUT_S)
        took = round(time.perf_counter() - t0, 1)
        if proc.returncode == 0 and out.is_file():
            result = json.loads(out.read_text(encoding="utf-8"))
            result["wall_s"] = took
            return result
        tail = err.read_text(encoding="utf-8", errors="replace")[-3000:]
        return {"error": f"exit {proc.returncode}", "stderr_tail": tail, "wall_s": took}


def _meta(quick: bool) -> dict:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, cwd=ROOT).stdout.strip()
    try:
        import PySide6

        pyside = PySide6.__version__
    except ImportError:
        pyside = None
    return {"started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "commit": commit,
            "quick": quick, "python": platform.python_version(), "pyside6": pyside,
            "cpus": os.cpu_count(), "loadavg_start": list(os.getloadavg())}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="fewer samples (a smoke run)")
    p.add_argument("--only", default="", help="comma-separated: " + ",".join(BENCHMARKS))
    p.add_argument("--json", type=Path, default=HERE / "results.json")
    p.add_argument("--repeat", type=int, default=1,
                   help="run the whole set N times; the table shows medians over runs")
    p.add_argument("--child", help=argparse.SUPPRESS)
    p.add_argument("--child-out", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        return _child(args.child, args.child_out, args.quick)
    names = [n.strip() for n in args.only.split(",") if n.strip()] or [
        n for n in BENCHMARKS if n not in ON_DEMAND]
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        p.error(f"unknown benchmark(s): {', '.join(unknown)}")
    from report import combine, render_table, rows

    meta, runs = _meta(args.quick), []
    for i in range(max(1, args.repeat)):
        results = {}
        for name in names:
            print(f"run {i + 1}: {name} ...", file=sys.stderr, flush=True)
            results[name] = _run_child(name, args.quick)
            if "error" in results[name]:
                print(f"  {name} failed: {results[name]['stderr_tail'][-500:]}",
                      file=sys.stderr)
        runs.append(results)
    meta["loadavg_end"] = list(os.getloadavg())
    table = combine([rows(r) for r in runs])
    print(render_table(table))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    payload = {"meta": meta, "table": table,
               "results": runs[0] if len(runs) == 1 else runs}
    args.json.write_text(json.dumps(payload, indent=1), encoding="utf-8")
    print(f"raw samples: {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
