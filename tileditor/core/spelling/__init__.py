"""Spell checking for Markdown posts: which words to check (tokens, spans), with which
dictionary (language), and the Enchant-backed checker with its personal word list. No Qt."""

from tileditor.core.spelling.checker import (
    Misspelling,
    SpellChecker,
    find_misspellings,
    script_of,
)
from tileditor.core.spelling.language import choose_language, dictionaries_for, post_language
from tileditor.core.spelling.tokens import BLANK, Word, iter_words, scan_line
from tileditor.core.spelling.wordlist import personal_words_path

__all__ = ["BLANK", "Misspelling", "SpellChecker", "Word", "choose_language", "dictionaries_for",
           "find_misspellings", "iter_words", "personal_words_path", "post_language",
           "scan_line", "script_of"]
