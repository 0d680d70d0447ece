"""Differential harness, mutation half: windows of real posts (a corpus of blog repositories,
default `../shared/corpus`) edited at random the way a writer slips (a line deleted,
duplicated, indented or dedented by two, joined with the next, a blank line added), each
rendered with render() and with real kramdown. Real posts carry what no generator thought of;
the edits walk the inputs near them. Windows holding Liquid are skipped (the oracle has no
Jekyll site to resolve filters and includes against). No Qt."""

from __future__ import annotations

import os
import random
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def post_bodies(corpus: Path) -> list[str]:
    """The text after the front matter of every `.md` file under `corpus`."""
    bodies = []
    for path in sorted(corpus.rglob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if text.startswith("---"):
            end = text.find("\n---", 3)
            text = text[end + 4:] if end > 0 else text
        bodies.append(text)
    return bodies


def mutate(text: str, rnd: random.Random) -> str:
    lines = text.split("\n")
    for _ in range(rnd.randint(1, 4)):
        if not lines:
            break
        i, op = rnd.randrange(len(lines)), rnd.randrange(6)
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[i])
        elif op == 2:
            lines[i] = "  " + lines[i]
        elif op == 3 and lines[i].startswith("  "):
            lines[i] = lines[i][2:]
        elif op == 4:
            lines.insert(i, "")
        elif op == 5 and i + 1 < len(lines):
            lines[i:i + 2] = [lines[i] + " " + lines[i + 1]]
    return "\n".join(lines)


def documents(count: int, seed: int, corpus: Path) -> list[str]:
    """`count` mutated windows (5-40 lines) of the corpus's posts, reproducible by `seed`."""
    bodies = post_bodies(corpus)
    if not bodies:
        raise FileNotFoundError(f"no posts under {corpus}")
    rnd, docs, tries = random.Random(seed), [], 0
    while len(docs) < count and tries < count * 20:
        tries += 1
        lines = rnd.choice(bodies).split("\n")
        start = rnd.randrange(max(1, len(lines) - 5))
        window = "\n".join(lines[start:start + rnd.randint(5, 40)])
        if "{{" in window or "{%" in window:
            continue
        docs.append(mutate(window, rnd) + "\n")
    return docs


def run_mutated(count: int, seed: int | None = None, corpus: Path | None = None):
    """A SuiteReport over `count` mutated windows, kramdown run in one process."""
    import differential
    import differential_kramdown as dk

    corpus = corpus or Path(os.environ.get("TILEDITOR_CORPUS", DEFAULT_CORPUS))
    docs = documents(count, 0 if seed is None else seed, corpus)
    report = differential.SuiteReport("mutated")
    for i, (doc, (html, _err)) in enumerate(zip(docs, dk.convert_all(docs), strict=True)):
        differential.compare_case(report, f"mut-{i}", doc, html, differential.render_html(doc))
    return report
