"""What the preview says when a render raises (RecursionError from 10,000 nested list levels,
or any bug): the exception and the post line of the block that raises it, found by rendering
the body's blocks one by one. Must not import PySide6."""

from __future__ import annotations

import time
from pathlib import Path

from tileditor.core.render import engine
from tileditor.core.render.incremental import split_blocks


class RenderFailure(Exception):
    """A render that raised: `message` is one line for the user; `line` the 1-based file line
    of the block that fails on its own (None when no single block does)."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message, self.line = message, line


def failing_lines(text: str, site=None, post_path: Path | None = None,
                  budget: float = 1.0) -> tuple[int, int] | None:
    """The first and last file line of the first body block whose render alone raises, None
    when none does (or `budget` seconds ran out: this runs only after a failure)."""
    body, fm, offset, _warnings = engine.read_front_matter(text)
    deadline = time.monotonic() + budget
    for block in split_blocks(body):
        line = offset + block.line + 1
        try:
            engine.render_fragment(body[block.start:block.end], fm, line, site, post_path)
        except Exception:  # noqa: BLE001 - any error is the one we look for
            return line, line + block.lines - 1
        if time.monotonic() > deadline:
            return None
    return None


def describe(exc: BaseException, text: str, site=None, post_path: Path | None = None
             ) -> RenderFailure:
    """The user-facing RenderFailure for `exc` raised while rendering `text`."""
    lines = failing_lines(text, site, post_path)
    detail = str(exc).splitlines()[0] if str(exc) else ""
    what = type(exc).__name__ + (f": {detail}" if detail else "")
    where = ""
    if lines is not None:
        where = f" at line {lines[0]}" if lines[0] == lines[1] else f" at lines {lines[0]}-{lines[1]}"
    return RenderFailure(f"The preview could not render this post{where} ({what}); "
                         "it shows the last page that rendered.", lines[0] if lines else None)
