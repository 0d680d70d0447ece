"""The editor's spelling underline on real QTextDocument layouts: a misspelled word in prose gets
Qt's SpellCheckUnderline (keeping its other highlighting), one in a code span, fence, math,
URL, Liquid tag or front matter does not; Korean words go to the Korean dictionary; edits
re-check only what changed and a repaint is never taken for an edit."""

from __future__ import annotations

import os

import pytest
from PySide6.QtGui import QTextCharFormat

from tileditor.core.spelling import SpellChecker
from tileditor.core.spelling.checker import _open_dictionary
from tileditor.ui.editor_pane import EditorPane

WAVY = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def need(tag: str) -> None:
    if _open_dictionary(tag)[0] is None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must have the {tag} dictionary")
        pytest.skip(f"no {tag} dictionary")


@pytest.fixture
def editor(qtbot):
    need("en_US")
    e = EditorPane()
    qtbot.addWidget(e)
    e.highlighter.spell = SpellChecker("en_US")  # autoload: dictionaries load on first use
    return e


def load(editor, text: str) -> None:
    """set_text highlights without checking (a long post would wait for it); then every
    block again, as the window's spelling flow does a slice at a time."""
    editor.set_text(text)
    block = editor.document().firstBlock()
    while block.isValid():
        editor.rehighlight_block(block)
        block = block.next()


def underlined(editor, line: int) -> list[str]:
    """The underlined stretches of `line`, as text."""
    block = editor.document().findBlockByNumber(line)
    text = block.text()
    return [text[r.start:r.start + r.length] for r in block.layout().formats()
            if QTextCharFormat(r.format).underlineStyle() == WAVY]


TEXT = """---
title: A wrold in the header
---
The wrold is **wrold** and `wrold` here.

```
wrold = 1
```

Math $wrold$ and https://example.com/wrold and {{ page.wrold }} and {: .wrold}
"""


def test_only_prose_words_are_underlined(editor):
    load(editor, TEXT)
    assert underlined(editor, 1) == []  # front matter
    assert underlined(editor, 3) == ["wrold", "wrold"]  # plain and bold, not the code span
    assert underlined(editor, 6) == []  # fence body
    assert underlined(editor, 9) == []


def test_the_underline_keeps_the_words_own_highlighting(editor):
    load(editor, "A **wrold** here.")
    block = editor.document().firstBlock()
    bold = [QTextCharFormat(r.format) for r in block.layout().formats()
            if QTextCharFormat(r.format).underlineStyle() == WAVY]
    assert bold and all(f.fontWeight() > 500 for f in bold)


def test_typing_checks_the_edited_block(editor, qtbot):
    load(editor, "First line.\n\nSecond line.\n")
    assert underlined(editor, 2) == []
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(len("First line.\n\nSecond line."))
    editor.setTextCursor(cursor)
    edits = []
    editor.text_edited.connect(lambda: edits.append(1))
    qtbot.keyClicks(editor, " Teh wrold")
    assert underlined(editor, 2) == ["Teh", "wrold"]
    assert len(edits) == len(" Teh wrold")
    editor.rehighlight_block(editor.document().findBlockByNumber(2))
    assert len(edits) == len(" Teh wrold")  # a repaint is not an edit


def test_korean_words_are_checked_with_the_korean_dictionary(editor):
    need("ko_KR")
    load(editor, "어제 배포가 잘 됬다. 오늘은 잘 됐다. Jekyll을 썼다.\n")
    assert underlined(editor, 0) == ["됬다"]


def test_set_text_leaves_checking_to_the_repaint_and_says_it_loaded(editor):
    loaded = []
    editor.text_loaded.connect(lambda: loaded.append(1))
    editor.set_text("The wrold.\n")
    assert loaded == [1] and underlined(editor, 0) == []
    editor.rehighlight_block(editor.document().firstBlock())
    assert underlined(editor, 0) == ["wrold"]


def test_no_checker_no_underline(editor):
    editor.highlighter.spell = None
    load(editor, "The wrold.\n")
    assert underlined(editor, 0) == []


def test_astral_characters_before_a_word_keep_the_underline_on_it(editor):
    load(editor, "\U0001F600 the wrold\n")
    block = editor.document().firstBlock()
    spans = [(r.start, r.length) for r in block.layout().formats()
             if QTextCharFormat(r.format).underlineStyle() == WAVY]
    # Qt positions count the emoji as two units: "wrold" starts at unit 7
    assert spans == [(7, 5)]


def test_the_word_under_a_click_is_found_after_astral_characters(editor):
    from PySide6.QtGui import QTextCursor

    from tileditor.ui.spell_menu import misspelled_word_at

    load(editor, "\U0001F600\U0001F600 a wrold here\n")
    cursor = QTextCursor(editor.document())
    cursor.setPosition(4 + 2 + 2)  # two emoji (4 units), " a ", then inside "wrold"
    word = misspelled_word_at(editor, cursor, editor.highlighter.spell)
    assert word is not None and word.text == "wrold" and (word.start, word.end) == (7, 12)
    cursor.setPosition(14)  # inside "here": spelled right
    assert misspelled_word_at(editor, cursor, editor.highlighter.spell) is None
