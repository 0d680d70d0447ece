"""TokenField: chips added and removed by the keyboard and mouse, completions with counts,
near-duplicate warnings, and silence on programmatic changes."""

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QToolButton

from tileditor.ui.token_field import TokenField, default_near_duplicate, edit_distance


def _field(qtbot, tokens=(), completions=None):
    f = TokenField()
    qtbot.addWidget(f)
    f.set_tokens(list(tokens))
    if completions:
        f.set_completions(Counter(completions))
    f.show()
    return f


def test_set_tokens_is_silent_and_dedupes(qtbot):
    f = _field(qtbot)
    seen = []
    f.tokens_changed.connect(seen.append)
    f.set_tokens(["Notice", "TIL_25", "Notice", " "])
    assert f.tokens() == ["Notice", "TIL_25"]
    assert seen == []


def test_enter_and_comma_add_tokens(qtbot):
    f = _field(qtbot, ["a"])
    seen = []
    f.tokens_changed.connect(seen.append)
    qtbot.keyClicks(f.line_edit(), "python")
    qtbot.keyClick(f.line_edit(), Qt.Key.Key_Return)
    assert f.tokens() == ["a", "python"]
    qtbot.keyClicks(f.line_edit(), "ml, ")
    f.line_edit().insert("한글")  # QTest cannot synthesise Hangul key presses
    assert f.tokens() == ["a", "python", "ml"]
    assert f.line_edit().text() == "한글"
    qtbot.keyClick(f.line_edit(), Qt.Key.Key_Return)
    assert f.tokens() == ["a", "python", "ml", "한글"]
    assert seen[-1] == ["a", "python", "ml", "한글"]
    assert len(seen) == 3


def test_backspace_on_empty_removes_last_and_x_removes_chip(qtbot):
    f = _field(qtbot, ["one", "two", "three"])
    seen = []
    f.tokens_changed.connect(seen.append)
    qtbot.keyClick(f.line_edit(), Qt.Key.Key_Backspace)
    assert f.tokens() == ["one", "two"]
    buttons = [b for b in f.findChildren(QToolButton, "chipRemove") if b.isVisible()]
    first = next(b for b in buttons if b.toolTip() == "Remove one")
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    assert f.tokens() == ["two"]
    assert seen == [["one", "two"], ["two"]]


def test_backspace_with_text_only_edits_text(qtbot):
    f = _field(qtbot, ["one"])
    qtbot.keyClicks(f.line_edit(), "ab")
    qtbot.keyClick(f.line_edit(), Qt.Key.Key_Backspace)
    assert f.tokens() == ["one"]
    assert f.line_edit().text() == "a"


def test_completion_shows_counts_and_inserts_name(qtbot):
    f = _field(qtbot, completions={"MLOpsReview": 12, "Notice": 3, "Python": 7})
    model = f.completer().model()
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    shown = [i.data() for i in rows]
    assert shown == ["MLOpsReview (12)", "Python (7)", "Notice (3)"]
    seen = []
    f.tokens_changed.connect(seen.append)
    f.completer().activated[str].emit("Python")
    assert f.tokens() == ["Python"]
    assert f.line_edit().text() == ""
    assert seen == [["Python"]]


def test_completion_popup_filters_while_typing(qtbot):
    f = _field(qtbot, completions={"MLOpsReview": 12, "Notice": 3, "Python": 7})
    qtbot.keyClicks(f.line_edit(), "ops")
    comp = f.completer()
    names = [
        comp.completionModel().index(r, 0).data()
        for r in range(comp.completionModel().rowCount())
    ]
    assert names == ["MLOpsReview (12)"]


def test_near_duplicate_warning(qtbot):
    f = _field(qtbot, completions={"MLOpsReview": 12, "Notice": 3})
    qtbot.keyClicks(f.line_edit(), "mlopsreview")
    qtbot.keyClick(f.line_edit(), Qt.Key.Key_Return)
    assert "mlopsreview" in f.tokens()
    assert f.near_duplicate_warning() == "Did you mean MLOpsReview? (12 posts)"
    f.set_tokens([])
    assert f.near_duplicate_warning() == ""
    qtbot.keyClicks(f.line_edit(), "Notise")
    assert f.near_duplicate_warning() == "Did you mean Notice? (3 posts)"
    f.line_edit().clear()
    qtbot.keyClicks(f.line_edit(), "Notice")
    assert f.near_duplicate_warning() == ""


def test_injected_near_duplicate_fn(qtbot):
    f = _field(qtbot, completions={"x": 1})
    f.set_near_duplicate_fn(lambda name, c: "x" if name == "y" else None)
    qtbot.keyClicks(f.line_edit(), "y")
    assert f.near_duplicate_warning() == "Did you mean x? (1 post)"


def test_edit_distance_and_default_rule():
    assert edit_distance("kitten", "sitting", 5) == 3
    assert edit_distance("abc", "abc") == 0
    assert edit_distance("a", "abcdef", 3) == 3
    c = Counter({"Python": 5, "AI": 2, "Docker": 1})
    assert default_near_duplicate("Pyhton", c) == "Python"
    assert default_near_duplicate("ML", c) is None  # short names: only case-folded equality
    assert default_near_duplicate("ai", c) == "AI"
    assert default_near_duplicate("Python", c) is None
    assert default_near_duplicate("Kubernetes", c) is None


def test_many_tokens_wrap_instead_of_widening(qtbot):
    f = _field(qtbot, ["a"])
    one_line = f.heightForWidth(300)
    f.set_tokens([f"tag-number-{i}" for i in range(12)])
    assert f.minimumSizeHint().width() < 300
    assert f.heightForWidth(300) >= 3 * one_line
    f.resize(300, f.heightForWidth(300))
    chips = [c for c in f.findChildren(QFrame, "tokenChip") if not c.isHidden()]
    assert len(chips) == 12
    assert chips and all(c.geometry().right() <= 300 for c in chips)
    assert f.line_edit().geometry().right() <= 300


def test_click_on_free_space_focuses_input(qtbot):
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QLineEdit

    other = QLineEdit()
    qtbot.addWidget(other)
    f = _field(qtbot, ["one", "two"])
    f.resize(400, 80)  # taller than its one line of chips: the bottom is free space
    f.activateWindow()
    other.setFocus()
    assert f.childAt(QPoint(5, 75)) is None
    qtbot.mouseClick(f, Qt.MouseButton.LeftButton, pos=QPoint(5, 75))
    assert f.focusWidget() is f.line_edit()


def _popup_after_typing(qtbot, f, text):
    f.line_edit().setFocus()
    qtbot.keyClicks(f.line_edit(), text)
    popup = f.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    return popup


def test_clicking_a_completion_adds_the_chip_and_empties_the_input(qtbot):
    f = _field(qtbot, completions={"TIL_25": 9, "TIL_24": 3, "Pandas": 2})
    for typed in ("TIL", "Pan"):  # the second pick is the one that left its text behind
        popup = _popup_after_typing(qtbot, f, typed)
        rect = popup.visualRect(popup.model().index(0, 0))
        qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.wait(20)
        assert f.line_edit().text() == ""
    assert f.tokens() == ["TIL_25", "Pandas"]
    qtbot.keyClicks(f.line_edit(), "x")  # the next word starts afresh, not "Pandasx"
    assert f.line_edit().text() == "x"


def test_return_on_a_highlighted_completion_adds_only_that_one(qtbot):
    f = _field(qtbot, completions={"TIL_25": 9, "TIL_24": 3})
    popup = _popup_after_typing(qtbot, f, "TIL")
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.wait(20)
    assert f.tokens() == ["TIL_25"] and f.line_edit().text() == ""


def test_next_number_of_a_series_is_not_a_near_duplicate(qtbot):
    known = Counter({"TIL_24": 30, "TIL_25": 12, "Python3": 4})
    assert default_near_duplicate("TIL_26", known) is None
    assert default_near_duplicate("til_24", known) == "TIL_24"  # case still counts
    assert default_near_duplicate("Pyhton3", known) == "Python3"  # typos still count
    f = _field(qtbot, completions=known)
    qtbot.keyClicks(f.line_edit(), "TIL_26")
    assert f.near_duplicate_warning() == ""


def test_focusing_the_field_puts_the_cursor_in_its_input(qtbot):
    f = _field(qtbot)
    f.setFocus()
    qtbot.waitUntil(f.line_edit().hasFocus, timeout=2000)
    assert f.line_edit().hasFocus()
