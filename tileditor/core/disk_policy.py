"""What to do when the open post changed on disk: one pure function from the change and the
buffer's state to an action plus the words the window shows. Must not import PySide6 or do I/O."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path


class Action(enum.Enum):
    IGNORE = "ignore"
    RELOAD_SILENTLY = "reload_silently"
    ASK_RELOAD_OR_KEEP = "ask_reload_or_keep"
    MARK_UNSAVED = "mark_unsaved"
    FOLLOW_MOVE = "follow_move"


@dataclass(frozen=True)
class Decision:
    action: Action
    title: str
    message: str
    pause_repo_autosave: bool
    # Choices offered when action is ASK_RELOAD_OR_KEEP, in button order.
    choices: tuple[str, ...] = ()


ASK_CHOICES = ("Reload theirs", "Keep mine", "Show differences")

CHANGES = ("modified", "deleted", "moved", "created")


def decide(
    change: str,
    *,
    buffer_dirty: bool,
    disk_equals_buffer: bool,
    moved_to: Path | None = None,
) -> Decision:
    """Policy for the open post; `disk_equals_buffer` compares the file's text now to the buffer."""
    if change not in CHANGES:
        raise ValueError(f"unknown change {change!r}; expected one of {CHANGES}")
    if change in ("modified", "created"):
        return _content_changed(buffer_dirty, disk_equals_buffer)
    if change == "moved" and moved_to is not None:
        return _moved(Path(moved_to), buffer_dirty)
    return Decision(
        Action.MARK_UNSAVED,
        "Post removed on disk",
        "The file was deleted or moved outside tileditor. Your text is kept and marked "
        "unsaved; save to write it back.",
        # Writing it back on our own would undo the user's (or git's) deletion.
        pause_repo_autosave=True,
    )


def decide_restore(*, disk_changed: bool, disk_equals_buffer: bool, name: str) -> Decision:
    """A buffer restored from a crash snapshot: `disk_changed` when the file no longer holds
    what the buffer was based on (a git pull or another editor since)."""
    if not disk_changed or disk_equals_buffer:
        return Decision(Action.IGNORE, "", "", pause_repo_autosave=False)
    return Decision(
        Action.ASK_RELOAD_OR_KEEP,
        "Post changed on disk since this copy",
        f"{name} changed on disk after the recovered copy was made (a git pull or another "
        "program). Keep the recovered text (saving will replace the file on disk) or reload "
        "the file (the recovered text is dropped).",
        pause_repo_autosave=True,
        choices=ASK_CHOICES,
    )


def _content_changed(buffer_dirty: bool, disk_equals_buffer: bool) -> Decision:
    if disk_equals_buffer:
        # Someone wrote exactly our text (or only touched the file): nothing to decide.
        return Decision(Action.IGNORE, "", "", pause_repo_autosave=False)
    if not buffer_dirty:
        return Decision(
            Action.RELOAD_SILENTLY,
            "Post reloaded",
            "The file changed on disk and had no unsaved edits here, so it was reloaded.",
            pause_repo_autosave=False,
        )
    return Decision(
        Action.ASK_RELOAD_OR_KEEP,
        "Post changed on disk",
        "The file changed on disk while you have unsaved edits. Reload their version, keep "
        "yours (saving will replace theirs), or look at the differences first.",
        pause_repo_autosave=True,
        choices=ASK_CHOICES,
    )


def _moved(moved_to: Path, buffer_dirty: bool) -> Decision:
    tail = " Your unsaved edits are kept." if buffer_dirty else ""
    return Decision(
        Action.FOLLOW_MOVE,
        "Post renamed on disk",
        f"The file was moved to {moved_to.name}; the editor now follows it.{tail}",
        pause_repo_autosave=False,
    )
