"""The application: argument handling, the QApplication, and `build_window`, the one function
the app, the tests and the benchmarks use to get a ready main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tileditor import APP_ID
from tileditor.qtenv import prepare_qt_environment


def data_dir() -> Path:
    """The user's data folder (recovery store, demo blog), overridable for tests."""
    env = os.environ.get("TILEDITOR_DATA_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "tileditor"


def _ensure_app():
    prepare_qt_environment(offscreen=os.environ.get("QT_QPA_PLATFORM") == "offscreen")
    import PySide6.QtWebEngineWidgets  # noqa: F401  (must precede the QApplication)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("tileditor")
        app.setOrganizationName("tileditor")
        app.setDesktopFileName(APP_ID)
    return app


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
    window.open_repo(Path(repo_path) if repo_path else None, demo=demo)
    if post_path:
        window.open_post(Path(post_path))
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


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="tileditor", description="Open the tileditor window.")
    parser.add_argument("path", nargs="?", help="a Jekyll repo folder or a post file")
    # For smoke tests and the cold-start benchmark: quit once the preview shows the post,
    # printing what it showed and the seconds since start.
    parser.add_argument("--quit-after-render", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    app = _ensure_app()
    from tileditor.services.settings_store import SettingsStore

    data = data_dir()
    settings = SettingsStore().load()
    try:
        repo, post, demo = resolve_start(args.path, settings, data)
    except OSError as exc:
        print(f"tileditor: {exc}", file=sys.stderr)
        return 1
    window = build_window(repo, post, data_path=data, demo=demo)
    window.show()
    if args.quit_after_render:
        _quit_after_first_render(app, window)
    else:
        window.offer_recovery()
    return app.exec()


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
