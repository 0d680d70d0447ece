"""Shared fixtures: offscreen Qt set up before any QApplication, the shared corpus, temporary repos."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tileditor.qtenv import prepare_qt_environment

prepare_qt_environment(offscreen=True)
os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"

try:  # QtWebEngine must be imported before the QApplication is created.
    import PySide6.QtWebEngineWidgets  # noqa: F401
except ImportError:  # pragma: no cover - core tests still run without Qt
    pass

try:  # CI runs the same property-test examples every time; local runs keep exploring.
    from hypothesis import settings as _hyp_settings

    _hyp_settings.register_profile("ci", derandomize=True, print_blob=True)
    if os.environ.get("CI"):
        _hyp_settings.load_profile("ci")
except ImportError:  # pragma: no cover
    pass

# Window-test fixtures (post, prompter, window) live beside the helpers they use.
pytest_plugins = ["tests.helpers.window_fixtures"]

from tests.helpers import leaks  # noqa: E402
from tests.helpers.corpus import corpus_dir  # noqa: E402


@pytest.fixture
def corpus():
    base = corpus_dir()
    if base is None:
        pytest.skip("../shared/corpus is absent")
    return base


@pytest.fixture
def tmp_site(tmp_path) -> Path:
    """A small real Jekyll repo (git-initialised) in a temporary folder."""
    site = tmp_path / "blog"
    (site / "_posts" / "2025").mkdir(parents=True)
    (site / "images" / "2025-04-22-TIL25_ANewChapter").mkdir(parents=True)
    (site / "_config.yml").write_text(
        "title: Test TIL\nurl: https://example.github.io\nbaseurl: \"\"\n"
        "permalink: /:categories/:title/\nwords_per_minute: 200\n"
        "markdown: kramdown\nkramdown:\n  input: GFM\n",
        encoding="utf-8",
    )
    (site / "_posts" / "2025" / "2025-04-22-TIL25_ANewChapter.md").write_text(
        "---\ntitle: \"TIL :: A new chapter\"\ntag: [Notice, MLOpsReview, TIL_25]\n"
        "categories: Notice\nread_time: True\ntoc: true \ntypora-root-url: ../\n---\n\n"
        "# Start\n\n<center><img src=\"../../images/2025-04-22-TIL25_ANewChapter/shot.png\" width=\"85%\">"
        "<br><br><I>caption</I></center>\n\nSome text  \nwith a break",
        encoding="utf-8",
    )
    (site / "images" / "2025-04-22-TIL25_ANewChapter" / "shot.png").write_bytes(_tiny_png())
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q", str(site)], check=False)
    return site


@pytest.fixture(scope="session")
def checkout_repo(tmp_path_factory) -> Path:
    """A git repo of 5,000 posts on two branches differing in every post (checkout_support)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    from checkout_support import make_branches

    return make_branches(tmp_path_factory.mktemp("checkout") / "blog")


def _tiny_png() -> bytes:
    import base64

    return base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    )


@pytest.fixture
def tiny_png() -> bytes:
    return _tiny_png()


@pytest.fixture(scope="session", autouse=True)
def _delete_qt_widgets_before_exit():
    """QtWebEngine crashes at interpreter exit when a page outlives its profile: delete every
    remaining widget (and so every page) while the QApplication is still alive."""
    yield
    try:
        from PySide6.QtCore import QCoreApplication, QEvent
        from PySide6.QtWidgets import QApplication
    except ImportError:  # pragma: no cover
        return
    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        # No close(): a window with unsaved text would ask, and nobody is there to answer.
        widget.deleteLater()
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
    import gc

    gc.collect()


leaks.install()


@pytest.fixture(autouse=True)
def _no_leftover_threads_or_timers(request):
    """Fails a test that leaves a QThread, an active QTimer or a Python thread (a watchdog
    observer, a worker) running after its own teardown."""
    before = leaks.Snapshot()
    yield
    if request.node.get_closest_marker("leaves_threads"):
        return
    left = before.leaks()
    if left:
        pytest.fail("left running after the test: " + "; ".join(left), pytrace=False)
