"""The stretches of ONE Markdown line that are not prose and so are never spell-checked: code
spans, math, URLs and autolinks, HTML tags and comments, entities, Liquid, kramdown IAL/ALD and
extensions, link targets, reference labels, emoji codes. Pure Python (no Qt, no enchant).

Every rule is linear in the line's length: a failed try never rescans to the end of the line
for each opener (the editor runs this on every keystroke, also on hostile 20,000-char lines)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from tileditor.core.lexicon import code_spans
from tileditor.core.linear_scan import Span, guarded


def _regex(pattern: str, flags: int = 0) -> Callable[[str], Iterator[Span]]:
    """For patterns whose every try is bounded (a character class that stops at a space or at
    the next opener), plain finditer is already linear."""
    compiled = re.compile(pattern, flags)
    return lambda text: (m.span() for m in compiled.finditer(text))


_URL_CHARS = r"[^\s<>\"'`]"
# (strings one of which the line must hold for the rule to apply, rule): most lines hold
# few of them, so most rules are never run on most lines.
RULES: tuple[tuple[tuple[str, ...], Callable[[str], Iterator[Span]]], ...] = (
    (("`",), code_spans),
    (("<",), guarded(r"<!--.*?-->", "<!--", ("-->",))),
    # Tags: name and attributes (text between tags is prose). `[^<>]*` stops at the next `<`.
    (("<",), _regex(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")),
    (("<",), _regex(r"<[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*>|<[^\s<>@]+@[^\s<>]+>")),  # autolinks
    (("&",), _regex(r"&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")),
    (("{",), guarded(r"\{\{.*?\}\}", r"\{\{", ("}}",))),
    (("{",), guarded(r"\{%.*?%\}", r"\{%", ("%}",))),
    (("{",), guarded(r"\{::comment\}.*?\{:/comment\}", r"\{::comment\}", ("{:/comment}",))),
    # IAL {: .x}, ALD {:ref: .x}, extensions {::options ...}, {:toc}
    (("{",), guarded(r"\{:[^}\n]*\}", r"\{:", ("}",))),
    (("$",), guarded(r"\$\$.*?\$\$", r"\$\$", ("$$",))),
    (("$",), _regex(r"(?<![\\$])\$(?=[^\s$])[^$\n]*(?<=[^\s\\])\$(?![\d$])")),  # $x$, not $5
    # Link and image targets: [text](target "title"); the text before them stays prose.
    (("]",), guarded(r"\]\((?:[^()\n]|\([^()\n]*\))*\)", r"\]\(", (")",), "]")),
    (("]",), _regex(r"(?<=\])\[[^\[\]\n]*\]")),  # [text][label]
    (("]",), _regex(r"\[\^[^\[\]\s]*\]")),  # footnote references [^1]
    ((":", "www."), _regex(rf"(?:https?|ftp|file|mailto):{_URL_CHARS}+|www\.{_URL_CHARS}+", re.I)),
    (("@",), lambda text: _emails(text)),
    ((":",), _regex(r"(?<![\w:]):[a-z][a-z0-9_+-]*:(?![\w:])")),  # emoji codes :smile:
)

_EMAIL_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+")


def _emails(text: str) -> Iterator[Span]:
    """user@host.tld, found from each `@` outwards (a regex started at every letter would
    rescan a long word once per letter)."""
    pos = 0
    while (at := text.find("@", pos)) >= 0:
        pos = at + 1
        domain = _EMAIL_DOMAIN.match(text, pos)
        if domain is None:
            continue
        start = at
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._+-"):
            start -= 1
        if start < at:
            yield start, domain.end()
            pos = domain.end()


# Whole-line constructs: a reference definition `[id]: url "title"` (label, target and title),
# and the labels of footnote and abbreviation definitions (their text is prose).
_REFERENCE_DEF = re.compile(r"^ {0,3}\[(?!\^)[^\[\]]+\]:\s*\S")
_DEF_LABEL = re.compile(r"^ {0,3}(?:\[\^[^\[\]]+\]|\*\[[^\[\]]+\]):")


def excluded_spans(line: str) -> list[Span]:
    """Sorted, merged (start, end) offsets of everything in `line` that is not prose."""
    if _REFERENCE_DEF.match(line):
        return [(0, len(line))]
    spans: list[Span] = []
    label = _DEF_LABEL.match(line)
    if label:
        spans.append(label.span())
    for triggers, rule in RULES:
        if triggers[0] in line or (len(triggers) > 1 and any(t in line for t in triggers)):
            spans.extend(rule(line))
    return merge(spans)


def merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out
