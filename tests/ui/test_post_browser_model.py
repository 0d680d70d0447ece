"""The post list as model/view: 20,000 posts are rows of a string model behind a filter proxy,
not 20,000 items or widgets; the filter, the selection and activation work on it."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QObject, QSortFilterProxyModel, QStringListModel, Qt

from tileditor.ui.post_browser import PostBrowserPanel
from tileditor.ui.post_rows import PostRows, filter_words, fold

WORDS = ["kernel", "쿠버네티스", "C++", "a.b", "(draft)", "[x]", "Straße"]


def _entries(n: int) -> list:
    start = datetime(2019, 1, 1)
    out = []
    for i in range(n):
        day = start + timedelta(days=i)
        out.append(SimpleNamespace(
            path=Path(f"/b/_posts/{day.year}/{day:%Y-%m-%d}-TIL_Day{i}.md"),
            title=f"Day {i} {WORDS[i % len(WORDS)]}", date=day,
            tags=(f"T{i % 13}", "TIL"), categories=(f"C{i % 5}",), draft=False, error=None,
            published=True))
    out.append(SimpleNamespace(path=Path("/b/_drafts/half.md"), title="", date=None, tags=(),
                               categories=(), draft=True, error=None, published=True))
    return out


def _panel(qtbot) -> PostBrowserPanel:
    panel = PostBrowserPanel()
    qtbot.addWidget(panel)
    panel.resize(320, 500)
    panel.show()
    return panel


def _expected(entries, text: str) -> list[Path]:
    """The filter's promise, computed the slow obvious way: every word in the row's text."""
    rows = PostRows.build(entries)
    words = filter_words(text)
    return [r.path for r in rows if all(w in r.haystack for w in words)]


def test_twenty_thousand_posts_are_model_rows_not_widgets(qtbot):
    panel = _panel(qtbot)
    objects_before = len(panel.findChildren(QObject))
    entries = _entries(20000)
    panel.set_posts(entries)
    view = panel.list_widget()
    proxy = view.model()
    assert isinstance(proxy, QSortFilterProxyModel)
    assert isinstance(proxy.sourceModel(), QStringListModel)
    assert proxy.rowCount() == proxy.sourceModel().rowCount() == 20001
    assert view.uniformItemSizes()
    assert len(panel.findChildren(QObject)) == objects_before  # nothing per post
    qtbot.wait(50)  # painted: only the rows on screen were asked for
    assert panel.findChild(QObject, "postCount").text() == "20001 posts"
    assert view.item(0).text() == "half" and view.item(1).text().startswith("Day 19999")


def test_filter_over_twenty_thousand_matches_the_plain_definition(qtbot):
    panel = _panel(qtbot)
    entries = _entries(20000)
    panel.set_posts(entries)
    for text in ("day 1999", "C++", "c++ t3", "a.b", "(draft)", "[x]", "STRASSE", "쿠버네티스 c2",
                 "til_day7.md", "half", "nothing-at-all", ".*", "\\"):
        panel.set_filter_text(text)
        assert panel.visible_paths() == _expected(entries, text), text
        shown = panel.list_widget().count()
        count = panel.findChild(QObject, "postCount").text()
        assert count == f"{shown} of 20001 posts"
    panel.set_filter_text("")
    assert panel.list_widget().count() == 20001


def test_selection_survives_the_filter_and_a_click_opens_the_post(qtbot):
    panel = _panel(qtbot)
    entries = _entries(2000)
    panel.set_posts(entries)
    target = entries[1500].path
    assert panel.select_path(target)
    panel.set_filter_text("kernel")  # hides it
    assert panel.current_path() == target and panel.list_widget().selectedItems() == []
    panel.set_filter_text("")
    assert panel.list_widget().currentItem().data(Qt.ItemDataRole.UserRole + 1) == target
    opened = []
    panel.post_activated.connect(opened.append)
    panel.set_filter_text("day 1234")
    view = panel.list_widget()
    first = view.item(0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualItemRect(first).center())
    assert opened == [first.row.path] and panel.current_path() == first.row.path
    qtbot.keyClick(view, Qt.Key.Key_Return)  # the same post again at once: one intent
    assert opened == [first.row.path]


def test_rows_are_reused_for_unchanged_entries():
    entries = _entries(50)
    first = PostRows.build(entries)
    changed = list(entries)
    changed[10] = SimpleNamespace(**{**vars(entries[10]), "title": "Renamed"})
    second = PostRows.build(changed, reuse=first)
    same = sum(1 for a, b in zip(first, second, strict=True) if a is b)
    assert same == 50 and second[second.row_of(changed[10].path)].title == "Renamed"
    assert PostRows.build(second) is second
    assert fold("ＡＢ Straße") == "ａｂ strasse"
