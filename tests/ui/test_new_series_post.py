"""New TIL in series through the real window: the next number of the newest post's series,
its header conventions copied, unsaved until Ctrl+S, saved under the series' own file name."""

from __future__ import annotations

from datetime import date

from tests.helpers.window import save, type_at_end


def test_next_til_continues_the_series_and_saves_under_its_name(qtbot, window, tmp_site):
    # tmp_site's newest post is 2025-04-22-TIL25_ANewChapter; add a numbered series after it.
    for day, n in ((23, 208), (24, 209)):
        (tmp_site / "_posts" / "2025" / f"2025-04-{day}-TIL25_Day{n}.md").write_text(
            f"---\ntitle: \"TIL25 Day{n} :: notes\"\ntag: [TIL_25]\ncategories: TIL\n"
            "read_time: True\ntoc: true \n---\nbody\n", encoding="utf-8")
    window.site.invalidate(None)
    assert window.docs.new_series_post(ask=False, today=date(2025, 4, 25))
    text = window.editor.text()
    assert "Day210" in text and "categories: TIL" in text and "read_time: True" in text
    assert window.session.document.path is None and not window.session.document.dirty
    type_at_end(qtbot, window, "today")
    save(qtbot, window)
    path = window.session.document.path
    assert path.name == "2025-04-25-TIL25_Day210.md" and path.parent.name == "2025"
    assert path.read_text(encoding="utf-8").endswith("today")
