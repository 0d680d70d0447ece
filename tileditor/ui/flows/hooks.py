"""What a flow may ask of the window, by name: the window builds one WindowHooks and hands it to
the flows that need it, so a flow's constructor lists everything it touches (no reaching into
the window's attributes)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget


@dataclass(frozen=True)
class WindowHooks:
    save: Callable[[], bool]  # save the open post (asks on conflicts); False when not saved
    open_post: Callable[[Path], bool]  # open another post, asking about unsaved text
    reopen_post: Callable[[Path], bool]  # open a post the flow itself just moved (no asking)
    goto_line: Callable[[int], None]  # the editor's cursor to a 1-based line of the post
    refresh_repo_views: Callable[[], None]  # post list and completions from the site again
    add_side_dock: Callable[[str, str, QWidget], QDockWidget]  # (title, objectName, widget)

    def open_at_line(self, current: Path | None, path: Path, line: int) -> bool:
        """Show `path` at `line`, opening it first unless it is the open post."""
        if (current is None or Path(current) != Path(path)) and not self.open_post(Path(path)):
            return False
        self.goto_line(line)
        return True


def side_dock(window: QMainWindow, beside: QDockWidget, title: str, name: str,
              widget: QWidget) -> QDockWidget:
    """A left dock tabbed behind `beside` (the post browser stays in front)."""
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    window.tabifyDockWidget(beside, dock)
    beside.raise_()
    return dock
