"""The running app as a desktop citizen: window icon, Help > About with versions and paths, a
rotating log in the state folder, uncaught exceptions logged and reported without ending the
app, hard crashes in the log, stale preview folders of dead processes cleaned at start, and
several paths opening one window each."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tileditor import __version__
from tileditor.app import clean_stale_preview_dirs

ROOT = Path(__file__).resolve().parents[1]


def _env(tmp_path: Path, **extra) -> dict:
    return dict(os.environ, TILEDITOR_DATA_DIR=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
                XDG_STATE_HOME=str(tmp_path / "state"), QT_QPA_PLATFORM="offscreen",
                QTWEBENGINE_DISABLE_SANDBOX="1", **extra)


def test_window_has_the_app_icon(window):
    from PySide6.QtWidgets import QApplication

    icon = QApplication.windowIcon()
    assert not icon.isNull() and icon.pixmap(128, 128).width() == 128
    assert not window.windowIcon().isNull()


def test_about_dialog_shows_versions_licence_and_paths(window, qtbot, tmp_path):
    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QApplication, QDialog

    from tileditor.logging_setup import setup_logging

    log = tmp_path / "state" / "tileditor.log"
    setup_logging(log)
    try:
        window.findChild(type(window.actions_.about), "aboutAction").trigger()
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, QDialog) and w.objectName() == "aboutDialog")
        qtbot.waitUntil(dialog.isVisible)
        text = dialog.findChild(type(dialog.text), "aboutText").text()
        for needle in (__version__, qVersion(), pyside, sys.version.split()[0], "MIT",
                       str(window.data_dir), str(log)):
            assert needle in text, needle
        dialog.reject()
    finally:
        setup_logging(None)


def test_log_file_rotates_and_verbose_mirrors_to_stderr(tmp_path, capsys):
    from tileditor.logging_setup import setup_logging

    log = tmp_path / "state" / "tileditor.log"
    assert setup_logging(log, verbose=True) == log
    try:
        logger = logging.getLogger("tileditor.test")
        logger.info("hello %s", "log")
        assert "hello log" in capsys.readouterr().err
        for _ in range(1200):
            logger.info("x" * 1000)
        assert (tmp_path / "state" / "tileditor.log.1").is_file() and log.stat().st_size < 1_100_000
    finally:
        setup_logging(None)


def test_uncaught_exception_is_logged_and_reported_without_exit(tmp_path, qtbot):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from tileditor.logging_setup import install_excepthook, setup_logging
    from tileditor.ui.about_dialog import show_crash_report

    log = tmp_path / "tileditor.log"
    setup_logging(log)
    saved = sys.excepthook
    install_excepthook(show_crash_report)
    try:
        try:
            raise ValueError("boom in a slot")
        except ValueError:
            sys.excepthook(*sys.exc_info())
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.objectName() == "crashDialog")
        qtbot.waitUntil(box.isVisible)
        assert str(log) in box.text() and "boom in a slot" in box.text()
        sys.excepthook(ValueError, ValueError("second"), None)  # one report at a time
        assert sum(w.objectName() == "crashDialog" and w.isVisible()
                   for w in QApplication.topLevelWidgets()) == 1
        box.accept()
        text = log.read_text(encoding="utf-8")
        assert "Traceback" in text and "ValueError: boom in a slot" in text
    finally:
        sys.excepthook = saved
        setup_logging(None)


def test_hard_crash_lands_in_the_log(tmp_path):
    code = ("import faulthandler, pathlib, sys; from tileditor.logging_setup import setup_logging; "
            f"setup_logging(pathlib.Path({str(tmp_path / 'tileditor.log')!r})); faulthandler._sigsegv()")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert proc.returncode != 0
    assert "Fatal Python error: Segmentation fault" in (tmp_path / "tileditor.log").read_text(encoding="utf-8")


def test_stale_preview_folders_of_dead_processes_are_removed(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    stale = tmp_path / f"tileditor-preview-{dead}-abc"
    (stale / "sub").mkdir(parents=True)
    live = tmp_path / f"tileditor-preview-{os.getpid()}-def"
    live.mkdir()
    other = tmp_path / "tileditor-preview-notapid"
    other.mkdir()
    assert clean_stale_preview_dirs(tmp_path) == [stale]
    assert not stale.exists() and live.is_dir() and other.is_dir()


def test_preview_folder_names_its_process(window):
    name = Path(window.preview._tmpdir.name).name
    assert name.startswith(f"tileditor-preview-{os.getpid()}-")


@pytest.mark.slow
def test_killed_window_leaves_no_folder_after_next_start(tmp_path):
    """A window killed without closing leaves its folder; the next start removes it."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = _env(tmp_path, TMPDIR=str(tmp))
    killed = subprocess.Popen([sys.executable, "-m", "tileditor"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            if list(tmp.glob("tileditor-preview-*")):
                break
            subprocess.run(["sleep", "0.1"])
    finally:
        killed.kill()
        killed.wait()
    assert list(tmp.glob(f"tileditor-preview-{killed.pid}-*"))
    proc = subprocess.run([sys.executable, "-m", "tileditor", "--quit-after-render"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert list(tmp.glob("tileditor-preview-*")) == []
    log = (tmp_path / "state" / "tileditor" / "tileditor.log").read_text(encoding="utf-8")
    assert f"tileditor {__version__} starting" in log and "removed stale preview folder" in log


@pytest.mark.slow
def test_several_paths_open_one_window_each(tmp_site, tmp_path):
    first = next((tmp_site / "_posts").rglob("*.md"))
    second = first.with_name("2025-04-23-second.md")
    second.write_text("---\ntitle: Second\n---\n\nHello\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "tileditor", "--quit-after-render", str(first), str(second)],
                          cwd=ROOT, env=_env(tmp_path), capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    shown = sorted(line.split(" in ")[0][len("rendered "):] for line in proc.stdout.splitlines()
                   if line.startswith("rendered "))
    assert shown == sorted([str(first.resolve()), str(second.resolve())]), proc.stdout
