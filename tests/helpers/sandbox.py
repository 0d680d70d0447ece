"""What the preview sandbox tests share: a repo with symlinks leading out of it, a folder outside
it whose every file open is seen (inotify, through watchdog), a local web server for iframes,
recorders for the opener and for Qt's own hand-offs to the desktop (QDesktopServices handlers)."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QColor, QDesktopServices, QImage
from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

APP = "https://tileditor-app.invalid"
JS_TIMEOUT = 10000
# Schemes whose desktop hand-off is caught: whatever Qt itself would open lands here instead.
DESKTOP_SCHEMES = ("file", "http", "https", "mailto", "ssh", "vscode", "tel", "ftp", "irc",
                   "smb", "magnet", "steam", "x-terminal")


def write_png(path: Path, size: int, colour: str = "#3366aa") -> Path:
    img = QImage(size, size, QImage.Format.Format_RGB32)
    img.fill(QColor(colour))
    assert img.save(str(path)), path
    return path


@dataclass
class SandboxRepo:
    root: Path  # the repo, real path
    outside: Path  # a folder next to it holding what must never load
    alias: Path  # a symlink to the repo (the repo reached through a linked path)
    links: dict[str, str] = field(default_factory=dict)  # name -> file URL of an outside read


def make_sandbox_repo(base: Path) -> SandboxRepo:
    root, outside = base / "repo", base / "outside"
    (root / "images").mkdir(parents=True)
    (outside / "pics").mkdir(parents=True)
    write_png(root / "images" / "real.png", 11)
    write_png(outside / "x.png", 23, "#aa3333")
    write_png(outside / "pics" / "y.png", 29, "#33aa33")
    (outside / "secret.css").write_text("body { background: red }", encoding="utf-8")
    (outside / "page.html").write_text("<p>outside page</p>", encoding="utf-8")
    (root / "notes.html").write_text("<p>a repo page</p>", encoding="utf-8")
    (root / "images" / "link.png").symlink_to(outside / "x.png")
    (root / "images" / "linked").symlink_to(outside / "pics", target_is_directory=True)
    (root / "secret.css").symlink_to(outside / "secret.css")
    (root / "page.html").symlink_to(outside / "page.html")
    alias = base / "repo-alias"
    alias.symlink_to(root, target_is_directory=True)
    repo = SandboxRepo(root, outside, alias)
    repo.links = {
        "link.png": (root / "images" / "link.png").as_uri(),
        "linked/y.png": (root / "images" / "linked" / "y.png").as_uri(),
        "secret.css": (root / "secret.css").as_uri(),
        "page.html": (root / "page.html").as_uri(),
        "outside x.png": (outside / "x.png").as_uri(),
        "dotdot": root.as_uri() + "/images/../../outside/x.png",
    }
    return repo


class OpenWatch(FileSystemEventHandler):
    """Every open of a file under the watched folder, whoever opens it and through which path."""

    def __init__(self, folder: Path) -> None:
        self.opened: list[str] = []
        self._lock = threading.Lock()
        self._observer = Observer()
        self._observer.schedule(self, str(folder), recursive=True)
        self._observer.start()

    def on_opened(self, event) -> None:
        with self._lock:
            self.opened.append(event.src_path)

    def take(self) -> list[str]:
        with self._lock:
            seen, self.opened = self.opened, []
        return seen

    def stop(self) -> None:
        self._observer.stop()
        self._observer.join()


class DesktopRecorder(QObject):
    """Registered as QDesktopServices' handler for DESKTOP_SCHEMES while a test runs."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url.toString())

    def install(self) -> None:
        for scheme in DESKTOP_SCHEMES:
            QDesktopServices.setUrlHandler(scheme, self, "handle")

    def uninstall(self) -> None:
        for scheme in DESKTOP_SCHEMES:
            QDesktopServices.unsetUrlHandler(scheme)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *_args) -> None:
        pass


def serve(folder: Path) -> ThreadingHTTPServer:
    """A web server on 127.0.0.1 for `folder` (pages an iframe may embed); call shutdown()."""

    def handler(*args, **kwargs):
        return _QuietHandler(*args, directory=str(folder), **kwargs)

    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def js(qtbot, pane, code):
    box = []
    pane.run_app_js(code, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=JS_TIMEOUT)
    return box[0]


def element_point(qtbot, pane, element_id: str) -> QPoint:
    return selector_point(qtbot, pane, "#" + element_id)


def selector_point(qtbot, pane, selector: str) -> QPoint:
    """A point just inside the first element matching `selector`, scrolled into view."""
    rect = json.loads(js(qtbot, pane, f"(() => {{ const e = document.querySelector("
                                      f"{json.dumps(selector)}); e.scrollIntoView(); "
                                      "const r = e.getBoundingClientRect(); "
                                      "return JSON.stringify([r.left + 3, r.top + 3]); })()"))
    return QPoint(int(rect[0]), int(rect[1]))


def real_click(qtbot, pane, element_id: str, button=Qt.MouseButton.LeftButton) -> None:
    """A real mouse click (trusted by the page) on the element, scrolled into view."""
    point = element_point(qtbot, pane, element_id)
    qtbot.mouseClick(pane.focusProxy() or pane, button, pos=point)
