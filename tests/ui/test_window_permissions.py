"""Issue 10 item 7 through the real window: a chmod 444 post opens read-only with the reason in
the info bar and Ctrl+S does not replace it (the status never says "Saved"); "Edit anyway"
makes it editable, and each save asks, through the prompter, before replacing the file."""

from __future__ import annotations

import os

import pytest

from tests.helpers.window import close_window, open_window
from tests.helpers.window import save as _save
from tests.helpers.window import type_at_end as _type_at_end


@pytest.fixture
def locked(qtbot, tmp_site, tmp_path, post, prompter):
    post.chmod(0o444)
    w = open_window(qtbot, tmp_site, post, tmp_path, prompter)
    yield w
    close_window(w, prompter)
    post.chmod(0o644)


def test_read_only_post_opens_read_only_and_is_not_saved(qtbot, locked, post, prompter):
    before = post.read_bytes()
    assert locked.editor.isReadOnly()
    assert "read-only on disk" in locked.info_bar.text()
    assert locked.info_bar.action_text() == "Edit anyway"
    _type_at_end(qtbot, locked, "typed")
    assert not locked.session.document.dirty
    _save(qtbot, locked)
    assert post.read_bytes() == before and os.stat(post).st_mode & 0o777 == 0o444
    assert not locked.statusBar().currentMessage().startswith("Saved")


def test_edit_anyway_then_each_save_asks(qtbot, locked, post, prompter):
    before = post.read_bytes()
    locked.info_bar.button.click()
    assert not locked.editor.isReadOnly() and locked.info_bar.text() == ""
    _type_at_end(qtbot, locked, " edited")
    prompter.answers.append("Cancel")
    assert not locked.save()
    assert prompter.asked[-1].choices == ("Save anyway", "Cancel")
    assert "read-only on disk" in prompter.asked[-1].message
    assert post.read_bytes() == before and locked.session.document.dirty
    assert not locked.statusBar().currentMessage().startswith("Saved")
    prompter.answers.append("Save anyway")
    assert locked.save()
    assert post.read_text(encoding="utf-8").endswith(" edited")
    assert os.stat(post).st_mode & 0o777 == 0o444  # its permissions stay as they were
    assert locked.statusBar().currentMessage().startswith("Saved")
