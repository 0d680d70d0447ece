"""Markdown highlighting for the editor (kramdown/Jekyll flavour): headings (ATX, `#Title` and
Setext), emphasis, code spans and fences, links, images, raw HTML, Liquid, IALs, front matter,
and a red wavy underline under misspelled words (core.spelling decides which words, per block).
Widgets/GUI only; must not import tileditor.services or other widgets."""

from __future__ import annotations

import re

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
)

from tileditor.core.spelling.tokens import BLANK, closes_fence, scan_line
from tileditor.ui.palette_colors import is_dark, mix, readable

# Block states. Fences store their marker so only a matching fence closes them. Other lines
# keep core.spelling's line state (2..999: after text, after a blank, in a list, in a comment),
# so which words are prose is known per block and an edit re-scans only the blocks it changes.
NORMAL = -1  # Qt's "no state" value, also the state of the first block
FRONT_MATTER = 1
FENCE_BASE = 1000  # + 2 * fence length + (1 if tilde)
SPELL_RED = "#e0302a"

ATX = re.compile(r"^ {0,3}(#{1,6})(?=[^#]|$)")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)\s*$")
FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)")
LIST_OR_QUOTE = re.compile(r"^\s*(?:[-*+]|\d+[.)]|>)\s")
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")

def _guarded(pattern: str, opener: str, closers: tuple[str, ...], barrier: str | None = None):
    """`finditer(pattern)` without its worst case: the pattern is tried only where `opener`
    matches (a lookahead, so every position counts) and only while one of `closers` still
    occurs further on; after a failed try, openers before the next `barrier` are skipped
    (for a pattern that scans up to it, they fail the same way). A bare regex rescans to the
    end of the line for every opener: 4 s for one keystroke in a line of 20,000 `[`."""
    full, start = re.compile(pattern), re.compile(f"(?={opener})")

    def spans(text: str):
        last = max(text.rfind(c) for c in closers)
        pos = 0
        for m in start.finditer(text):
            at = m.start()
            if at >= last:
                return
            if at < pos:
                continue
            found = full.match(text, at)
            if found and found.end() > at:
                yield found.start(), found.end()
                pos = found.end()
            elif barrier is not None:
                pos = text.find(barrier, at)
                if pos < 0:
                    return

    return spans


def _code_spans(text: str):
    """A run of n backticks opens a code span that the next run of exactly n closes (one
    linear pass over the runs, not a backtracking regex over every backtick)."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    following: list[int | None] = [None] * len(runs)
    seen: dict[int, int] = {}
    for i in range(len(runs) - 1, -1, -1):
        size = runs[i][1] - runs[i][0]
        following[i] = seen.get(size)
        seen[size] = i
    i = 0
    while i < len(runs):
        j = following[i]
        if j is None:
            i += 1
            continue
        yield runs[i][0], runs[j][1]
        i = j + 1


_BACKTICKS = re.compile(r"`+")
INLINE_RULES = [
    ("html", _guarded(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->", "<", (">",))),
    ("strong", _guarded(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\*\*|__", ("**", "__"))),
    ("emphasis", _guarded(r"(?<![*\w])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![*\w])", "[*_]",
                          ("*", "_"))),
    # The URL part is unambiguous (a `(` is either a balanced pair or ends the try), so a
    # failed try stops at the next unmatched `(` instead of backtracking.
    ("link", _guarded(r"!?\[[^\]\n]*\]\((?:[^()\n]|\([^()\n]*\))*\)"
                      r"|!?\[[^\]\n]*\]\[[^\]\n]*\]", r"!?\[", ("]",), "]")),
    ("liquid", _guarded(r"\{%.*?%\}|\{\{.*?\}\}", r"\{[{%]", ("%}", "}}"))),
    ("ial", _guarded(r"\{:[^}\n]*\}", r"\{:", ("}",))),
    ("code", _code_spans),
]


def _fmt(color: QColor | None = None, bold: bool = False, italic: bool = False,
         background: QColor | None = None, mono: bool = False) -> QTextCharFormat:
    f = QTextCharFormat()
    if color is not None:
        f.setForeground(color)
    if background is not None:
        f.setBackground(background)
    if bold:
        f.setFontWeight(QFont.Weight.Bold)
    if italic:
        f.setFontItalic(True)
    if mono:
        f.setFontFixedPitch(True)
    return f


# name -> (light-theme colour, dark-theme colour); backgrounds are blends of the palette's own
# Base and Text, so they stay a shade off the editor's background in either theme.
_ACCENTS = {
    "heading": ("#1f4e79", "#8cb8e8"), "marker": ("#7a8288", "#9aa3aa"),
    "code": ("#a3195b", "#f08cbc"), "fence_body": ("#313639", "#d6dadd"),
    "link": ("#2f7d95", "#6cc4dc"), "html": ("#8a6d3b", "#d9b77a"),
    "liquid": ("#6f42c1", "#c3a6ff"), "ial": ("#9a9a9a", "#8f9499"),
    "front_matter": ("#5c6b73", "#aab8c0"),
}


def default_formats(palette: QPalette | None = None) -> dict[str, QTextCharFormat]:
    """The formats for `palette` (default: the application's), readable on its Base."""
    pal = palette if palette is not None else QGuiApplication.palette()
    base, text = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)
    code_bg, liquid_bg = mix(base, text, 0.05), mix(base, QColor("#6f42c1"), 0.08)
    fm_bg = mix(base, QColor("#4a6a8a"), 0.07)

    def c(name: str, on: QColor = base, ratio: float = 4.5) -> QColor:
        light, dark = _ACCENTS[name]
        return readable(QColor(dark if is_dark(pal) else light), on, text, ratio)

    return {
        "heading": _fmt(c("heading"), bold=True),
        "heading_marker": _fmt(c("marker", ratio=3.0), bold=True),
        "strong": _fmt(bold=True),
        "emphasis": _fmt(italic=True),
        "code": _fmt(c("code", code_bg), background=code_bg),
        "fence": _fmt(c("marker", code_bg, 3.0), background=code_bg),
        "fence_body": _fmt(c("fence_body", code_bg), background=code_bg),
        "link": _fmt(c("link")),
        "html": _fmt(c("html")),
        "liquid": _fmt(c("liquid", liquid_bg), background=liquid_bg),
        "ial": _fmt(c("ial", ratio=3.0), italic=True),
        "front_matter": _fmt(c("front_matter", fm_bg), background=fm_bg),
    }


def _line_state(prev: int) -> int:
    """The core.spelling state a normal line starts from (after a fence or the header, a
    new block starts: as after a blank line)."""
    return prev if FRONT_MATTER < prev < FENCE_BASE else BLANK


class MarkdownHighlighter(QSyntaxHighlighter):
    """Attach with `MarkdownHighlighter(document)`. `front_matter_allowed` says whether a
    `---` on the first line opens a header (false when the editor shows the body only).
    `spell`: a core.spelling.SpellChecker or None; `spelling_wanted` fires (once per pass)
    when a word needs a dictionary that is not loaded yet."""

    spelling_wanted = Signal()

    def __init__(self, document, front_matter_allowed: bool = True) -> None:
        super().__init__(document)
        self.formats = default_formats()
        self.front_matter_allowed = front_matter_allowed
        self.spell = None
        self.spell_paused = False  # highlight without checking (the caller repaints later)
        self._wanted_sent = False
        self._pending_setext: set[int] = set()
        self._setext_text: dict[int, bool] = {}  # block number -> shown as Setext heading

    def set_palette(self, palette: QPalette) -> None:
        """Rebuild the formats for a new (light or dark) palette and repaint the text."""
        self.formats = default_formats(palette)
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt name)
        prev = self.previousBlockState()
        block = self.currentBlock()
        if block.blockNumber() == 0 and self.front_matter_allowed and text.rstrip() == "---":
            self.setFormat(0, len(text), self.formats["front_matter"])
            self.setCurrentBlockState(FRONT_MATTER)
            return
        if prev == FRONT_MATTER:
            self.setFormat(0, len(text), self.formats["front_matter"])
            closes = text.rstrip() in ("---", "...")
            self.setCurrentBlockState(NORMAL if closes else FRONT_MATTER)
            return
        if prev >= FENCE_BASE:
            self._continue_fence(text, prev)
            return
        m = FENCE_OPEN.match(text)
        if m:
            marker = m.group(1)
            self.setFormat(0, len(text), self.formats["fence"])
            tilde = 1 if marker[0] == "~" else 0
            self.setCurrentBlockState(FENCE_BASE + 2 * len(marker) + tilde)
            return
        checking = self.spell is not None and not self.spell_paused
        words, state = scan_line(text, _line_state(prev), want_words=checking)
        self.setCurrentBlockState(state)
        if state >= FENCE_BASE:  # a fence indented inside a list item
            self.setFormat(0, len(text), self.formats["fence"])
            return
        self._highlight_line(text, block)
        if words:
            self._underline_misspelled(text, words)

    def block_words(self, block) -> list:
        """The checkable words of `block` (core.spelling Words, offsets into its text)."""
        prev = block.previous().userState() if block.previous().isValid() else NORMAL
        if prev == FRONT_MATTER or prev >= FENCE_BASE or FENCE_OPEN.match(block.text()) or (
                block.blockNumber() == 0 and self.front_matter_allowed
                and block.text().rstrip() == "---"):
            return []
        return scan_line(block.text(), _line_state(prev))[0]

    def _underline_misspelled(self, text: str, words) -> None:
        spell = self.spell
        bad = [w for w in words if spell.misspelled(w.text, w.script)]
        if not self._wanted_sent and spell.pending():
            self._wanted_sent = True  # once per pass: the flow loads, then re-highlights
            QTimer.singleShot(0, self, self._send_wanted)
        if not bad:
            return
        wide = _ASTRAL.search(text) is not None  # Qt counts UTF-16 units
        for w in bad:
            start, end = w.start, w.end
            if wide:
                start, end = _utf16(text, start), _utf16(text, end)
            self._add_underline(start, end)

    def _add_underline(self, start: int, end: int) -> None:
        # Keep whatever highlighting the word has (bold, link colour): add to each run of it.
        run_start, run_format = start, self.format(start)
        for pos in range(start + 1, end + 1):
            fmt = self.format(pos) if pos < end else None
            if fmt is not None and fmt == run_format:
                continue
            run_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
            run_format.setUnderlineColor(QColor(SPELL_RED))
            self.setFormat(run_start, pos - run_start, run_format)
            if fmt is not None:
                run_start, run_format = pos, fmt

    def _send_wanted(self) -> None:
        self._wanted_sent = False
        self.spelling_wanted.emit()

    def _continue_fence(self, text: str, state: int) -> None:
        # Any indentation closes (as core.spelling decides): a fence inside a list item
        # closes at the item's indentation.
        if closes_fence(text, state):
            self.setFormat(0, len(text), self.formats["fence"])
            self.setCurrentBlockState(NORMAL)
            return
        self.setFormat(0, len(text), self.formats["fence_body"])
        self.setCurrentBlockState(state)

    def _highlight_line(self, text: str, block) -> None:
        atx = ATX.match(text)
        if atx:
            self.setFormat(0, len(text), self.formats["heading"])
            self.setFormat(atx.start(1), len(atx.group(1)), self.formats["heading_marker"])
            return
        setext = self._is_setext_text(text, block)
        self._setext_text[block.blockNumber()] = setext
        self._check_previous(block)
        if setext:
            self.setFormat(0, len(text), self.formats["heading"])
            return
        if SETEXT_UNDERLINE.match(text) and self._setext_underlines(block):
            self.setFormat(0, len(text), self.formats["heading_marker"])
            return
        self._highlight_inline(text)

    def _check_previous(self, block) -> None:
        # Whether the line above is a Setext heading depends on this line, but Qt only
        # re-highlights from the edited line down: refresh the line above when it is stale.
        prev = block.previous()
        if not prev.isValid() or prev.userState() >= FENCE_BASE or prev.userState() == FRONT_MATTER:
            return
        should = self._is_setext_text(prev.text(), prev)
        if self._setext_text.get(prev.blockNumber(), False) != should:
            self._refresh_previous_later(block)

    def _highlight_inline(self, text: str) -> None:
        for name, spans in INLINE_RULES:
            for start, end in spans(text):
                self.setFormat(start, end - start, self.formats[name])

    @staticmethod
    def _is_setext_text(text: str, block) -> bool:
        nxt = block.next()
        if not text.strip() or not nxt.isValid() or not SETEXT_UNDERLINE.match(nxt.text()):
            return False
        return not LIST_OR_QUOTE.match(text) and not FENCE_OPEN.match(text)

    def _setext_underlines(self, block) -> bool:
        prev = block.previous()
        if not prev.isValid() or not prev.text().strip() or prev.userState() >= FENCE_BASE:
            return False
        if prev.userState() == FRONT_MATTER or (prev.blockNumber() == 0 and
                                                self.front_matter_allowed and
                                                prev.text().rstrip() == "---"):
            return False
        return not ATX.match(prev.text()) and not LIST_OR_QUOTE.match(prev.text())

    def _refresh_previous_later(self, block) -> None:
        # Rehighlighting now would re-enter Qt's highlighting pass: do it right after.
        number = block.blockNumber() - 1
        if number in self._pending_setext:
            return
        self._pending_setext.add(number)

        def refresh() -> None:
            self._pending_setext.discard(number)
            doc = self.document()
            if doc is not None:
                prev = doc.findBlockByNumber(number)
                if prev.isValid():
                    self.rehighlightBlock(prev)

        QTimer.singleShot(0, self, refresh)


def _utf16(text: str, index: int) -> int:
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)
