"""PreviewRenderer's default render path: one IncrementalRenderer per post, so edits to the
same post come back as block patches and another post starts over with a full render."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tileditor.core.render import render
from tileditor.services.preview_renderer import PreviewRenderer

TEXT = "---\ntitle: T\n---\n" + "".join(f"Para {i} text.\n\n" for i in range(50))


@pytest.fixture
def renderer(qapp):
    r = PreviewRenderer()
    yield r
    r.stop()


def result_of(qtbot, renderer, text, path):
    with qtbot.waitSignal(renderer.finished, timeout=10000) as blocker:
        renderer.request(text, None, path)
    return blocker.args[1]


def test_edits_to_one_post_come_back_as_patches(qtbot, renderer):
    a = Path("/tmp/a.md")
    first = result_of(qtbot, renderer, TEXT, a)
    assert first.patch is None and first.html == render(TEXT).html
    edited = TEXT.replace("Para 25 text.", "Para 25 texts.")
    second = result_of(qtbot, renderer, edited, a)
    assert second.patch is not None and second.patch.base == first.version
    assert second.patch.removed == 1 and "texts" in second.patch.inserted[0]
    assert second.html == render(edited).html
    other = result_of(qtbot, renderer, edited, Path("/tmp/b.md"))
    assert other.patch is None  # a new post: a fresh renderer, a full render


def test_a_dropped_result_is_folded_into_the_next_patch(qtbot, renderer):
    a = Path("/tmp/a.md")
    first = result_of(qtbot, renderer, TEXT, a)
    b = TEXT.replace("Para 10 text.", "Para 10 text, b.")
    c = b.replace("Para 40 text.", "Para 40\n\ntext, c.")
    emitted = []
    renderer.finished.connect(lambda _g, r: emitted.append(r))
    renderer.request(b, None, a)  # starts at once, so it is in flight ...
    with qtbot.waitSignal(renderer.finished, timeout=10000):
        renderer.request(c, None, a)  # ... and dropped when it lands
    last = emitted[-1]
    assert len(emitted) == 1 and last.html == render(c).html
    patch = last.patch
    assert patch is not None and patch.base == first.version and patch.line_delta == 2
    rest = [re.sub(r'data-line="(\d+)"', lambda m: f'data-line="{int(m.group(1)) + 2}"', x)
            for x in first.blocks[patch.start + patch.removed:]]
    assert list(first.blocks[:patch.start]) + list(patch.inserted) + rest == list(last.blocks)
