"""SpellChecker: Enchant dictionaries (one per script of the post's language), a per-word
result cache, the personal word list and a session ignore list. Degrades instead of failing:
without pyenchant, the Enchant library or a dictionary, words of that script are simply not
flagged and `problems()` says what is missing. Never raises. No Qt."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tileditor.core.spelling.language import (
    DEFAULT,
    dictionaries_for,
    normalize,
    package_hint,
)
from tileditor.core.spelling.tokens import iter_words
from tileditor.core.spelling.wordlist import WordList

SCRIPTS = ("latin", "hangul")
_SCRIPT_NAMES = {"latin": "English/Latin", "hangul": "Korean"}
_CACHE_LIMIT = 100_000
_ASKED_LIMIT = 200  # words noted while a dictionary is out; past it the caller repaints all


def script_of(word: str) -> str:
    return "hangul" if any("\uAC00" <= c <= "\uD7A3" for c in word) else "latin"


class SpellChecker:
    """`autoload=True` (the CLI): a dictionary loads the first time a word needs it.
    `autoload=False` (the editor): words of a script whose dictionary is not loaded yet are
    not flagged, the script is noted in `pending()`, and the caller runs `load()` off the UI
    thread (loading Korean takes most of a second)."""

    def __init__(self, language: str = DEFAULT, personal_path: Path | None = None,
                 autoload: bool = True):
        self.autoload = autoload
        self.personal = WordList(personal_path)
        self._ignored: set[str] = set()
        self._dicts: dict[str, object] = {}  # script -> enchant.Dict
        self._missing: dict[str, str] = {}  # dictionary tag -> why it is not available
        self._wanted: set[str] = set()
        self._cache: dict[str, dict[str, bool]] = {s: {} for s in SCRIPTS}
        self._suggested: dict[str, list[str]] = {}  # Korean suggestions take ~0.4 s each
        self._used: dict[str, float] = {}  # script -> monotonic time its dictionary was last asked
        self._released: set[str] = set()  # unloaded by release_idle, results still cached
        self._asked: set[str] | None = set()  # words met while their dictionary was out
        self._fresh = False  # a dictionary loaded for the first time since take_asked()
        self.language = ""
        self.tags: dict[str, str] = {}
        self.set_language(language)

    # -- language ----------------------------------------------------------------------------

    def set_language(self, language: str) -> bool:
        """Switch to `language`'s dictionaries; True when that changes any of them."""
        language = normalize(language or DEFAULT) or DEFAULT
        tags = dictionaries_for(language)
        changed = [s for s in SCRIPTS if tags[s] != self.tags.get(s)]
        self.language, self.tags = language, tags
        for script in changed:
            self._dicts.pop(script, None)
            self._cache[script] = {}
            self._released.discard(script)
        if changed:
            self._suggested = {}
        return bool(changed)

    # -- checking ----------------------------------------------------------------------------

    def misspelled(self, word: str, script: str | None = None) -> bool:
        script = script or script_of(word)
        cache = self._cache[script]
        known = cache.get(word)
        if known:  # most words, most keystrokes: one dict lookup
            return False
        if word in self._ignored or word in self.personal:
            return False
        if known is not None:
            return True
        dictionary = self._dictionary(script)
        if dictionary is None:
            self._note_asked(script, word)
            return False
        self._used[script] = time.monotonic()
        try:
            known = bool(dictionary.check(word))
        except Exception:  # noqa: BLE001 - a provider error must not reach the editor
            return False
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        cache[word] = known
        return not known

    def suggestions(self, word: str, limit: int = 7) -> list[str]:
        found = self._suggested.get(word)
        if found is None:
            script = script_of(word)
            if script in self._released and script not in self._dicts:
                self.load([script])  # a context menu asks: back now (Korean ~0.3 s)
            dictionary = self._dictionary(script)
            if dictionary is None:
                return []
            self._used[script] = time.monotonic()
            try:
                found = [s for s in dictionary.suggest(word) if s != word]
            except Exception:  # noqa: BLE001
                return []
            self._suggested[word] = found
        return found[:limit]

    def add(self, word: str) -> str | None:
        """Add to the personal word list; None when saved, else why not (the word still
        passes for this session)."""
        return self.personal.add(word)

    def ignore(self, word: str) -> None:
        self._ignored.add(word)

    # -- dictionaries ------------------------------------------------------------------------

    def pending(self) -> set[str]:
        """Scripts a word asked for whose dictionary is neither loaded nor known missing."""
        return {s for s in self._wanted
                if s not in self._dicts and self.tags[s] not in self._missing}

    def want(self, scripts: Iterable[str]) -> None:
        """Note scripts a text will need, so pending() lists them before any word asks."""
        self._wanted.update(s for s in scripts if s in self.tags)

    def is_loaded(self, script: str) -> bool:
        return script in self._dicts

    def load(self, scripts: Iterable[str] | None = None) -> None:
        """Load the dictionaries for `scripts` (default: the pending ones). Blocking: the
        editor calls it on a worker thread; results are published one whole dict at a time."""
        for script in list(scripts if scripts is not None else self.pending()):
            tag = self.tags.get(script)
            if tag is None or script in self._dicts or tag in self._missing:
                continue
            dictionary, problem = _open_dictionary(tag)
            if self.tags.get(script) != tag:
                continue  # the language changed while this one loaded
            if dictionary is None:
                self._missing[tag] = problem
            else:
                self._used[script] = time.monotonic()
                self._fresh = self._fresh or script not in self._released
                self._dicts[script] = dictionary
            self._released.discard(script)
            self._wanted.discard(script)

    def release_idle(self, idle_s: float, now: float | None = None) -> list[str]:
        """Unload each dictionary no uncached word has needed for `idle_s` seconds; its
        results stay cached, so only a word it never saw loads it again (through pending(),
        as the first time). The Korean one holds ~50 MiB for what may be a dozen words of an
        English post. Not while load() runs on another thread. Returns the scripts unloaded."""
        now = time.monotonic() if now is None else now
        idle = [s for s in self._dicts if now - self._used.get(s, now) >= idle_s]
        for script in idle:
            del self._dicts[script]
            self._released.add(script)
        return idle

    def is_released(self, script: str) -> bool:
        return script in self._released

    def take_asked(self) -> set[str] | None:
        """The words looked up without their dictionary since the last call: what needs
        repainting once it is back. None when every block does (a dictionary loaded for the
        first time, or more than _ASKED_LIMIT words)."""
        asked = None if self._fresh else self._asked
        self._asked, self._fresh = set(), False
        return asked

    def _note_asked(self, script: str, word: str) -> None:
        if self._asked is None or self.tags[script] in self._missing:
            return
        self._asked.add(word)
        if len(self._asked) > _ASKED_LIMIT:
            self._asked = None

    def problems(self) -> list[str]:
        """One sentence per dictionary a word needed and did not get."""
        out = []
        for script in SCRIPTS:
            tag = self.tags[script]
            if tag in self._missing:
                out.append(f"{_SCRIPT_NAMES[script]} words are not checked: {self._missing[tag]}")
        return out

    def _dictionary(self, script: str):
        found = self._dicts.get(script)
        if found is not None or self.tags[script] in self._missing:
            return found
        if self.autoload:
            self.load([script])
            return self._dicts.get(script)
        self._wanted.add(script)
        return None


def _open_dictionary(tag: str):
    """(enchant.Dict, None) or (None, why not)."""
    try:
        import enchant
    except ImportError as exc:
        reason = str(exc)
        if "library" in reason.lower():
            return None, "the Enchant library is missing (install libenchant-2-2)"
        return None, "pyenchant is not installed"
    except Exception as exc:  # noqa: BLE001 - a broken install says so, never raises
        return None, f"Enchant could not start ({exc})"
    try:
        return enchant.Dict(tag), None
    except enchant.errors.DictNotFoundError:
        return None, f"no {tag} dictionary (install {package_hint(tag)})"
    except Exception as exc:  # noqa: BLE001
        return None, f"the {tag} dictionary could not be opened ({exc})"


@dataclass(frozen=True)
class Misspelling:
    line: int  # 1-based, in the whole file
    column: int  # 1-based, in characters
    word: str
    suggestions: tuple[str, ...] = ()


def find_misspellings(text: str, checker: SpellChecker, suggest: bool = True
                      ) -> list[Misspelling]:
    """Every flagged word of the post `text`, in order (the CLI's `check --spelling`)."""
    out = []
    for w in iter_words(text):
        if checker.misspelled(w.text, w.script):
            line_start = text.rfind("\n", 0, w.start) + 1
            hints = tuple(checker.suggestions(w.text)) if suggest else ()
            out.append(Misspelling(w.line, w.start - line_start + 1, w.text, hints))
    return out
