"""Code in a fenced block keeps the fence's own indentation, as kramdown keeps it (its
fence regex takes the lines between as they are): only a list item's text column and quote
markers come off (tileditor/core/render/kramdown/fences.py). `1. a`, blank, a fence four
spaces in: each code line starts with one space on the site.

Expected code text is real kramdown 2.4's (GFM input), compared character for character.
"""

import html
import re

import pytest

from tests.helpers.render import canon
from tileditor.core.render import render

CASES = [
    ('- item\n\n    ```\n    code\n    ```\n',
     ['  code\n']),
    ('1. item\n\n    ```python\n    x = 1\n    ```\n',
     [' x = 1\n']),
    ('  ```\n  x\n  ```\n',
     ['  x\n']),
    (' ```\n aaa\naaa\n```\n',
     [' aaa\naaa\n']),
    ('  ```\naaa\n  aaa\naaa\n  ```\n',
     ['aaa\n  aaa\naaa\n']),
    ('   ```\n   aaa\n    aaa\n  aaa\n   ```\n',
     ['   aaa\n    aaa\n  aaa\n']),
    ('- a\n  ```\n  x\n    y\n  ```\n',
     ['x\n  y\n']),
    ('> ```\n>   x\n> ```\n',
     ['  x\n']),
    ('1. a\n\n   ```\n   def f():\n       return 1\n   ```\n',
     ['def f():\n    return 1\n']),
]


def _code(markup: str) -> list[str]:
    return [html.unescape(re.sub(r"<[^>]+>", "", c))
            for c in re.findall(r"<code[^>]*>(.*?)</code>", markup, re.S)]


@pytest.mark.parametrize(("md", "code"), CASES)
def test_code_keeps_the_fences_own_indentation(md, code):
    assert _code(render(md).html) == code


# A fence opening an item's text (`1. ```python`): the item's first block, as in kramdown.
ON_MARKER = [
    ('1. ```\n   foo\n   ```\n\n   bar\n',
     '<ol>\n  <li>\n    <pre><code>foo\n</code></pre>\n\n    <p>bar</p>\n  </li>\n</ol>'),
    ('- a\n- ```\n  b\n\n\n  ```\n- c\n',
     '<ul>\n  <li>a</li>\n  <li>\n    <pre><code>b\n\n\n</code></pre>\n  </li>\n  <li>c</li>\n</ul>'),
    ('1. ```python\n   def f():\n       return 1\n   ```\n2. next\n',
     '<ol>\n  <li>\n    <div class="language-python highlighter-rouge"><div class="highlight"><pre class="highlight"><code><span class="k">def</span> <span class="nf">f</span><span class="p">():</span>\n    <span class="k">return</span> <span class="mi">1</span>\n</code></pre></div>    </div>\n  </li>\n  <li>next</li>\n</ol>'),
    ('- ```\n  x\n  ```\n  after\n',
     '<ul>\n  <li>\n    <pre><code>x\n</code></pre>\n    <p>after</p>\n  </li>\n</ul>'),
]
_ROUGE = re.compile(r'<div class="language-\w+ highlighter-rouge"><div class="highlight">'
                    r'<pre class="highlight">(.*?)</pre></div>\s*</div>', re.S)


def _plain(markup: str) -> str:
    """Code blocks as bare `<pre><code>` with their text only (kramdown without Rouge)."""
    markup = _ROUGE.sub(r"<pre>\1</pre>", markup)
    return re.sub(r"<code[^>]*>(.*?)</code>",
                  lambda m: "<code>" + re.sub(r"<[^>]+>", "", m.group(1)) + "</code>",
                  markup, flags=re.S)


@pytest.mark.parametrize(("md", "html"), ON_MARKER)
def test_a_fence_on_the_marker_line_is_the_items_block(md, html):
    assert canon(_plain(render(md).html)) == canon(_plain(html))
