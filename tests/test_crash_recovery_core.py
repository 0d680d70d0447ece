"""kill -9 during typing: a child process edits a Document under an Autosaver (500 ms), the test
SIGKILLs it, and a fresh RecoveryStore must hold everything typed up to 1 s before the kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from tileditor.core.recovery import RecoveryStore, key_for

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from tileditor.core.document import Document
from tileditor.core.recovery import RecoveryStore, key_for
from tileditor.services.autosaver import Autosaver

post, store_dir, repo = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
app = QCoreApplication([])
doc = Document.load(post, root=repo)
saver = Autosaver(RecoveryStore(store_dir), interval_ms=500)
saver.track(doc, key_for(post, "crash"), lambda: {"repo": repo, "title": "crash test"})
count = 0

def type_a_line():
    global count
    doc.set_text(doc.text + f"typed line {count}\n")
    # Printed after the edit: the parent timestamps what the buffer already holds.
    print(f"{count} {time.time():.6f}", flush=True)
    count += 1

typing = QTimer()
typing.timeout.connect(type_a_line)
typing.start(40)
print("ready", flush=True)
app.exec()
"""


def _read_lines(stream, out: list[str]) -> None:
    for line in stream:
        out.append(line.strip())


def test_sigkill_loses_at_most_the_last_second(tmp_site, tmp_path):
    post = next((tmp_site / "_posts").rglob("*.md"))
    original = post.read_bytes()
    store_dir = tmp_path / "userdata" / "recovery"
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, str(script), str(post), str(store_dir), str(tmp_site)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )
    lines: list[str] = []
    reader = threading.Thread(target=_read_lines, args=(child.stdout, lines), daemon=True)
    reader.start()
    try:
        deadline = time.time() + 30
        while "ready" not in lines and time.time() < deadline and child.poll() is None:
            time.sleep(0.05)
        assert "ready" in lines, child.stderr.read() if child.poll() is not None else "timeout"
        time.sleep(3.0)
        kill_time = time.time()
        os.kill(child.pid, signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=10)
        reader.join(timeout=5)
    assert child.returncode == -signal.SIGKILL

    stamps = [line.split() for line in lines if line != "ready"]
    must_have = [int(n) for n, t in stamps if float(t) <= kill_time - 1.0]
    assert len(must_have) >= 20, f"the child typed too little before the cutoff: {len(must_have)}"

    entries = RecoveryStore(store_dir).entries()
    assert [e.key for e in entries] == [key_for(post, "crash")]
    recovered = entries[0]
    assert recovered.path == post and recovered.repo == tmp_site
    assert recovered.text.startswith(original.decode("utf-8"))
    for n in must_have:
        assert f"typed line {n}\n" in recovered.text, f"line {n} lost"
    saved = [float(t) for n, t in stamps if f"typed line {n}\n" in recovered.text]
    print(f"\nrecovered {len(saved)}/{len(stamps)} typed lines; newest recovered line typed "
          f"{kill_time - max(saved):.2f} s before the kill")
    assert "\n+typed line 5\n" in RecoveryStore(store_dir).diff(recovered)
    # The repo was never written: the post is exactly as before and no stray files appeared.
    assert post.read_bytes() == original
    assert not [p for p in tmp_site.rglob("*") if p.suffix in (".json", ".tmp")]
