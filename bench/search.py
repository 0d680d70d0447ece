"""Search across posts on generated repos (2,000 / 5,000 / 20,000 posts): first search (files
read) and second search (texts cached), medians of 5 runs each, printed. Run on demand:
    uv run python bench/search.py [--counts 2000,5000,20000]"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen import make_big_repo  # noqa: E402

from tileditor.core.search import SearchQuery, TextCache, search_files, site_files  # noqa: E402
from tileditor.core.site import JekyllSite  # noqa: E402


def _time(paths, query, cache) -> tuple[float, int]:
    start = time.perf_counter()
    hits = sum(1 for _ in search_files(paths, query, cache))
    return time.perf_counter() - start, hits


def measure(count: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_big_repo(Path(tmp) / "repo", count=count)
        paths = site_files(JekyllSite(root))
        firsts, seconds = [], []
        for query in ("kernel", "gradient", "offset", "pipeline", "vector"):
            cache = TextCache()
            t1, hits = _time(paths, SearchQuery(query), cache)
            t2, _ = _time(paths, SearchQuery(query + " "), cache)
            firsts.append(t1)
            seconds.append(t2)
        word, _ = _time(paths, SearchQuery("kernel", word=True), cache)
        regex, _ = _time(paths, SearchQuery(r"\bque\w+", regex=True), cache)
        return {"posts": count, "first_ms": statistics.median(firsts) * 1000,
                "again_ms": statistics.median(seconds) * 1000, "word_ms": word * 1000,
                "regex_ms": regex * 1000, "hits": hits}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--counts", default="2000,5000,20000")
    args = parser.parse_args()
    print(f"{'posts':>7} {'first ms':>9} {'again ms':>9} {'word ms':>8} {'regex ms':>9} {'hits':>6}")
    for count in (int(c) for c in args.counts.split(",")):
        r = measure(count)
        print(f"{r['posts']:>7} {r['first_ms']:>9.0f} {r['again_ms']:>9.0f} {r['word_ms']:>8.0f} "
              f"{r['regex_ms']:>9.0f} {r['hits']:>6}")


if __name__ == "__main__":
    main()
