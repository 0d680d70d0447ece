"""kramdown's math: only `$$` delimits math. A paragraph that is one `$$...$$` becomes display
math `\\[...\\]`, inline `$$x$$` becomes `\\(x\\)` (as kramdown's mathjax engine emits), and
the TeX is kept away from Markdown. Single `$` is left to the page's MathJax. No PySide6."""

from __future__ import annotations

import html

from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor

from tileditor.core.render.kramdown import stash

# `$$x$$` inline; a `$$` escaped with a backslash is text.
INLINE_MATH = r"(?<!\\)\$\$([\s\S]+?)\$\$"


class MathBlockPreprocessor(Preprocessor):
    def __init__(self, md, holder):
        super().__init__(md)
        self.holder = holder

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(lines):
            line = lines[i]
            starts = line.lstrip(" ").startswith("$$") and (not out or not out[-1].strip())
            end = self._block_end(lines, i) if starts and len(line) - len(line.lstrip(" ")) < 4 else -1
            if end < 0:
                out.append(line)
                i += 1
                continue
            tex = "\n".join(lines[i:end + 1]).strip()[2:-2].strip()
            placeholder = stash.store_block(self.md, self.holder.state,
                                            f"\\[{html.escape(tex, quote=False)}\\]", end - i + 1)
            out.append(placeholder)
            i = end + 1
        return out

    @staticmethod
    def _block_end(lines: list[str], start: int) -> int:
        """Index of the line closing the `$$` paragraph, or -1 when it is not pure math."""
        first = lines[start].strip()
        single = len(first) > 4 and first.endswith("$$") and first.count("$$") == 2
        for j in range(start if single else start + 1, len(lines)):
            text = lines[j].strip()
            if not text:
                return -1
            if j > start and "$$" in text and not text.endswith("$$"):
                return -1
            if text.endswith("$$"):
                # Text going on under the closing `$$` makes it a paragraph with inline math.
                following = lines[j + 1] if j + 1 < len(lines) else ""
                return j if not following.strip() else -1
        return -1


class InlineMathProcessor(InlineProcessor):
    def handleMatch(self, m, data):
        if stash.STX in m.group(1):
            # A code span already took part of it: leave the text as it is.
            return None, None, None
        tex = html.escape(m.group(1).strip(), quote=False)
        return stash.store_inline(self.md, f"\\({tex}\\)"), m.start(0), m.end(0)

