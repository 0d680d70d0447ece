"""The preview's QWebEnginePage and request guard, a sandbox for the post shown: it may not navigate
the app's page, talk to the app, open anything on the desktop by itself, or read files outside the
allowed folders (symlinks resolved), nor (optionally) load remote content.
Widgets only; must not import tileditor.services or reach into other widgets."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from PySide6.QtCore import QFile, QIODevice, QObject, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineScript,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)

# tileditor's page script runs in this isolated JS world of the main frame only; the web channel
# to Python exists in that world alone, so nothing in the post (its scripts when allowed, its
# iframes, a meta refresh, a form) can send the app a message.
APP_WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld
BRIDGE_NAME = "tileditorBridge"
REMOTE_SCHEMES = frozenset({"http", "https", "ws", "wss", "ftp"})
# What a click may hand to the desktop: these open at once, NEVER_OPEN never, anything else
# (file:, ssh:, vscode:, tel:, a relative link to another file...) only after the user confirms.
DIRECT_SCHEMES = frozenset({"http", "https", "mailto"})
NEVER_OPEN = frozenset({"javascript", "data", "blob", "about", "filesystem", "qrc", "view-source"})
# Where an embedded frame may go (a video player, a repo file); the guard and CSP narrow it.
FRAME_SCHEMES = frozenset({"http", "https", "file", "about"})

UrlOpener = Callable[[QUrl], object]
LinkConfirmer = Callable[[QUrl], bool]
Nav = QWebEnginePage.NavigationType


def link_action(url: QUrl) -> str:
    """'open', 'ask' or 'refuse' for a link the user clicked (pure; see DIRECT_SCHEMES)."""
    scheme = url.scheme().lower()
    if not url.isValid() or not scheme or scheme in NEVER_OPEN:
        return "refuse"
    return "open" if scheme in DIRECT_SCHEMES else "ask"


def confirm_with(prompter) -> LinkConfirmer:
    """A confirmer asking through the window's prompter (ui.dialogs.Prompter or a test's
    RecordingPrompter); closing the question opens nothing."""

    def confirm(url: QUrl) -> bool:
        shown = url.toDisplayString()
        shown = shown if len(shown) <= 200 else shown[:199] + "\u2026"
        answer = prompter.ask(
            "Open link",
            f"This {url.scheme()}: link leaves tileditor for another application:\n{shown}\n"
            "Open it?",
            ("Open", "Cancel"), detail=url.toString(), escape="Cancel")
        return answer == "Open"

    return confirm


def webchannel_script() -> str:
    """Qt's qwebchannel.js (a Qt resource), which the page script needs to reach the bridge."""
    f = QFile(":/qtwebchannel/qwebchannel.js")
    if not f.open(QIODevice.OpenModeFlag.ReadOnly):  # pragma: no cover - part of QtWebChannel
        return ""
    try:
        return bytes(f.readAll()).decode("utf-8")
    finally:
        f.close()


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


class RequestGuard(QWebEngineUrlRequestInterceptor):
    """Blocks file:// requests outside the allowed roots and, when asked, every remote request.
    Both sides are compared resolved (realpath), so a symlink in the repo cannot lead out of it
    and a repo reached through a symlinked path still works.
    Chromium calls this on its IO thread: it only reads attributes replaced whole."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._roots: tuple[str, ...] = ()
        self.block_remote = False
        self.blocked: list[str] = []  # for diagnostics and tests; bounded below

    def set_roots(self, roots: Iterable[str | os.PathLike]) -> None:
        self._roots = tuple(os.path.realpath(os.path.abspath(r)) for r in roots if r)

    def allows(self, url: QUrl) -> bool:
        scheme = url.scheme().lower()
        if scheme == "file":
            local = url.toLocalFile()
            if not local or url.host():  # file://server/share is not this machine's disk
                return False
            path = os.path.realpath(local)
            return any(_inside(path, r) for r in self._roots)
        if scheme in REMOTE_SCHEMES:
            return not self.block_remote
        return True

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 (Qt name)
        url = info.requestUrl()
        if not self.allows(url):
            info.block(True)
            if len(self.blocked) < 1000:
                self.blocked.append(url.toString())


class _Bridge(QObject):
    """The object the page script calls through the web channel (and nothing else can)."""

    def __init__(self, page: PreviewPage) -> None:
        super().__init__(page)
        self._page = page

    @Slot(int)
    def lineClicked(self, line: int) -> None:  # noqa: N802 (JS-facing name)
        if line > 0:
            self._page.line_clicked.emit(int(line))

    @Slot(str)
    def linkClicked(self, href: str) -> None:  # noqa: N802 (JS-facing name)
        # Sent only for a trusted (real user) click on a link in the main-frame page.
        self._page.open_link(QUrl(href))


class PreviewPage(QWebEnginePage):
    """Refuses every main-frame navigation except the loads the pane announces through
    `expect_own_load()`. The page script reports a real click on a link or a block through the
    web channel: links go to the opener (the desktop's browser by default) by `link_action`,
    asking the confirmer first for other schemes; a block becomes `line_clicked`."""

    line_clicked = Signal(int)
    link_opened = Signal(QUrl)

    def __init__(self, parent=None, opener: UrlOpener | None = None,
                 confirm: LinkConfirmer | None = None) -> None:
        super().__init__(parent)
        self._opener: UrlOpener = opener or QDesktopServices.openUrl
        self._confirm: LinkConfirmer | None = confirm
        self._own_loads: list[str] = []  # URLs (or "data:" for setHtml) we are about to load
        self._popups: list[_PopupCatcher] = []
        self._bridge = _Bridge(self)
        self._channel = QWebChannel(self)
        self._channel.registerObject(BRIDGE_NAME, self._bridge)
        self.setWebChannel(self._channel, APP_WORLD)
        self.loadFinished.connect(self._on_load_finished)

    def set_opener(self, opener: UrlOpener) -> None:
        self._opener = opener

    def set_confirm(self, confirm: LinkConfirmer | None) -> None:
        """`confirm(url) -> bool` is asked before a link of another scheme leaves the app
        (None: such links never open)."""
        self._confirm = confirm

    def expect_own_load(self, url: QUrl | None = None) -> None:
        """Called right before setHtml() (url None) or load(url) so that navigation is let
        through; only a typed navigation to that very URL is."""
        self._own_loads.append(url.toString() if url is not None else "data:")

    def open_link(self, url: QUrl, *, always_ask: bool = False) -> bool:
        """Hand a link the user clicked to the opener if `link_action` (or the user) agrees."""
        action = link_action(url)
        if action == "refuse":
            return False
        if (action == "ask" or always_ask) and not (self._confirm and self._confirm(QUrl(url))):
            return False
        self._opener(url)
        self.link_opened.emit(url)
        return True

    def acceptNavigationRequest(self, url, nav_type, is_main_frame) -> bool:  # noqa: N802
        url = QUrl(url)
        if not is_main_frame:
            # Embedded frames (videos, a repo file): never an external scheme, which Qt would
            # hand to the desktop itself; CSP and the request guard govern the rest.
            return url.scheme().lower() in FRAME_SCHEMES
        if nav_type != Nav.NavigationTypeTyped or not self._own_loads:
            # Clicked links are opened by the page script (trusted clicks only); redirects,
            # meta refresh, forms, reloads and back/forward never replace the app's page.
            return False
        expected = self._own_loads[0]
        got = "data:" if url.scheme() == "data" else url.toString()
        if got != expected:
            return False
        self._own_loads.pop(0)
        return True

    def createWindow(self, _type):  # noqa: N802 - target=_blank links and window.open
        catcher = _PopupCatcher(self)
        self._popups.append(catcher)
        return catcher

    def _on_load_finished(self, _ok: bool) -> None:
        # An announced load that never asked for permission must not leave a door open.
        self._own_loads.clear()

    def _forget_popup(self, catcher: _PopupCatcher) -> None:
        if catcher in self._popups:
            self._popups.remove(catcher)
        catcher.deleteLater()


class _PopupCatcher(QWebEnginePage):
    """A page that never loads. The page script turns link clicks into messages, so a new window
    comes from the context menu or a post's own script (when allowed): its URL leaves the app
    only after the user confirms, whatever the scheme."""

    def __init__(self, owner: PreviewPage) -> None:
        super().__init__(owner.profile(), owner)
        self._owner = owner

    def acceptNavigationRequest(self, url, _nav_type, _is_main_frame) -> bool:  # noqa: N802
        if self._owner is not None:
            owner, self._owner = self._owner, None
            owner._forget_popup(self)
            owner.open_link(QUrl(url), always_ask=True)
        return False
