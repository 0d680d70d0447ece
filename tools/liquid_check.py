"""Liquid check (report only): how many standard Liquid snippets tileditor.core.liquid.engine renders
exactly as Ruby Liquid 5.4 with Jekyll's filters does (GUIDE section 6 oracle, one Ruby
process). Imports tileditor's Liquid engine, no Qt.

    uv run python tools/liquid_check.py [--show]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
sys.path[:0] = [str(TOOLS), str(TOOLS.parent)]

VARIABLES = {"page": {"title": "TIL_25 Hello World", "tags": ["b", "a", "c"], "n": 3,
                      "items": [3, 1, 2], "empty": ""},
             "site": {"title": "Blog"}}
SNIPPETS = [
    "{% case page.n %}{% when 1 %}one{% when 3 %}three{% else %}other{% endcase %}",
    "{% for i in (1..3) %}{% cycle 'a', 'b' %}{% endfor %}",
    "{% tablerow t in page.tags %}{{ t }}{% endtablerow %}",
    "{% increment c %}{% increment c %}{% decrement d %}{{ c }}",
    "{{ 3 | times: 4 }}",
    "{{ page.tags | sort | join: ',' }}",
    "{% for t in page.items reversed limit: 2 %}{{ t }}{% endfor %}",
    "{{ page.title | slugify }}",
    "{{ page.title | downcase | replace: ' ', '-' }}",
    "{% assign x = page.tags | size %}{{ x }}",
    "{% capture y %}Hi {{ site.title }}{% endcapture %}{{ y | upcase }}",
    "{% if page.n > 2 and page.title contains 'Hello' %}yes{% else %}no{% endif %}",
    "{% unless page.empty == '' %}set{% endunless %}",
    "{{ page.missing | default: 'none' }}",
    "{% for t in page.tags %}{{ forloop.index }}{% unless forloop.last %}-{% endunless %}{% endfor %}",
    "{{ 'a,b,c' | split: ',' | last }}",
    "{{ page.title | truncate: 8 }}",
    "{{ 10 | divided_by: 4 }} {{ 10.0 | divided_by: 4 }} {{ 7 | modulo: 3 }}",
    "{{ page.items | sort | reverse | first }}",
    "{% raw %}{{ not rendered }}{% endraw %}",
    "{{ page.title | number_of_words }}",
    "{%- if true -%}  trimmed  {%- endif -%}",
]
RUBY = r"""
require "json"
require "jekyll"
Liquid::Template.register_filter(Jekyll::Filters)
vars = JSON.parse(STDIN.readline)
STDIN.each_line do |line|
  begin
    out = Liquid::Template.parse(JSON.parse(line)).render!(vars, { strict_variables: false })
  rescue StandardError => e
    out = "ERROR #{e.class}: #{e.message}"
  end
  puts JSON.generate(out)
  $stdout.flush
end
"""


FIXED = Path(__file__).resolve().parent.parent / "tests" / "data" / "liquid" / "liquid-cases.jsonl"
# Typed so a chain stays what a post would write (a string filter on a string...): Ruby raises
# on the rest, which only says Jekyll's build would fail there.
_VALUES = {
    "str": ["page.title", "site.title", "'Hello, World'", "'TIL_25 Some Title!'", "'a,b,c'",
            "'  padded  '", "'한글 제목 Hangul'", "'x & <y>'"],
    "num": ["page.n", "3", "-7", "2.5", "10"],
    "list": ["page.tags", "page.items", "(1..4)"],
}
_FILTERS = {  # filter -> (takes, gives)
    "str": [("upcase", "str"), ("downcase", "str"), ("capitalize", "str"), ("strip", "str"),
            ("lstrip", "str"), ("rstrip", "str"), ("size", "num"), ("slugify", "str"),
            ("slugify: 'pretty'", "str"), ("slugify: 'raw'", "str"), ("append: '!'", "str"),
            ("prepend: '> '", "str"), ("replace: 'l', 'L'", "str"),
            ("replace_first: 'l', 'L'", "str"), ("remove: 'l'", "str"),
            ("remove_first: 'l'", "str"), ("truncate: 6", "str"), ("truncate: 10, '~'", "str"),
            ("truncatewords: 2", "str"), ("split: ','", "list"), ("split: ' '", "list"),
            ("slice: 1", "str"), ("slice: 1, 3", "str"), ("slice: -2, 2", "str"),
            ("default: 'none'", "str"), ("escape", "str"), ("xml_escape", "str"),
            ("url_encode", "str"), ("strip_newlines", "str"), ("newline_to_br", "str"),
            ("number_of_words", "num")],
    "num": [("times: 3", "num"), ("times: 1.5", "num"), ("plus: 2", "num"), ("minus: 10", "num"),
            ("divided_by: 2", "num"), ("divided_by: 2.0", "num"), ("modulo: 3", "num"),
            ("abs", "num"), ("ceil", "num"), ("floor", "num"), ("round", "num"),
            ("at_least: 5", "num"), ("at_most: 1", "num")],
    "list": [("first", "any"), ("last", "any"), ("reverse", "list"), ("sort", "list"),
             ("sort_natural", "list"), ("uniq", "list"), ("compact", "list"), ("size", "num"),
             ("join: '-'", "str"), ("join: ', '", "str"), ("array_to_sentence_string", "str"),
             ("array_to_sentence_string: 'or'", "str"), ("jsonify", "str"),
             ("concat: page.tags", "list")],
}
_TAGS = [
    "{{% for x in {l}{opt} %}}{{{{ x }}}},{{% endfor %}}",
    "{{% for x in {l} %}}{{{{ forloop.index }}}}{{% if forloop.last %}}.{{% endif %}}{{% endfor %}}",
    "{{% case {n} %}}{{% when 3 %}}three{{% when 10, 2.5 %}}b{{% else %}}other{{% endcase %}}",
    "{{% tablerow x in {l}{opt} %}}{{{{ x }}}}{{% endtablerow %}}",
    "{{% for x in (1..5) %}}{{% cycle 'a', 'b', 'c' %}}{{% cycle 'g': 'x', 'y' %}}{{% endfor %}}",
    "{{% increment k %}}{{% increment k %}}{{% decrement j %}}{{{{ k }}}}{{{{ j }}}}",
    "{{% assign z = {chain} %}}{{{{ z }}}}",
    "{{% capture c %}}[{{{{ {chain} }}}}]{{% endcapture %}}{{{{ c | size }}}}{{{{ c }}}}",
    "{{% if {n} > 2 %}}t{{% else %}}f{{% endif %}}",
    "{{% unless {s} == blank %}}u{{% endunless %}}",
]
_OPTS = ["", " limit: 2", " offset: 1", " reversed", " reversed limit: 2", " limit: 2 offset: 1",
         " cols: 2", " cols: 2 limit: 3"]


def _chain(rng: random.Random) -> str:
    kind = rng.choice(list(_VALUES))
    parts = [rng.choice(_VALUES[kind])]
    for _ in range(rng.randint(1, 3)):
        if kind == "any":
            break
        name, kind = rng.choice(_FILTERS[kind])
        parts.append(name)
    return " | ".join(parts)


def generated(count: int, seed: int = 7) -> list[str]:
    """Snippets of standard tags and filters over the check's variables, drawn with `seed`."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        if rng.random() < 0.6:
            out.append(f"{{{{ {_chain(rng)} }}}}")
        else:
            out.append(rng.choice(_TAGS).format(
                l=rng.choice(_VALUES["list"]), n=rng.choice(_VALUES["num"]),
                s=rng.choice(_VALUES["str"]), chain=_chain(rng), opt=rng.choice(_OPTS)))
    return list(dict.fromkeys(out))


def ruby_liquid(snippets: list[str]) -> list[str]:
    lines = [json.dumps(VARIABLES)] + [json.dumps(s) for s in snippets]
    done = subprocess.run(["ruby", "-e", RUBY], input="\n".join(lines) + "\n", text=True,
                          capture_output=True, check=True, encoding="utf-8")
    return [json.loads(line) for line in done.stdout.splitlines()]


def ours(snippet: str) -> str:
    from tileditor.core.liquid import LiquidContext, render_liquid

    text, _warnings = render_liquid(snippet, LiquidContext(variables=VARIABLES))
    return text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", action="store_true", help="print every snippet with both outputs")
    ap.add_argument("--generate", type=int, default=0,
                    help="also compare N generated snippets of tags and filters")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--write", action="store_true",
                    help=f"write the fixed and 400 generated snippets with Ruby's output to {FIXED.name}")
    args = ap.parse_args(argv)
    snippets = SNIPPETS + generated(400 if args.write else args.generate, args.seed)
    expected_all = ruby_liquid(snippets)
    if args.write:
        FIXED.parent.mkdir(parents=True, exist_ok=True)
        FIXED.write_text("".join(json.dumps({"liquid": s, "ruby": r}, ensure_ascii=False) + "\n"
                                 for s, r in zip(snippets, expected_all, strict=True)), "utf-8")
    same = raised = 0
    for snippet, expected in zip(snippets, expected_all, strict=True):
        if expected.startswith("ERROR "):
            raised += 1  # Ruby raises: Jekyll's build fails there; nothing to match
            continue
        try:
            got = ours(snippet)
        except Exception as exc:  # noqa: BLE001 - a raise is a finding
            got = f"RAISED {type(exc).__name__}: {exc}"
        ok = got == expected
        same += ok
        if args.show or not ok:
            print(f"{'ok  ' if ok else 'DIFF'} {snippet}\n     ruby: {expected!r}\n     ours: {got!r}")
    print(f"liquid: {same}/{len(snippets) - raised} snippets render as Ruby Liquid 5.4 (Jekyll "
          f"filters); {raised} more make Ruby raise (the build fails) and are not compared")
    return 0


if __name__ == "__main__":
    sys.exit(main())
