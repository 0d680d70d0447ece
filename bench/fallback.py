"""Incremental renders that fall back to a full one: a typing trace over the 5,000-line post
that types prose, footnote references, a footnote's text, reference definitions, a heading
and a fence opener, one character per render, through IncrementalRenderer (what the preview thread runs).
Per kind of edit: how many renders were full and the latency of partial and full ones. No Qt.

    uv run python bench/fallback.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import gen  # noqa: E402

POST_NAME = "2025-04-22-TIL25_Bench.md"


def _typed(text: str, at: int, typed: str):
    """Each prefix of `typed` inserted at `at`: the texts a user's keystrokes produce."""
    for i in range(1, len(typed) + 1):
        yield text[:at] + typed[:i] + text[at:]


def _paragraph_after(text: str, pos: int) -> int:
    """The start of the first plain paragraph (a block opening with a letter) after `pos`."""
    while True:
        pos = text.index("\n\n", pos) + 2
        if text[pos].isalpha():
            return pos


def _trace(text: str) -> list[tuple[str, str]]:
    """(kind, text after the keystroke), in typing order; each kind starts from `text`."""
    lines = text.split("\n")
    mid = len(text) // 2
    para = _paragraph_after(text, mid)
    end = len(text.rstrip("\n"))
    out: list[tuple[str, str]] = []
    out += [("prose", t) for t in _typed(text, text.index(" ", para) + 1, "quick brown fox ")]
    out += [("footnote_ref", t) for t in _typed(text, text.index(" ", para) + 1, "see[^n9] ")]
    with_def = text[:end] + "\n\n[^n9]: A footnote at the end.\n"
    note = with_def.index("A footnote at the end.")
    out += [("footnote_def", t) for t in _typed(with_def, note, "Edited ")]
    with_ref = text[:end] + "\n\n[site]: https://example.com/a\n"
    url = with_ref.index("https://example.com/a") + len("https://example.com/a")
    out += [("reference_def", t) for t in _typed(with_ref, url, "/b/c")]
    out += [("heading", t) for t in _typed(text, text.index("\n## ", mid) + 4, "New ")]
    out += [("fence_open", t) for t in _typed(text, para, "```\n")]
    assert len(lines) > 1000
    return out


def run(quick: bool = False, lines: int = 5000) -> dict:
    from tileditor.core.render import IncrementalRenderer
    from tileditor.core.site import JekyllSite

    text = gen.make_post(lines)
    with tempfile.TemporaryDirectory(prefix="tileditor-bench-fallback-") as tmp:
        repo = gen.make_small_repo(Path(tmp) / "blog", {POST_NAME: text})
        post = repo / "_posts" / "2025" / POST_NAME
        site = JekyllSite.find(post)
        trace = _trace(text)
        if quick:
            trace = trace[::3]
        kinds: dict[str, dict[str, list[float]]] = {}
        renderer = IncrementalRenderer(site, post)
        for kind, _ in trace:
            kinds.setdefault(kind, {"partial": [], "full": []})
        last_kind = None
        for kind, typed in trace:
            if kind != last_kind:  # each kind starts from a rendered original text
                renderer = IncrementalRenderer(site, post)
                renderer.render(text)
                last_kind = kind
            t0 = time.perf_counter()
            result = renderer.render(typed)
            took = (time.perf_counter() - t0) * 1000
            kinds[kind]["full" if result.full else "partial"].append(took)
    out: dict = {"lines": lines, "kinds": {}}
    total = full = 0
    for kind, times in kinds.items():
        n = len(times["partial"]) + len(times["full"])
        total, full = total + n, full + len(times["full"])
        out["kinds"][kind] = {
            "renders": n, "full": len(times["full"]),
            "fallback_rate": round(len(times["full"]) / n, 3) if n else None,
            "partial_median_ms": _median(times["partial"]),
            "full_median_ms": _median(times["full"]),
        }
    every = [t for times in kinds.values() for t in times["partial"] + times["full"]]
    out.update(renders=total, full=full, fallback_rate=round(full / total, 3) if total else None,
               median_ms=_median(every), p95_ms=_pct(every, 0.95))
    return out


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 2) if values else None


def _pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    s = sorted(values)
    return round(s[min(len(s) - 1, round(q * (len(s) - 1)))], 2)


if __name__ == "__main__":
    import json

    print(json.dumps(run(quick="--quick" in sys.argv), indent=1))
