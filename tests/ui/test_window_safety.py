"""Nothing the user writes is lost, through the real window: recovery snapshots follow the buffer
(and its own path), restoring several buffers keeps the ones not on screen, Discard really
discards, a new post's first save ends the importer's tracking, repo autosave is not mistaken
for someone else's edit, and the real Prompter returns what was clicked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from tests.helpers.window import open_window
from tests.helpers.window import save as _save
from tests.helpers.window import type_at_end as _type_at_end
from tileditor.core.recovery import RecoveryStore
from tileditor.ui.dialogs import Prompter


def _open(qtbot, tmp_site, tmp_path, post, prompter):
    return open_window(qtbot, tmp_site, post, tmp_path, prompter)






def _click_when_modal(button_name: str, times: int = 1) -> list[str]:
    """Click `button_name` in the next `times` modal dialogs; returns their titles."""
    seen: list[str] = []

    def poll():
        modal = QApplication.activeModalWidget()
        if modal is not None:
            seen.append(modal.windowTitle())
            modal.findChild(object, button_name).click()
        if len(seen) < times:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def test_snapshot_within_a_second_and_discard_really_discards(qtbot, window, prompter):
    store = window.recovery
    _type_at_end(qtbot, window, "first words")
    qtbot.waitUntil(lambda: len(store.entries()) == 1, timeout=1000)
    entry = store.entries()[0]
    assert entry.text == window.session.document.text and entry.path == window.session.document.path
    prompter.answers.append("Discard")
    window.findChild(type(window.actions_.new_post), "newPostAction").trigger()
    assert prompter.asked[-1].choices == ("Save", "Discard", "Cancel")
    assert window.session.document.path is None
    qtbot.wait(1200)
    assert store.entries() == []  # not re-created when the next buffer was tracked


def test_cancel_keeps_the_post_and_save_saves_it(qtbot, window, post, prompter):
    _type_at_end(qtbot, window, " more")
    prompter.answers.append("Cancel")
    window.actions_.new_post.trigger()
    assert window.session.document.path == post and window.editor.text().endswith(" more")
    prompter.answers.append("Save")
    window.actions_.new_post.trigger()
    assert window.session.document.path is None
    assert post.read_text(encoding="utf-8").endswith(" more")


def test_untouched_new_post_is_not_unsaved_work(qtbot, window, prompter):
    window.actions_.new_post.trigger()
    assert not window.session.document.dirty and not window.windowTitle().startswith("*")
    qtbot.wait(700)
    assert window.recovery.entries() == []
    window.actions_.new_post.trigger()  # no question
    assert prompter.asked == []


def test_restoring_several_buffers_loses_none(qtbot, tmp_site, tmp_path, post, prompter):
    store = RecoveryStore(tmp_path / "data" / "recovery")
    repo = {"repo": str(tmp_site)}
    store.save("new-a-1", "---\ntitle: A\n---\nalpha", dict(repo, saved_at=1.0))
    store.save("new-b-1", "---\ntitle: B\n---\nbeta", dict(repo, saved_at=2.0))
    store.save("post-x", post.read_text(encoding="utf-8") + " gamma",
               dict(repo, path=str(post), saved_at=3.0))
    w = _open(qtbot, tmp_site, tmp_path, post, prompter)
    try:
        titles = _click_when_modal("recoveryRestoreButton", times=3)
        assert w.offer_recovery() == 3
        assert len(titles) == 3 and titles[0].endswith(f"{post.name}?")
        # Newest first: the editor ends on the oldest; the two others wait in the store, and
        # the one on screen has its own copy at once (written before its leftover is dropped).
        assert w.editor.text().endswith("alpha") and w.windowTitle().startswith("*")
        left = {e.text for e in store.entries()}
        assert left == {"---\ntitle: B\n---\nbeta", post.read_text(encoding="utf-8") + " gamma",
                        "---\ntitle: A\n---\nalpha"}
        assert {e.owner for e in store.entries()} == {w.session_id}
        assert "Restored 3 unsaved posts" in w.statusBar().currentMessage()
        qtbot.waitUntil(lambda: len(store.entries()) == 3, timeout=2000)  # alpha's own copy
        assert len({e.key for e in store.entries()}) == 3
    finally:
        prompter.answers[:] = ["Discard"]
        w.close()
        w.shutdown()
        w.deleteLater()


def test_recovery_discard_asks_first(qtbot, tmp_site, tmp_path, post, prompter):
    store = RecoveryStore(tmp_path / "data" / "recovery")
    store.save("new-a-1", "lost?", {"repo": str(tmp_site)})
    w = _open(qtbot, tmp_site, tmp_path, post, prompter)
    try:
        prompter.answers.append("Keep")
        _click_when_modal("recoveryDiscardButton")
        assert w.offer_recovery() == 0
        assert [e.text for e in store.entries()] == ["lost?"]
        prompter.answers.append("Discard")
        _click_when_modal("recoveryDiscardButton")
        assert w.offer_recovery() == 0 and store.entries() == []
        assert [a.message for a in prompter.asked] == ["Throw these unsaved changes away for good?"] * 2
    finally:
        w.shutdown()
        w.deleteLater()


def test_first_save_of_new_post_ends_picture_tracking(qtbot, window, tmp_site, tmp_path,
                                                      prompter):
    window.actions_.new_post.trigger()
    qtbot.keyClicks(window.form.title_field, "Pictures")
    picture = tmp_path / "p.png"
    img = QImage(10, 10, QImage.Format.Format_RGB32)
    img.fill(QColor("#123456"))
    assert img.save(str(picture))
    window.images.import_paths([str(picture)], None)
    # The cursor was in the title field (editor cursor at 0): the link goes below the header.
    assert window.editor.text().startswith("---\ntitle: \"Pictures\"\ntag: []\n")
    assert window.editor.text().split("---\n", 2)[1].endswith("typora-root-url: ../\n")
    assert "p.png" in window.editor.text().split("---\n", 2)[2]
    planned = window.session.planned_path()
    assert planned.stem.endswith("Pictures") and window.importer.created_files(planned)
    _save(qtbot, window)
    saved = window.session.document.path
    assert saved == planned and window.importer.created_files(saved) == []
    folder = tmp_site / "images" / saved.stem
    # Renaming the title now changes the header only: file and pictures stay where they are.
    qtbot.keyClicks(window.form.title_field, " renamed")
    qtbot.wait(300)
    assert window.session.document.path == saved and (folder / "p.png").is_file()


def test_repo_autosave_is_not_taken_for_an_external_edit(qtbot, window, post, prompter):
    window.actions_.autosave_repo.setChecked(True)
    _type_at_end(qtbot, window, " autosaved")
    position = window.editor.textCursor().position()
    qtbot.waitUntil(lambda: post.read_text(encoding="utf-8").endswith(" autosaved"), timeout=3000)
    qtbot.wait(1000)  # the watcher has seen the write by now
    assert prompter.messages() == [] and "reloaded" not in window.statusBar().currentMessage()
    assert window.editor.textCursor().position() == position
    assert not window.session.document.dirty and window.recovery.entries() == []


@pytest.mark.parametrize("click,expected", [("Keep mine", "Keep mine"), (None, "Keep mine")])
def test_real_prompter_returns_the_clicked_label(qtbot, click, expected):
    prompter = Prompter(None)
    seen = []

    def answer():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        if click is None:
            qtbot.keyClick(box, Qt.Key.Key_Escape)
        else:
            next(b for b in box.buttons() if b.text() == click).click()

    QTimer.singleShot(0, answer)
    got = prompter.ask("Changed", "The file changed.", ("Reload theirs", "Keep mine"),
                       detail="diff", escape="Keep mine")
    assert got == expected and seen == ["The file changed."]


def test_switching_repository_asks_once_about_unsaved_work(qtbot, window, tmp_path, post,
                                                           prompter):
    other = tmp_path / "other-blog"
    (other / "_posts").mkdir(parents=True)
    (other / "_config.yml").write_text("title: Other\n", encoding="utf-8")
    other_post = other / "_posts" / "2025-02-02-other.md"
    other_post.write_text("---\ntitle: Other\n---\nother\n", encoding="utf-8")
    _type_at_end(qtbot, window, " unsaved")
    prompter.answers.append("Cancel")
    window._open_recent(str(other))
    assert window.site.root == post.parents[2] and window.editor.text().endswith(" unsaved")
    prompter.answers.append("Save")
    window._open_recent(str(other))
    assert [a.title for a in prompter.asked] == ["Unsaved changes", "Unsaved changes"]
    assert window.session.document.path == other_post
    assert post.read_text(encoding="utf-8").endswith(" unsaved")
