"""Starting the app: first run opens the built-in demo blog and says so; an argument opens a
repo or a post; the real `tileditor` entry point shows a rendered post in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tileditor.app import resolve_start
from tileditor.core.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def test_first_run_installs_and_opens_demo(tmp_path):
    repo, post, demo = resolve_start(None, Settings(), tmp_path)
    assert demo and post is None
    assert (repo / "_config.yml").is_file()
    assert list((repo / "_posts").rglob("*.md"))
    assert repo.is_relative_to(tmp_path)


def test_last_repo_and_post_are_reopened(tmp_site, tmp_path):
    post = next((tmp_site / "_posts").rglob("*.md"))
    s = Settings(last_repo=str(tmp_site), last_post=str(post))
    assert resolve_start(None, s, tmp_path) == (tmp_site, post, False)


def test_argument_post_opens_its_site(tmp_site, tmp_path):
    post = next((tmp_site / "_posts").rglob("*.md"))
    repo, opened, demo = resolve_start(str(post), Settings(), tmp_path)
    assert repo == tmp_site.resolve() and opened == post.resolve() and not demo


def test_entry_point_opens_demo_and_renders(tmp_path):
    env = dict(os.environ, TILEDITOR_DATA_DIR=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_STATE_HOME=str(tmp_path / "state"), QT_QPA_PLATFORM="offscreen",
               QTWEBENGINE_DISABLE_SANDBOX="1")
    proc = subprocess.run([sys.executable, "-m", "tileditor", "--quit-after-render"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "rendered " in proc.stdout
    shown = Path(proc.stdout.split("rendered ", 1)[1].split(" in ")[0])
    assert shown.is_file() and shown.is_relative_to(tmp_path / "data")
    assert "demo blog" in proc.stdout
    log = (tmp_path / "state" / "tileditor" / "tileditor.log").read_text(encoding="utf-8")
    assert "starting" in log and "exits with 0" in log


def test_data_state_and_cache_follow_xdg_and_overrides(monkeypatch, tmp_path):
    from tileditor import paths

    for var in ("TILEDITOR_DATA_DIR", "TILEDITOR_STATE_DIR", "TILEDITOR_CACHE_DIR"):
        monkeypatch.delenv(var, raising=False)
    for var, sub in (("XDG_DATA_HOME", "d"), ("XDG_STATE_HOME", "s"), ("XDG_CACHE_HOME", "c")):
        monkeypatch.setenv(var, str(tmp_path / sub))
    assert (paths.data_dir(), paths.state_dir(), paths.cache_dir()) == (
        tmp_path / "d" / "tileditor", tmp_path / "s" / "tileditor", tmp_path / "c" / "tileditor")
    assert paths.log_path() == tmp_path / "s" / "tileditor" / "tileditor.log"
    monkeypatch.setenv("TILEDITOR_DATA_DIR", str(tmp_path / "mine"))
    assert paths.data_dir() == tmp_path / "mine"


def test_the_app_hands_the_gil_to_the_ui_thread_often(qapp):
    # The preview thread renders in pure Python; the UI thread must not wait 5 ms for the GIL
    # each time it comes back from Qt (the typing stall of issue 14).
    from tileditor.app import SWITCH_INTERVAL_S, _ensure_app

    before = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)
        _ensure_app()
        assert sys.getswitchinterval() <= SWITCH_INTERVAL_S <= 0.001
    finally:
        sys.setswitchinterval(before)


def test_qt_environment_asks_v8_to_optimise_for_size(monkeypatch):
    # The preview's renderer holds ~80 MiB less after 200 patches (issue 14, memory); a user's
    # own --js-flags are left as they are.
    from tileditor.qtenv import prepare_qt_environment

    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--foo")
    prepare_qt_environment(offscreen=True)
    flags = os.environ["QTWEBENGINE_CHROMIUM_FLAGS"].split()
    assert flags == ["--foo", "--disable-gpu", "--js-flags=--optimize-for-size"]
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--js-flags=--max-old-space-size=64")
    prepare_qt_environment(offscreen=False)
    assert os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] == "--js-flags=--max-old-space-size=64"
