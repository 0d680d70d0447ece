"""The preview's QWebEnginePage and request guard: the post shown may not navigate the app's page,
open windows, read files outside the allowed folders, or (optionally) load remote content.
Widgets only; must not import tileditor.services or reach into other widgets."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from PySide6.QtCore import QUrl, QUrlQuery, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)

# tileditor's page script talks to Python by navigating to this never-loaded host:
# /line/N for a click on a block, /open?url=U for a link that would open a new window.
# (Chromium drops navigations to unregistered custom schemes before asking the page.)
APP_HOST = "tileditor-app.invalid"
REMOTE_SCHEMES = frozenset({"http", "https", "ws", "wss", "ftp"})

UrlOpener = Callable[[QUrl], object]


class RequestGuard(QWebEngineUrlRequestInterceptor):
    """Blocks file:// requests outside the allowed roots and, when asked, every remote request.
    Chromium calls this on its IO thread: it only reads attributes replaced whole."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._roots: tuple[str, ...] = ()
        self.block_remote = False
        self.blocked: list[str] = []  # for diagnostics and tests; bounded below

    def set_roots(self, roots: Iterable[str | os.PathLike]) -> None:
        self._roots = tuple(os.path.normpath(os.path.abspath(r)) for r in roots if r)

    def allows(self, url: QUrl) -> bool:
        scheme = url.scheme().lower()
        if scheme == "file":
            path = os.path.normpath(url.toLocalFile())
            return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in self._roots)
        if scheme in REMOTE_SCHEMES:
            return not self.block_remote
        return True

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 (Qt name)
        url = info.requestUrl()
        if not self.allows(url):
            info.block(True)
            if len(self.blocked) < 1000:
                self.blocked.append(url.toString())


class PreviewPage(QWebEnginePage):
    """Refuses every main-frame navigation except the loads the pane announces through
    `expect_own_load()`; clicked links go to the opener (the desktop's browser by default)
    and clicks on blocks, reported as navigations to APP_HOST, become `line_clicked`."""

    line_clicked = Signal(int)
    link_opened = Signal(QUrl)

    def __init__(self, parent=None, opener: UrlOpener | None = None) -> None:
        super().__init__(parent)
        self._opener: UrlOpener = opener or QDesktopServices.openUrl
        self._own_loads = 0
        self._popups: list[_PopupCatcher] = []
        self.loadFinished.connect(self._on_load_finished)

    def set_opener(self, opener: UrlOpener) -> None:
        self._opener = opener

    def expect_own_load(self) -> None:
        """Called right before setHtml()/load() so that navigation is let through."""
        self._own_loads += 1

    def open_external(self, url: QUrl) -> None:
        if url.isValid() and url.scheme().lower() not in ("javascript", "data"):
            self._opener(url)
            self.link_opened.emit(url)

    def acceptNavigationRequest(self, url, nav_type, is_main_frame) -> bool:  # noqa: N802
        url = QUrl(url)
        if url.host() == APP_HOST:
            self._on_app_message(url)
            return False
        if not is_main_frame:
            return True  # embedded frames (videos); CSP and the request guard govern them
        if nav_type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
            self.open_external(url)
            return False
        if self._own_loads > 0:
            self._own_loads -= 1
            return True
        return False

    def _on_app_message(self, url: QUrl) -> None:
        path = url.path()
        if path.startswith("/line/") and path[6:].isdigit():
            self.line_clicked.emit(int(path[6:]))
        elif path == "/open":
            decoded = QUrl.ComponentFormattingOption.FullyDecoded
            self.open_external(QUrl(QUrlQuery(url).queryItemValue("url", decoded)))

    def createWindow(self, _type):  # noqa: N802 - target=_blank links and window.open
        catcher = _PopupCatcher(self)
        self._popups.append(catcher)
        return catcher

    def _on_load_finished(self, _ok: bool) -> None:
        # An announced load that never asked for permission must not leave a door open.
        self._own_loads = 0

    def _forget_popup(self, catcher: _PopupCatcher) -> None:
        if catcher in self._popups:
            self._popups.remove(catcher)
        catcher.deleteLater()


class _PopupCatcher(QWebEnginePage):
    """A page that never loads: it hands the first URL it is asked to show to the opener."""

    def __init__(self, owner: PreviewPage) -> None:
        super().__init__(owner.profile(), owner)
        self._owner = owner

    def acceptNavigationRequest(self, url, _nav_type, _is_main_frame) -> bool:  # noqa: N802
        if self._owner is not None:
            self._owner.open_external(QUrl(url))
            owner, self._owner = self._owner, None
            owner._forget_popup(self)
        return False
