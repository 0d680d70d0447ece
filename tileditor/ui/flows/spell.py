"""Spell checking in the window: the Edit menu's `spellCheckAction` (remembered in Settings),
the post's language (core.spelling.post_language, re-read when the header changes), loading
dictionaries on a worker thread (Korean takes most of a second), repainting the underlines a
slice at a time, the context menu's entries, and a status-bar note for a missing dictionary.
Part of the composition root; holds no document state."""

from __future__ import annotations

import re
import time

from PySide6.QtCore import QObject, QTimer, Signal

from tileditor.core.frontmatter import split_front_matter
from tileditor.core.spelling import SpellChecker, personal_words_path, post_language
from tileditor.services.job_runner import JobRunner
from tileditor.ui.spell_menu import add_spelling_entries, misspelled_word_at

_HANGUL = re.compile("[\uac00-\ud7a3]")
SLICE_S = 0.006  # repaint at most this long per event-loop turn: typing stays smooth
LANGUAGE_DELAY_MS = 600  # re-read the header's lang: this long after typing stops
# A dictionary no new word has needed for this long is unloaded (SpellChecker.release_idle):
# the Korean one is ~50 MiB, often for a dozen words of an English post. The next new word
# of its script loads it again off the UI thread (Korean ~0.3 s, English ~0.02 s) and
# repaints only the blocks holding words it had not seen; typing that script keeps it.
RELEASE_IDLE_S = 5.0
RELEASE_CHECK_MS = 1000


class BlockRepainter(QObject):
    """Re-highlights every block of the editor a slice at a time, visible blocks first."""

    def __init__(self, editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self._queue: list[tuple[int, int]] = []  # (first block, end block) ranges left
        self._timer = QTimer(self, interval=0)
        self._timer.timeout.connect(self._on_timer_timeout)

    def repaint_all(self) -> None:
        doc = self.editor.document()
        top, count = self.editor.firstVisibleBlock().blockNumber(), doc.blockCount()
        self._queue = [(max(0, top), count), (0, max(0, top))]
        self._timer.start()

    def repaint_containing(self, word: str) -> None:
        """Now, the blocks where `word` occurs (after Add or Ignore)."""
        self.repaint_containing_any((word,))

    def repaint_containing_any(self, words) -> None:
        """Now, the blocks where any of `words` occurs."""
        words = tuple(words)
        block = self.editor.document().firstBlock()
        while block.isValid():
            text = block.text()
            if any(word in text for word in words):
                self.editor.rehighlight_block(block)
            block = block.next()

    def busy(self) -> bool:
        return self._timer.isActive()

    def stop(self) -> None:
        self._timer.stop()
        self._queue = []

    def _on_timer_timeout(self) -> None:
        t0 = time.perf_counter()
        doc = self.editor.document()
        while self._queue and time.perf_counter() - t0 < SLICE_S:
            first, end = self._queue[0]
            end = min(end, doc.blockCount())
            if first >= end:
                self._queue.pop(0)
                continue
            block = doc.findBlockByNumber(first)
            while block.isValid() and block.blockNumber() < end and \
                    time.perf_counter() - t0 < SLICE_S:
                self.editor.rehighlight_block(block)
                block = block.next()
            self._queue[0] = (block.blockNumber() if block.isValid() else end, end)
        if not self._queue:
            self._timer.stop()


class SpellFlow(QObject):
    status_reported = Signal(str)
    released = Signal()  # an idle dictionary was unloaded: its memory is free

    def __init__(self, session, editor, action, settings, data_dir, parent=None):
        super().__init__(parent)
        self.session, self.editor = session, editor
        self.action, self.settings = action, settings
        self.checker = SpellChecker(personal_path=personal_words_path(data_dir), autoload=False)
        self.repainter = BlockRepainter(self.editor, self)
        self._loader = JobRunner(self)
        self._loader.finished.connect(self._on_loader_finished)
        self._reported: set[str] = set()
        self._header: tuple | None = None
        self._language_timer = QTimer(self, singleShot=True, interval=LANGUAGE_DELAY_MS)
        self._language_timer.timeout.connect(self.refresh_language)
        self.editor.highlighter.spelling_wanted.connect(self._on_highlighter_spelling_wanted)
        self.editor.context_menu_opening.connect(self._on_editor_context_menu_opening)
        self.editor.text_edited.connect(self._language_timer.start)
        self._release_timer = QTimer(self, interval=RELEASE_CHECK_MS)
        self._release_timer.timeout.connect(self._on_release_timer_timeout)
        self._release_timer.start()
        self.editor.text_loaded.connect(self._on_editor_text_loaded)
        session.document_changed.connect(self.refresh_language)
        action.setChecked(settings.spell_check)
        action.toggled.connect(self.set_enabled)
        self.editor.highlighter.spell = self.checker if settings.spell_check else None

    def enabled(self) -> bool:
        return self.editor.highlighter.spell is not None

    def set_enabled(self, on: bool) -> None:
        self.settings.spell_check = on  # saved with the other settings when the window closes
        self.editor.highlighter.spell = self.checker if on else None
        self.repainter.repaint_all()

    def _on_editor_text_loaded(self) -> None:
        if not self.enabled():
            return
        # set_text highlighted without checking. A dictionary still to load repaints when
        # it arrives: repainting now as well would scan the whole post twice.
        hangul = _HANGUL.search(self.editor.document().toRawText()) is not None
        self.checker.want(["latin", "hangul"] if hangul else ["latin"])
        if self.checker.pending():
            self._on_highlighter_spelling_wanted()
        else:
            self.repainter.repaint_all()

    def refresh_language(self) -> None:
        """Follow the post's `lang:`/`locale:` (and the blog's); repaint when it changes."""
        session = self.session
        text = session.document.text
        span = split_front_matter(text)
        key = (span.yaml if span else None, session.document.path, id(session.site))
        if key == self._header:
            return
        self._header = key
        language = post_language(text, session.site, session.document.path)
        if self.checker.set_language(language) and self.enabled():
            self.repainter.repaint_all()

    def shutdown(self) -> None:
        self.repainter.stop()
        self._language_timer.stop()
        self._release_timer.stop()
        self._loader.shutdown()

    # -- dictionaries ------------------------------------------------------------------------

    def _on_highlighter_spelling_wanted(self) -> None:
        pending = self.checker.pending()
        if pending and self.enabled() and not self._loader.busy():
            self._loader.start("spelling", self.checker.load, scripts=sorted(pending))

    def _on_loader_finished(self, _name: str, _result) -> None:
        for problem in self.checker.problems():
            if problem not in self._reported:
                self._reported.add(problem)
                self.action.setToolTip(problem)
                self.status_reported.emit(f"Spell checking: {problem}.")
        if self.enabled():
            words = self.checker.take_asked()
            if words is None:  # a first load: every block was painted without it
                self.repainter.repaint_all()
            elif words:  # back after release_idle: only blocks with words it has not seen
                self.repainter.repaint_containing_any(words)
        self._on_highlighter_spelling_wanted()  # another script asked meanwhile

    def _on_release_timer_timeout(self) -> None:
        if not self._loader.busy() and self.checker.release_idle(RELEASE_IDLE_S):
            # (load() may be publishing a dictionary on its thread: not then)
            self.released.emit()

    # -- context menu ------------------------------------------------------------------------

    def _on_editor_context_menu_opening(self, menu, cursor) -> None:
        if not self.enabled():
            return
        word = misspelled_word_at(self.editor, cursor, self.checker)
        if word is not None:
            add_spelling_entries(menu, self.editor, word, self.checker.suggestions(word.text),
                                 self._add_word, self._ignore_word)

    def _add_word(self, word: str) -> None:
        problem = self.checker.add(word)
        self.status_reported.emit(problem or f"Added \u201c{word}\u201d to your dictionary "
                                             f"({self.checker.personal.path}).")
        self.repainter.repaint_containing(word)

    def _ignore_word(self, word: str) -> None:
        self.checker.ignore(word)
        self.repainter.repaint_containing(word)
