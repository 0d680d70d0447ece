"""The Enchant-backed checker on the real system dictionaries (hunspell-en-us, hunspell-ko):
English and Korean misspellings are flagged by their script's dictionary in the same post,
words outside prose never are, the personal word list persists across checkers, the
session ignore list does not, and a language without a dictionary is reported, never raised."""

from __future__ import annotations

import os
import time

import pytest

from tileditor.core.spelling import SpellChecker, find_misspellings
from tileditor.core.spelling.checker import _open_dictionary
from tileditor.core.spelling.wordlist import personal_words_path


def require_dictionary(tag: str) -> None:
    """CI installs the dictionaries (.ci/run); a bare clone without them skips."""
    dictionary, problem = _open_dictionary(tag)
    if dictionary is None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must have the {tag} dictionary: {problem}")
        pytest.skip(problem)


@pytest.fixture
def english():
    require_dictionary("en_US")
    return SpellChecker("en_US")


def flagged(text: str, checker: SpellChecker) -> list[str]:
    return [m.word for m in find_misspellings(text, checker, suggest=False)]


def test_a_misspelled_word_in_a_paragraph_is_flagged_with_suggestions(english):
    found = find_misspellings("---\ntitle: x\n---\nThe wrold is big.\n", english)
    assert [(m.line, m.column, m.word) for m in found] == [(4, 5, "wrold")]
    assert "world" in found[0].suggestions


@pytest.mark.parametrize("text", [
    "Run `wrold` now.",
    "Text.\n\n```\nwrold\n```\n",
    "Math $wrold + 1$ here.",
    "Math $$wrold$$ here.",
    "See https://example.com/wrold here.",
    "A {{ page.wrold }} and {% include wrold.html %} here.",
    "---\ntitle: wrold\n---\nAll fine here.\n",
    "An {: .wrold} attribute and a [link](wrold.html) here.",
    '<img src="x.png" wrold="1"> here.',
])
def test_a_misspelled_word_outside_prose_is_not_flagged(english, text):
    assert flagged(text, english) == []
    assert flagged(text + "\n\nThe wrold.\n", english) == ["wrold"]  # the same word in prose is


def test_korean_words_use_the_korean_dictionary_in_an_english_post():
    require_dictionary("en_US")
    require_dictionary("ko_KR")
    checker = SpellChecker("en_US")
    assert checker.tags == {"latin": "en_US", "hangul": "ko_KR"}
    assert flagged("어제 배포가 잘 됬다. 오늘은 잘 됐다. The wrold too.", checker) == ["됬다", "wrold"]
    assert "됐다" in checker.suggestions("됬다")


def test_a_korean_post_still_checks_latin_words_in_english():
    require_dictionary("en_US")
    require_dictionary("ko_KR")
    checker = SpellChecker("ko")
    assert checker.tags == {"latin": "en_US", "hangul": "ko_KR"}
    assert flagged("Jekyll을 설치했다. 할께요 wrold", checker) == ["할께요", "wrold"]


def test_add_to_dictionary_persists_and_survives_a_new_checker(english, tmp_path):
    path = personal_words_path(tmp_path / "data")
    checker = SpellChecker("en_US", path)
    assert checker.misspelled("kubectl")
    assert checker.add("kubectl") is None
    assert not checker.misspelled("kubectl")
    assert not checker.misspelled("Kubectl")  # added in lower case: also at a sentence start
    assert path.read_text(encoding="utf-8").splitlines() == ["kubectl"]
    fresh = SpellChecker("en_US", path)
    assert not fresh.misspelled("kubectl")
    assert flagged("Use kubectl and wrold.", fresh) == ["wrold"]


def test_adding_merges_words_another_window_saved_meanwhile(english, tmp_path):
    path = tmp_path / "dictionary.txt"
    first, second = SpellChecker("en_US", path), SpellChecker("en_US", path)
    assert first.add("kubectl") is None
    assert second.add("ipsum") is None
    assert sorted(path.read_text(encoding="utf-8").split()) == ["ipsum", "kubectl"]


def test_a_word_list_that_cannot_be_written_says_so_and_the_word_passes_this_session(
        english, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    checker = SpellChecker("en_US", blocker / "dictionary.txt")
    problem = checker.add("kubectl")
    assert problem is not None and "kubectl" in problem
    assert not checker.misspelled("kubectl")


def test_ignore_lasts_for_the_session_only(english, tmp_path):
    path = tmp_path / "dictionary.txt"
    checker = SpellChecker("en_US", path)
    checker.ignore("wrold")
    assert not checker.misspelled("wrold")
    assert not path.exists()
    assert SpellChecker("en_US", path).misspelled("wrold")


def test_an_unknown_language_is_reported_and_nothing_raises():
    checker = SpellChecker("xx_XX")
    assert checker.tags["latin"] == "xx_XX"
    assert flagged("The wrold is big.", checker) == []
    assert checker.suggestions("wrold") == []
    problems = checker.problems()
    assert len(problems) == 1 and "xx_XX" in problems[0] and "not checked" in problems[0]


def test_without_autoload_words_wait_for_load_and_are_then_checked(english):
    checker = SpellChecker("en_US", autoload=False)
    assert not checker.misspelled("wrold")  # not loaded yet: not flagged, not cached
    assert checker.pending() == {"latin"}
    checker.load()
    assert checker.pending() == set() and checker.is_loaded("latin")
    assert checker.misspelled("wrold")


def test_switching_language_drops_only_the_dictionaries_that_change(english):
    checker = SpellChecker("en_US")
    assert checker.misspelled("wrold")
    assert checker.set_language("en-us") is False  # same dictionaries
    assert checker.is_loaded("latin")
    assert checker.set_language("xx_XX") is True
    assert not checker.is_loaded("latin") and not checker.misspelled("wrold")


def test_results_are_cached_per_word(english):
    checker = SpellChecker("en_US")
    assert checker.misspelled("wrold")

    class Counting:
        def __init__(self, inner):
            self.inner, self.calls = inner, 0

        def check(self, word):
            self.calls += 1
            return self.inner.check(word)

    counting = Counting(checker._dicts["latin"])
    checker._dicts["latin"] = counting
    for _ in range(5):
        assert checker.misspelled("wrold") and not checker.misspelled("world")
    assert counting.calls == 1  # "world" once; "wrold" came from the cache


def test_an_idle_dictionary_is_unloaded_and_a_new_word_brings_it_back():
    """release_idle drops a dictionary no uncached word needed for that long (the Korean one
    is ~50 MiB); the words it already judged keep their answers, and a word it never saw is
    not flagged until load() has it back, after which take_asked names what to repaint."""
    require_dictionary("ko_KR")
    checker = SpellChecker("en_US", autoload=False)
    checker.want(["hangul"])
    checker.load()
    assert checker.take_asked() is None  # a first load: the caller repaints everything
    assert checker.misspelled("됬다") and not checker.misspelled("오늘")
    assert checker.release_idle(60.0) == []  # just used
    assert checker.release_idle(60.0, now=time.monotonic() + 61) == ["hangul"]
    assert not checker.is_loaded("hangul") and checker.is_released("hangul")
    assert checker.misspelled("됬다") and not checker.misspelled("오늘")  # cached answers
    assert checker.pending() == set()  # nothing new asked: it stays out
    assert not checker.misspelled("할께요")  # unknown until the dictionary is back
    assert checker.pending() == {"hangul"}
    checker.load()
    assert checker.is_loaded("hangul") and not checker.is_released("hangul")
    assert checker.take_asked() == {"할께요"}
    assert checker.misspelled("할께요")
    assert checker.take_asked() == set()


def test_suggestions_for_an_unloaded_dictionary_load_it_first():
    require_dictionary("ko_KR")
    checker = SpellChecker("en_US", autoload=False)
    checker.load(["hangul"])
    assert checker.misspelled("됬다")
    checker.release_idle(0.0)
    assert not checker.is_loaded("hangul")
    assert "됐다" in checker.suggestions("됬다")
    assert checker.is_loaded("hangul")


def test_a_language_change_forgets_what_was_unloaded(english):
    english.misspelled("wrold")
    english.release_idle(0.0)
    assert english.is_released("latin")
    english.set_language("en_GB")
    assert not english.is_released("latin")
