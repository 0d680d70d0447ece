"""The YAML lexer ported from Rouge (core/render/highlight/rouge_yaml.py): the committed
snippets real Rouge highlighted all match, its indentation rules hold, and no text makes it
raise, loop or lose a character."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tools"))

import rouge_check  # noqa: E402

from tileditor.core.render.highlight import highlight_code  # noqa: E402
from tileditor.core.render.highlight.rouge_yaml import yaml_tokens  # noqa: E402


def test_every_committed_yaml_snippet_matches_real_rouge():
    cases = [json.loads(line) for line in rouge_check.FIXED.read_text("utf-8").splitlines()]
    yaml_rows = rouge_check.measure([c for c in cases if c["lang"] in ("yaml", "yml")])
    rows = [r for rs in yaml_rows.values() for r in rs]
    assert len(rows) >= 12
    assert [r["code"] for r in rows if not r["same"]] == []


def test_a_quoted_item_under_a_deeper_dash_is_a_plain_string_as_in_rouge():
    # Rouge 3.30 output for this input: the deeper `- "80:80"` continues a plain scalar.
    code = '    image: nginx:latest\n      - "80:80"\n'
    assert highlight_code(code, "yaml") == (
        '    <span class="na">image</span><span class="pi">:</span> '
        '<span class="s">nginx:latest</span>\n      <span class="s">- "80:80"</span>\n')


def test_keys_quotes_block_scalars_and_anchors_get_rouges_classes():
    html = highlight_code('title: "A: b"\nexcerpt: |\n  text\nbase: &b x\nother: *b\n', "yaml")
    assert '<span class="s2">"</span><span class="s">A:</span>' in html
    assert '<span class="pi">|</span>' in html and '<span class="s">text</span>' in html
    assert '<span class="nl">&amp;b</span>' in html and '<span class="nv">*b</span>' in html


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list(" \t\n-:?|>'\"#&*![]{},.%@`abc12") + ["---", "..."]),
                max_size=40).map("".join))
def test_any_text_is_lexed_whole(code):
    assert "".join(text for _type, text in yaml_tokens(code)) == code
