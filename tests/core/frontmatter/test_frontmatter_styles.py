"""FrontMatter edits keep the user's own YAML style, one key's lines at a time."""

from __future__ import annotations

from datetime import date

import pytest

from tileditor.core.frontmatter import FrontMatter, load_value


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """Lines only in `before`, lines only in `after` (by position-free multiset difference)."""
    a, b = before.splitlines(), after.splitlines()
    return [x for x in a if x not in b], [x for x in b if x not in a]


def edit(text: str, key, value) -> str:
    fm = FrontMatter(text)
    fm[key] = value
    assert fm[key] == value
    return fm.text


def test_flow_list_keeps_singular_key_and_spacing():
    text = 'title: "TIL :: x"\ntag: [Notice, MLOpsReview, TIL_25]\ncategories: Notice\n'
    out = edit(text, "tag", ["Notice", "MLOpsReview", "TIL_25", "Python"])
    assert out == 'title: "TIL :: x"\ntag: [Notice, MLOpsReview, TIL_25, Python]\ncategories: Notice\n'


def test_flow_list_without_spaces_stays_without_spaces():
    assert edit("tag: [a,b]\n", "tag", ["a", "b", "c"]) == "tag: [a,b,c]\n"


def test_flow_list_padding_inside_brackets_kept():
    assert edit("tags: [ a, b ]\n", "tags", ["a"]) == "tags: [ a ]\n"


def test_plain_string_becomes_list_in_prevailing_flow_style():
    text = "tag: [x,y]\ncategories: Notice\n"
    assert edit(text, "categories", ["Notice", "TIL"]) == "tag: [x,y]\ncategories: [Notice,TIL]\n"


def test_plain_string_becomes_list_in_prevailing_block_style():
    text = "tags:\n    - x\ncategories: Notice\n"
    out = edit(text, "categories", ["Notice", "TIL"])
    assert out == "tags:\n    - x\ncategories:\n    - Notice\n    - TIL\n"


def test_capital_true_stays_capital_and_changes_case_consistently():
    fm = FrontMatter("read_time: True\ntoc: true \n")
    fm["read_time"] = True
    assert fm.text == "read_time: True\ntoc: true \n"
    fm["read_time"] = False
    assert fm.text == "read_time: False\ntoc: true \n"
    assert fm["read_time"] is False


def test_trailing_space_untouched_when_other_keys_change():
    fm = FrontMatter("toc: true \ntitle: a\n")
    fm["title"] = "b"
    assert fm.text == "toc: true \ntitle: b\n"


def test_double_quoted_title_with_double_colon_stays_double_quoted():
    out = edit('title: "TIL :: Day 1"\n', "title", "TIL :: Day 2")
    assert out == 'title: "TIL :: Day 2"\n'


def test_single_quotes_kept_and_escaped():
    assert edit("title: 'a'\n", "title", "it's") == "title: 'it''s'\n"


def test_plain_string_gets_quoted_only_when_needed():
    assert edit("title: a\n", "title", "plain words") == "title: plain words\n"
    out = edit("title: a\n", "title", "key: value # not a comment")
    assert out.startswith('title: "') and load_value(out)["title"] == "key: value # not a comment"
    assert load_value(edit("title: a\n", "title", "yes"))["title"] == "yes"
    assert load_value(edit("title: a\n", "title", "123"))["title"] == "123"


def test_typora_root_url_kept_while_editing_other_keys():
    fm = FrontMatter("typora-root-url: ../\ntag: [a]\n")
    fm["tag"] = ["a", "b"]
    assert fm.text == "typora-root-url: ../\ntag: [a, b]\n"


@pytest.mark.parametrize("indent", ["", "  ", "    "])
def test_block_list_indentation_kept(indent):
    text = f"tags:\n{indent}- a\n{indent}- b\ntitle: t\n"
    out = edit(text, "tags", ["a", "b", "c"])
    assert out == f"tags:\n{indent}- a\n{indent}- b\n{indent}- c\ntitle: t\n"


def test_flow_list_nested_in_block_list():
    text = "tags:\n  - x\n  - [y,z]\n"
    out = edit(text, "tags", ["x", ["y", "z"], "w"])
    assert out == "tags:\n  - x\n  - [y,z]\n  - w\n"


def test_folded_title_replaced_as_a_whole():
    text = "title: >\n  a long\n  folded title\ndate: 2020-01-02\n"
    fm = FrontMatter(text)
    assert fm["title"] == "a long folded title\n"
    fm["title"] = "short"
    assert fm["title"] == "short"
    assert fm.text.endswith("date: 2020-01-02\n")
    assert "folded" not in fm.text and fm["date"] == date(2020, 1, 2)


def test_blank_lines_and_comments_inside_header_untouched():
    text = "# my header\ntitle: a\n\n# tags below\ntags:\n  - x\n\nlayout: post # why\n"
    fm = FrontMatter(text)
    fm["tags"] = ["x", "y"]
    fm["layout"] = "single"
    assert fm.text == (
        "# my header\ntitle: a\n\n# tags below\ntags:\n  - x\n  - y\n\nlayout: single # why\n"
    )


def test_duplicate_keys_read_last_and_edit_last():
    fm = FrontMatter("tag: a\ntitle: t\ntag: b\n")
    assert fm["tag"] == "b" and list(fm) == ["tag", "title"]
    fm["tag"] = "c"
    assert fm.text == "tag: a\ntitle: t\ntag: c\n"


def test_delete_removes_only_that_keys_lines():
    text = "title: t\n# c\ntags:\n  - a\n  - b\n\nlayout: post\n"
    fm = FrontMatter(text)
    del fm["tags"]
    assert fm.text == "title: t\n# c\n\nlayout: post\n"
    assert "tags" not in fm
    with pytest.raises(KeyError):
        del fm["tags"]


def test_date_with_timezone_untouched_and_readable():
    text = "date: 2023-03-17 17:00:00 +0900\ntitle: a\n"
    fm = FrontMatter(text)
    assert "2023-03-17" in str(fm["date"])
    fm["title"] = "b"
    assert fm.text == "date: 2023-03-17 17:00:00 +0900\ntitle: b\n"


def test_setting_equal_value_changes_no_byte():
    text = "tag: [a,b]   \nread_time: True\ntitle:   'x'\n"
    fm = FrontMatter(text)
    for key in list(fm):
        fm[key] = fm[key]
    assert fm.text == text


def test_new_key_appended_in_prevailing_style():
    fm = FrontMatter('title: "a"\nsub: "b"\ntag: [x,y]\n')
    fm["categories"] = ["TIL", "Notice"]
    fm["excerpt"] = "short"
    assert fm.text.endswith('categories: [TIL,Notice]\nexcerpt: "short"\n')


def test_crlf_header_edits_use_crlf():
    fm = FrontMatter("title: a\r\ntags:\r\n  - x\r\n", newline="\r\n")
    fm["tags"] = ["x", "y"]
    fm["new"] = 1
    assert fm.text == "title: a\r\ntags:\r\n  - x\r\n  - y\r\nnew: 1\r\n"


def test_nested_mapping_rewrites_that_block():
    text = "header:\n    teaser: /a.png\n    overlay: x\ntitle: t\n"
    fm = FrontMatter(text)
    fm["header"] = {"teaser": "/b.png", "overlay": "x"}
    assert fm.text == "header:\n    teaser: /b.png\n    overlay: x\ntitle: t\n"


def test_invalid_yaml_is_read_only_with_line_number():
    fm = FrontMatter("title: a\ntags: [a, b\nx: : y\n")
    assert fm.error and "line" in fm.error and fm.error_line is not None
    assert len(fm) == 0
    with pytest.raises(ValueError):
        fm["title"] = "b"


def test_key_for_returns_spelling_in_file():
    fm = FrontMatter("tag: [a]\ncategory: x\n")
    assert fm.key_for("tags", "tag") == "tag"
    assert fm.key_for("categories", "category") == "category"
    assert fm.key_for("excerpt", "summary") == "excerpt"


def test_trailing_comment_after_flow_list_kept():
    assert edit("tag: [a, b] # topics\n", "tag", ["a"]) == "tag: [a] # topics\n"


def test_empty_value_then_set():
    assert edit("tags:\ntitle: x\n", "tags", ["a"]) == "tags: [a]\ntitle: x\n"


def test_nested_key_edit_touches_only_its_line():
    text = (
        "header:\n  # hero\n  overlay_image: /assets/a.jpg\n  teaser: 'assets/t.png'\n"
        "  caption: \"Photo: [x](y)\"\n  actions:\n    - label: More\ntitle: t\n"
    )
    fm = FrontMatter(text)
    fm.set_in(("header", "teaser"), "assets/new.png")
    assert fm.text == text.replace("'assets/t.png'", "'assets/new.png'")
    fm.set_in(("header", "og"), "/og.png")
    assert fm["header"]["og"] == "/og.png"
    assert fm.text.endswith("    - label: More\n  og: /og.png\ntitle: t\n")
    fm.set_in(("excerpt",), "x")
    fm.set_in(("new", "a", "b"), 1)
    assert fm["new"] == {"a": {"b": 1}} and fm["excerpt"] == "x"


def test_nested_mapping_key_removed_and_reordered():
    fm = FrontMatter("h:\n  a: 1 # one\n  b: 2\n  c: 3\n")
    fm["h"] = {"a": 1, "c": 3}
    assert fm.text == "h:\n  a: 1 # one\n  c: 3\n"
    fm["h"] = {"c": 3, "a": 1}
    assert fm["h"] == {"c": 3, "a": 1} and list(fm["h"]) == ["c", "a"]


@pytest.mark.parametrize("word", ["yes", "No", "on", "OFF", "~", "1:20", "0777", "2020-01-02", "1_000"])
def test_strings_jekyll_would_not_read_as_strings_are_quoted(word):
    out = edit("title: a\n", "title", word)
    assert out.startswith('title: "') and load_value(out)["title"] == word


def test_plain_words_stay_plain():
    assert edit("title: a\n", "title", "yesterday 10 things") == "title: yesterday 10 things\n"
