"""Differential harness, generator half: hypothesis strategies composing what TIL posts hold
(GUIDE section 1) and a run that renders each generated post with render() and with real
kramdown (after Ruby Liquid, as Jekyll does), recording mismatches, leaks and exceptions.
Imports tileditor's render only through tools/differential.py; no Qt."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

TOOLS = Path(__file__).resolve().parent
sys.path[:0] = [str(TOOLS), str(TOOLS.parent)]

WORDS = ["the", "model", "data", "오늘", "배운", "것", "정리", "파이썬", "함수", "is", "and",
         "TIL", "학습", "run", "테스트", "Docker", "값을", "리스트", "API", "end"]
URLS = ["https://example.com/a", "../../images/2025-04-22-TIL/x.png", "/blog/assets/b.png",
        "{{ site.baseurl }}/assets/c.png"]

word = st.sampled_from(WORDS)
inline = st.one_of(
    word, word.map(lambda w: f"`{w}`"), word.map(lambda w: f"*{w}*"),
    word.map(lambda w: f"**{w}**"), st.tuples(word, st.sampled_from(URLS)).map(
        lambda t: f"[{t[0]}]({t[1]})"),
    word.map(lambda w: f'"{w}"'), word.map(lambda w: f"'{w}'"), word.map(lambda w: f"({w})"),
    st.sampled_from(["<Chapter 2: Basics>", "List<string>", "<요약>", "$<a, b>$", "a\tb",
                     "{{ page.title }}", "{% raw %}{{ x }}{% endraw %}", "$$x^2 \\geq 0$$",
                     "Wait....", "--", "...", "<u>밑줄</u>", "[^1]", "2 < 3", "a & b",
                     '<font color="red">빨강</font>', "<s>old</s>", "<Enter>", "<kbd>Ctrl</kbd>"]),
)


@st.composite
def paragraph(draw) -> str:
    """Hard-wrapped lines (Typora writers break where they like: at code, links, emphasis)."""
    lines = draw(st.lists(st.lists(inline, min_size=1, max_size=6).map(" ".join),
                          min_size=1, max_size=3))
    return "\n".join(lines)


center = st.tuples(st.sampled_from(URLS[1:3]), word).map(
    lambda t: f'<center>\n<img src="{t[0]}" width="85%">\n<br><br>\n<I>{t[1]}</I>\n</center>')
math = st.sampled_from(["$$\nx^2 + y^2 = z^2\n$$", "$$\n\\frac{a}{b}\n$$", "$$a_i = b_i$$"])
fence = st.tuples(st.sampled_from(["python", "bash", "", "yaml"]), word).map(
    lambda t: f"```{t[0]}\nprint({t[1]!r})\n```")
table = st.tuples(word, word).map(lambda t: f"| {t[0]} | {t[1]} |\n|---|---|\n| 1 | 2 |")
ial = st.sampled_from(["{: .notice--info}", "{: .align-center}", '{: width="70%"}', "{: #id}"])
heading = st.tuples(st.integers(1, 4), paragraph()).map(
    lambda t: "#" * t[0] + " " + t[1].split("\n")[0])


@st.composite
def list_block(draw) -> str:
    marker = draw(st.sampled_from(["-", "*", "1."]))
    items = []
    for _ in range(draw(st.integers(1, 3))):
        item = f"{marker} {draw(paragraph()).splitlines()[0]}"
        extra = draw(st.sampled_from(["", "fence", "table", "math", "nested", "marker fence"]))
        pad = " " * (len(marker) + 1)
        if extra == "marker fence":  # the fence opens the item's text: `1. ```python`
            item = f"{marker} " + draw(fence).replace("\n", "\n" + pad)
        elif extra == "nested":
            # at the item's text column, or two or four spaces a level as typed by hand
            # (under `1.` two spaces is a lazy line for kramdown), sometimes a level deeper
            step = draw(st.sampled_from([pad, "  ", "    "]))
            item += f"\n{step}- {draw(word)}\n{step}- {draw(word)}"
            if draw(st.booleans()):
                item += f"\n{step}{step}- {draw(word)}\n{step}- {draw(word)}"
        elif extra:
            body = draw({"fence": fence, "table": table, "math": math}[extra])
            # at the item's text column (Typora) or four spaces in (typed by hand)
            at = draw(st.sampled_from([pad, "    "]))
            item += "\n\n" + "\n".join(at + ln for ln in body.split("\n"))
        items.append(item)
    return "\n".join(items)


block = st.one_of(paragraph(), paragraph(), center, math, fence, table, heading, list_block(),
                  paragraph().map(lambda p: "> " + p.replace("\n", "\n> ")),
                  st.tuples(paragraph(), ial).map("\n".join),
                  st.just("{:ref: .notice--warning}\n\nText\n{: ref}"),
                  st.just("Note[^1]\n\n[^1]: 각주 내용"))


@st.composite
def list_lines(draw) -> str:
    """A few list lines with any marker at any indentation, blank lines among them: how
    kramdown nests lists by text column, lazy lines and value segments, bare."""
    lines = []
    for j in range(draw(st.integers(2, 6))):
        if draw(st.integers(0, 7)) == 0:
            lines.append("")
            continue
        indent = draw(st.sampled_from([0, 0, 1, 2, 2, 3, 4, 4, 5, 6, 8]))
        marker = draw(st.sampled_from(["-", "-", "*", "1.", "2.", "10."]))
        lines.append(" " * indent + f"{marker} {draw(word)}{j}")
    return "\n".join(lines).strip("\n") + "\n"


@st.composite
def til_post(draw) -> str:
    blocks = draw(st.lists(block, min_size=1, max_size=6))
    return "\n\n".join(blocks) + draw(st.sampled_from(["", "\n", "\n\n"]))


# What real posts hold beyond the TIL shapes above (inline math kramdown does not read,
# escapes, raw HTML, Typora's marks, comments, tables with alignment, rules, setext lines,
# indented tags), each mixed with the TIL inline pieces.
rich_inline = st.one_of(inline, st.sampled_from([
    "$x_i$", "$a_1 + b_1$", "$x^*$", "$|x|$", "$\\alpha$", "\\$5", "\\*", "\\_", "\\|",
    "~~old~~", "<br>", "<br/>", "&nbsp;", "&lt;tag&gt;", "snake_case_name", "__init__", "*args",
    "**kwargs", "https://example.com/x_y", ":smile:", "==mark==", "<!-- note -->",
    '<span style="color:red">빨강</span>', '<img src="/a.png" width="30%">', "![alt](/a.png)",
    "**굵게**는", "*기울임*을", "`a|b`", "C++", "C#", "a*b*c", "a_b_c", "#tag", "x<y", "a->b",
    "=>", "`` `x` ``", "don't", "--option", "---", "(c)", "[link]", "[x][1]", "<https://a.b>",
    "foo@bar.com", "$$a$$", "{: .red}", "\\\\", "`{{ x }}`", "{{ site.url }}", "`vector<int>`",
    "`a && b`", "`<div>`", '[t](https://a.b "title")', "[ref][r]", "***both***", "_under_",
    "&copy;", "**'인용'**은", "x^2", "H~2~O", "<sup>1</sup>", "<mark>hl</mark>", "..."]))


@st.composite
def rich_paragraph(draw) -> str:
    lines = draw(st.lists(st.lists(rich_inline, min_size=1, max_size=6).map(" ".join),
                          min_size=1, max_size=3))
    return draw(st.sampled_from(["\n", "\n", "  \n", "\\\n"])).join(lines)


rich_table = st.tuples(st.sampled_from(["|:-:|--:|", "|---|:---|", "| --- | --- |", "|-|-|"]),
                       rich_inline, rich_inline, rich_inline).map(
    lambda t: f"| a | b |\n{t[0]}\n| {t[1]} | {t[2]} |\n| {t[3]} | x |")
rich_extra = st.one_of(
    st.sampled_from([
        "***", "___", "- - -", "[TOC]", "<!-- comment -->", "- [ ] todo\n- [x] done",
        "1) one\n2) two", "    indented code\n    more", "Term\n: Definition", "<br>",
        '<p align="center">\n<img src="/a.png">\n</p>', '<div markdown="1">\n**bold**\n</div>',
        "<details>\n<summary>More</summary>\n\n본문\n\n</details>", "## Title {#custom-id}",
        "## Title ##", ">> nested\n> back", "> - a\n> - b", "> ```\n> code\n> ```",
        "$$\n\\begin{aligned}\na &= b \\\\\nc &= d\n\\end{aligned}\n$$", "~~~python\nx = 1\n~~~",
        "* * *", "<center>**bold**</center>", "<kbd>Ctrl</kbd> + <kbd>C</kbd>", " <s>a</s> b",
        "[r]: https://example.com/r", '[r]: /r "Title"', "3. three\n4. four",
        "> **Note**\n> text", "> ```python\n> x = 1\n> ```\n> after",
        '![img](/a.png)\n{: .align-center}', "| a | b |\n|---|---|\n| x<br>y | `c` |",
        "<div class=\"notice\">\n텍스트\n</div>", "- a\n\n  > q\n- b", "1. a\n\n   b\n2. c",
        "## 표\n| a | b |\n|---|---|\n| 1 | 2 |", "---\n| a | b |\n|---|---|", "* a\n## H",
        '- item\n<center>\n<img src="/a.png">\n</center>']),
    rich_paragraph().map(lambda p: p + "\n---"), rich_paragraph().map(lambda p: p + "\n==="),
    rich_table, rich_paragraph().map(lambda p: "> " + p.replace("\n", "\n> ")),
    st.tuples(st.integers(1, 6), rich_paragraph()).map(
        lambda t: "#" * t[0] + " " + t[1].split("\n")[0]),
)
rich_block = st.one_of(rich_paragraph(), rich_paragraph(), rich_extra, rich_extra, block,
                       list_block())


@st.composite
def rich_post(draw) -> str:
    return "\n\n".join(draw(st.lists(rich_block, min_size=1, max_size=6))) + "\n"


# Math-heavy posts: kramdown reads only `$$` as math, so single-`$` TeX meets emphasis,
# escapes and tables as Markdown; display blocks in lists, quotes and tables.
tex = st.sampled_from([
    "x_i", "x_{i+1}", "a^2", "\\hat{y}_i", "\\sum_{i=1}^{n} x_i", "\\frac{1}{2}", "|x|",
    "\\|w\\|_2", "a * b", "a*b*c", "\\{0, 1\\}", "\\mathbb{R}^n", "p(x|y)", "\\alpha_t",
    "x \\le y", "\\text{if } x", "f(x) = \\begin{cases} 1 \\\\ 0 \\end{cases}", "\\_",
    "a_1, a_2", "[0, 1]", "<x, y>", "\\left( x \\right)", "e^{-x^2}", "\\theta^*", "x'"])
math_inline = st.one_of(word, tex.map(lambda t: f"${t}$"), tex.map(lambda t: f"$${t}$$"), inline)
math_paragraph = st.lists(st.lists(math_inline, min_size=1, max_size=7).map(" ".join),
                          min_size=1, max_size=3).map("\n".join)
math_display = st.one_of(
    st.lists(tex, min_size=1, max_size=3).map(lambda ts: "$$\n" + " \\\\\n".join(ts) + "\n$$"),
    tex.map(lambda t: f"$$ {t} $$"),
    tex.map(lambda t: f"$$\n\\begin{{aligned}}\n& {t} \\\\\n& {t}\n\\end{{aligned}}\n$$"),
    tex.map(lambda t: f"$$\n{t}\n\n{t}\n$$"),
    st.tuples(word, tex).map(lambda t: f"- {t[0]} ${t[1]}$\n- $${t[1]}$$"),
    st.tuples(word, tex).map(lambda t: f"1. {t[0]}\n\n   $$\n   {t[1]}\n   $$"),
    st.tuples(tex, tex).map(lambda t: f"| a | b |\n|---|---|\n| ${t[0]}$ | $${t[1]}$$ |"),
    tex.map(lambda t: f"> $${t}$$"))


@st.composite
def math_post(draw) -> str:
    blocks = st.one_of(math_paragraph, math_paragraph, math_display, math_display, block)
    return "\n\n".join(draw(st.lists(blocks, min_size=1, max_size=6))) + "\n"


KINDS = {"til": til_post, "lists": list_lines, "rich": rich_post, "math": math_post}


def run_generated(count: int, seed_value: int | None = None, oracle=None, lists=False,
                  kind: str = "til"):
    """A SuiteReport over `count` generated posts of `kind` (KINDS; `lists` is kind
    "lists"), kramdown run through one process."""
    import differential
    import differential_kramdown as dk

    kind = "lists" if lists else kind
    report = differential.SuiteReport("generated" if kind == "til" else f"generated-{kind}")
    own = oracle is None
    oracle = oracle or dk.Kramdown(liquid=True)

    @settings(max_examples=count, database=None, deadline=None, derandomize=seed_value is None,
              suppress_health_check=list(HealthCheck))
    @given(KINDS[kind]())
    def one(doc: str) -> None:
        html, _err = oracle.convert(doc)
        differential.compare_case(report, f"gen-{report.cases + report.skipped}", doc, html,
                                  differential.render_html(doc))

    if seed_value is not None:
        one = seed(seed_value)(one)
    try:
        one()
    finally:
        if own:
            oracle.close()
    return report
