"""Every row of the kramdown bundle through the render protocol, as input/output pairs with
real kramdown's HTML (tests.helpers.kramdown_cases), and each of our rows needed by its pairs:
left out of the bundle, at least one of them renders differently."""

from __future__ import annotations

import pytest

from tests.helpers.kramdown_cases import CASES
from tests.helpers.render import bundle_html, canon, kramdown_site
from tileditor.core.render import render
from tileditor.core.render.kramdown import ROWS

_KEYS = {f"{row.registry}:{row.name}" for row in ROWS}
# Our rows whose pairs render the same without them, and why that is right.
SAME_WITHOUT = {
    "treeprocessors:tl_blank_text": "speed only: marks newline-only text atomic",
    "treeprocessors:tl_blank_text_2": "speed only, for the smarty pass",
    "treeprocessors:tl_data_lines": "the text always ends with an empty block, whose turn "
    "tags the last element; this catches a last block that is not",
    "blockprocessors:quote": "a block opening with `>` goes to tl_lazy_quote (74.5), which "
    "runs this one's code; this one takes a quote after other lines of a block, as "
    "Python-Markdown's own does, without its frame walk per test (test_render_bounded.py)",
    "postprocessors:tl_trailing": "notes Fragment.trailing only (test_kramdown_protocol.py)",
}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.row)
def test_pair_renders_as_kramdown(case):
    html = render(case.markdown, site=kramdown_site(case.config)).html
    assert canon(html) == canon(case.kramdown), case.markdown


def test_every_row_has_a_pair_and_every_pair_a_row():
    named = {case.row for case in CASES}
    assert _KEYS - named == set()
    assert named - _KEYS == set()


def _needed(row) -> bool:
    key = f"{row.registry}:{row.name}"
    return row.ours and not row.twin and key not in SAME_WITHOUT


@pytest.mark.parametrize("row", [r for r in ROWS if _needed(r)],
                         ids=lambda r: f"{r.registry}:{r.name}")
def test_each_row_changes_what_its_pairs_render(row):
    pairs = [c for c in CASES if c.row == f"{row.registry}:{row.name}"]
    without = frozenset({(row.registry, row.name)})
    changed = []
    for case in pairs:
        try:
            other = bundle_html(case.markdown, case.config, without)
        except Exception as exc:  # noqa: BLE001 - another row depending on it counts too
            other = repr(exc)
        changed.append(other != bundle_html(case.markdown, case.config))
    assert any(changed), f"no pair of {row.name} needs it"


def test_rows_said_to_change_nothing_are_ours():
    ours = {f"{r.registry}:{r.name}" for r in ROWS if r.ours and not r.twin}
    assert set(SAME_WITHOUT) <= ours
