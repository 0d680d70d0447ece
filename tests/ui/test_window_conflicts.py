"""The open post changed by someone else, through the real window, real files and the real
watcher: silent reload when clean (cursor and scroll kept), a prompt when dirty (nothing written
and repo autosave paused until answered), deletion and renames, and a `git checkout` of 500
posts arriving as one coalesced refresh."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers.window import save as _save
from tests.helpers.window import type_at_end as _type_at_end
from tileditor.app import build_window
from tileditor.ui.dialogs import RecordingPrompter

LONG_BODY = "\n".join(f"Line {i}: some words to scroll past." for i in range(1, 301))


@pytest.fixture
def post(tmp_site) -> Path:
    path = next((tmp_site / "_posts").rglob("*.md"))
    path.write_text("---\ntitle: Long one\n---\n" + LONG_BODY + "\n", encoding="utf-8")
    return path






def test_external_edit_while_clean_reloads_silently_keeping_view(qtbot, window, post, prompter):
    editor = window.editor
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(120).position() + 5)
    editor.setTextCursor(cursor)
    editor.verticalScrollBar().setValue(100)
    position, scroll = editor.textCursor().position(), editor.verticalScrollBar().value()
    assert scroll == 100

    theirs = post.read_text(encoding="utf-8").replace("Line 300:", "Line 300 (edited):")
    post.write_text(theirs, encoding="utf-8")
    qtbot.waitUntil(lambda: window.editor.text() == theirs, timeout=5000)

    assert prompter.asked == [] and prompter.warnings == []
    assert editor.textCursor().position() == position
    assert editor.verticalScrollBar().value() == scroll
    assert not window.session.document.dirty and not window.windowTitle().startswith("*")
    assert "reloaded" in window.statusBar().currentMessage()
    assert post.read_text(encoding="utf-8") == theirs


def test_external_edit_while_dirty_asks_and_writes_nothing_until_answered(
        qtbot, window, post, prompter):
    window.findChild(type(window.actions_.autosave_repo), "autosaveRepoAction").setChecked(True)
    _type_at_end(qtbot, window, "my unsaved words")
    mine = window.session.document.text
    theirs = post.read_text(encoding="utf-8").replace("Line 1:", "Line 1 (theirs):")

    def answer(question):
        # The prompt is open: let the autosave timer run several times meanwhile.
        assert window.autosaver.paused
        qtbot.wait(1300)
        assert post.read_text(encoding="utf-8") == theirs
        assert "my unsaved words" in question.detail and "Line 1 (theirs)" in question.detail
        return "Keep mine"

    prompter.answers.append(answer)
    post.write_text(theirs, encoding="utf-8")
    qtbot.waitUntil(lambda: len(prompter.asked) == 1, timeout=5000)
    assert prompter.asked[0].choices == ("Reload theirs", "Keep mine")
    assert "unsaved edits" in prompter.asked[0].message
    assert window.editor.text() == mine and window.session.document.dirty
    # Keep mine: repo autosave resumes and now writes mine, knowingly replacing theirs.
    assert not window.autosaver.paused
    qtbot.waitUntil(lambda: post.read_text(encoding="utf-8") == mine, timeout=5000)
    qtbot.wait(400)
    assert len(prompter.asked) == 1  # our own autosave is not taken for someone else's edit


def test_keep_mine_then_save_writes_mine(qtbot, window, post, prompter):
    _type_at_end(qtbot, window, "mine wins")
    mine = window.session.document.text
    prompter.answers.append("Keep mine")
    post.write_text("---\ntitle: Theirs\n---\ntheirs\n", encoding="utf-8")
    qtbot.waitUntil(lambda: len(prompter.asked) == 1, timeout=5000)
    assert post.read_text(encoding="utf-8") == "---\ntitle: Theirs\n---\ntheirs\n"
    _save(qtbot, window)
    assert post.read_text(encoding="utf-8") == mine
    assert not window.session.document.dirty and prompter.warnings == []


def test_reload_theirs_loads_theirs_and_stays_clean(qtbot, window, post, prompter):
    window.actions_.autosave_repo.setChecked(True)
    _type_at_end(qtbot, window, "to be dropped")
    theirs = "---\ntitle: Theirs\n---\ntheirs\n"
    prompter.answers.append("Reload theirs")
    post.write_text(theirs, encoding="utf-8")
    qtbot.waitUntil(lambda: window.editor.text() == theirs, timeout=5000)
    assert not window.session.document.dirty and window.form.title_field.text() == "Theirs"
    qtbot.wait(1200)  # repo autosave has nothing to write back
    assert post.read_text(encoding="utf-8") == theirs


def test_save_after_unnoticed_external_change_asks_before_overwriting(
        qtbot, window, post, prompter):
    window.disk.stop()  # as if the change came while the watcher could not see it
    _type_at_end(qtbot, window, "late edit")
    post.write_text("theirs\n", encoding="utf-8")
    prompter.answers.append("Cancel")
    _save(qtbot, window)
    assert post.read_text(encoding="utf-8") == "theirs\n"
    assert prompter.asked[-1].choices == ("Overwrite with mine", "Load theirs", "Cancel")
    prompter.answers.append("Overwrite with mine")
    _save(qtbot, window)
    assert post.read_text(encoding="utf-8") == window.session.document.text
    assert window.session.document.text.endswith("late edit")


def test_delete_while_open_keeps_buffer_marks_unsaved_and_save_recreates(
        qtbot, window, post, prompter):
    window.actions_.autosave_repo.setChecked(True)
    text = window.editor.text()
    post.unlink()
    qtbot.waitUntil(lambda: window.windowTitle().startswith("*"), timeout=5000)
    assert window.editor.text() == text and window.session.document.dirty
    assert "deleted" in window.statusBar().currentMessage()
    qtbot.wait(1200)
    assert not post.exists()  # autosave never undoes a deletion by itself
    _save(qtbot, window)
    assert post.read_text(encoding="utf-8") == text
    assert not window.windowTitle().startswith("*") and prompter.messages() == []


def test_rename_on_disk_is_followed(qtbot, window, post, prompter):
    _type_at_end(qtbot, window, " edited")
    qtbot.waitUntil(lambda: len(window.recovery.entries()) == 1, timeout=2000)
    renamed = post.with_name("2025-04-22-renamed.md")
    post.rename(renamed)
    qtbot.waitUntil(lambda: window.session.document.path == renamed, timeout=5000)
    # One recovery copy, now under the new name (no stale duplicate under the old one).
    assert [e.path for e in window.recovery.entries()] == [renamed]
    assert "renamed.md" in window.windowTitle() and window.windowTitle().startswith("*")
    assert window.autosaver.document is window.session.document
    _save(qtbot, window)
    assert renamed.read_text(encoding="utf-8").endswith(" edited")
    assert not post.exists() and prompter.messages() == []
    # The watcher follows the new name too: a clean external edit there reloads silently.
    renamed.write_text("---\ntitle: Again\n---\nagain\n", encoding="utf-8")
    qtbot.waitUntil(lambda: window.editor.text().endswith("again\n"), timeout=5000)


def _git(site: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com",
                           "-C", str(site), *args], check=True, capture_output=True, text=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_branch_switch_of_500_posts_is_one_refresh(qtbot, tmp_site, tmp_path, post):
    _git(tmp_site, "add", "-A")
    _git(tmp_site, "commit", "-qm", "base")
    base = _git(tmp_site, "rev-parse", "--abbrev-ref", "HEAD").stdout.strip()
    _git(tmp_site, "checkout", "-qb", "many")
    folder = tmp_site / "_posts" / "bulk"
    folder.mkdir()
    for i in range(500):
        (folder / f"2024-01-01-bulk-{i:03d}.md").write_text(
            f"---\ntitle: Bulk {i}\ntags: [BulkTag]\n---\nbody {i}\n", encoding="utf-8")
    _git(tmp_site, "add", "-A")
    _git(tmp_site, "commit", "-qm", "many")
    _git(tmp_site, "checkout", "-q", base)
    assert not folder.exists()

    w = build_window(tmp_site, post, settings_path=tmp_path / "s.ini", data_path=tmp_path / "d",
                     prompter=RecordingPrompter())
    qtbot.addWidget(w)
    try:
        # The listing and the watcher start off the UI thread: on a busy machine the grace
        # period may pass before they are done; a refresh is counted only after.
        qtbot.waitUntil(lambda: not w.repo.loading and w.disk.watcher.ready, timeout=10000)
        refreshes = []
        set_posts = w.browser.set_posts
        w.browser.set_posts = lambda entries: (refreshes.append(len(entries)), set_posts(entries))
        _git(tmp_site, "checkout", "-q", "many")
        qtbot.waitUntil(lambda: bool(refreshes), timeout=10000)
        qtbot.wait(1500)
        assert refreshes == [501]
        assert len(w.browser.visible_paths()) == 501
        assert "BulkTag" in w.site.tag_index().tags
        assert w.editor.text() == post.read_text(encoding="utf-8")  # the open post untouched
    finally:
        w.shutdown()
