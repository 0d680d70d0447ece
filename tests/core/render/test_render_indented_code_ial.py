"""A block IAL on indented code, as kramdown applies it (issue 9; kramdown's codeblock
suite): its id and classes go on rouge's wrapper in kramdown's class order, and a
`.language-x` class highlights the block as x. Expected HTML is Debian kramdown 2.4 (GFM
parser, Jekyll's options) output, pasted so the tests need no Ruby."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same


def _rouge(cls: str, code: str, attrs: str = "") -> str:
    return (f'<div class="{cls}"{attrs}><div class="highlight"><pre class="highlight"><code>'
            f'{code}\n</code></pre></div></div>')


KRAMDOWN = {
    '    code\n{:.cls #i}\n':
        _rouge("language-plaintext cls highlighter-rouge", "code", ' id="i"'),
    '    a < b & c\n{: .language-python}\n':
        _rouge("language-python highlighter-rouge",
               '<span class="n">a</span> <span class="o">&lt;</span> <span class="n">b</span> '
               '<span class="o">&amp;</span> <span class="n">c</span>'),
    '    x = 1\n\n    y\n{: .a .b}\n\npara\n':
        _rouge("language-plaintext a b highlighter-rouge", "x = 1\n\ny") + '\n\n<p>para</p>',
    '    plain\n':
        _rouge("language-plaintext highlighter-rouge", "plain"),
}


@pytest.mark.parametrize("source", list(KRAMDOWN))
def test_block_ial_on_indented_code_as_kramdown_applies_it(source):
    assert_same(source, KRAMDOWN[source])
