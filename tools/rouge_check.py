"""Rouge check: how many generated code snippets tileditor highlights with the same spans and
classes as real Rouge (what the theme's CSS colours), per language; `--write` refreshes the
fixed set the CI test compares with. Imports tileditor's highlighter, no Qt.

    uv run python tools/rouge_check.py [--per-lang 100] [--seed 9] [--show 3]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import defaultdict
from html import unescape
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
sys.path[:0] = [str(TOOLS), str(TOOLS.parent)]

import rouge_snippets  # noqa: E402

FIXED = TOOLS.parent / "tests" / "data" / "differential" / "rouge-snippets.jsonl"
# What kramdown does for a fence: Lexer.find_fancy(lang, code), formatted by Rouge's HTML
# formatter (HTMLLegacy wraps this same markup in <pre><code>).
RUBY = r"""
require "json"
require "rouge"
$stdout.sync = true
STDIN.each_line do |line|
  req = JSON.parse(line)
  lexer = Rouge::Lexer.find_fancy(req["lang"], req["code"])
  html = lexer ? Rouge::Formatters::HTML.new.format(lexer.lex(req["code"])) : nil
  puts JSON.generate({ "html" => html })
end
"""


def rouge_all(pairs: list[tuple[str, str]]) -> list[str | None]:
    """Rouge's markup for each (lang, code), through one Ruby process."""
    proc = subprocess.Popen(["ruby", "-e", RUBY], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, encoding="utf-8", bufsize=1)
    out = []
    try:
        for lang, code in pairs:
            proc.stdin.write(json.dumps({"lang": lang, "code": code}) + "\n")
            proc.stdin.flush()
            out.append(json.loads(proc.stdout.readline())["html"])
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
    return out


_SPAN = re.compile(r'<span class="([^"]*)">(.*?)</span>|([^<]+)', re.S)


def spans(markup: str) -> list[tuple[str, str]]:
    """(class, text) runs; unstyled text is class "". Entities are decoded (Rouge escapes only
    & < >, Pygments also quotes: a reader sees no difference) and equal neighbours merged."""
    out: list[tuple[str, str]] = []
    for m in _SPAN.finditer(markup):
        cls, text = (m.group(1), m.group(2)) if m.group(1) is not None else ("", m.group(3))
        text = unescape(text)
        if out and out[-1][0] == cls:
            out[-1] = (cls, out[-1][1] + text)
        elif text:
            out.append((cls, text))
    return out


def ours(lang: str, code: str) -> str:
    from tileditor.core.render import highlight_code

    return highlight_code(code, lang)


def measure(cases: list[dict]) -> dict[str, list[dict]]:
    """Per language, the cases whose spans differ (each with both span lists)."""
    by_lang: dict[str, list[dict]] = defaultdict(list)
    for case in cases:
        a, b = spans(case["rouge_html"]), spans(ours(case["lang"], case["code"]))
        by_lang[case["lang"]].append({**case, "same": a == b, "rouge": a, "ours": b})
    return by_lang


def report(by_lang: dict[str, list[dict]], show: int) -> float:
    total = same = 0
    for lang, rows in by_lang.items():
        n, ok = len(rows), sum(r["same"] for r in rows)
        total, same = total + n, same + ok
        print(f"{lang:<12}{ok:>5}/{n:<5}{100.0 * ok / n:6.1f}%")
        for r in [r for r in rows if not r["same"]][:show]:
            diff = [(x, y) for x, y in zip(r["rouge"], r["ours"], strict=False) if x != y][:3]
            print(f"      {r['code'][:70]!r}\n        rouge/ours: {diff}")
    rate = 100.0 * same / total if total else 100.0
    print(f"{'all':<12}{same:>5}/{total:<5}{rate:6.1f}%")
    return rate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--per-lang", type=int, default=100)
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--show", type=int, default=0, help="differing snippets shown per language")
    ap.add_argument("--write", action="store_true", help=f"rewrite {FIXED.name} (12 per lang)")
    args = ap.parse_args(argv)
    pairs = rouge_snippets.snippets(12 if args.write else args.per_lang, args.seed)
    cases = [{"lang": lang, "code": code, "rouge_html": html}
             for (lang, code), html in zip(pairs, rouge_all(pairs), strict=True)]
    if args.write:
        FIXED.parent.mkdir(parents=True, exist_ok=True)
        FIXED.write_text("".join(json.dumps(c, ensure_ascii=False, sort_keys=True) + "\n"
                                 for c in cases), encoding="utf-8")
    report(measure(cases), args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
