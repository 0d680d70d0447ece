"""PreviewPane: the live preview, a QWebEngineView showing a post as its Minimal Mistakes page.
First result = full page load; later results patch the page in place through tileditor's own
script (Qt's ApplicationWorld), keeping the scroll position. Must not import tileditor.services."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QColor
from PySide6.QtWebEngineCore import QWebEngineScript, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QLabel

from tileditor.core import page_template as tpl
from tileditor.core import skins
from tileditor.ui.preview_page import (
    APP_WORLD,
    LinkConfirmer,
    PreviewPage,
    RequestGuard,
    UrlOpener,
    webchannel_script,
)

SET_HTML_LIMIT = 1_500_000  # bytes; setHtml() fails above 2 MB, so bigger pages go via a file
Attr = QWebEngineSettings.WebAttribute


class PreviewPane(QWebEngineView):
    """Signals: `rendered()` once the page shows the latest result; `line_clicked(int)` with
    the data-line (1-based file line) of a block the user clicked; `link_opened(QUrl)`."""

    rendered = Signal()
    line_clicked = Signal(int)
    link_opened = Signal(QUrl)

    def __init__(self, parent=None, opener: UrlOpener | None = None, repo_root=None,
                 confirm: LinkConfirmer | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self._guard = RequestGuard(self)
        self._page = PreviewPage(self, opener=opener, confirm=confirm)
        self._page.setUrlRequestInterceptor(self._guard)
        self._page.line_clicked.connect(self.line_clicked)
        self._page.link_opened.connect(self.link_opened)
        self._page.loadFinished.connect(self._on_page_load_finished)
        self.setPage(self._page)
        self._install_app_script()
        self._allow_scripts = False
        self._block_remote = False
        self._tmpdir = tempfile.TemporaryDirectory(prefix=f"tileditor-preview-{os.getpid()}-")  # pid: see clean_stale_preview_dirs
        self._repo_root: Path | None = None
        self._loaded = False  # the template page is up and the app script answers
        self._preloading = False  # the page being loaded is preload()'s empty template
        self._loading = False
        self._needs_reload = True
        self._parts: dict[str, str] | None = None
        self._head: dict[str, str] | None = None  # title/meta/taxonomy now on the page
        self._version: int | None = None  # block version the page shows (IncrementalResult)
        self._pending_version: int | None = None
        self._result_meta: tuple[Any, dict] | None = None
        self._toc = ""  # the sidebar TOC now on the page
        self._queued = False  # parts changed while a load was in flight
        self._restore_y: float | None = None
        self._dark = False  # the app is dark: a blog without a skin shows the dark one
        self._shown_skin: str | None = None  # the skin stylesheet now on the page
        self._apply_settings()
        self.set_repo_root(repo_root)

    # -- public API ------------------------------------------------------------------------

    def set_repo_root(self, path) -> None:
        """Relative URLs resolve against this folder; file:// reads are limited to it."""
        self._repo_root = Path(path).resolve() if path else None
        roots = [tpl.resource_dir(), self._tmpdir.name]
        if self._repo_root is not None:
            roots.append(self._repo_root)
        self._guard.set_roots(roots)
        self._needs_reload = True

    def set_allow_scripts(self, allow: bool) -> None:
        """Let the post's own scripts run (off by default). Reloads the page; while on, every
        result is a full load (scroll kept) so the scripts run again, as in a browser."""
        if allow != self._allow_scripts:
            self._allow_scripts = bool(allow)
            self._apply_settings()
            self._reload_if_shown()

    def set_block_remote(self, block: bool) -> None:
        """Block every http(s) request the post makes (images, iframes, fonts)."""
        if block != self._block_remote:
            self._block_remote = bool(block)
            self._guard.block_remote = self._block_remote
            self._apply_settings()
            self._reload_if_shown()

    def set_opener(self, opener: UrlOpener) -> None:
        """Who opens clicked links (default QDesktopServices.openUrl)."""
        self._page.set_opener(opener)

    def set_confirm(self, confirm: LinkConfirmer | None) -> None:
        """`confirm(url) -> bool` is asked before a clicked link other than http(s)/mailto
        goes to the opener (None, the default: such links never open)."""
        self._page.set_confirm(confirm)

    def show_result(self, result: Any, page_meta: dict) -> None:
        """Show a RenderResult; page_meta holds title, date, tags, categories, reading_time,
        toc (bool) and toc_label. `rendered` follows once it is on screen.

        An IncrementalResult whose patch starts from the version on the page is applied as
        that patch alone (work proportional to the edit, not to the post)."""
        page_meta = page_meta or {}
        head = tpl.head_parts(result, page_meta)
        toc = tpl.toc_html(result, page_meta)
        patch = result.patch
        if (patch is not None and self._loaded and not self._loading and not self._needs_reload
                and not self._allow_scripts and patch.base == self._version
                and head == self._head):
            self._result_meta = (result, page_meta)
            self._parts = None
            self._patch_blocks(patch, result.version,
                               toc if toc != self._toc else None)
            self._toc = toc
            self._follow_skin()
            return
        self._result_meta = (result, page_meta)
        self._follow_skin()
        self._parts = tpl.page_parts(result, page_meta)
        self._pending_version = result.version
        if self._loading:
            self._queued = True
        elif not self._loaded or self._needs_reload or self._allow_scripts:
            # With scripts allowed the post's own scripts must run again, as in a browser.
            self._full_load(keep_scroll=self._loaded)
        else:
            self._patch()

    def set_dark_mode(self, dark: bool) -> None:
        """Follow the app's light or dark look: swaps the skin's stylesheet in place (the
        scroll position stays) when that changes which skin the preview shows."""
        self._dark = bool(dark)
        self._follow_skin()

    def skin(self) -> str:
        """The Minimal Mistakes skin the preview shows (and the HTML export uses)."""
        meta = self._result_meta[1] if self._result_meta is not None else {}
        return skins.preview_skin(meta.get("skin"), self._dark)

    def _follow_skin(self) -> None:
        name = self.skin()
        self._page.setBackgroundColor(QColor(skins.skin(name).background))  # no white flash
        if name == self._shown_skin or not self._loaded or self._loading:
            return  # the next full load (or _after_load) brings it
        self._shown_skin = name
        css = json.dumps(skins.skin_css(name))
        self.run_app_js("(function(){var s=document.getElementById('tileditor-skin');"
                        f"if(!s)return false;s.textContent={css};return true;}})()")

    def show_error(self, message: str) -> None:
        """Show a render error (its first line) in a status strip over the page's bottom edge,
        keeping the page; an empty message hides it. The strip is `previewStatus`."""
        label = self.findChild(QLabel, "previewStatus")
        if label is None:
            label = QLabel(self)
            label.setObjectName("previewStatus")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setStyleSheet("background:#fdf2f2; color:#8a1f11; border-top:1px solid #e0b4b4;"
                                "padding:4px 8px;")
        first = message.strip().splitlines()[0] if message.strip() else ""
        label.setText(first)
        label.setToolTip(message.strip())
        label.setVisible(bool(first))
        if first:
            height = label.heightForWidth(self.width()) if label.hasHeightForWidth() else 0
            height = max(height, label.sizeHint().height())
            label.setGeometry(0, max(0, self.height() - height), self.width(), height)
            label.raise_()

    def preload(self) -> None:
        """Load the empty page template now, so QtWebEngine's processes start while the window
        is still opening the post; the first result then patches in. Emits no `rendered`."""
        if self._loaded or self._loading or self._parts is not None:
            return
        # No result (not an empty RenderResult: importing the renderer here would cost the UI
        # thread ~0.1 s at start; the worker thread imports it while the page loads).
        self._parts = tpl.page_parts(None, {})
        self._preloading = True
        self._full_load()
        self._parts = None

    def scroll_to_line(self, line: int, callback=None) -> None:
        """Scroll so the block with the nearest data-line <= line is at the top.
        `callback(scrollY)` receives the new scroll offset."""
        self.run_app_js(f"window.tileditor && window.tileditor.scrollToLine({int(line)})", callback)

    def request_top_line(self, callback) -> None:
        """Ask which file line is at the top of the preview; `callback(int)` gets it (not called
        when the page has no line-tagged blocks), e.g. to move the editor to where the reader is."""

        def deliver(value) -> None:
            if isinstance(value, (int, float)) and value > 0:
                callback(int(value))

        self.run_app_js("window.tileditor ? window.tileditor.topLine() : 0", deliver)

    def run_app_js(self, code: str, callback=None) -> None:
        """Run JavaScript in tileditor's own world (it works while page scripts are off)."""
        if callback is None:
            self._page.runJavaScript(code, APP_WORLD)
        else:
            self._page.runJavaScript(code, APP_WORLD, callback)

    def request_guard(self) -> RequestGuard:
        return self._guard

    def blocked_requests(self) -> list[str]:
        """URLs the request guard refused so far (diagnostics)."""
        return list(self._guard.blocked)

    def request_policy_violations(self, callback) -> None:
        """`callback(list[str])` with what the page's CSP refused ("url directive" each)."""
        self.run_app_js("window.tileditor ? JSON.stringify(window.tileditor.violations) : '[]'",
                        lambda value: callback(json.loads(value or "[]")))

    # -- internals -------------------------------------------------------------------------

    def _install_app_script(self) -> None:
        script = QWebEngineScript()
        script.setName("tileditor-preview")
        script.setWorldId(APP_WORLD)
        script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentReady)
        script.setRunsOnSubFrames(False)
        script.setSourceCode(webchannel_script() + ";\n" + tpl.app_script_source())
        self._page.scripts().insert(script)

    def _apply_settings(self) -> None:
        s = self._page.settings()
        # JavascriptEnabled governs the page's (main world) scripts only; ours run regardless.
        s.setAttribute(Attr.JavascriptEnabled, self._allow_scripts)
        s.setAttribute(Attr.JavascriptCanOpenWindows, False)
        s.setAttribute(Attr.LocalContentCanAccessFileUrls, True)  # images in the repo
        s.setAttribute(Attr.LocalContentCanAccessRemoteUrls, not self._block_remote)
        s.setAttribute(Attr.LocalStorageEnabled, False)
        s.setAttribute(Attr.PluginsEnabled, False)
        s.setAttribute(Attr.NavigateOnDropEnabled, False)
        s.setAttribute(Attr.ErrorPageEnabled, False)
        # Qt hands links of schemes Chromium does not know (ssh:, vscode:) to the desktop by
        # itself, bypassing the opener: only the page script's clicks may leave the app.
        s.setUnknownUrlSchemePolicy(
            QWebEngineSettings.UnknownUrlSchemePolicy.DisallowUnknownUrlSchemes)

    def _current_parts(self) -> dict[str, str] | None:
        if self._parts is None and self._result_meta is not None:
            result, meta = self._result_meta
            self._parts = tpl.page_parts(result, meta)
            self._pending_version = result.version
        return self._parts

    def _reload_if_shown(self) -> None:
        self._needs_reload = True
        if self._current_parts() is not None and not self._loading:
            self._full_load()

    def _base_url(self) -> str:
        root = self._repo_root or Path(self._tmpdir.name)
        return QUrl.fromLocalFile(str(root) + os.sep).toString()

    def _full_load(self, keep_scroll: bool = False) -> None:
        self._current_parts()
        assert self._parts is not None
        self._mark_shown()
        self._restore_y = self._page.scrollPosition().y() if keep_scroll else None
        csp = tpl.content_security_policy(self._allow_scripts, self._block_remote)
        self._shown_skin = self.skin()
        page = tpl.full_page(self._parts, self._base_url(), csp, self._shown_skin)
        self._loading, self._loaded, self._queued = True, False, False
        self._needs_reload = False
        data = page.encode("utf-8")
        if len(data) <= SET_HTML_LIMIT:
            self._page.expect_own_load()
            self._page.setHtml(page, QUrl(self._base_url()))
        else:
            target = Path(self._tmpdir.name) / "page.html"
            target.write_bytes(data)
            url = QUrl.fromLocalFile(str(target))
            self._page.expect_own_load(url)
            self._page.load(url)

    def _mark_shown(self) -> None:
        self._version = self._pending_version
        self._head = {k: v for k, v in self._parts.items() if k != "content"}
        if self._result_meta is not None:
            self._toc = tpl.toc_html(*self._result_meta)

    def _patch_blocks(self, patch, version, toc: str | None) -> None:
        payload = json.dumps({
            "start": patch.start, "removed": patch.removed, "delta": patch.line_delta,
            "html": tpl.blocks_html(patch.inserted), "toc": toc,
        })
        self._version = version
        self.run_app_js(
            f"window.tileditor ? window.tileditor.patchBlocks({payload}) : false",
            self._on_patched,
        )

    def _patch(self) -> None:
        self._current_parts()
        self._mark_shown()
        payload = json.dumps(self._parts)
        self.run_app_js(
            f"window.tileditor ? window.tileditor.patch({payload}) : false", self._on_patched
        )

    def _on_patched(self, ok) -> None:
        if ok is True:
            self.rendered.emit()
        else:  # the page lost our script or its block marks: start over
            self._loaded = False
            self._version = None
            if self._current_parts() is not None and not self._loading:
                self._full_load()

    def _on_page_load_finished(self, ok: bool) -> None:
        if ok:
            self._after_load(True)
        else:
            # A refused navigation started by the post's own script reports the load as
            # failed although our page is fully there: ask the page itself.
            self.run_app_js("!!document.getElementById('tileditor-content')", self._after_load)

    def _after_load(self, ok) -> None:
        self._loading = False
        self._loaded = ok is True
        preloading, self._preloading = self._preloading, False
        if self._loaded:
            self._follow_skin()  # the look changed while the page loaded
        if not self._loaded:
            if preloading and self._queued and self._current_parts() is not None:
                self._queued = False
                self._full_load()
            return
        if self._queued:
            self._queued = False
            if self._needs_reload or self._allow_scripts:
                self._full_load(keep_scroll=True)
            else:
                self._patch()
        elif preloading:
            return  # only the empty template is up; the first result will patch in
        elif self._restore_y:
            self.run_app_js(f"window.scrollTo(0, {float(self._restore_y)})",
                            lambda _r: self.rendered.emit())
        else:
            self.rendered.emit()
