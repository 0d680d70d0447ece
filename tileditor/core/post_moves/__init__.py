"""Publishing, unpublishing and renaming a post as one plan of file moves and link edits
(planning), applied atomically with undo (apply). Code outside this package imports from
here. Must not import Qt."""

from tileditor.core.post_moves.links import FolderMove
from tileditor.core.post_moves.planning import (
    MoveError,
    apply_move,
    plan_publish,
    plan_rename,
    plan_unpublish,
)

__all__ = ["FolderMove", "MoveError", "apply_move", "plan_publish", "plan_rename", "plan_unpublish"]
