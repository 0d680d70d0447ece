"""Publish, unpublish and rename through the real window: the post file, its images folder and
its links move together, the window follows the file, the Draft toggle shows where the file is,
and one "Undo last move" puts every byte back."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from tests.helpers.window import type_at_end


@pytest.fixture
def draft(tmp_site) -> Path:
    (tmp_site / "_drafts").mkdir()
    (tmp_site / "images" / "my-draft").mkdir(parents=True)
    (tmp_site / "images" / "my-draft" / "shot.png").write_bytes(base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="))
    path = tmp_site / "_drafts" / "my-draft.md"
    path.write_text("---\ntitle: My draft\n---\n![shot](/images/my-draft/shot.png)\n", encoding="utf-8")
    return path


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".git" not in p.parts}


def test_publish_moves_post_images_and_links_and_undo_restores(qtbot, window, tmp_site, draft, prompter):
    assert window.open_post(draft)
    a = window.actions_
    assert a.publish.isVisible() and a.publish.isEnabled() and a.draft.isChecked()
    before = _tree(tmp_site)
    type_at_end(qtbot, window, "more")  # unsaved text is saved first, never lost
    prompter.answers[:] = ["2025-06-01"]
    a.publish.trigger()
    new = tmp_site / "_posts" / "2025" / "2025-06-01-my-draft.md"
    assert window.session.document.path == new and not draft.exists()
    assert new.read_text(encoding="utf-8") == (
        "---\ntitle: My draft\n---\n![shot](/images/2025-06-01-my-draft/shot.png)\nmore")
    assert (tmp_site / "images" / "2025-06-01-my-draft" / "shot.png").is_file()
    assert not a.draft.isChecked() and not a.publish.isVisible()
    a.undo_move.trigger()
    assert window.session.document.path == draft
    after = _tree(tmp_site)
    before["_drafts/my-draft.md"] += b"more"
    assert after == before


def test_draft_toggle_publishes_a_saved_draft_or_goes_back(qtbot, window, tmp_site, draft, prompter):
    assert window.open_post(draft)
    prompter.answers[:] = [None]  # the date question cancelled: nothing moves, toggle stays on
    window.actions_.draft.setChecked(False)
    assert window.actions_.draft.isChecked() and draft.exists()
    prompter.answers[:] = ["2025-06-02"]
    window.actions_.draft.setChecked(False)
    assert not window.actions_.draft.isChecked()
    assert window.session.document.path == tmp_site / "_posts" / "2025" / "2025-06-02-my-draft.md"


def test_rename_changes_slug_and_date_and_refuses_a_collision(qtbot, window, tmp_site, post, prompter):
    a = window.actions_
    prompter.answers[:] = ["2025-04-23-TIL25_Renamed"]
    a.rename.trigger()
    new = tmp_site / "_posts" / "2025" / "2025-04-23-TIL25_Renamed.md"
    assert window.session.document.path == new and not post.exists()
    text = new.read_text(encoding="utf-8")
    assert "../../images/2025-04-23-TIL25_Renamed/shot.png" in text
    assert (tmp_site / "images" / "2025-04-23-TIL25_Renamed" / "shot.png").is_file()
    other = tmp_site / "_posts" / "2025" / "2025-05-01-taken.md"
    other.write_text("---\ntitle: taken\n---\n", encoding="utf-8")
    prompter.answers[:] = ["2025-05-01-taken"]
    a.rename.trigger()
    assert window.session.document.path == new and prompter.warnings


def test_a_date_typed_in_the_form_offers_the_rename(qtbot, window, tmp_site, post, prompter):
    messages = []
    window.moves.status_reported.connect(messages.append)
    window.form.date_field.setFocus()
    qtbot.keyClicks(window.form.date_field, "2025-04-30")
    assert any("Rename post" in m and "2025-04-30-TIL25_ANewChapter" in m for m in messages)
    window.save()
    prompter.answers[:] = [lambda default: default]  # the dialog proposes the header's date
    window.actions_.rename.trigger()
    assert window.session.document.path == tmp_site / "_posts" / "2025" / "2025-04-30-TIL25_ANewChapter.md"
