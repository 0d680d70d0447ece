"""Abbreviation definitions (`*[HTML]: Hyper Text`) in one pass per run of them. Python-
Markdown's processor takes one definition per call and puts the rest of the block back, so
every block processor re-tests the whole remainder each time (quadratic in the run). Qt-free (no
PySide6)."""

from __future__ import annotations

from markdown.extensions.abbr import AbbrBlockprocessor


class LinearAbbrBlockprocessor(AbbrBlockprocessor):
    """Takes, at once, the leading one-line definitions that are each followed by another
    one. Same result as one at a time: every processor tried before this one declined the
    whole block, and on the shorter block left after a definition they would decline again
    (those that search anywhere find nothing new; those that read the first or second line
    see definition lines). The last definition of a run goes the original way."""

    def run(self, parent, blocks: list[str]) -> bool:
        lines = blocks[0].split("\n")
        i = 0
        while i + 1 < len(lines) and self._definition(lines[i]) and self._definition(lines[i + 1]):
            abbr, title = self._definition(lines[i])
            if title in ("''", '""'):
                self.abbrs.pop(abbr, None)
            else:
                self.abbrs[abbr] = title
            i += 1
        if i == 0:
            return super().run(parent, blocks)
        blocks[0] = "\n".join(lines[i:])
        return True

    def _definition(self, line: str) -> tuple[str, str] | None:
        m = self.RE.match(line)
        if m is None or m.end() != len(line):
            return None
        abbr, title = m.group("abbr").strip(), m.group("title").strip()
        return (abbr, title) if abbr and title else None

