"""`tileditor search QUERY`: grep-like search of every post and draft of a blog, with the same
matcher as the window's search panel. Prints `path:line: text`; exits 1 when nothing matches."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub) -> argparse.ArgumentParser:
    s = sub.add_parser("search", help="find text in every post and draft (like grep)",
                       description="Prints path:line: text for each line that matches, posts "
                       "newest first; exit status 1 when nothing matches, 2 on a bad query.")
    s.add_argument("query", help="the text to find (a regular expression with --regex)")
    s.add_argument("--repo", type=Path, default=Path.cwd(), help="the blog (default: here)")
    s.add_argument("--regex", action="store_true", help="QUERY is a Python regular expression")
    s.add_argument("--word", action="store_true", help="whole words only")
    s.add_argument("--case", action="store_true", help="match case (default: ignore case)")
    return s


def cmd_search(args) -> int:
    from tileditor.core.search import SearchError, SearchQuery, search_files, site_files
    from tileditor.core.site import JekyllSite

    site = JekyllSite.find(args.repo)
    if site is None:
        print(f"tileditor: {args.repo} is not inside a Jekyll site (no _config.yml).", file=sys.stderr)
        return 2
    query = SearchQuery(args.query, regex=args.regex, word=args.word, case=args.case)
    found = 0
    try:
        for hit in search_files(site_files(site), query):
            try:
                name = hit.path.relative_to(Path.cwd())
            except ValueError:
                name = hit.path
            print(f"{name}:{hit.line}: {hit.text}")
            found += 1
    except SearchError as exc:
        print(f"tileditor: {exc}", file=sys.stderr)
        return 2
    return 0 if found else 1
