"""Newline-only text between block elements is marked atomic before the inline pass, which
otherwise (and smart quotes after it) runs every pattern on each of them (deeply nested quotes make tens of
thousands). No pattern can match a string of newlines, so the output is unchanged. Qt-free (no
PySide6)."""

from __future__ import annotations

from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString


def _blank(text: str | None) -> bool:
    return bool(text) and not text.strip("\n") and not isinstance(text, AtomicString)


class BlankTextTreeprocessor(Treeprocessor):
    def run(self, root) -> None:
        for el in root.iter():
            if _blank(el.text):
                el.text = AtomicString(el.text)
            if _blank(el.tail):
                el.tail = AtomicString(el.tail)

