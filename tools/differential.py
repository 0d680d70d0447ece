"""Differential harness: renders the committed public suites (GFM spec, kramdown's and
kramdown-parser-gfm's test cases) with tileditor's render() and compares them with real
kramdown's output after one shared normalisation; reports exact / block / similarity per suite
and the miss categories with a minimal example each. Imports no Qt.

    uv run python tools/differential.py                 # committed suites (no Ruby needed)
    uv run python tools/differential.py --live          # re-run kramdown now instead
    uv run python tools/differential.py --extract       # rebuild tests/data/differential
    uv run python tools/differential.py --generate 2000 # generated TIL posts vs kramdown
    uv run python tools/differential.py --generate 600 --lists  # list snippets vs kramdown
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
sys.path[:0] = [str(TOOLS), str(TOOLS.parent)]

import differential_compare as dc  # noqa: E402
import differential_kramdown as dk  # noqa: E402
import differential_suites as ds  # noqa: E402


def render_html(markdown: str) -> tuple[str | None, str | None]:
    """(html, error) from tileditor's one render function."""
    from tileditor.core.render import render

    try:
        return render(markdown).html, None
    except Exception as exc:  # noqa: BLE001 - an exception is a finding, not a crash
        return None, f"{type(exc).__name__}: {exc}"


@dataclass
class Miss:
    id: str
    category: str
    markdown: str
    kramdown: str
    ours: str


@dataclass
class SuiteReport:
    suite: str
    cases: int = 0
    exact: int = 0
    block: int = 0
    similarity_sum: float = 0.0
    skipped: int = 0  # kramdown itself raised: nothing to compare with
    misses: list[Miss] = field(default_factory=list)

    @property
    def exact_rate(self) -> float:
        return 100.0 * self.exact / self.cases if self.cases else 100.0

    @property
    def block_rate(self) -> float:
        return 100.0 * self.block / self.cases if self.cases else 100.0

    @property
    def mean_similarity(self) -> float:
        return self.similarity_sum / self.cases if self.cases else 1.0

    def categories(self) -> list[tuple[str, int, Miss]]:
        """(category, count, shortest example) most frequent first."""
        groups: dict[str, list[Miss]] = defaultdict(list)
        for miss in self.misses:
            groups[miss.category].append(miss)
        ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        return [(cat, len(ms), min(ms, key=lambda m: (len(m.markdown), m.id))) for cat, ms in ranked]


def compare_case(report: SuiteReport, case_id: str, markdown: str, kramdown_html: str | None,
                 ours: tuple[str | None, str | None]) -> None:
    if kramdown_html is None:
        report.skipped += 1
        return
    report.cases += 1
    html, error = ours
    if html is None:
        report.misses.append(Miss(case_id, "exception", markdown, kramdown_html, error or ""))
        return
    out = dc.compare(kramdown_html, html)
    report.exact += out.exact
    report.block += out.block
    report.similarity_sum += out.similarity
    if not out.exact:
        report.misses.append(Miss(case_id, out.category, markdown, out.kramdown, out.ours))


def run_suite(suite: str, cases: list[dict], live: bool = False) -> SuiteReport:
    report = SuiteReport(suite)
    if live:
        fresh = dk.convert_all(c["markdown"] for c in cases)
        cases = [{**c, "kramdown_html": html} for c, (html, _err) in zip(cases, fresh, strict=True)]
    for case in cases:
        compare_case(report, case["id"], case["markdown"], case.get("kramdown_html"),
                     render_html(case["markdown"]))
    return report


# ------------------------------------------------------------------ output


def print_table(reports: list[SuiteReport]) -> None:
    print(f"{'suite':<22}{'cases':>7}{'exact':>9}{'block':>9}{'similarity':>12}")
    total = SuiteReport("all")
    for r in reports:
        print(f"{r.suite:<22}{r.cases:>7}{r.exact_rate:>8.1f}%{r.block_rate:>8.1f}%"
              f"{r.mean_similarity:>12.3f}" + (f"  ({r.skipped} kramdown errors)" if r.skipped
                                               else ""))
        total.cases += r.cases
        total.exact += r.exact
        total.block += r.block
        total.similarity_sum += r.similarity_sum
    if len(reports) > 1:
        print(f"{'all':<22}{total.cases:>7}{total.exact_rate:>8.1f}%{total.block_rate:>8.1f}%"
              f"{total.mean_similarity:>12.3f}")


def print_categories(report: SuiteReport, top: int, width: int = 160) -> None:
    print(f"\n== {report.suite}: {len(report.misses)} misses")
    for cat, count, ex in report.categories()[:top]:
        print(f"{count:>5}  {cat}   e.g. {ex.id}")
        print(f"         md:       {ex.markdown[:width]!r}")
        print(f"         kramdown: {ex.kramdown[:width]!r}")
        print(f"         ours:     {ex.ours[:width]!r}")


def extract(mirrors: Path) -> None:
    for suite in ds.SUITES:
        try:
            cases, commit = ds.extract(suite, mirrors)
        except FileNotFoundError as exc:
            print(f"{suite}: {exc}", file=sys.stderr)
            continue
        results = dk.convert_all(c["markdown"] for c in cases)
        for case, (html, error) in zip(cases, results, strict=True):
            case["kramdown_html"] = html
            if error:
                case["kramdown_error"] = error
        ds.save(suite, cases)
        ds.write_licence(suite, commit, mirrors)
        print(f"{suite}: {len(cases)} cases from {commit[:12]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--suite", action="append", choices=sorted(ds.SUITES), help="only these")
    ap.add_argument("--live", action="store_true", help="run real kramdown now (needs ruby)")
    ap.add_argument("--extract", action="store_true", help="rebuild the committed suites")
    ap.add_argument("--mirrors", type=Path, default=ds.MIRRORS)
    ap.add_argument("--generate", type=int, metavar="N", help="N generated TIL documents")
    ap.add_argument("--lists", action="store_true",
                    help="with --generate: list snippets (any marker at any indentation)")
    ap.add_argument("--rich", action="store_true",
                    help="with --generate: posts with what real blogs add (raw HTML, escapes, "
                         "single-$ math, comments, rules, aligned tables)")
    ap.add_argument("--math", action="store_true",
                    help="with --generate: math-heavy posts (single-$ TeX, display blocks)")
    ap.add_argument("--mutate", type=int, metavar="N",
                    help="N windows of real posts (--corpus, default ../shared/corpus) edited "
                         "at random")
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--pairs", action="store_true",
                    help="every ordered pair of common blocks, one right under the other")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--top", type=int, default=12, help="categories shown per suite")
    ap.add_argument("--json", type=Path, help="write every miss here")
    args = ap.parse_args(argv)
    if args.extract:
        extract(args.mirrors)
        return 0
    if args.pairs:
        import differential_pairs as dp

        reports = [dp.run_pairs()]
    elif args.mutate:
        import differential_mutate as dm

        reports = [dm.run_mutated(args.mutate, args.seed, args.corpus)]
    elif args.generate:
        import differential_generate as dg

        kind = ("lists" if args.lists else "rich" if args.rich else "math" if args.math
                else "til")
        reports = [dg.run_generated(args.generate, args.seed, kind=kind)]
    else:
        reports = [run_suite(s, ds.load(s), args.live) for s in (args.suite or ds.SUITES)]
    print_table(reports)
    for r in reports:
        print_categories(r, args.top)
    if args.json:
        args.json.write_text(json.dumps({r.suite: [asdict(m) for m in r.misses] for r in reports},
                                        ensure_ascii=False, indent=1), encoding="utf-8")
    leaked = sum(1 for r in reports for m in r.misses if m.category in ("marker leak", "exception"))
    return 1 if leaked else 0


if __name__ == "__main__":
    sys.exit(main())
