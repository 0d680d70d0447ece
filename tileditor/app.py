"""The application: the QApplication (icon, logs, crash reports), the window's start-up
(which repo and posts to open) and `build_window`, the one function the app, the tests and the
benchmarks use to get a ready main window."""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tileditor import APP_ID
from tileditor.qtenv import prepare_qt_environment

LOG = logging.getLogger("tileditor.app")


def data_dir() -> Path:
    """The user's data folder (recovery store, demo blog); TILEDITOR_DATA_DIR overrides it."""
    from tileditor import paths

    return paths.data_dir()


def app_icon():
    """The window icon from the shipped SVG and PNGs (the PNGs where SVG support is missing)."""
    from PySide6.QtGui import QIcon

    from tileditor.core.resources import resource_path

    icon = QIcon()
    for name in (f"{APP_ID}.svg", *(f"{APP_ID}-{n}.png" for n in (48, 128, 256))):
        path = resource_path("icons", name)
        if path.is_file():
            icon.addFile(str(path))
    return icon


# The preview renders on a worker thread in pure Python: each time the UI thread calls into Qt
# and comes back it waits for the GIL, up to one switch interval (5 ms by default), several
# times per keystroke. 0.5 ms shortens the longest typing stall in a 5,000-line post (bench
# `latency5000` stall; figures in bench/README.md) for a render a few percent slower.
SWITCH_INTERVAL_S = 0.0005


def _ensure_app():
    if sys.getswitchinterval() > SWITCH_INTERVAL_S:
        sys.setswitchinterval(SWITCH_INTERVAL_S)
    prepare_qt_environment(offscreen=os.environ.get("QT_QPA_PLATFORM") == "offscreen")
    import PySide6.QtWebEngineWidgets  # noqa: F401  (must precede the QApplication)
    from PySide6.QtWidgets import QApplication

    from tileditor.source_cache import drop_feature_check_sources

    drop_feature_check_sources()  # ~10 MiB of module sources PySide6 would keep
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("tileditor")
        app.setOrganizationName("tileditor")
        app.setDesktopFileName(APP_ID)
    if app.windowIcon().isNull():
        app.setWindowIcon(app_icon())
    from tileditor.services import gc_policy

    gc_policy.install(app)  # Qt objects in garbage cycles die on the UI thread, not a worker's
    return app


def clean_stale_preview_dirs(tmp: Path | None = None) -> list[Path]:
    """Remove `tileditor-preview-<pid>-*` folders whose process is gone (killed, crashed or
    ended without closing its window); a running instance's folder is left alone."""
    if os.name != "posix":  # os.kill(pid, 0) is a probe only on POSIX
        return []
    removed = []
    for d in Path(tmp or tempfile.gettempdir()).glob("tileditor-preview-*-*"):
        m = re.match(r"tileditor-preview-(\d+)-", d.name)
        if not m or not d.is_dir() or _alive(int(m.group(1))):
            continue
        shutil.rmtree(d, ignore_errors=True)
        removed.append(d)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: someone else's live process
        return True
    return True


def build_window(repo_path, post_path=None, *, settings_path=None, data_path=None, demo=False,
                 prompter=None):
    """Create the main window on `repo_path` (a Jekyll site folder) and optionally open
    `post_path`; returns the QMainWindow ready to show, without entering the event loop.
    `prompter` answers the window's questions (tests pass ui.dialogs.RecordingPrompter)."""
    _ensure_app()
    from tileditor.services.settings_store import SettingsStore
    from tileditor.ui.main_window import MainWindow

    store = SettingsStore(Path(settings_path) if settings_path else None)
    window = MainWindow(store, Path(data_path) if data_path else data_dir(), prompter=prompter)
    # The post opens with the repo: no other post is loaded and shown first.
    window.open_repo(Path(repo_path) if repo_path else None, demo=demo,
                     post=Path(post_path) if post_path else None)
    return window


def resolve_start(arg: str | None, settings, data: Path) -> tuple[Path, Path | None, bool]:
    """(repo, post, is_demo) to open: the argument, else the last repo and post, else the demo."""
    from tileditor.core.demo import install_demo_blog

    if arg:
        p = Path(arg).expanduser().resolve()
        if p.is_file():
            from tileditor.core.site import JekyllSite

            site = JekyllSite.find(p)
            return (site.root if site else p.parent), p, False
        return p, None, False
    if settings.last_repo and Path(settings.last_repo).is_dir():
        last_post = Path(settings.last_post) if settings.last_post else None
        return Path(settings.last_repo), last_post if last_post and last_post.is_file() else None, False
    return install_demo_blog(data), None, True


def _start_logging(verbose: bool) -> None:
    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    from tileditor import __version__, paths
    from tileditor.logging_setup import install_excepthook, setup_logging

    log = setup_logging(paths.log_path(), verbose)
    install_excepthook(_show_crash_report)
    LOG.info("tileditor %s starting (Qt %s, PySide6 %s, Python %s), log %s",
             __version__, qVersion(), pyside, sys.version.split()[0], log)
    for d in clean_stale_preview_dirs():
        LOG.info("removed stale preview folder %s", d)


def _show_crash_report(summary: str, log_path) -> None:
    # Imported when a crash happens, not at start: the dialog module's Qt classes (message
    # boxes, their enums) cost ~20 ms before the first frame for a window that rarely shows.
    from tileditor.ui.about_dialog import show_crash_report

    show_crash_report(summary, log_path)


def _open_in_own_windows(extra: list[str], args) -> None:
    """Each further path (several files from a file manager, `Exec=tileditor %F`) opens in a
    window of its own process: windows stay independent, like separate launches."""
    base = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "tileditor"]
    flags = [f for f, on in (("--verbose", args.verbose), ("--quit-after-render", args.quit_after_render)) if on]
    for path in extra:
        LOG.info("opening %s in a new window", path)
        subprocess.Popen([*base, *flags, path], stdin=subprocess.DEVNULL, start_new_session=True)


# Pure-Python modules the window imports before its first frame anyway. PySide6's import hook
# reads the source of every module imported after PySide6 (shibokensupport's feature check,
# inspect.getsource): imported first, ~140 fewer modules are read, ~25 ms less CPU at start.
# (core.health and core.post_moves are imported on demand, after the first frame.)
_BEFORE_QT = ("tileditor.core.site", "tileditor.core.document", "tileditor.core.recovery",
              "tileditor.core.frontmatter", "tileditor.core.images", "tileditor.core.page",
              "tileditor.core.outline", "tileditor.core.post", "tileditor.core.lexicon",
              "tileditor.core.spelling", "tileditor.core.git_repo", "tileditor.core.search",
              "watchdog.observers")


def _import_before_qt() -> None:
    import importlib

    if "PySide6.QtCore" in sys.modules:
        return  # too late to help (tests, a second window)
    for name in _BEFORE_QT:
        importlib.import_module(name)


def main(argv: list[str] | None = None) -> int:
    from tileditor.cli import window_parser

    args = window_parser().parse_args(argv)
    _import_before_qt()
    app = _ensure_app()
    _start_logging(args.verbose)
    from tileditor.services.settings_store import SettingsStore

    data = data_dir()
    settings = SettingsStore().load()
    first, extra = (args.paths[0], args.paths[1:]) if args.paths else (None, [])
    try:
        repo, post, demo = resolve_start(first, settings, data)
    except OSError as exc:
        print(f"tileditor: {exc}", file=sys.stderr)
        return 1
    window = build_window(repo, post, data_path=data, demo=demo)
    window.show()
    _open_in_own_windows(extra, args)
    if args.quit_after_render:
        _quit_after_first_render(app, window)
    else:
        window.offer_recovery()
    code = app.exec()
    LOG.info("tileditor exits with %s", code)
    return code


def _quit_after_first_render(app, window) -> None:
    import time

    started = time.perf_counter()

    def done():
        doc = window.session.document
        print(f"rendered {doc.path} in {time.perf_counter() - started:.3f}s", flush=True)
        print(f"status: {window.statusBar().currentMessage()}", flush=True)
        window.shutdown()
        app.quit()

    window.preview.rendered.connect(done)
