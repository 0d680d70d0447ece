"""FrontMatterForm: shows header values, emits only the key the user changed, stays silent on
programmatic updates, and falls back to the raw editor when the YAML is invalid."""

from collections import Counter
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit

from tileditor.core.frontmatter import HeaderError, read_header_values
from tileditor.ui.front_matter_form import FrontMatterForm, format_date, is_valid_date_text
from tileditor.ui.token_field import TokenField

HEADER = (
    '---\ntitle: "TIL :: A new chapter"\ntag: [Notice, MLOpsReview, TIL_25]\n'
    "categories: Notice\nread_time: True\ntoc: true \ntypora-root-url: ../\n"
    "header:\n  teaser: /images/t.png\n---\nbody\n"
)


def _form(qtbot):
    form = FrontMatterForm()
    qtbot.addWidget(form)
    form.resize(900, 80)
    form.show()
    record = []
    form.field_changed.connect(lambda k, v: record.append((k, v)))
    return form, record


def test_values_shown_and_programmatic_set_is_silent(qtbot):
    form, record = _form(qtbot)
    raw = []
    form.raw_header_edited.connect(raw.append)
    form.set_values(read_header_values(HEADER), file_date="2025-04-22")
    form.set_raw_text("title: x\n")
    assert form.findChild(QLineEdit, "titleField").text() == "TIL :: A new chapter"
    assert form.findChild(TokenField, "tagsField").tokens() == ["Notice", "MLOpsReview", "TIL_25"]
    assert form.findChild(TokenField, "categoriesField").tokens() == ["Notice"]
    assert form.date_field.text() == ""
    assert "2025-04-22" in form.date_field.placeholderText()
    assert form.toc_field.checkState() == Qt.CheckState.Checked
    assert form.more_field("header.teaser").text() == "/images/t.png"
    assert form.more_field("read_time").checkState() == Qt.CheckState.Checked
    assert form.more_field("comments").checkState() == Qt.CheckState.PartiallyChecked
    assert record == [] and raw == []


def test_title_edit_emits_only_title(qtbot):
    form, record = _form(qtbot)
    form.set_values({"title": "Old", "tags": ["a"]})
    form.title_field.selectAll()
    qtbot.keyClicks(form.title_field, "New")
    assert record[-1] == ("title", "New")
    assert {k for k, _ in record} == {"title"}


def test_tags_use_the_key_found_in_the_header(qtbot):
    form, record = _form(qtbot)
    form.set_values(read_header_values(HEADER))
    qtbot.keyClicks(form.tags_field.line_edit(), "python")
    qtbot.keyClick(form.tags_field.line_edit(), Qt.Key.Key_Return)
    assert record == [("tag", ["Notice", "MLOpsReview", "TIL_25", "python"])]
    form.set_values({"title": "x"})
    qtbot.keyClicks(form.categories_field.line_edit(), "TIL,")
    assert record[-1] == ("categories", ["TIL"])


def test_checkbox_cycle_and_cleared_fields_delete(qtbot):
    form, record = _form(qtbot)
    form.set_values({"title": "T", "toc": True, "date": date(2025, 1, 2)})
    assert form.date_field.text() == "2025-01-02"
    qtbot.mouseClick(form.toc_field, Qt.MouseButton.LeftButton)
    assert record[-1] == ("toc", False)
    qtbot.mouseClick(form.toc_field, Qt.MouseButton.LeftButton)
    assert record[-1] == ("toc", None)  # partly checked = unset, inherit the default
    form.title_field.selectAll()
    qtbot.keyClick(form.title_field, Qt.Key.Key_Delete)
    assert record[-1] == ("title", None)


def test_more_section_collapsed_and_emits_dotted_keys(qtbot):
    form, record = _form(qtbot)
    form.set_values({})
    teaser = form.more_field("header.teaser")
    assert not teaser.isVisible()
    form.set_more_visible(True)
    assert teaser.isVisible()
    qtbot.keyClicks(teaser, "/a.png")
    assert record[-1] == ("header", {"teaser": "/a.png"})
    box = form.more_field("share")
    assert isinstance(box, QCheckBox)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert record[-1] == ("share", True)


def test_layout_combo_emits_layout(qtbot):
    form, record = _form(qtbot)
    form.set_values({"layout": "single"})
    assert form.layout_field.currentText() == "single"
    form.layout_field.lineEdit().selectAll()
    qtbot.keyClicks(form.layout_field.lineEdit(), "splash")
    assert record[-1] == ("layout", "splash")


def test_invalid_yaml_disables_fields_keeps_raw_editable(qtbot):
    form, record = _form(qtbot)
    text = "---\ntitle: [unclosed\ntags: a\n---\n"
    try:
        read_header_values(text)
        raise AssertionError("expected a HeaderError")
    except HeaderError as exc:
        message = str(exc)
    form.set_values({}, error=message)
    form.set_raw_text("title: [unclosed\ntags: a\n")
    assert not form.fields_enabled()
    assert not form.title_field.isEnabled()
    assert not form.tags_field.isEnabled()
    assert form.raw_button.isEnabled() and form.raw_button.isChecked()
    assert "line" in form.error_text()
    raw = form.findChild(QPlainTextEdit, "rawHeaderEditor")
    assert raw.isVisible() and raw.isEnabled()
    edited = []
    form.raw_header_edited.connect(edited.append)
    raw.moveCursor(raw.textCursor().MoveOperation.End)
    qtbot.keyClicks(raw, "x")
    assert edited and edited[-1].endswith("x")
    form.set_values({"title": "ok"})
    assert form.fields_enabled() and form.error_text() == ""
    assert record == []


def test_completions_reach_token_fields(qtbot):
    form, _ = _form(qtbot)
    form.set_completions(Counter({"Python": 4}), Counter({"TIL": 9}))
    model = form.tags_field.completer().model()
    assert model.index(0, 0).data() == "Python (4)"
    model = form.categories_field.completer().model()
    assert model.index(0, 0).data() == "TIL (9)"


def test_format_date():
    assert format_date(datetime(2023, 3, 17, 17, 0)) == "2023-03-17 17:00:00"
    assert format_date("2023-03-17 17:00:00 +0900") == "2023-03-17 17:00:00 +0900"
    assert format_date(None) == ""


def test_nested_keys_emit_the_whole_parent_mapping(qtbot):
    form, record = _form(qtbot)
    form.set_values({"header": {"overlay_image": "/o.png", "teaser": "/t.png"}})
    form.set_more_visible(True)
    form.more_field("header.teaser").clear()
    qtbot.keyClicks(form.more_field("header.teaser"), "/n.png")
    assert record[-1] == ("header", {"overlay_image": "/o.png", "teaser": "/n.png"})
    form.more_field("header.teaser").selectAll()
    qtbot.keyClick(form.more_field("header.teaser"), Qt.Key.Key_Delete)
    assert record[-1] == ("header", {"overlay_image": "/o.png"})
    form.more_field("header.overlay_image").selectAll()
    qtbot.keyClick(form.more_field("header.overlay_image"), Qt.Key.Key_Delete)
    assert record[-1] == ("header", None)
    qtbot.keyClicks(form.more_field("sidebar.nav"), "docs")
    assert record[-1] == ("sidebar", {"nav": "docs"})


def test_refresh_while_typing_keeps_cursor_and_pending_tag(qtbot):
    form, record = _form(qtbot)
    form.set_values({"title": "Hello world", "tags": ["a"]})
    form.title_field.setCursorPosition(5)
    qtbot.keyClicks(form.tags_field.line_edit(), "pyt")
    form.set_values({"title": "Hello world", "tags": ["a"]})  # the owner re-syncs
    assert form.title_field.cursorPosition() == 5
    assert form.tags_field.line_edit().text() == "pyt"
    form.set_values({"title": "Hello world", "tags": ["a", "b"]})
    assert form.tags_field.tokens() == ["a", "b"]
    assert form.tags_field.line_edit().text() == "pyt"
    assert record == []


def test_every_corpus_header_loads_silently(qtbot, corpus):
    from tests.helpers.corpus import corpus_posts
    from tileditor.core.frontmatter import as_list

    form, record = _form(qtbot)
    shown = 0
    for path in corpus_posts():
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            values, error = read_header_values(text), None
        except HeaderError as exc:
            values, error = {}, str(exc)
        form.set_values(values, error=error)
        assert form.fields_enabled() == (error is None)
        if values.get("title") is not None:
            assert form.title_field.text() == str(values["title"])
            shown += 1
        tag_key = "tags" if "tags" in values else "tag"
        expected = list(dict.fromkeys(t.strip() for t in as_list(values.get(tag_key))))
        assert form.tags_field.tokens() == [t for t in expected if t]
    assert shown > 0
    assert record == []


def test_date_typing_is_checked(qtbot):
    form, record = _form(qtbot)
    form.set_values({"date": "2023-03-17 17:00:00 +0900"})
    assert form.date_is_valid()
    form.date_field.selectAll()
    qtbot.keyClicks(form.date_field, "2025-13-40")
    assert record[-1] == ("date", "2025-13-40")
    assert not form.date_is_valid()
    assert "Not a date" in form.date_field.toolTip()
    form.date_field.selectAll()
    qtbot.keyClicks(form.date_field, "2025-02-03 09:30")
    assert form.date_is_valid() and "Not a date" not in form.date_field.toolTip()


def test_is_valid_date_text():
    for ok in ("", "2025-04-22", "2023-03-17 17:00:00 +0900", "2024-1-5 8:05", "2024-01-05T08:05:00Z"):
        assert is_valid_date_text(ok), ok
    for bad in ("2025-02-30", "yesterday", "2025-04-22x", "22-04-2025"):
        assert not is_valid_date_text(bad), bad


def test_site_defaults_show_as_placeholders(qtbot, tmp_path):
    from tileditor.core.demo import install_demo_blog
    from tileditor.core.site import JekyllSite

    site = JekyllSite(install_demo_blog(tmp_path))
    post = site.posts()[0].path
    form, record = _form(qtbot)
    form.set_values({"title": "x"})
    form.set_defaults(site.defaults_for(post))
    assert form.layout_field.lineEdit().placeholderText() == "single (default)"
    assert form.layout_field.currentText() == ""
    assert "site default: true" in form.toc_field.toolTip()
    assert "site default: false" in form.more_field("comments").toolTip()
    assert form.more_field("excerpt").placeholderText() == "excerpt"
    form.set_defaults({})
    assert form.layout_field.lineEdit().placeholderText() == "layout"
    assert "site default:" not in form.toc_field.toolTip()
    assert record == []


def test_new_post_starts_in_the_title_and_labels_focus_their_fields(qtbot, window):
    window.activateWindow()
    window.actions_.new_post.trigger()
    qtbot.waitUntil(window.form.title_field.hasFocus, timeout=3000)
    # Alt+G (the Tags label's mnemonic) puts the cursor in the tags input.
    qtbot.keyClick(window.form.title_field, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.form.tags_field.line_edit().hasFocus, timeout=3000)
