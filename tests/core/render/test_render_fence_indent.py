"""Code in a fenced block keeps the fence's own indentation, as kramdown keeps it (its
fence regex takes the lines between as they are): only a list item's text column and quote
markers come off (tileditor/core/render/kramdown/fences.py). `1. a`, blank, a fence four
spaces in: each code line starts with one space on the site.

Expected code text is real kramdown 2.4's (GFM input), compared character for character.
"""

import html
import re

import pytest

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
