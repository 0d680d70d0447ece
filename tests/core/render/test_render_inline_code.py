"""Inline code spans as kramdown pairs them (issue 9): a run closes at the next run of as
many backticks, a lone backtick between spaces is text, a single-backtick span keeps its
edge spaces. Expected HTML is Debian kramdown 2.4 (GFM parser, Jekyll's options) output,
pasted so the tests need no Ruby."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same

CODE = '<code class="language-plaintext highlighter-rouge">'

KRAMDOWN = {
    'a ` x` b\n':
        '<p>a ` x` b</p>',
    'a ``cmd` b\n':
        '<p>a ``cmd` b</p>',
    'the `fit `method\n':
        '<p>the ' + CODE + 'fit </code>method</p>',
    'the `fit `method` end\n':
        '<p>the ' + CODE + 'fit </code>method` end</p>',
    '`` a `` and `` `b` `` and ` c `\n':
        '<p>' + CODE + 'a</code> and ' + CODE + '`b`</code> and ` c `</p>',
    '`a``b` and ``a`b``\n':
        '<p>' + CODE + 'a</code>' + CODE + 'b</code> and ' + CODE + 'a`b</code></p>',
    'x `` ` `` y\n':
        '<p>x ' + CODE + '`</code> y</p>',
    '`a\nb`\n':
        '<p>' + CODE + 'a\nb</code></p>',
    '\\`not code` and \\\\`code`\n':
        '<p>`not code' + CODE + ' and \\\\</code>code`</p>',
    '*`a*b`*\n':
        '<p><em>' + CODE + 'a*b</code></em></p>',
    # a tag or autolink opening before a backtick is read first (left to right)
    '<a href="`">`\n':
        '<p><a href="`">`</a></p>',
    '<http://foo.bar.`baz>`\n':
        '<p><a href="http://foo.bar.`baz">http://foo.bar.`baz</a>`</p>',
    '\\<a href="`">`\n':
        '<p>&lt;a href=”' + CODE + '"&gt;</code></p>',
    '`<a href="x">` and <b>`x`</b>\n':
        '<p>' + CODE + '&lt;a href="x"&gt;</code> and <b>' + CODE + 'x</code></b></p>',
}


@pytest.mark.parametrize("source", list(KRAMDOWN))
def test_code_span_as_kramdown_pairs_it(source):
    assert_same(source, KRAMDOWN[source])
