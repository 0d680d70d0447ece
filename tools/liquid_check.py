"""Liquid check (report only): how many standard Liquid snippets tileditor.core.liquid.engine renders
exactly as Ruby Liquid 5.4 with Jekyll's filters does (GUIDE section 6 oracle, one Ruby
process). Imports tileditor's Liquid engine, no Qt.

    uv run python tools/liquid_check.py [--show]
"""

from __future__ import annotations

import argparse
import json
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
    args = ap.parse_args(argv)
    same = 0
    for snippet, expected in zip(SNIPPETS, ruby_liquid(SNIPPETS), strict=True):
        try:
            got = ours(snippet)
        except Exception as exc:  # noqa: BLE001 - a raise is a finding
            got = f"RAISED {type(exc).__name__}: {exc}"
        ok = got == expected
        same += ok
        if args.show or not ok:
            print(f"{'ok  ' if ok else 'DIFF'} {snippet}\n     ruby: {expected!r}\n     ours: {got!r}")
    print(f"liquid: {same}/{len(SNIPPETS)} snippets render as Ruby Liquid 5.4 (Jekyll filters)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
