"""Render time of hostile inputs (issue 15, item 12): 50 KB of `[`, `[a](`, `{: #a .b}` lines,
nested quotes, fence lines, 10,000 nested list levels... through the full render, the preview's
incremental renderer (first render and one keystroke), the block splitter and the editor's
highlighter. On demand, not in CI; each case runs in its own child process with a time limit.

    uv run python bench/adversarial.py                  # 50 KB inputs, 60 s cap per figure
    uv run python bench/adversarial.py --size 10000 --only brackets,quotes --cap 20
    uv run python bench/adversarial.py --json /tmp/adv.json

`CASES` is also imported by tests/core/render/test_render_bounded.py (at a smaller size)."""

from __future__ import annotations

import argparse
import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _lines(unit: str, size: int) -> str:
    return _repeat(unit + "\n", size)


def _nested_quotes(size: int) -> str:
    # Paragraph i sits i levels deep (blank-line separated, the costliest shape found):
    # about 300 levels in 50 KB.
    out, depth, total = [], 1, 0
    while total + depth + 4 <= size:
        out.append(">" * depth + " a\n")
        total += depth + 4
        depth += 1
    return "\n".join(out)


def _nested_list(size: int) -> str:
    # `- - - a`: every marker opens one more list level (10,000 levels in 20 KB).
    return "- " * max(1, min(size // 2, 10_000)) + "a\n"


def _abbreviations(size: int) -> str:
    defs, total, i = [], 0, 0
    while total < size // 2:
        line = f"*[A{i}]: x"
        defs.append(line)
        total += len(line) + 1
        i += 1
    uses = " ".join(f"A{j}" for j in range(0, i, 7))
    return "\n".join(defs) + "\n\n" + uses[: size // 2] + "\n"


def _backticks(size: int) -> str:
    # Runs of 1, 2, 3... backticks separated by a letter: no run has a closer of its length.
    out, n, total = [], 1, 0
    while total + n + 1 <= size:
        out.append("`" * n + "a")
        total += n + 1
        n += 1
    return "".join(out) + "\n"


CASES = {
    "brackets": lambda n: _repeat("[", n) + "\n",
    "link_opens": lambda n: _repeat("[a](", n) + "\n",
    "image_opens": lambda n: _repeat("![", n) + "\n",
    "footnote_opens": lambda n: _repeat("[^", n) + "\n",
    "ial_lines": lambda n: _lines("{: #a .b}", n),
    "nested_quotes": _nested_quotes,
    "html_opens": lambda n: _repeat("<a ", n) + "\n",
    "liquid_outputs": lambda n: _repeat("{{", n) + "\n",
    "liquid_tags": lambda n: _repeat("{%", n) + "\n",
    "abbreviations": _abbreviations,
    "fence_lines": lambda n: _lines("```", n),
    "nested_list": _nested_list,
    "backtick_runs": _backticks,
    "backtick_line": lambda n: _repeat("`", n) + "\n",
    # kramdown's emphasis scans from each opener to a closer: a run of unclosed ones.
    "emphasis_opens": lambda n: _repeat("*a ", n) + "\n",
    # Elements side by side in one paragraph: Python-Markdown's inline pass found each tail's
    # element with list.index (quadratic; inline_triggers now knows its index).
    "links_in_a_paragraph": lambda n: _repeat("[a](b) ", n) + "\n",
    "emphasis_pairs": lambda n: _repeat("*a* ", n) + "\n",
    "link_titles": lambda n: _repeat('[a](b "c', n) + "\n",
    "raw_elements": lambda n: _lines("<s>x</s> t", n),
    # Span tags left open (each closed at the paragraph's end), then closing tags of the
    # outermost one, each printed as text after a look at what is open.
    "open_tags": lambda n: "<i>" + _repeat("<b>x", n // 2) + _repeat("</i>", n // 2) + "\n",
    # One block of lines each taken off in turn while a test searched the whole rest again
    # (a `# heading` anywhere, a quote line, a rule): over 20 s for 100 KB before.
    "rule_lines": lambda n: _lines("---", n),
    "setext_headings": lambda n: _repeat("a\n=\n", n),
    "definitions": lambda n: _repeat("a\n: b\n", n),
    # Every reference to one note: Python-Markdown named the n-th by walking n names (330 s).
    "footnote_refs": lambda n: _repeat("[^1] ", n) + "\n\n[^1]: x\n",
}
METRICS = ("render", "preview", "keystroke", "blocks", "highlight")


def _measure(metric: str, text: str) -> tuple[float, str]:
    """Seconds for one figure on `text`, and an error note ('' when it rendered)."""
    error = ""
    if metric == "highlight":
        return _measure_highlight(text)
    from tileditor.core.render import IncrementalRenderer, render, split_blocks

    render("warm *up*")  # the converter is built once per thread
    renderer = IncrementalRenderer(None, None)
    if metric == "keystroke":
        _try(renderer.render, text)
    t0 = time.perf_counter()
    if metric == "render":
        error = _try(render, text)
    elif metric == "preview":
        error = _try(renderer.render, text)
    elif metric == "keystroke":
        middle = len(text) // 2
        error = _try(renderer.render, text[:middle] + "x" + text[middle:])
    else:
        split_blocks(text)
    return time.perf_counter() - t0, error


def _try(fn, text: str) -> str:
    try:
        result = fn(text)
    except Exception as exc:  # noqa: BLE001 - the table reports it
        return type(exc).__name__
    warnings = [w for w in getattr(result, "warnings", []) if "render" in w.lower()]
    return warnings[0][:40] if warnings else ""


def _measure_highlight(text: str) -> tuple[float, str]:
    """The whole document highlighted, then one keystroke in its longest line."""
    sys.path.insert(0, str(ROOT))
    from tileditor.qtenv import prepare_qt_environment

    prepare_qt_environment(offscreen=True)
    from PySide6.QtGui import QGuiApplication, QTextCursor, QTextDocument

    from tileditor.ui.markdown_highlighter import MarkdownHighlighter

    app = QGuiApplication.instance() or QGuiApplication([])
    doc = QTextDocument()
    doc.setPlainText(text)
    t0 = time.perf_counter()
    MarkdownHighlighter(doc)  # highlights every block once
    longest = max(range(doc.blockCount()), key=lambda i: doc.findBlockByNumber(i).length())
    cursor = QTextCursor(doc.findBlockByNumber(longest))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertText("[")
    app.processEvents()
    return time.perf_counter() - t0, ""


def _child(case: str, size: int, metrics: list[str]) -> None:
    text = CASES[case](size)
    for metric in metrics:
        seconds, error = _measure(metric, text)
        print(json.dumps({"metric": metric, "seconds": seconds, "error": error}), flush=True)


def _pump(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line)


def run_case(case: str, size: int, cap: float) -> dict:
    """Every figure of one case, each `None` when it ran past `cap` seconds (child killed)."""
    figures: dict[str, dict] = {}
    remaining = list(METRICS)
    while remaining:
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child", case, "--size", str(size), *remaining],
            stdout=subprocess.PIPE, text=True, cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)})
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=_pump, args=(proc.stdout, lines), daemon=True).start()
        while remaining:
            try:
                row = json.loads(lines.get(timeout=cap + 10 if not figures else cap))
            except queue.Empty:
                figures[remaining.pop(0)] = {"seconds": None, "error": f"> {cap:g} s"}
                break
            figures[row["metric"]] = row
            remaining.remove(row["metric"])
        proc.kill()
        proc.wait()
    return figures


def _cell(row: dict) -> str:
    if row["seconds"] is None:
        return row["error"]
    note = f" ({row['error']})" if row["error"] else ""
    return f"{row['seconds']:.3f}{note}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=50_000, help="characters per input")
    ap.add_argument("--cap", type=float, default=60.0, help="seconds before a figure is cut off")
    ap.add_argument("--only", help="comma-separated case names")
    ap.add_argument("--json", help="also write the figures here")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("metrics", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.child, args.size, args.metrics)
        return
    names = args.only.split(",") if args.only else list(CASES)
    print(f"| input ({args.size:,} chars) | " + " | ".join(f"{m} s" for m in METRICS) + " |")
    print("|---|" + "---|" * len(METRICS))
    results = {}
    for name in names:
        results[name] = run_case(name, args.size, args.cap)
        cells = " | ".join(_cell(results[name][m]) for m in METRICS)
        print(f"| {name} | {cells} |", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
