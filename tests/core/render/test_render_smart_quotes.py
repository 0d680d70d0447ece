"""kramdown's smart quotes rule for rule (issue 9): quotes between spaces, after `(` or `[`,
around elements, doubled, escaped; and its dashes and ellipses in longer runs. Expected HTML is Debian kramdown 2.4 (GFM parser,
Jekyll's options) output, pasted so the tests need no Ruby."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same
from tileditor.core.render.kramdown.smart_quotes import educate

KRAMDOWN = {
    'Print " " and " hi "\n':
        '<p>Print “ “ and “ hi “</p>',
    'Type "(" first\n':
        '<p>Type “(“ first</p>',
    "a ' b and a(' b and a('s b\n":
        '<p>a ‘ b and a(‘ b and a(‘s b</p>',
    # `[` starts a link for kramdown, so the quote after it has nothing before it.
    "a[' and a['s b\n":
        '<p>a[’ and a[’s b</p>',
    'a""*y* and a"""b\n':
        '<p>a”“<em>y</em> and a”"”b</p>',
    '\'*y* and "_y_\n':
        '<p>‘<em>y</em> and “<em>y</em></p>',
    "*x*'*y* and `c`''\n":
        '<p><em>x</em>‘<em>y</em> and <code class="language-plaintext highlighter-rouge">c</code>’’</p>',
    "ab'1 and 1'1 and a—'b\n":
        '<p>ab’1 and 1’1 and a—’b</p>',
    "<b>x</b>'(\n":
        '<p><b>x</b>’(</p>',
    '"a" \'b\' "\'Quoted\' words" the \'80s\n':
        '<p>“a” ‘b’ “‘Quoted’ words” the ’80s</p>',
    'x $$x$$" y and x &amp;\'$$x$$ y\n':
        '<p>x \\(x\\)” y and x &amp;’\\(x\\) y</p>',
    'x \\"" and "\\" y\n':
        '<p>x "” and “" y</p>',
    '"오늘" \'배운\' 것\n':
        '<p>“오늘” ‘배운’ 것</p>',
    'He said "[link](u)" and "`code`" and (*"em"*)\n':
        '<p>He said “<a href="u">link</a>” and “<code class="language-plaintext highlighter-rouge">'
        'code</code>” and (<em>“em”</em>)</p>',
}


@pytest.mark.parametrize("source", list(KRAMDOWN))
def test_smart_quotes_as_kramdown_turns_them(source):
    assert_same(source, KRAMDOWN[source])


def test_educate_uses_the_sites_characters_and_keeps_other_text():
    chars = {"lsquo": "<", "rsquo": ">", "ldquo": "[", "rdquo": "]"}
    assert educate('say "hi" -- it\'s "..."', chars) == "say [hi] -- it>s [...]"
    assert educate("no quotes here", chars) == "no quotes here"


TYPOGRAPHIC_RUNS = {
    # `---`, then `--`, then `...` from the left of any run.
    'Wait.... and so.....\n':
        '<p>Wait…. and so…..</p>',
    'a ---- b ----- c\n':
        '<p>a —- b —– c</p>',
    'a ------ b\n':
        '<p>a —— b</p>',
    'x -- y --- z\n':
        '<p>x – y — z</p>',
    '1...2......3\n':
        '<p>1…2……3</p>',
}


@pytest.mark.parametrize("source", list(TYPOGRAPHIC_RUNS))
def test_runs_of_dots_and_hyphens_as_kramdown_reads_them(source):
    assert_same(source, TYPOGRAPHIC_RUNS[source])
