"""Code is coloured as the site colours it: highlight_code() gives the spans and classes real
Rouge 3.30 gives (committed in tests/data/differential/rouge-snippets.jsonl by
tools/rouge_check.py --write) for the languages TIL posts use; the rate may not drop."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tools"))

import rouge_check  # noqa: E402

from tileditor.core.render.highlight import fenced_block_html, highlight_code  # noqa: E402

# Measured 169/180 (93.9%) when committed; Pygments' own classes matched about 16%. With the
# Rouge YAML port (rouge_yaml.py): 177/180 (98.3%), 97.4% of 4,500 (tools/rouge_check.py
# --per-lang 300).
FLOOR = 97.0


def test_fixed_snippets_match_rouge_above_the_floor():
    cases = [json.loads(line) for line in rouge_check.FIXED.read_text("utf-8").splitlines()]
    by_lang = rouge_check.measure(cases)
    rows = [r for rs in by_lang.values() for r in rs]
    rate = 100.0 * sum(r["same"] for r in rows) / len(rows)
    worst = [(r["lang"], r["code"]) for r in rows if not r["same"]][:10]
    assert rate >= FLOOR, (rate, worst)
    assert {"python", "bash", "shell", "sql", "javascript", "java", "c", "cpp", "yaml", "json",
            "html", "r", "console"} <= set(by_lang)


def test_rouge_markup_for_the_guide_example():
    # GUIDE section 6: Rouge's shell lexer gives `ls` as a builtin and `-la` as Name.Tag.
    assert highlight_code("ls -la", "shell") == '<span class="nb">ls</span> <span class="nt">-la</span>'


def test_quotes_are_not_escaped_as_rouge_does_not():
    out = highlight_code("x = 'a'\n", "python")
    assert "&#39;" not in out and "<span class=\"s\">'a'</span>" in out


def test_console_prompt_and_output():
    out = highlight_code("$ ls\ntotal 8\n", "console")
    assert out == ('<span class="gp">$</span><span class="w"> </span><span class="nb">ls</span>\n'
                   '<span class="go">total 8\n</span>')


def test_unknown_language_is_escaped_text_in_rouge_markup():
    assert highlight_code("<a> & b", "nosuchlang") == "&lt;a&gt; &amp; b"
    assert fenced_block_html("x\n", None).startswith('<div class="language-plaintext highlighter-rouge">')


def test_ruby_method_calls_symbols_and_constants_as_rouge():
    # Real Rouge 3.30 (kramdown's suite highlights `x = Class.new` as Ruby).
    assert highlight_code("x = Class.new\n", "ruby") == (
        '<span class="n">x</span> <span class="o">=</span> <span class="no">Class</span>'
        '<span class="p">.</span><span class="nf">new</span>\n')
    assert highlight_code("obj.merge(debug: true)[0]\n", "ruby") == (
        '<span class="n">obj</span><span class="p">.</span><span class="nf">merge</span>'
        '<span class="p">(</span><span class="ss">debug: </span><span class="kp">true</span>'
        '<span class="p">)[</span><span class="mi">0</span><span class="p">]</span>\n')
    assert highlight_code("a&.b + A::B + 1.0\n", "ruby") == (
        '<span class="n">a</span><span class="o">&amp;</span><span class="p">.</span>'
        '<span class="nf">b</span> <span class="o">+</span> <span class="no">A</span>'
        '<span class="o">::</span><span class="no">B</span> <span class="o">+</span> '
        '<span class="mf">1.0</span>\n')
    assert highlight_code("attr_reader :name\nh = {c:3}\n", "ruby") == (
        '<span class="nb">attr_reader</span> <span class="ss">:name</span>\n'
        '<span class="n">h</span> <span class="o">=</span> <span class="p">{</span>'
        '<span class="n">c</span><span class="p">:</span><span class="mi">3</span>'
        '<span class="p">}</span>\n')


def test_php_without_an_opening_tag_is_php_as_rouge_guesses():
    # Rouge's PHP lexer starts inline when the code has no `<?` (real Rouge 3.30 output).
    assert highlight_code("$foo = new Bar;\n", "php") == (
        '<span class="nv">$foo</span> <span class="o">=</span> <span class="k">new</span> '
        '<span class="nc">Bar</span><span class="p">;</span>\n')
    assert highlight_code("<?php echo 1; ?>\nx\n", "php") == (
        '<span class="cp">&lt;?php</span> <span class="k">echo</span> <span class="mi">1</span>'
        '<span class="p">;</span> <span class="cp">?&gt;</span>\nx\n')


def test_php_names_as_rouge_classes_them():
    # Real Rouge 3.30: `.` is a Number::Float, a called name a function, a declared one a
    # plain name, an upper-case name a constant, names beside `::` classes.
    assert highlight_code('$a = $b . "x" . PREG_SET_ORDER;\n', "php") == (
        '<span class="nv">$a</span> <span class="o">=</span> <span class="nv">$b</span> '
        '<span class="mf">.</span> <span class="s2">"x"</span> <span class="mf">.</span> '
        '<span class="no">PREG_SET_ORDER</span><span class="p">;</span>\n')
    assert highlight_code("$x->y(1.5);\nfoo($a);\nfunction bar() {}\n$c = A::B;\n", "php") == (
        '<span class="nv">$x</span><span class="o">-&gt;</span><span class="nf">y</span>'
        '<span class="p">(</span><span class="mf">1.5</span><span class="p">);</span>\n'
        '<span class="nf">foo</span><span class="p">(</span><span class="nv">$a</span>'
        '<span class="p">);</span>\n<span class="k">function</span> <span class="n">bar</span>'
        '<span class="p">()</span> <span class="p">{}</span>\n<span class="nv">$c</span> '
        '<span class="o">=</span> <span class="nc">A</span><span class="o">::</span>'
        '<span class="nc">B</span><span class="p">;</span>\n')


def test_typescript_takes_the_javascript_fixes():
    # Real Rouge 3.30 (benbalter.github.com, 2022-06-30): quotes are delimiters, `from` a
    # keyword, template strings s2 with `${` `}` punctuation.
    assert highlight_code("import { closest } from 'x';\n", "typescript") == (
        '<span class="k">import</span> <span class="p">{</span> <span class="nx">closest</span> '
        '<span class="p">}</span> <span class="k">from</span> <span class="dl">\'</span>'
        '<span class="s1">x</span><span class="dl">\'</span><span class="p">;</span>\n')


def test_the_final_newline_inside_the_last_span_is_the_only_one():
    # Real kramdown + Rouge: `<span class="c1"># c\n</span></code>`, no second newline.
    assert fenced_block_html("x = 1  # c\n", "python").endswith(
        '<span class="c1"># c\n</span></code></pre></div></div>')
    assert fenced_block_html("$ ls\nfoo\n", "console").endswith(
        '<span class="go">foo\n</span></code></pre></div></div>')


def test_markdown_markers_links_and_quotes_as_rouge():
    # Real Rouge 3.30 (minimal-mistakes' markup post shows Markdown links in code).
    assert highlight_code("* One\n  - z\n", "markdown") == (
        '<span class="p">*</span> One\n<span class="p">  -</span> z\n')
    assert highlight_code("[Text](#link){: .btn}\n", "markdown") == (
        '<span class="p">[</span><span class="nv">Text</span><span class="p">](</span>'
        '<span class="sx">#link</span><span class="p">)</span>{: .btn}\n')
    assert highlight_code("1. a\n> q\n", "md") == (
        '<span class="p">1.</span> a\n<span class="gt">&gt; q</span>\n')


def test_css_as_rouge_classes_it():
    # Real Rouge 3.30 (benbalter.github.com, 2014-03-13 and a written sample).
    assert highlight_code(".a:hover {\n  -webkit-transition: opacity 0.2s;\n  left: -0.5em;\n}\n",
                          "css") == (
        '<span class="nc">.a</span><span class="nd">:hover</span> <span class="p">{</span>\n'
        '  <span class="nl">-webkit-transition</span><span class="p">:</span> '
        '<span class="n">opacity</span> <span class="m">0.2s</span><span class="p">;</span>\n'
        '  <span class="nl">left</span><span class="p">:</span> <span class="m">-0.5em</span>'
        '<span class="p">;</span>\n<span class="p">}</span>\n')
    assert highlight_code('#m {\n  --x: #c00;\n  background: url("a.png") no-repeat;\n}\n',
                          "css") == (
        '<span class="nf">#m</span> <span class="p">{</span>\n  <span class="py">--x</span>'
        '<span class="p">:</span> <span class="m">#c00</span><span class="p">;</span>\n'
        '  <span class="nl">background</span><span class="p">:</span> '
        '<span class="sx">url("a.png")</span> <span class="nb">no-repeat</span>'
        '<span class="p">;</span>\n<span class="p">}</span>\n')


def test_html_script_content_and_tag_as_rouge():
    assert highlight_code("<script src=\"a.js\"></script>\n<script>\nf('x');\n</script>\n",
                          "html") == (
        '<span class="nt">&lt;script </span><span class="na">src=</span><span class="s">"a.js"'
        '</span><span class="nt">&gt;&lt;/script&gt;</span>\n<span class="nt">&lt;script&gt;'
        '</span>\n<span class="nx">f</span><span class="p">(</span><span class="dl">\'</span>'
        '<span class="s1">x</span><span class="dl">\'</span><span class="p">);</span>\n'
        '<span class="nt">&lt;/script&gt;</span>\n')
