"""Table-driven tests of the changed-on-disk policy."""

from __future__ import annotations

from pathlib import Path

import pytest

from tileditor.core.disk_policy import ASK_CHOICES, Action, decide

A = Action
TABLE = [
    # change, dirty, disk==buffer, moved_to, action, pause
    ("modified", False, False, None, A.RELOAD_SILENTLY, False),
    ("modified", True, False, None, A.ASK_RELOAD_OR_KEEP, True),
    ("modified", False, True, None, A.IGNORE, False),
    ("modified", True, True, None, A.IGNORE, False),
    ("created", False, False, None, A.RELOAD_SILENTLY, False),
    ("created", True, False, None, A.ASK_RELOAD_OR_KEEP, True),
    ("created", True, True, None, A.IGNORE, False),
    ("deleted", False, False, None, A.MARK_UNSAVED, True),
    ("deleted", True, False, None, A.MARK_UNSAVED, True),
    ("moved", False, False, None, A.MARK_UNSAVED, True),
    ("moved", True, False, None, A.MARK_UNSAVED, True),
    ("moved", False, True, Path("/r/_posts/new.md"), A.FOLLOW_MOVE, False),
    ("moved", True, False, Path("/r/_posts/new.md"), A.FOLLOW_MOVE, False),
]


@pytest.mark.parametrize(("change", "dirty", "same", "moved_to", "action", "pause"), TABLE)
def test_policy_table(change, dirty, same, moved_to, action, pause):
    d = decide(change, buffer_dirty=dirty, disk_equals_buffer=same, moved_to=moved_to)
    assert d.action is action
    assert d.pause_repo_autosave is pause
    if action is not A.IGNORE:
        assert d.title and d.message.endswith(".")


def test_ask_offers_the_three_choices():
    d = decide("modified", buffer_dirty=True, disk_equals_buffer=False)
    assert d.choices == ASK_CHOICES
    assert [c.split()[0] for c in d.choices] == ["Reload", "Keep", "Show"]


def test_move_message_names_the_new_file_and_kept_edits():
    d = decide("moved", buffer_dirty=True, disk_equals_buffer=False, moved_to=Path("x/b.md"))
    assert "b.md" in d.message and "unsaved edits are kept" in d.message


def test_decision_is_frozen_and_unknown_change_rejected():
    d = decide("deleted", buffer_dirty=False, disk_equals_buffer=False)
    with pytest.raises(AttributeError):
        d.action = A.IGNORE
    with pytest.raises(ValueError, match="unknown change"):
        decide("renamed", buffer_dirty=False, disk_equals_buffer=False)
