"""The incremental renderer agrees with a full render on the differential generator's rich
posts (tools/differential_generate.py: raw HTML, comments, IALs, math, lists), through edits
that splice one post's lines into another and back: every state the cache can reach."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tools"))

import differential_generate as dg  # noqa: E402

from tests.helpers.render import canon  # noqa: E402
from tileditor.core.render import render  # noqa: E402
from tileditor.core.render.incremental import IncrementalRenderer  # noqa: E402


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(dg.rich_post(), dg.rich_post(), st.randoms(use_true_random=False))
def test_incremental_render_agrees_on_rich_posts(first, second, rnd):
    inc = IncrementalRenderer()
    inc.render(first)
    a, b = first.split("\n"), second.split("\n")
    at = rnd.randrange(len(a) + 1)
    spliced = "\n".join(a[:at] + b[:rnd.randrange(len(b) + 1)] + a[at:])
    for text in (spliced, first, spliced + "\nmore *x*\n"):
        assert canon(inc.render(text).html) == canon(render(text).html), text
