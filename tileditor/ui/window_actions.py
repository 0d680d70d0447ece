"""The window's menus, toolbar and shortcuts. Actions carry stable object names (public API for
tests: `newPostAction`, `saveAction`, ...) and only emit `triggered`; the window connects them."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar


class WindowActions:
    """Creates every QAction of the main window and lays out its menus and toolbar."""

    def __init__(self, window: QMainWindow):
        self.window = window
        style = window.style()
        a = self._action
        self.new_post = a("newPostAction", "&New post", QKeySequence.StandardKey.New,
                          style.standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.new_series = a("newSeriesAction", "New TIL in &series", "Ctrl+Shift+N")
        self.open_repo = a("openRepoAction", "Open &repository...", "Ctrl+Shift+O",
                           style.standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon))
        self.open_post = a("openPostAction", "&Open post...", QKeySequence.StandardKey.Open)
        self.save = a("saveAction", "&Save", QKeySequence.StandardKey.Save,
                      style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))
        self.draft = a("draftAction", "Save as &draft (_drafts/)", None, checkable=True)
        self.export = a("exportAction", "&Export HTML...", "Ctrl+E")
        self.export_pdf = a("exportPdfAction", "Export P&DF...", "Ctrl+Shift+E")
        self.publish = a("publishAction", "&Publish draft...", "Ctrl+Shift+U",
                         style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp))
        self.unpublish = a("unpublishAction", "&Unpublish (back to _drafts/)")
        self.rename = a("renameAction", "Re&name post...", "Ctrl+Alt+R")
        self.undo_move = a("undoMoveAction", "Undo last &move")
        self.commit = a("commitAction", "&Commit post and images...", "Ctrl+Alt+C")
        self.push = a("pushAction", "&Push", "Ctrl+Alt+P")
        self.pull = a("pullAction", "P&ull (fast-forward only)")
        self.check_repo = a("checkRepoAction", "Check the blog's &health")
        self.edit_template = a("templateAction", "New post &template...")
        self.quit = a("quitAction", "&Quit", QKeySequence.StandardKey.Quit)
        self.find = a("findAction", "&Find...", QKeySequence.StandardKey.Find)
        self.replace = a("replaceAction", "&Replace...", "Ctrl+H")
        self.search = a("searchAction", "Search in all &posts...", "Ctrl+Shift+F")
        self.insert_image = a("insertImageAction", "Insert &image...", "Ctrl+Shift+I",
                              style.standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView))
        self.toggle_preview = a("togglePreviewAction", "&Preview", "Ctrl+Shift+P", checkable=True)
        self.sync_scroll = a("syncScrollAction", "Preview &follows editor", None, checkable=True)
        self.goto_preview_line = a("gotoSourceAction", "Editor to preview position", "Ctrl+Alt+J")
        self.autosave_repo = a("autosaveRepoAction", "Also save edited posts to the repo automatically",
                               None, checkable=True)
        self.allow_scripts = a("allowScriptsAction", "Run the post's own scripts in the preview",
                               None, checkable=True)
        self.block_remote = a("blockRemoteAction", "Block remote content in the preview",
                              None, checkable=True)
        self.about = a("aboutAction", "&About tileditor")
        self.theme_system = a("themeSystemAction", "&System", None, checkable=True)
        self.theme_light = a("themeLightAction", "&Light", None, checkable=True)
        self.theme_dark = a("themeDarkAction", "&Dark", None, checkable=True)
        self._build_writing_actions()
        self.sync_scroll.setChecked(True)
        self.toggle_preview.setChecked(True)
        self.recent_menu = QMenu("Recent &repositories", window)
        self.recent_menu.setObjectName("recentReposMenu")
        self._build_menus()
        self._build_toolbar()

    def _build_writing_actions(self) -> None:
        a, key = self._action, QKeySequence.StandardKey
        # Text widgets handle their own standard keys first; the menu entries act on the
        # focused one (the editor, a form field, Raw).
        self.undo = a("undoAction", "&Undo", key.Undo)
        self.redo = a("redoAction", "&Redo", key.Redo)
        self.cut = a("cutAction", "Cu&t", key.Cut)
        self.copy = a("copyAction", "&Copy", key.Copy)
        self.paste = a("pasteAction", "&Paste", key.Paste)
        self.paste_plain = a("pastePlainAction", "Paste as plain te&xt", "Ctrl+Shift+V")
        self.select_all = a("selectAllAction", "Select &all", key.SelectAll)
        self.zoom_in = a("zoomInAction", "Zoom &in", "Ctrl+=")
        self.zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.zoom_out = a("zoomOutAction", "Zoom &out", "Ctrl+-")
        self.full_screen = a("fullScreenAction", "&Full screen", "F11", checkable=True)
        self.focus_mode = a("focusModeAction", "F&ocus mode", "Ctrl+Shift+M", checkable=True)
        self.typewriter = a("typewriterAction", "&Typewriter scrolling", "Ctrl+Shift+T",
                            checkable=True)
        self.spell_check = a("spellCheckAction", "Check spelling as you t&ype", None,
                             checkable=True)

    def _action(self, name, text, shortcut=None, icon=None, checkable=False) -> QAction:
        act = QAction(text, self.window)
        act.setObjectName(name)
        if icon is not None:
            act.setIcon(icon)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut) if isinstance(shortcut, str) else shortcut)
        act.setCheckable(checkable)
        self.window.addAction(act)
        return act

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        file_menu = bar.addMenu("&File")
        for act in (self.new_post, self.new_series, self.open_post, self.open_repo):
            file_menu.addAction(act)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        for act in (self.save, self.draft, self.publish, self.unpublish, self.rename,
                    self.undo_move, self.export, self.export_pdf):
            file_menu.addAction(act)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit = bar.addMenu("&Edit")
        for group in ((self.undo, self.redo), (self.cut, self.copy, self.paste, self.paste_plain,
                                               self.select_all), (self.find, self.replace, self.search),
                      (self.spell_check,)):
            for act in group:
                edit.addAction(act)
            edit.addSeparator()
        insert = bar.addMenu("&Insert")
        insert.addAction(self.insert_image)
        self.view_menu = bar.addMenu("&View")
        for act in (self.toggle_preview, self.sync_scroll, self.goto_preview_line):
            self.view_menu.addAction(act)
        self.view_menu.addSeparator()
        for act in (self.zoom_in, self.zoom_out, self.full_screen, self.focus_mode, self.typewriter):
            self.view_menu.addAction(act)
        self.theme_menu = self.view_menu.addMenu("T&heme")  # exclusive: see ui/flows/theme.py
        self.theme_menu.addActions([self.theme_system, self.theme_light, self.theme_dark])
        self.view_menu.addSeparator()
        git = bar.addMenu("&Git")
        for act in (self.commit, self.push, self.pull, self.check_repo):
            git.addAction(act)
        settings = bar.addMenu("&Settings")
        for act in (self.edit_template, self.autosave_repo, self.allow_scripts, self.block_remote):
            settings.addAction(act)
        bar.addMenu("&Help").addAction(self.about)

    def _build_toolbar(self) -> None:
        tb = QToolBar("Main", self.window)
        tb.setObjectName("mainToolBar")
        tb.setMovable(False)
        for act in (self.new_post, self.save, self.insert_image):
            tb.addAction(act)
        tb.addSeparator()
        tb.addAction(self.draft)
        tb.addAction(self.publish)
        tb.addAction(self.toggle_preview)
        self.window.addToolBar(tb)
        self.toolbar = tb
