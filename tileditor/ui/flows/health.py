"""The repo health check in the window: a Health dock, the check run off the UI thread, a
finding opened at its line, and an unused picture moved to the desktop trash after the user
confirms. Part of the composition root; the checks themselves are core.health."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFile, QObject, Signal

from tileditor.services.job_runner import JobRunner
from tileditor.ui.health_panel import HealthPanel


class HealthFlow(QObject):
    status_reported = Signal(str)

    def __init__(self, session, prompter, action, hooks, parent=None):
        super().__init__(parent)
        self.session, self.prompter, self.hooks = session, prompter, hooks
        self.panel = HealthPanel()
        self.runner = JobRunner(self)
        self.dock = hooks.add_side_dock("Health", "healthDock", self.panel)
        action.triggered.connect(self.check)
        self.panel.check_requested.connect(self.check)
        self.panel.finding_activated.connect(self._on_panel_finding_activated)
        self.panel.trash_requested.connect(self._on_panel_trash_requested)
        self.runner.finished.connect(lambda _n, findings: self.panel.show_findings(findings))
        self.runner.failed.connect(lambda _n, message: self.panel.show_error(message))

    def check(self) -> bool:
        self.dock.show()
        self.dock.raise_()
        site = self.session.site
        if site is None:
            self.panel.show_error("Open a blog to check it.")
            return False
        from tileditor.core.health import check_repo  # on demand: not before the first frame

        if not self.runner.start("check", check_repo, site=site):
            return False
        self.panel.set_root(site.root)
        self.panel.show_running()
        return True

    def set_site(self, site) -> None:
        self.panel.set_root(site.root if site is not None else None)

    def shutdown(self) -> None:
        self.runner.shutdown()

    def _on_panel_finding_activated(self, path: Path, line: int) -> None:
        if Path(path).suffix.lower() not in (".md", ".markdown", ".html"):
            return
        self.hooks.open_at_line(self.session.document.path, path, line)

    def _on_panel_trash_requested(self, path: Path) -> None:
        answer = self.prompter.ask(
            "Move to trash", f"Move {Path(path).name}, which no post uses, to the trash?",
            ("Move to trash", "Cancel"), escape="Cancel")
        if answer != "Move to trash":
            return
        if QFile.moveToTrash(str(path)):
            self.status_reported.emit(f"Moved {Path(path).name} to the trash.")
            self.check()
        else:
            self.prompter.warn("Move to trash", f"{Path(path).name} could not be moved to the trash.")
