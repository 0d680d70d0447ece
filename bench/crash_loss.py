"""How much typing a SIGKILL loses (issue 15 item 11): the real app (tests/crash_driver.py)
types at the end of a generated post of SIZE MB, one key every PACE ms; after a random 3-9 s
of typing it is killed with SIGKILL, and the newest recovery snapshot on disk is compared with
the driver's timestamped keys. Lost seconds = kill time - time of the first key the snapshot
lacks (0 when it has them all). On demand, not in the test run:

    uv run python bench/crash_loss.py [--mb 20] [--trials 8] [--pace-ms 40] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DRIVER = ROOT / "tests" / "crash_driver.py"
TEXT = " ".join(f"w{i:04d}" for i in range(3000))


def make_site(folder: Path, mb: float) -> Path:
    site = folder / "blog"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: crash\n", encoding="utf-8")
    para = ("Some text of a paragraph with `code`, **bold** and a [link](https://e.org). " * 4).strip()
    lines, size, n = ["---", "title: Big", "---", ""], 0, 0
    while size < mb * 1_000_000:
        line = f"## Part {n}\n\n{para}\n" if n % 10 == 0 else para + "\n"
        lines.append(line)
        size += len(line) + 1
        n += 1
    (site / "_posts" / "2025-01-01-big.md").write_text("\n".join(lines), encoding="utf-8")
    return site


def _snapshot_text(data: Path) -> str | None:
    best = None
    for file in (data / "recovery").rglob("*.json"):
        try:
            record = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if best is None or record.get("saved_at", 0) > best.get("saved_at", 0):
            best = record
    return None if best is None else best["text"]


def trial(site: Path, work: Path, pace_ms: int, typing_s: float) -> dict:
    data = work / "data"
    shutil.rmtree(data, ignore_errors=True)
    env = dict(os.environ, TILEDITOR_DATA_DIR=str(data), XDG_CONFIG_HOME=str(work / "cfg"),
               QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1", PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, str(DRIVER), "type", str(site), "--pace-ms",
                             str(pace_ms), "--text", TEXT], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            start_new_session=True)
    ready, typed = None, []
    deadline = time.monotonic() + 300
    try:
        while time.monotonic() < deadline:
            if select.select([proc.stdout], [], [], 0.02)[0]:
                line = proc.stdout.readline().strip()
                if line.startswith("READY "):
                    ready = json.loads(line[6:])["text"]
                elif line.startswith("TYPED "):
                    _, count, stamp = line.split()
                    typed.append((int(count), float(stamp)))
            if proc.poll() is not None:
                raise RuntimeError("the app ended before the kill")
            if typed and time.monotonic() - typed[0][1] >= typing_s:
                break
        killed_at = time.monotonic()
        os.killpg(proc.pid, signal.SIGKILL)
        rest, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    for line in rest.splitlines():
        if line.startswith("TYPED "):
            _, count, stamp = line.split()
            typed.append((int(count), float(stamp)))
    snap = _snapshot_text(data)
    have = 0
    if snap is not None and ready is not None and snap.startswith(ready[:-200]):
        extra = snap[len(ready):]
        have = len(extra) if TEXT.startswith(extra) else 0
    missing = [t for n, t in typed if n > have]
    return {"typed": len(typed), "in_snapshot": have, "typing_s": round(typing_s, 2),
            "lost_s": round(max(0.0, killed_at - missing[0]) if missing else 0.0, 3),
            "keys_per_s": round(len(typed) / max(1e-9, typed[-1][1] - typed[0][1]), 1)
            if len(typed) > 1 else 0}


def run(mb: float = 20, trials: int = 8, pace_ms: int = 40, seed: int = 1, quick: bool = False) -> dict:
    rng = random.Random(seed)
    if quick:
        trials = min(trials, 3)
    with tempfile.TemporaryDirectory(prefix="tileditor-crash-") as tmp:
        site = make_site(Path(tmp), mb)
        rows = [trial(site, Path(tmp), pace_ms, rng.uniform(3, 9)) for _ in range(trials)]
    lost = [r["lost_s"] for r in rows]
    return {"mb": mb, "pace_ms": pace_ms, "trials": rows, "lost_median_s": statistics.median(lost),
            "lost_max_s": max(lost)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20)
    parser.add_argument("--trials", type=int, default=8)
    parser.add_argument("--pace-ms", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    result = run(args.mb, args.trials, args.pace_ms, args.seed)
    for row in result["trials"]:
        print(json.dumps(row))
    print(f"{args.mb:g} MB, {len(result['trials'])} kills: lost median {result['lost_median_s']:.2f} s, "
          f"max {result['lost_max_s']:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
