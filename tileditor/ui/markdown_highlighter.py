"""Markdown highlighting for the editor (kramdown/Jekyll flavour): headings (ATX and Setext),
emphasis, code spans and fences, links, images, raw HTML, Liquid, IALs, front matter, and a red
wavy underline under misspelled words (core.spelling decides which words, per block). Which
lines are fences and headings is core/lexicon.py's rule, the renderer's own. Widgets/GUI
only; must not import tileditor.services or other widgets."""

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

from tileditor.core import lexicon
from tileditor.core.linear_scan import emphasis_spans, guarded, strong_spans
from tileditor.core.spelling import BLANK, scan_line
from tileditor.ui.palette_colors import is_dark, mix, readable

# Block states. Fences store their marker and quote depth so only a matching fence closes them.
# Other lines keep core.spelling's line state (2..999: after text, after a blank, in a list, in a
# comment), so which words are prose is known per block and an edit re-scans only those blocks.
NORMAL = -1  # Qt's "no state" value, also the state of the first block
FRONT_MATTER = 1
FENCE_BASE = 1000  # + 16 * fence length + 2 * quote depth (up to 7) + (1 if tilde)
_MAX_QUOTES = 7
_UNDERLINE = ("=", "-")
SPELL_RED = "#e0302a"
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_SPELL_FENCE = 1000  # core.spelling's fence states: + 2 * fence length + (1 if tilde)



INLINE_RULES = [
    ("html", guarded(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->", "<", (">",))),
    ("strong", strong_spans),
    ("emphasis", emphasis_spans),
    # The URL part is unambiguous (a `(` is either a balanced pair or ends the try), so a
    # failed try stops at the next unmatched `(` instead of backtracking.
    ("link", guarded(r"!?\[[^\]\n]*\]\((?:[^()\n]|\([^()\n]*\))*\)"
                      r"|!?\[[^\]\n]*\]\[[^\]\n]*\]", r"!?\[", ("]",), "]")),
    ("liquid", guarded(r"\{%.*?%\}|\{\{.*?\}\}", r"\{[{%]", ("%}", "}}"))),
    ("ial", guarded(r"\{:[^}\n]*\}", r"\{:", ("}",))),
    ("code", lexicon.code_spans),
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
        self._pending: set[int] = set()
        self._shown: dict[int, str | None] = {}  # block number -> Setext role it was shown in

    def set_palette(self, palette: QPalette) -> None:
        """Rebuild the formats for a new (light or dark) palette and repaint the text."""
        self.formats = default_formats(palette)
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt name)
        prev = self.previousBlockState()
        block = self.currentBlock()
        if block.blockNumber() == 0 and self.front_matter_allowed and text.rstrip() == "---":
            self._code_line(block, "front_matter", FRONT_MATTER)
            return
        if prev == FRONT_MATTER:
            closes = text.rstrip() in ("---", "...")
            self._code_line(block, "front_matter", NORMAL if closes else FRONT_MATTER)
            return
        if prev >= FENCE_BASE:
            self._continue_fence(block, prev)
            return
        opener = lexicon.fence_open(text)
        if opener is not None:
            quotes = min(opener.quotes, _MAX_QUOTES)
            tilde = 1 if opener.char == "~" else 0
            self._code_line(block, "fence", FENCE_BASE + 16 * len(opener.marker) + 2 * quotes + tilde)
            return
        checking = self.spell is not None and not self.spell_paused
        words, state = scan_line(text, _line_state(prev), want_words=checking)
        if state >= _SPELL_FENCE:  # a fence indented inside a list item (core.spelling found it)
            length, tilde = divmod(state - _SPELL_FENCE, 2)
            self._code_line(block, "fence", FENCE_BASE + 16 * length + tilde)
            return
        self.setCurrentBlockState(state)
        self._highlight_line(text, block)
        if words:
            self._underline_misspelled(text, words)

    def block_words(self, block) -> list:
        """The checkable words of `block` (core.spelling Words, offsets into its text)."""
        prev = block.previous().userState() if block.previous().isValid() else NORMAL
        if prev == FRONT_MATTER or prev >= FENCE_BASE or lexicon.fence_open(block.text()) is not None or (
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

    def _code_line(self, block, fmt: str, state: int) -> None:
        self.setFormat(0, len(block.text()), self.formats[fmt])
        self.setCurrentBlockState(state)
        self._shown.pop(block.blockNumber(), None)

    def _continue_fence(self, block, state: int) -> None:
        # Line by line, a fence runs until a closer as long as its opening run (the editor
        # cannot see whether one comes later, as kramdown's whole-text scan does).
        length, rest = divmod(state - FENCE_BASE, 16)
        quotes, tilde = divmod(rest, 2)
        lazy = bool(block.previous().text().strip())
        if lexicon.fence_closes(block.text(), "~" if tilde else "`", length, quotes, lazy=lazy):
            self._code_line(block, "fence", NORMAL)
        else:
            self._code_line(block, "fence_body", state)

    def _highlight_line(self, text: str, block) -> None:
        role = self._setext_role(block)
        self._shown[block.blockNumber()] = role
        self._check_neighbours(block)
        atx = lexicon.ATX.match(text) if role is None else None
        if atx and lexicon.atx_heading(text):
            self.setFormat(0, len(text), self.formats["heading"])
            self.setFormat(0, len(atx.group("marks")), self.formats["heading_marker"])
        elif role == "text":
            self.setFormat(0, len(text), self.formats["heading"])
        elif role == "underline":
            self.setFormat(0, len(text), self.formats["heading_marker"])
        else:
            self._highlight_inline(text)

    def _highlight_inline(self, text: str) -> None:
        for name, spans in INLINE_RULES:
            for start, end in spans(text):
                self.setFormat(start, end - start, self.formats[name])

    def _is_text_line(self, block) -> bool:
        """Markdown text, not front matter or fenced code (states above are current)."""
        if not block.isValid() or lexicon.fence_open(block.text()):
            return False
        prev = block.previous()
        if not prev.isValid():
            return not (self.front_matter_allowed and block.text().rstrip() == "---")
        return prev.userState() < FENCE_BASE and prev.userState() != FRONT_MATTER

    def _starts_block(self, block) -> bool:
        """Whether a block may start at `block`: the first line, after a blank one, or
        right after the front matter."""
        prev = block.previous()
        if not prev.isValid() or not prev.text().strip():
            return True
        before = prev.previous()
        return before.isValid() and before.userState() == FRONT_MATTER

    def _setext_role(self, block) -> str | None:
        """"text" or "underline" when `block` is part of a Setext heading, else None."""
        if self._is_setext_text(block):
            return "text"
        if block.text()[:1] in _UNDERLINE and lexicon.setext_underline(block.text()):
            return "underline" if self._is_setext_text(block.previous()) else None
        return None

    def _is_setext_text(self, block) -> bool:
        if not block.isValid():
            return False
        nxt = block.next()
        return (nxt.isValid() and nxt.text()[:1] in _UNDERLINE
                and lexicon.setext_underline(nxt.text()) is not None
                and lexicon.can_be_setext_text(block.text()) and self._is_text_line(block)
                and self._starts_block(block))

    def _check_neighbours(self, block) -> None:
        # A line's Setext role depends on the lines around it, but Qt only re-highlights from
        # the edited line down while states change: refresh a neighbour shown stale.
        for other in (block.previous(), block.next()):
            if not other.isValid() or other.blockNumber() not in self._shown:
                continue
            if self._shown[other.blockNumber()] != self._setext_role(other):
                self._refresh_later(other.blockNumber())

    def _refresh_later(self, number: int) -> None:
        # Rehighlighting now would re-enter Qt's highlighting pass: do it right after.
        if number in self._pending:
            return
        self._pending.add(number)

        def refresh() -> None:
            self._pending.discard(number)
            doc = self.document()
            if doc is not None:
                block = doc.findBlockByNumber(number)
                if block.isValid():
                    self.rehighlightBlock(block)

        QTimer.singleShot(0, self, refresh)


def _utf16(text: str, index: int) -> int:
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)
