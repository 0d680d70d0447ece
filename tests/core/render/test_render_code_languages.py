"""Code in a language, as Jekyll's kramdown with rouge prints it (kramdown's suite,
block/06_codeblock and span/03_codespan): a code span with a `.language-x` IAL is highlighted
and its class put in kramdown's order; code in a language Rouge has no lexer for (names are
case-sensitive: `Python` is none) is a bare `<pre><code class="language-x">` block or an
unhighlighted span. Expected HTML is real kramdown 2.4 (GFM parser, Jekyll's options, Rouge
3.30) output, pasted so the tests need no Ruby."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same
from tileditor.core.render.highlight.rouge_names import rouge_knows

_RUBY_X1 = '<span class="n">x</span> <span class="o">=</span> <span class="mi">1</span>'

KRAMDOWN = {
    "a `x = 1`{:.language-ruby} b\n":
        f'<p>a <code class="language-ruby highlighter-rouge">{_RUBY_X1}</code> b</p>',
    "`span`{: .hund #dog}{: .katz}\n":
        '<p><code class="language-plaintext hund katz highlighter-rouge" id="dog">span</code></p>',
    "`q`{: .language-python .x} `k`{: .x .language-ruby}\n":
        '<p><code class="language-python x highlighter-rouge"><span class="n">q</span></code> '
        '<code class="language-ruby x language-ruby highlighter-rouge"><span class="n">k</span>'
        "</code></p>",
    "`x<y`{:.language-foo} `p & q`\n":
        '<p><code class="language-foo">x&lt;y</code> '
        '<code class="language-plaintext highlighter-rouge">p &amp; q</code></p>',
    "# H `x = 1`{:.language-ruby}\n":
        f'<h1 id="h-x--1">H <code class="language-ruby highlighter-rouge">{_RUBY_X1}</code></h1>',
    "```Python\nx = 1\n```\n": '<pre><code class="language-Python">x = 1\n</code></pre>',
    "~~~ asn.1\ntext\n~~~\n": '<pre><code class="language-asn.1">text\n</code></pre>',
    "```caddyfile\na <b>\n```\n{: .x #i}\n":
        '<pre class="x" id="i"><code class="language-caddyfile">a &lt;b&gt;\n</code></pre>',
    "    a <b>\n{: .language-foo .x #i}\n":
        '<pre class="x" id="i"><code class="language-foo">a &lt;b&gt;\n</code></pre>',
    "```ruby?x=1\ny\n```\n":
        '<div class="language-ruby highlighter-rouge"><div class="highlight">'
        '<pre class="highlight"><code><span class="n">y</span>\n</code></pre></div></div>',
    # A fence naming no language takes the IAL's first `.language-x`; the fence's name wins
    # over the IAL's, whose language classes go (kramdown's suite, with_lang_in_fenced_block).
    "~~~\nx\n~~~\n{: .foo .language-ruby}\n":
        '<div class="language-ruby foo highlighter-rouge"><div class="highlight">'
        '<pre class="highlight"><code><span class="n">x</span>\n</code></pre></div></div>',
    "~~~ ruby\nx\n~~~\n{: .language-python .foo}\n":
        '<div class="language-ruby foo highlighter-rouge"><div class="highlight">'
        '<pre class="highlight"><code><span class="n">x</span>\n</code></pre></div></div>',
}


@pytest.mark.parametrize("source", list(KRAMDOWN))
def test_code_languages_as_kramdown_with_rouge(source):
    assert_same(source, KRAMDOWN[source])


def test_rouge_names_as_its_registry_finds_them():
    # Rouge::Lexer.find_fancy: case-sensitive names, `?options` after the name, `guess`.
    assert rouge_knows("ruby") and rouge_knows("c++") and rouge_knows("ruby?x=1")
    assert rouge_knows("guess") and rouge_knows("plaintext")
    assert not rouge_knows("Ruby") and not rouge_knows("asn.1") and not rouge_knows("caddyfile")
