"""The data of a post move: what the user asked (MoveChange), the planned result (MovePlan with
its TextEdits and FolderMoves) and the one error type. Pure data; must not import PySide6."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from tileditor.core.post_moves.links import FolderMove

__all__ = ["FolderMove", "MoveChange", "MoveError", "MovePlan", "TextEdit"]


class MoveError(Exception):
    """The move cannot be planned or was not done; str() is one sentence for the user."""


@dataclass(frozen=True)
class MoveChange:
    """What the user asked for; None keeps the current value."""

    title: str | None = None  # the header's title; the slug follows it unless `slug` is given
    slug: str | None = None  # the file name's slug, used as typed (made safe, not slugified)
    date: _dt.date | None = None  # the file name's day (a published post only)
    draft: bool | None = None  # True: unpublish to _drafts, False: publish to _posts


@dataclass(frozen=True)
class TextEdit:
    path: Path  # the file as it is named before the move
    before: bytes  # what must still be on disk when the plan is applied
    after: bytes


@dataclass(frozen=True)
class MovePlan:
    root: Path
    old_path: Path
    new_path: Path
    folder_moves: tuple[FolderMove, ...]
    edits: tuple[TextEdit, ...]
    summary: str
    remove_dirs: tuple[Path, ...] = ()  # folders to remove when left empty (an undo's own)

    @property
    def changed_paths(self) -> tuple[Path, ...]:
        """Every file and folder the move touches, before and after (for git and watchers)."""
        paths = [self.old_path, self.new_path]
        for m in self.folder_moves:
            paths += [m.old, m.new]
        paths += [e.path for e in self.edits]
        return tuple(dict.fromkeys(paths))
