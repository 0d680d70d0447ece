"""The main window: lays out the panes, owns the services, and wires widget intents to the
session and flow objects (the composition root; the flows are built in ui/flows/wiring.py).
Policy lives in core; syncing in PostSession."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tileditor.core.recovery import RecoveryStore
from tileditor.services.autosaver import Autosaver
from tileditor.services.image_importer import ImageImporter
from tileditor.services.preview_renderer import PreviewRenderer
from tileditor.ui.dialogs import Prompter
from tileditor.ui.editor_pane import EditorPane
from tileditor.ui.find_bar import FindBar
from tileditor.ui.flows.wiring import build_flows
from tileditor.ui.front_matter_form import FrontMatterForm
from tileditor.ui.image_panel import ImagePanel
from tileditor.ui.info_bar import InfoBar
from tileditor.ui.outline_panel import OutlinePanel
from tileditor.ui.post_browser import PostBrowserPanel
from tileditor.ui.post_session import PostSession, render_extras
from tileditor.ui.preview_page import confirm_with
from tileditor.ui.preview_pane import PreviewPane
from tileditor.ui.window_actions import WindowActions


class MainWindow(QMainWindow):
    def __init__(self, settings_store, data_dir: Path, prompter=None):
        super().__init__()
        self.prompter = prompter if prompter is not None else Prompter(self)
        self.setObjectName("mainWindow")
        self.setWindowTitle("tileditor")
        self.store = settings_store
        self.settings = settings_store.load()
        self.data_dir = data_dir
        self.site = None
        self.is_demo = False
        self.session_id = uuid.uuid4().hex[:12]
        self._build_widgets()
        self._build_services()
        self.actions_ = WindowActions(self)
        build_flows(self)  # docs, disk, images, repo, ... (ui/flows/wiring.py)
        self._connect()
        self._restore_layout()
        self.resize(1400, 860) if self.store.load_blob("geometry") is None else None

    # -- construction ------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.editor = EditorPane(self)
        self.find_bar = FindBar(self.editor, self)
        self.form = FrontMatterForm(self)
        self.preview = PreviewPane(self)
        self.browser = PostBrowserPanel(self)
        self.outline = OutlinePanel(self)
        self.image_panel = ImagePanel(self)
        self.info_bar = InfoBar(self)
        left = QWidget(self)
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.info_bar)
        lay.addWidget(self.form)
        lay.addWidget(self.editor, 1)
        lay.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("editorPreviewSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.preview)
        self.splitter.setSizes([700, 700])
        self.setCentralWidget(self.splitter)
        self.browser_dock = self._dock("Posts", self.browser, "postsDock", Qt.DockWidgetArea.LeftDockWidgetArea)
        self.outline_dock = self._dock("Outline", self.outline, "outlineDock", Qt.DockWidgetArea.LeftDockWidgetArea)
        self.images_dock = self._dock("Images", self.image_panel, "imagesDock", Qt.DockWidgetArea.LeftDockWidgetArea)
        # Posts/outline above, the post's pictures below: the editor and preview keep the width.
        self.splitDockWidget(self.browser_dock, self.images_dock, Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.browser_dock, self.outline_dock)
        self.browser_dock.raise_()
        self.words_label = QLabel(self)
        self.words_label.setObjectName("wordCountLabel")
        self.statusBar().addPermanentWidget(self.words_label)

    def _dock(self, title, widget, name, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_services(self) -> None:
        # Held until the post is open (open_repo, or the first event-loop turn): see release().
        self.renderer = PreviewRenderer(parent=self, extras_fn=render_extras, held=True)
        QTimer.singleShot(0, self.renderer.release)
        self.importer = ImageImporter(parent=self)
        # Snapshots per instance: another window or process never offers or deletes ours.
        self.recovery = RecoveryStore(self.data_dir / "recovery", instance=self.session_id)
        self.session = PostSession(self.editor, self.form, self.outline, self.preview, self.renderer, self)
        # A failed or cut-off render keeps the last page and says why; the next result clears it.
        self.renderer.failed.connect(lambda _g, message: self.preview.show_error(message))
        self.renderer.finished.connect(lambda _g, _r: self.preview.show_error(""))
        # Snapshots at least once a second while typing: a crash loses under a second of work,
        # even for settings saved when the default was longer.
        interval = max(100, min(self.settings.autosave_interval_ms, 1000))
        self.autosaver = Autosaver(self.recovery, interval_ms=interval, parent=self)
        self.autosaver.autosave_to_repo = self.settings.autosave_to_repo
        self.preview.set_allow_scripts(self.settings.preview_allow_scripts)
        self.preview.set_block_remote(self.settings.preview_block_remote)

    def _connect(self) -> None:
        a = self.actions_
        a.new_post.triggered.connect(self.new_post)
        a.edit_template.triggered.connect(lambda: self.docs.edit_template())
        a.new_series.triggered.connect(lambda: self.docs.new_series_post())
        a.open_repo.triggered.connect(self._on_open_repo_triggered)
        a.open_post.triggered.connect(self._on_open_post_triggered)
        a.save.triggered.connect(self.save)
        a.draft.toggled.connect(self._on_draft_toggled)
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self.find_bar.show_find)
        a.replace.triggered.connect(self.find_bar.show_replace)
        a.insert_image.triggered.connect(self.images.choose_and_insert)
        a.toggle_preview.toggled.connect(self.preview.setVisible)
        a.goto_preview_line.triggered.connect(self._on_goto_preview_line_triggered)
        a.autosave_repo.setChecked(self.settings.autosave_to_repo)
        a.autosave_repo.toggled.connect(self._on_autosave_repo_toggled)
        a.allow_scripts.setChecked(self.settings.preview_allow_scripts)
        a.allow_scripts.toggled.connect(self.preview.set_allow_scripts)
        a.block_remote.setChecked(self.settings.preview_block_remote)
        a.block_remote.toggled.connect(self.preview.set_block_remote)
        a.about.triggered.connect(self._on_about_triggered)
        a.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        a.view_menu.addAction(self.browser_dock.toggleViewAction())
        a.view_menu.addAction(self.outline_dock.toggleViewAction())
        a.view_menu.addAction(self.images_dock.toggleViewAction())
        a.view_menu.addAction(self.search.dock.toggleViewAction())
        a.view_menu.addAction(self.health.dock.toggleViewAction())
        self.browser.post_activated.connect(self._on_browser_post_activated)
        self.editor.top_line_changed.connect(self._on_editor_top_line_changed)
        self.preview.line_clicked.connect(self.editor.goto_line)
        self.preview.set_confirm(confirm_with(self.prompter))  # file:, ssh:... links ask first
        self.preview.rendered.connect(self.images.refresh_panel_if_changed)
        self.info_bar.action_triggered.connect(self.docs.on_info_bar_action)
        for source in (self.session, self.images, self.disk, self.docs, self.moves,
                       self.git, self.health, self.exports, self.spelling, self.repo):
            source.status_reported.connect(self._show_status)
        self.session.dirty_changed.connect(self._update_title)
        self.session.document_changed.connect(self._on_session_document_changed)
        self.disk.saved.connect(self._on_disk_saved)
        self.disk.moved.connect(self._on_disk_moved)
        self.autosaver.saved.connect(self._on_autosaver_saved)
        self.autosaver.failed.connect(self._show_status)
        self.autosaver.conflict.connect(self._show_status)
        # Counted on the preview thread with each render, from the published text (as the
        # theme's read time counts), so typing in a long post does not recount it here.
        self.session.stats_changed.connect(self._on_session_stats_changed)

    # -- repository ---------------------------------------------------------------------------
    def open_repo(self, root: Path | None, demo: bool = False, post: Path | None = None) -> None:
        """Open the blog at `root` with `post` (default: its newest post) in the editor."""
        from tileditor.core.site import JekyllSite

        self.is_demo = demo
        site = JekyllSite.find(root) if root is not None else None
        if root is not None and site is None:
            answer = self.prompter.ask(
                "Not a Jekyll site",
                f"{root} has no _config.yml, so it is not a Jekyll blog. Use it as a plain "
                "folder of Markdown files?", ("Use as plain folder", "Cancel"), escape="Cancel")
            if answer == "Use as plain folder":
                site = JekyllSite(Path(root))
        self.site = site
        self.preview.set_repo_root(site.root if site else None)
        self.preview.preload()  # start QtWebEngine while the post is still being opened
        self.repo.open(site)  # listed off the UI thread (a small repo by settle(), below)
        self.session.set_site(site)
        self.search.set_site(site)
        self.health.set_site(site)
        self.repo.settle()  # the rest of the listing's grace: a small repo is listed now
        # One grace period per open, not two in a row: a listing that did not make it in
        # its grace is a big repo, whose watches would not make it in theirs either.
        self.disk.watch(site.root if site else None, self.repo.on_watcher_changed,
                        big=site is not None and (self.repo.is_big(site) or self.repo.loading))
        if site is not None and not demo:
            self.settings.last_repo = str(site.root)
            self.settings.remember_repo(str(site.root))
            self.store.save(self.settings)  # now, not at close: a crash must not forget it
        # Callers settle the unsaved buffer before switching repositories.
        if post is None or not self.docs.open_post(Path(post), ask=False):
            self.repo.open_first_post()
        self.renderer.release()  # renders from now on (held while the first post opened)
        if demo:
            self._show_status(f"This is the built-in demo blog ({site.root}). "
                              "Open your own blog with File > Open repository (Ctrl+Shift+O).", 0)

    def refresh_repo_views(self) -> None:
        """The post list and completions again (scanned off the UI thread; see RepoFlow)."""
        self.repo.refresh()

    # -- posts (DocumentFlow does the work; these names are the window's public API) ----------
    def open_post(self, path: Path) -> bool:
        return self.docs.open_post(Path(path))

    def new_post(self) -> None:
        self.docs.new_post()

    def save(self) -> bool:
        return self.disk.save()

    def offer_recovery(self) -> int:
        return self.docs.offer_recovery()

    def _on_disk_saved(self, path) -> None:
        self.docs.on_saved(Path(path))
        # The listing re-reads the file off the UI thread; the blog's conventions stay.
        self.repo.refresh(forget=[str(path)])
        self.browser.select_path(Path(path))
        self._update_title()

    def _on_disk_moved(self, path) -> None:
        self.docs.on_moved(Path(path))
        self._update_title()

    def _on_autosaver_saved(self, path: str) -> None:
        # The watcher must take the autosave's own events for ours, not for someone else's edit.
        if self.disk.watcher is not None:
            self.disk.watcher.expect_write(path, self.session.document.fingerprint)
        self.session.report_dirty()

    # -- slots ----------------------------------------------------------------------------------
    def _on_open_repo_triggered(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open Jekyll repository", str(Path.home()))
        if folder and self.docs.confirm_discard():
            self.open_repo(Path(folder))

    def _on_open_post_triggered(self) -> None:
        start = str(self.site.root / "_posts") if self.site else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, "Open post", start, "Markdown (*.md *.markdown)")
        if path:
            self.open_post(Path(path))

    def _fill_recent_menu(self) -> None:
        menu = self.actions_.recent_menu
        menu.clear()
        for repo in self.settings.recent_repos:
            act = menu.addAction(repo)
            act.triggered.connect(lambda _=False, r=repo: self._open_recent(r))
        menu.setEnabled(bool(self.settings.recent_repos))

    def _open_recent(self, repo: str) -> None:
        if Path(repo).is_dir() and self.docs.confirm_discard():
            self.open_repo(Path(repo))

    def _on_browser_post_activated(self, path) -> None:
        if self.session.document.path != Path(path):
            self.open_post(Path(path))

    def _on_draft_toggled(self, on: bool) -> None:
        # A saved post is where its file is: toggling means moving it (publish or unpublish),
        # and the toggle goes back if the move does not happen.
        if self.session.document.path is not None and on != self.moves.is_draft():
            moved = self.moves.unpublish() if on else self.moves.publish()
            self.actions_.draft.blockSignals(True)
            self.actions_.draft.setChecked(self.moves.is_draft())
            self.actions_.draft.blockSignals(False)
            if not moved:
                return
        self.session.draft = self.actions_.draft.isChecked()
        self.session.planned_path_changed.emit(self.session.planned_path())

    def _on_goto_preview_line_triggered(self) -> None:
        self.preview.request_top_line(self.editor.goto_line)

    def _on_autosave_repo_toggled(self, on: bool) -> None:
        self.settings.autosave_to_repo = on
        self.autosaver.autosave_to_repo = on

    def _on_about_triggered(self) -> None:
        from tileditor.ui.about_dialog import show_about

        show_about(self, self.data_dir)

    def _on_editor_top_line_changed(self, line: int) -> None:
        if self.actions_.sync_scroll.isChecked():
            self.preview.scroll_to_line(line)

    def _on_session_document_changed(self) -> None:
        self.docs.update_info_bar()
        self._update_title()
        self.images.refresh_panel()

    def _on_session_stats_changed(self, words: int, read_time: str) -> None:
        # The same wording as the page's header ("1 minute read"), so the two never disagree.
        self.words_label.setText(f"{words} words · {read_time}")

    def _update_title(self, *_):
        doc = self.session.document
        name = doc.path.name if doc.path else "New post"
        self.setWindowTitle(f"{'*' if doc.dirty else ''}{name} — tileditor")

    def _show_status(self, message: str, timeout: int = 8000) -> None:
        self.statusBar().showMessage(message, timeout)

    # -- layout memory and closing ---------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.store.load_blob("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.store.load_blob("state")
        if state is not None:
            self.restoreState(state)
        splitter = self.store.load_blob("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.preview.setVisible(self.settings.preview_visible)
        self.actions_.toggle_preview.setChecked(self.settings.preview_visible)

    def closeEvent(self, event) -> None:
        if not self.docs.confirm_discard():
            event.ignore()
            return
        self.store.save_blob("geometry", self.saveGeometry())
        self.store.save_blob("state", self.saveState())
        self.store.save_blob("splitter", self.splitter.saveState())
        self.settings.preview_visible = self.preview.isVisibleTo(self)
        self.store.save(self.settings)
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Stop every thread and timer (the tests call this too)."""
        self.autosaver.untrack()
        self.recovery.close()  # what is left is a leftover for the next start
        self.disk.stop()
        self.repo.shutdown()
        self.renderer.stop()
        self.search.shutdown()
        self.git.shutdown()
        self.health.shutdown()
        self.spelling.shutdown()
        self.heap.stop()
