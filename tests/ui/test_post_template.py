"""The new-post template setting through the real window: the dialog shows the header derived
from the blog's posts, an edit is stored for this blog (outside the repo) and used by the next
new post, a bad template cannot be accepted, and "Use the blog's own" forgets the edit."""

from __future__ import annotations

from tileditor.core.template_store import load_override


def test_template_shown_edited_used_and_reset(qtbot, window, tmp_site, tmp_path):
    seen = {}

    def run(dialog, text=None):
        seen["shown"] = dialog.editor.toPlainText()
        if text is not None:
            dialog.editor.setPlainText(text)
        seen["ok"] = dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        return True

    assert window.docs.edit_template(lambda d: run(d, "title: \nlayout: single\nclasses: wide\n"))
    assert "tag:" in seen["shown"] and "read_time: True" in seen["shown"]
    assert load_override(tmp_path / "data", tmp_site, False) == "title: \nlayout: single\nclasses: wide\n"
    window.docs.new_post(ask=False)
    text = window.editor.text()
    assert text.startswith("---\n") and "layout: single\nclasses: wide\n" in text
    # A template that is not a header cannot be accepted.
    window.docs.edit_template(lambda d: run(d, "title: [unclosed\n") and False)
    assert seen["ok"] is False
    # Reset: back to the blog's own.
    def reset(dialog):
        dialog.findChild(type(dialog.buttons.buttons()[0]), "templateReset").click()
        return True

    assert window.docs.edit_template(reset)
    assert load_override(tmp_path / "data", tmp_site, False) is None
