"""Near-duplicate tags and categories (MLOpsReveiw beside MLOpsReview, notice beside Notice),
with the rules of tileditor.core.near_duplicate: each post using the rarer spelling gets a
finding on its tag line. Must not import PySide6."""

from __future__ import annotations

from collections import Counter, defaultdict

from tileditor.core.near_duplicate import default_near_duplicate
from tileditor.core.site import jekyll_list

from .model import Finding, ScannedFile


def _suspects(counter: Counter) -> dict[str, str]:
    """{rarer name: the more used name it probably meant}."""
    by_len: dict[int, list[str]] = defaultdict(list)
    for name in counter:
        by_len[len(name)].append(name)
    out = {}
    for name, count in counter.items():
        near = Counter()
        for n in range(len(name) - 2, len(name) + 3):
            for other in by_len.get(n, ()):
                c = counter[other]
                if other != name and (c > count or (c == count and other < name)):
                    near[other] = c
        hit = default_near_duplicate(name, near) if near else None
        if hit is not None:
            out[name] = hit
    return out


def tag_findings(files: list[ScannedFile]) -> list[Finding]:
    posts = [f for f in files if not f.error]
    names = {
        "tag": {f.path: jekyll_list(f.values, "tag", "tags") for f in posts},
        "category": {f.path: _categories(f) for f in posts},
    }
    out: list[Finding] = []
    for what, per_file in names.items():
        counter = Counter()
        for values in per_file.values():
            counter.update(set(values))
        suspects = _suspects(counter)
        if not suspects:
            continue
        keys = ("tag", "tags") if what == "tag" else ("category", "categories")
        for f in posts:
            for name in dict.fromkeys(per_file[f.path]):
                if name in suspects:
                    best = suspects[name]
                    out.append(Finding(
                        f.path, f.header_line_with(name, *keys), f"near_duplicate_{what}",
                        f"{what} {name!r} looks like {best!r} ({counter[best]} posts; this "
                        f"spelling: {counter[name]})"))
    return out


def _categories(f: ScannedFile) -> list[str]:
    # Only the categories written in the header: folder-derived ones are not typed by hand.
    return [c for c in jekyll_list(f.values, "category", "categories") if c]

