"""Angle brackets that are not HTML for kramdown (issue 9): `<Chapter 2: Basics>`, `Map<K, V>`
and `$<a, b>$` print as typed, a block element's tag inside a paragraph is text, while
`List<string>` and `<요약>` open raw elements as on the site. Expected HTML is Debian kramdown
2.4 (GFM parser, Jekyll's options) output, pasted so the tests need no Ruby."""

from __future__ import annotations

import pytest

from tests.helpers.render import assert_same

KRAMDOWN = {
    'Read <Chapter 2: Basics>, then $<a, b>$.\n':
        '<p>Read &lt;Chapter 2: Basics&gt;, then $&lt;a, b&gt;$.</p>',
    'Use List<string> here and Map<K, V> there.\n':
        '<p>Use List<string> here and Map&lt;K, V&gt; there.</string></p>',
    '정리 <요약> 끝\n':
        '<p>정리 <요약> 끝</요약></p>',
    'a <_x> b\n':
        '<p>a <_x> b</_x></p>',
    '2 < 3 and 4 > 1\n':
        '<p>2 &lt; 3 and 4 &gt; 1</p>',
    'a <a, b> c and a <1abc> b and a <3 b\n':
        '<p>a &lt;a, b&gt; c and a &lt;1abc&gt; b and a &lt;3 b</p>',
    'a <div>x</div> b and <p>y</p>\n':
        '<p>a &lt;div&gt;x&lt;/div&gt; b and &lt;p&gt;y&lt;/p&gt;</p>',
    'a <li>x b and a <td>x</td> and <hr>\n':
        '<p>a &lt;li&gt;x b and a &lt;td&gt;x&lt;/td&gt; and &lt;hr&gt;</p>',
    '# <Chapter 2: Basics>\n':
        '<h1 id="chapter-2-basics">&lt;Chapter 2: Basics&gt;</h1>',
    'a <span>x</span> b <em>y</em> c <img src="a.png"/>\n':
        '<p>a <span>x</span> b <em>y</em> c <img src="a.png" /></p>',
    'x <u>a <K, V> b</u> c\n':
        '<p>x <u>a &lt;K, V&gt; b</u> c</p>',
    '## List<string> *data* <Chapter 2: Basics> (end)\n':
        '<h2 id="list-data-chapter-2-basics-end">List<string> *data* &lt;Chapter 2: Basics&gt; '
        '(end)</string></h2>',
    'a <img src=a.png> b\n':
        '<p>a &lt;img src=a.png&gt; b</p>',
    # kramdown's span parser reads no processing instruction or CDATA section
    "This is <? a PI ?>.\n": "<p>This is &lt;? a PI ?&gt;.</p>",
    "<?php echo 1; ?>\n": "<p>&lt;?php echo 1; ?&gt;</p>",
    "a <![CDATA[x]]> b\n": "<p>a &lt;![CDATA[x]]&gt; b</p>",
}


@pytest.mark.parametrize("source", list(KRAMDOWN))
def test_angle_brackets_as_kramdown_reads_them(source):
    assert_same(source, KRAMDOWN[source])
