"""Differential harness, adjacency half: every ordered pair of common TIL blocks typed one
right under the other with no blank line (where kramdown's block boundaries decide what
the second block is), rendered with render() and with real kramdown. No Qt."""

from __future__ import annotations

import itertools

BLOCKS = {
    "para": "Some *text* here",
    "atx": "## Heading",
    "ul": "- item one\n- item two",
    "ol": "1. step one\n2. step two",
    "quote": "> quoted *text*",
    "fence": "```python\nx = 1\n```",
    "table": "| a | b |\n|---|---|\n| 1 | 2 |",
    "hr": "---",
    "hr2": "***",
    "center": '<center>\n<img src="/a.png" width="50%">\n</center>',
    "img": "![alt](/a.png)",
    "imgial": "![alt](/a.png){: .align-center}",
    "math": "$$\nx^2\n$$",
    "mathi": "$$x^2$$",
    "ial": "{: .notice--info}",
    "comment": "<!-- note -->",
    "details": "<details>\n<summary>S</summary>\nbody\n</details>",
    "code4": "    indented code",
    "fndef": "[^1]: note text",
    "linkdef": "[r]: https://example.com",
    "html_p": '<p align="center">x</p>',
    "br": "<br>",
    "task": "- [ ] todo",
    "setext": "Title\n=====",
}


def documents() -> list[tuple[str, str]]:
    """(id, markdown) for each ordered pair; a reference line follows the definitions."""
    out = []
    for (a, x), (b, y) in itertools.product(BLOCKS.items(), BLOCKS.items()):
        tail = "\nref[^1] [r]\n" if "fndef" in (a, b) or "linkdef" in (a, b) else ""
        out.append((f"{a}>{b}", f"{x}\n{y}\n{tail}"))
    return out


def run_pairs():
    import differential
    import differential_kramdown as dk

    docs = documents()
    report = differential.SuiteReport("block-pairs")
    results = dk.convert_all(md for _id, md in docs)
    for (case_id, md), (html, _err) in zip(docs, results, strict=True):
        differential.compare_case(report, case_id, md, html, differential.render_html(md))
    return report
