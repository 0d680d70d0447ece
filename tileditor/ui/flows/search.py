"""Search across posts in the window: the Search dock, its runner, and opening a hit at its
line. Part of the composition root; the panel stays a thin view, the runner does the work."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt

from tileditor.core.search import site_files
from tileditor.services.search_runner import SearchRunner
from tileditor.ui.search_panel import SearchPanel


class SearchFlow(QObject):
    def __init__(self, session, action, hooks, parent=None):
        super().__init__(parent)
        self.session, self.hooks = session, hooks
        self.panel = SearchPanel()
        self.runner = SearchRunner(self)
        self.dock = hooks.add_side_dock("Search", "searchDock", self.panel)
        action.triggered.connect(self.show)
        self.panel.search_requested.connect(self._on_panel_search_requested)
        self.panel.hit_activated.connect(self._on_panel_hit_activated)
        self.runner.hits_found.connect(self.panel.add_hits)
        self.runner.finished.connect(self.panel.show_finished)
        self.runner.failed.connect(self.panel.show_error)

    def show(self) -> None:
        """Ctrl+Shift+F: the dock in front, the query selected for retyping."""
        self.dock.show()
        self.dock.raise_()
        self.panel.input.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.panel.input.selectAll()

    def set_site(self, site) -> None:
        self.runner.cancel()
        self.panel.clear_results()
        self.panel.set_root(site.root if site is not None else None)

    def shutdown(self) -> None:
        self.runner.shutdown()

    def _on_panel_search_requested(self, query) -> None:
        site = self.session.site
        if site is None:
            self.panel.show_error("Open a blog to search its posts.")
            return
        self.runner.start(site_files(site), query)

    def _on_panel_hit_activated(self, path: Path, line: int) -> None:
        self.hooks.open_at_line(self.session.document.path, path, line)
