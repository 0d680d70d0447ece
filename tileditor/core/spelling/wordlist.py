"""The personal word list: one word per line, UTF-8, in the user's data folder (never in a
blog repo). Additions are merged with what another window may have added meanwhile and
written atomically. Never raises: a file that cannot be read or written gives a message."""

from __future__ import annotations

from pathlib import Path

FILE_NAME = "dictionary.txt"


def personal_words_path(data_dir: Path) -> Path:
    return Path(data_dir) / FILE_NAME


def _read(path: Path | None) -> set[str]:
    if path is None:
        return set()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return set()
    except OSError:
        return set()
    text = raw.decode("utf-8", errors="replace")
    return {w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")}


class WordList:
    def __init__(self, path: Path | None):
        self.path = path
        self.words: set[str] = _read(path)

    def __contains__(self, word: str) -> bool:
        # A word added in lower case also passes capitalised (the start of a sentence).
        return word in self.words or word.lower() in self.words

    def add(self, word: str) -> str | None:
        """Add `word` (kept for this session even when the file cannot be written); None
        when it is saved, else a sentence saying why not."""
        word = word.strip()
        if not word or "\n" in word:
            return f"{word!r} is not a word"
        self.words.add(word)
        if self.path is None:
            return None
        from tileditor.core.fileio import atomic_write

        merged = _read(self.path) | self.words
        data = "".join(f"{w}\n" for w in sorted(merged)).encode("utf-8")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, data)
        except OSError as exc:
            return f"could not save {word!r} to {self.path}: {exc}"
        self.words = merged
        return None
