"""Builds the window's flows, each with the collaborators it uses by name (part of the
composition root, split from ui/main_window.py to keep that file small). The window's widgets,
services and actions exist before this runs; flows are built in the order they connect."""

from __future__ import annotations

from tileditor.services.heap_trim import HeapTrimmer
from tileditor.services.repo_watcher import RepoWatcher
from tileditor.ui.flows.disk import DiskFlow
from tileditor.ui.flows.document import DocumentFlow
from tileditor.ui.flows.export import ExportFlow
from tileditor.ui.flows.git import GitFlow
from tileditor.ui.flows.health import HealthFlow
from tileditor.ui.flows.hooks import WindowHooks, side_dock
from tileditor.ui.flows.image import ImageFlow
from tileditor.ui.flows.move import MoveFlow
from tileditor.ui.flows.repo import RepoFlow
from tileditor.ui.flows.search import SearchFlow
from tileditor.ui.flows.spell import SpellFlow
from tileditor.ui.flows.theme import ThemeFlow
from tileditor.ui.flows.writing import WritingFlow


def build_flows(w) -> None:
    """Give the MainWindow `w` its flows (as attributes: `w.docs`, `w.disk`, ...)."""
    a, prompter = w.actions_, w.prompter
    w.images = ImageFlow(w.session, w.importer, w.editor, w.image_panel, prompter, w)
    w.disk = DiskFlow(w.session, lambda root: RepoWatcher(root, w), prompter, w.autosaver,
                      wait_listed=lambda: w.repo.wait_listed(), parent=w)
    w.docs = DocumentFlow(
        session=w.session, editor=w.editor, form=w.form, info_bar=w.info_bar,
        browser=w.browser, draft_action=a.draft, disk=w.disk, images=w.images,
        importer=w.importer, autosaver=w.autosaver, recovery=w.recovery, prompter=prompter,
        settings=w.settings, store=w.store, data_dir=w.data_dir, session_id=w.session_id,
        parent=w)
    w.repo = RepoFlow(w.session, w.browser, w.form, w.docs, w.images, w.data_dir, parent=w)
    w.writing = WritingFlow(a, w.editor, w.settings, _full_screen_of(w), w)
    hooks = WindowHooks(
        save=w.save, open_post=w.open_post,
        reopen_post=lambda path: w.docs.open_post(path, ask=False),
        goto_line=w.editor.goto_line, refresh_repo_views=w.refresh_repo_views,
        add_side_dock=lambda title, name, widget: side_dock(w, w.browser_dock, title, name,
                                                            widget))
    w.search = SearchFlow(w.session, a.search, hooks, w)
    w.moves = MoveFlow(w.session, a, prompter, hooks, w)
    w.git = GitFlow(w.session, a, prompter, w.statusBar(), w.disk.saved, hooks, w)
    w.health = HealthFlow(w.session, prompter, a.check_repo, hooks, w)
    w.exports = ExportFlow(w.session, w.preview, a, prompter, w)
    w.theme = ThemeFlow(a, w.settings, w.editor, w.preview, w)
    w.spelling = SpellFlow(w.session, w.editor, a.spell_check, w.settings, w.data_dir, w)
    # An unloaded dictionary's ~50 MiB of small blocks stay in glibc's heaps until trimmed.
    w.heap = HeapTrimmer(w)
    w.spelling.released.connect(w.heap.schedule)


def _full_screen_of(w):
    return lambda on: w.showFullScreen() if on else w.showNormal()
