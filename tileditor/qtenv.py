"""Environment Qt and QtWebEngine need on these machines, set before any QApplication exists.
Imported by the app, the tests and the scripts; imports nothing from Qt itself."""

from __future__ import annotations

import os


def prepare_qt_environment(offscreen: bool = False) -> None:
    """Set the variables QtWebEngine needs; `offscreen` for tests, benchmarks and screenshots."""
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # As root, Chromium's sandbox refuses to start and takes the whole process down.
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if offscreen and "--disable-gpu" not in flags:
        flags = (flags + " --disable-gpu").strip()
    if "--js-flags" not in flags:
        # V8 collects and compiles for size: the preview page's renderer after 200 patches of a
        # 5,000-line post holds ~80 MiB less (bench `memory`, 3 runs each side by side: 531-545
        # MiB without, 459-465 with); keystroke-to-preview latency did not move beyond noise.
        flags = (flags + " --js-flags=--optimize-for-size").strip()
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = flags
    os.environ.setdefault("QT_LOGGING_RULES", "qt.webenginecontext.info=false")
