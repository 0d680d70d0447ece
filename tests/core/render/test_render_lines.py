"""data-line on top-level blocks: 1-based lines of the post FILE (front matter counted)."""

from __future__ import annotations

import re
import threading

from tileditor.core.render import RenderOptions, render


def lines_of(html: str) -> list[tuple[str, int]]:
    return [(m.group(1), int(m.group(2)))
            for m in re.finditer(r'<(\w+)[^>]*?\bdata-line="(\d+)"', html)]


DOC = """---
title: Lines
tags: [a, b]
---

# Heading

A paragraph
on two lines.

- one
- two

```python
x = 1

y = 2
```

| a | b |
|---|---|
| 1 | 2 |

> quote

<center>
<img src="x.png">
</center>

{% comment %}
three lines
{% endcomment %}

{: .notice}
After {{ page.title }}.

    indented

Term
: def
"""


def test_each_block_kind_points_at_its_first_line():
    found = lines_of(render(DOC).html)
    assert found == [("h1", 6), ("p", 8), ("ul", 11), ("div", 14), ("table", 20),
                     ("blockquote", 24), ("center", 26), ("p", 35), ("div", 37), ("dl", 39)]


def test_no_front_matter_starts_at_line_one():
    assert lines_of(render("Para\n\n## H\n").html) == [("p", 1), ("h2", 3)]


def test_data_lines_can_be_switched_off():
    assert "data-line" not in render(DOC, options=RenderOptions(data_lines=False)).html


def test_lines_after_long_liquid_loop_and_highlight():
    text = ("{% for i in (1..40) %}\n- {{ i }}\n{% endfor %}\n\nAfter loop.\n\n"
            "{% highlight python %}\na = 1\nb = 2\n{% endhighlight %}\n\nAfter code.\n")
    assert lines_of(render(text).html) == [("ul", 1), ("p", 5), ("figure", 7), ("p", 12)]


def test_parallel_renders_give_identical_output():
    expected = render(DOC).html
    results: list[str] = []
    errors: list[BaseException] = []

    def work():
        try:
            for _ in range(5):
                results.append(render(DOC).html)
        except BaseException as exc:  # noqa: BLE001 - surfaced by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(results) == 20 and all(r == expected for r in results)


def test_repeated_renders_do_not_leak_state():
    first = render("A[^1].\n\n[^1]: n\n\n*[A]: x\n\n# T\n").html
    render("Other [^z].\n\n[^z]: m\n\n# T\n")
    assert render("A[^1].\n\n[^1]: n\n\n*[A]: x\n\n# T\n").html == first
    assert 'id="t"' in first and "t-1" not in first
