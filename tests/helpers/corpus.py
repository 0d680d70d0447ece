"""The shared corpus of real blogs (../shared/corpus, or TILEDITOR_CORPUS): its sites and posts.
With TILEDITOR_REQUIRE_CORPUS=1 (CI) a missing corpus is an error, not a skip."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("TILEDITOR_CORPUS", ROOT.parent / "shared" / "corpus"))
REQUIRE_CORPUS = os.environ.get("TILEDITOR_REQUIRE_CORPUS") == "1"


def corpus_dir() -> Path | None:
    if CORPUS.is_dir():
        return CORPUS
    if REQUIRE_CORPUS:
        raise RuntimeError(f"TILEDITOR_REQUIRE_CORPUS=1 but {CORPUS} is missing")
    return None


def corpus_sites() -> list[Path]:
    """Site roots (folders holding _config.yml) of the shared corpus, [] when absent."""
    base = corpus_dir()
    if base is None:
        return []
    return sorted(p.parent for p in base.glob("*/**/_config.yml"))


def corpus_posts() -> list[Path]:
    out: list[Path] = []
    for site in corpus_sites():
        for sub in ("_posts", "_drafts"):
            d = site / sub
            if d.is_dir():
                out += sorted(p for p in d.rglob("*") if p.suffix in (".md", ".markdown"))
    return out
