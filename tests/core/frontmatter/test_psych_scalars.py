"""Unquoted header values typed as Jekyll types them: the loader's plain scalars against Ruby's
Psych itself, value for value, over generated scalars made of what decides a YAML 1.1 type
(digits, signs, dots, commas, underscores, colons, exponents, the letters of yes/no/on/off/
null/true/false in any case). One Ruby process serves all examples; skips without ruby."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.helpers import psych as psych_oracle
from tileditor.core.frontmatter import HeaderError
from tileditor.core.frontmatter.header import load_yaml_mapping
from tileditor.core.site.headers import parse_header

pytestmark = pytest.mark.skipif(not psych_oracle.available(), reason="ruby (Psych) is not installed")

WORDS = ["yes", "No", "ON", "off", "True", "fAlse", "null", "NULL", "~", "y", "n", "Yes!", "none",
         "1:30", "1:30.5", "-1:30", "1,000", "1_000", "017", "08", "0b101", "0x1F", "0o17",
         "1e3", "1.5e3", "1.5e+3", "1.", ".5", "+.5", "-.", ".inf", "-.Inf", ".NaN", "2024-1-2",
         "2024-02-30", "2024-01-02 10:00:00", "2024-01-02T10:00:00Z", "2024-01-02 10:00:00 +09:00",
         "1,2.5", "+1", "-0", "0", "00", "1__0", "12:60", "Nulls", "Offer", "trueish"]
CHARS = st.sampled_from(list("0123456789+-.,_:eExbBo yYnNtTfFaAlLsSuU~"))
SCALAR = st.sampled_from(WORDS) | st.text(CHARS, min_size=1, max_size=8).map(str.strip).filter(bool)


@pytest.fixture(scope="module")
def psych():
    proc = psych_oracle.Psych()
    yield proc
    proc.close()


def _as_oracle(value):
    if isinstance(value, float) and (math.isinf(value) or math.isnan(value)):
        return {"float": "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")}
    if isinstance(value, list):
        return [_as_oracle(v) for v in value]
    return psych_oracle.as_psych(value)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(SCALAR)
@example("yes")
@example("1:30")
@example("1,000")
@example("017")
@example("1e3")
def test_a_plain_value_reads_as_psych_reads_it(psych, scalar):
    yaml_text = f"a: {scalar}\nb: [{scalar}, x]\n"
    theirs = psych.load(yaml_text)
    try:
        ours = load_yaml_mapping(yaml_text)
    except HeaderError as exc:
        assert "error" in theirs, (scalar, theirs, str(exc))
        return
    if "error" in theirs:
        # Psych refuses some scalars YAML 1.2 takes (a flow item ending in ':'); ours may read
        # them: nothing to compare, but a Ruby symbol must not slip through.
        assert not scalar.startswith(":") or len(scalar) == 1, (scalar, theirs, ours)
        return
    assert theirs["ok"] == {"map": [["a", _as_oracle(ours["a"])], ["b", _as_oracle(ours["b"])]]}


def test_the_post_list_and_the_loader_agree():
    text = "toc: no\ncomments: Off\nread_time: yes\n"
    values, error = parse_header(f"---\n{text}---\n")
    assert error is None and values == {"toc": False, "comments": False, "read_time": True}
    assert values == load_yaml_mapping(text)


def test_a_ruby_symbol_is_refused_as_jekyll_refuses_it(psych):
    assert "error" in psych.load("a: :sym\n")
    with pytest.raises(HeaderError, match="Ruby symbol"):
        load_yaml_mapping("a: :sym\n")


@settings(max_examples=400, deadline=None)
@given(SCALAR)
@example("nULL")
@example("tRUE")
def test_the_post_lists_fast_path_types_a_value_as_the_loader_does(scalar):
    text = f"a: {scalar}\nb:\n  - {scalar}\n"
    try:
        expected = load_yaml_mapping(text)
    except HeaderError:
        return
    values, error = parse_header(f"---\n{text}---\n")
    assert error is None and values == expected  # `.nan` is math.nan both times: equal
