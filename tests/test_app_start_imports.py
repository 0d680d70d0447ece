"""What a real start imports before its first preview (a subprocess, so nothing this test run
loaded counts): not the crash report's dialog module, not importlib.metadata (Python-Markdown
looked its extensions up by name through it), not the repo check's or the moves' core; and
the window's pure-Python core before Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = r"""
import json, sys
import tileditor.app as app

seen = {}
ensure = app._ensure_app

def ensure_app():
    seen["core_before_qt"] = [m for m in app._BEFORE_QT if m in sys.modules]
    return ensure()

app._ensure_app = ensure_app
quit_after = app._quit_after_first_render

def on_shown(qapp, window):
    def rendered():
        seen["modules"] = sorted(sys.modules)
        print("PROBE " + json.dumps(seen), flush=True)
    window.preview.rendered.connect(rendered)
    quit_after(qapp, window)

app._quit_after_first_render = on_shown
sys.exit(app.main(sys.argv[1:]))
"""


def test_first_preview_imports(tmp_site, tmp_path):
    post = next((tmp_site / "_posts").rglob("*.md"))
    env = dict(os.environ, TILEDITOR_DATA_DIR=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "cfg"), XDG_STATE_HOME=str(tmp_path / "state"),
               QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1")
    proc = subprocess.run([sys.executable, "-c", PROBE, "--quit-after-render", str(post)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    line = next(x for x in proc.stdout.splitlines() if x.startswith("PROBE "))
    seen = json.loads(line[len("PROBE "):])
    import tileditor.app as app

    assert seen["core_before_qt"] == list(app._BEFORE_QT)
    modules = set(seen["modules"])
    assert "tileditor.ui.main_window" in modules  # the probe saw a real start
    assert "tileditor.ui.about_dialog" not in modules
    assert "importlib.metadata" not in modules
    # The repo check and the post moves import their core packages when they run.
    assert "tileditor.core.health" not in modules
    assert "tileditor.core.post_moves" not in modules
