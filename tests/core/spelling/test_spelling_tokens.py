"""The spelling tokenizer: prose words are yielded with exact offsets; code spans, fences,
indented code, math, URLs, HTML tag internals, Liquid, IAL/ALD, comments, link targets,
reference definitions and front matter never are. Line-by-line scanning with a state gives
the same words as scanning the whole text (what the editor relies on)."""

from __future__ import annotations

import time

import pytest

from tileditor.core.spelling.tokens import BLANK, FENCE_BASE, START, iter_words, scan_line


def words(text: str) -> list[str]:
    return [w.text for w in iter_words(text)]


def test_paragraph_words_have_exact_offsets_and_lines():
    text = "# Title here\n\nSome wrods, in a *paragrph*.\n"
    found = list(iter_words(text))
    assert [w.text for w in found] == ["Title", "here", "Some", "wrods", "in", "paragrph"]
    assert all(text[w.start:w.end] == w.text for w in found)
    assert [w.line for w in found] == [1, 1, 3, 3, 3, 3]


@pytest.mark.parametrize("text, hidden", [
    ("Use `wrodz` here.", "wrodz"),
    ("Use ``a ` wrodz`` here.", "wrodz"),
    ("Math $wrodz + 1$ inline.", "wrodz"),
    ("Math $$wrodz^2$$ inline.", "wrodz"),
    ("See https://example.com/wrodz now.", "wrodz"),
    ("See <https://example.com/wrodz> now.", "wrodz"),
    ("Mail me@wrodz.com now.", "wrodz"),
    ("A {{ site.wrodz }} output.", "wrodz"),
    ("A {% include wrodz.html %} tag.", "wrodz"),
    ("Kramdown {: .wrodz} attribute.", "wrodz"),
    ("An ALD {:wrodz: .notice} here.", "wrodz"),
    ("A [link](https://x.org/wrodz \"t\") target.", "wrodz"),
    ("A [link][wrodz] label.", "wrodz"),
    ('An <img src="a.png" wrodz="85%"> tag.', "wrodz"),
    ("A <wrodz>tag</wrodz> name.", "wrodz"),
    ("A <!-- wrodz --> comment.", "wrodz"),
    ("A {::comment}wrodz{:/comment} comment.", "wrodz"),
    ("Emoji :wrodz: code.", "wrodz"),
    ("Entity &wrodz; here.", "wrodz"),
    ("Footnote[^wrodz] here.", "wrodz"),
    ("Paths src/wrodz.py and snake_wrodz and TIL25_wrodz.", "wrodz"),
])
def test_non_prose_in_a_line_is_never_yielded(text, hidden):
    found = words(text)
    assert hidden not in found
    assert found  # the prose around it still is


@pytest.mark.parametrize("text", [
    "---\ntitle: wrodz\n---\nBody text.\n",
    "Intro text.\n\n```python\nwrodz = 1\n```\n\nAfter text.\n",
    "Intro text.\n\n~~~~\nwrodz\n~~~\nstill wrodz\n~~~~\nAfter text.\n",
    "Intro text.\n\n    wrodz indented code\n\nAfter text.\n",
    "Intro text.\n\n$$\nwrodz + 1\n$$\nAfter text.\n",
    "Intro text.\n<script>\nvar wrodz = 1;\n</script>\nAfter text.\n",
    "Intro text.\n<!--\nwrodz\n-->\nAfter text.\n",
    "Intro text.\n{% highlight ruby %}\nwrodz\n{% endhighlight %}\nAfter text.\n",
    "Intro text.\n{% comment %}\nwrodz\n{% endcomment %}\nAfter text.\n",
    "Intro text.\n\n[wrodz]: https://example.com/wrodz \"wrodz\"\nAfter text.\n",
    "Intro text.\n{::comment}\nwrodz\n{:/comment}\nAfter text.\n",
    "- item text\n\n        wrodz code in a list\n\nAfter text.\n",
    "1. item text\n   ```bash\n   wrodz\n   ```\nAfter text.\n",
])
def test_blocks_that_are_not_prose_are_never_yielded(text):
    found = words(text)
    assert "wrodz" not in found
    assert found[-2:] == ["After", "text"] or found[-2:] == ["Body", "text"]


def test_text_between_html_tags_is_checked():
    assert words("<center><I>the captoin here</I></center>") == ["the", "captoin", "here"]


def test_indented_lines_continue_a_paragraph_and_a_list():
    assert "wrodz" in words("A paragraph line\n    wrodz lazy continuation\n")
    assert "wrodz" in words("- item\n\n  wrodz second paragraph of the item\n")


def test_headings_and_list_items_are_checked_and_a_heading_ends_the_paragraph():
    assert words("## Headng\n- itemm\n") == ["Headng", "itemm"]
    assert "wrodz" not in words("# Head\n    wrodz\n")  # kramdown: code after a heading


def test_identifiers_acronyms_and_camel_case_are_skipped():
    assert words("API JSON GitHub getElementById kubectl x 2025년") == ["kubectl"]


def test_hangul_and_latin_words_carry_their_script():
    found = list(iter_words("Jekyll을 배포했다 naïve"))
    assert [(w.text, w.script) for w in found] == [
        ("Jekyll", "latin"), ("배포했다", "hangul"), ("naïve", "latin")]


def test_unclosed_fence_hides_everything_below():
    assert words("Before.\n```\nwrodz\nmore wrodz\n") == ["Before"]


def test_scan_line_states_match_the_whole_text_scan():
    text = ("---\ntitle: x\n---\nIntro wrods.\n\n```\ncode\n```\n- list\n\n    more\n"
            "<!-- a\nb -->after\n\n    code block\n")
    state, per_line = START, []
    lines = text.split("\n")
    offset = 0
    for number, line in enumerate(lines, 1):
        found, state = scan_line(line, state)
        per_line += [(w.start + offset, w.text, number) for w in found]
        offset += len(line) + 1
    assert per_line == [(w.start, w.text, w.line) for w in iter_words(text)]
    assert ("after", 13) in [(t, n) for _, t, n in per_line]


def test_fence_states_follow_the_editor_highlighters_encoding():
    _, state = scan_line("~~~~", BLANK)
    assert state == FENCE_BASE + 2 * 4 + 1
    assert scan_line("~~~", state) == ([], state)  # shorter: still inside
    assert scan_line("~~~~~", state)[1] == BLANK


HOSTILE = {"brackets": "[", "link_opens": "](", "ial_opens": "{:", "backticks": "` ``",
           "tag_opens": "<a ", "dollars": "$a ", "liquid_opens": "{{", "at_words": "a.b-c@"}


def _best(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        list(iter_words(text))
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_long_line_is_scanned_in_linear_time(name):
    # Time at 4n against time at n (quadratic would be 16x), as tests/core/test_render_bounded.py.
    unit = HOSTILE[name]
    small, big = unit * (5000 // len(unit)), unit * (20000 // len(unit))
    t_small, t_big = _best(small), _best(big)
    assert t_big <= max(10 * t_small, 0.05), (name, t_small, t_big)
