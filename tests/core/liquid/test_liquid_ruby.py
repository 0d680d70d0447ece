"""The Liquid pass against Ruby Liquid 5.4 with Jekyll's filters (what Debian's jekyll runs):
the 22 standard snippets and 400 generated ones of tags and filters, with Ruby's output
committed in tests/data/liquid/liquid-cases.jsonl by `tools/liquid_check.py --write`, so the
comparison needs no Ruby. Where Ruby raises (Jekyll's build fails) nothing is compared."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tools"))

import liquid_check  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tileditor.core.liquid import render_liquid  # noqa: E402

# Measured 323/323 when committed (before the case/cycle/tablerow/counter tags and the math,
# sort and list filters: 13/22 of the standard snippets).
FLOOR = 99.0


def _cases():
    return [json.loads(line) for line in liquid_check.FIXED.read_text("utf-8").splitlines()]


def test_committed_cases_render_as_ruby_liquid():
    compared = [c for c in _cases() if not c["ruby"].startswith("ERROR ")]
    differ = [(c["liquid"], c["ruby"], liquid_check.ours(c["liquid"])) for c in compared
              if liquid_check.ours(c["liquid"]) != c["ruby"]]
    rate = 100.0 * (len(compared) - len(differ)) / len(compared)
    assert len(compared) >= 300
    assert rate >= FLOOR, differ[:10]


def test_the_standard_snippets_all_match():
    by_snippet = {c["liquid"]: c["ruby"] for c in _cases()}
    for snippet in liquid_check.SNIPPETS:
        assert liquid_check.ours(snippet) == by_snippet[snippet], snippet


def test_the_committed_set_covers_every_tag_and_filter_it_draws_from():
    text = "\n".join(c["liquid"] for c in _cases())
    for tag in ("case", "cycle", "tablerow", "increment", "decrement", "capture", "unless"):
        assert "{% " + tag in text, tag
    for kind in liquid_check._FILTERS.values():
        for name, _gives in kind:
            assert name.split(":")[0] in text, name


_ODD = ["{% case x %}", "{% when %}", "{% when 1,, %}", "{% else %}", "{% endcase %}",
        "{% tablerow %}", "{% tablerow t in page.tags cols:0 %}", "{% tablerow t in x cols:-2 %}",
        "{% endtablerow %}", "{% cycle %}", '{% cycle "g": %}', "{% cycle : , %}",
        "{% increment %}", "{% decrement a b %}", "{{ 1 | divided_by: 0 }}",
        "{{ x | modulo: 0 }}", '{{ "a" | round: "x" }}', '{{ 1 | slice: "q" }}',
        "{{ page.tags | sort: 5 }}", "{{", "{%", "x", "{% for t in page.tags limit: -1 %}",
        "{% endfor %}", "{{ page.tags | map }}", "{{ 1e400 | times: 1e400 }}"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ODD), max_size=8).map("".join))
def test_half_typed_and_odd_tags_never_raise(text):
    out, _warnings = render_liquid(text, {"page": {"tags": ["b", "a"]}})
    assert isinstance(out, str)
