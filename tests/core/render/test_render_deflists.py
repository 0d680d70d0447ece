"""Definition lists as kramdown reads them (kramdown's suite, block/13_definition_list): a
definition after a blank line has its text in a `<p>`, one right under the line before has
not; an unindented line under a definition is a lazy line of it, up to the next `:` line.
Expected HTML is real kramdown 2.4 (GFM parser, Jekyll's options) output, pasted so the tests
need no Ruby."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same

KRAMDOWN = {
    "term\n\n: definition\n: definition\n\n: definition\n":
        "<dl><dt>term</dt><dd><p>definition</p></dd><dd>definition</dd>"
        "<dd><p>definition</p></dd></dl>",
    "kram\n*down*\nnow\n: definition 1\n: definition 2\n\n: definition 3\n\n\n: definition 4\n":
        "<dl><dt>kram</dt><dt><em>down</em></dt><dt>now</dt><dd>definition 1</dd>"
        "<dd>definition 2</dd><dd><p>definition 3</p></dd><dd><p>definition 4</p></dd></dl>",
    "kram\n:   down\nkram\n: down\n": "<dl><dt>kram</dt><dd>down\nkram</dd><dd>down</dd></dl>",
    "a\n: b\nlazy\n: c\n": "<dl><dt>a</dt><dd>b\nlazy</dd><dd>c</dd></dl>",
    # the terms' paragraph is at most one blank line up; after two, `:` is text
    "para\n\n\n: no definition\n": "<p>para</p><p>: no definition</p>",
    "para\n\n\n\n: x\n": "<p>para</p><p>: x</p>",
    "term\n: a\n\n\n: b\n": "<dl><dt>term</dt><dd>a</dd><dd><p>b</p></dd></dl>",
    # a `:` line with nothing or an IAL on it: the text column is 4, so this is code
    "kram\n: {:.class}\n        code\n":
        '<dl><dt>kram</dt><dd class="class"><div class="language-plaintext highlighter-rouge">'
        '<div class="highlight"><pre class="highlight"><code>code\n</code></pre></div></div>'
        "</dd></dl>",
    "kram\n: \n    text\n": "<dl><dt>kram</dt><dd>text</dd></dl>",
    # {:auto_ids[-prefix]} gives each term an id (kramdown's basic_generate_id, no counter)
    "{:auto_ids}\nitem\n: def\n\nitem2\n: def\n":
        '<dl><dt id="item">item</dt><dd>def</dd><dt id="item2">item2</dt><dd>def</dd></dl>',
    "{:auto_ids-prefix-}\nitem\n: def\n\n{:#id} item3\n: def\n":
        '<dl><dt id="prefix-item">item</dt><dd>def</dd><dt id="id">item3</dt><dd>def</dd></dl>',
}


@pytest.mark.parametrize("source", list(KRAMDOWN))
def test_definition_lists_as_kramdown(source):
    assert_same(source, KRAMDOWN[source])
