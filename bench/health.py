"""Times `check_repo` on a generated 2,000-post blog (bench/gen.py's big repo plus a picture
per post in two link styles, a few orphans and broken links) and prints the figures.
Run: uv run python bench/health.py"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen import TINY_PNG, make_big_repo  # noqa: E402

from tileditor.core.health import check_repo  # noqa: E402
from tileditor.core.site import (
    JekyllSite,  # noqa: E402
    shared_cache,
)


def add_images(root: Path) -> None:
    """Every post links one picture (alternating `../../images/` and `{{ site.baseurl }}`);
    every 100th link is broken and every 100th post has an extra unlinked picture."""
    for i, post in enumerate(sorted((root / "_posts").rglob("*.md"))):
        folder = root / "images" / post.stem
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "fig.png").write_bytes(TINY_PNG)
        if i % 100 == 0:
            (folder / "unused.png").write_bytes(TINY_PNG)
        name = "missing.png" if i % 100 == 50 else "fig.png"
        src = (f"../../images/{post.stem}/{name}" if i % 2 else
               f"{{{{ site.baseurl }}}}/images/{post.stem}/{name}")
        with post.open("a", encoding="utf-8") as fh:
            fh.write(f'\n\n<center><img src="{src}" width="85%"></center>\n')


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_big_repo(Path(tmp) / "blog", count=2000)
        add_images(root)
        times, findings = [], []
        for run in range(3):
            shared_cache().invalidate()  # a cold header cache each run: the CLI's case
            start = time.perf_counter()
            findings = check_repo(JekyllSite(root))
            times.append(time.perf_counter() - start)
            print(f"run {run + 1}: {times[-1]:.2f} s")
        kinds = Counter(f.kind for f in findings)
        print(f"check_repo, 2,000 posts + 2,020 images: median {statistics.median(times):.2f} s "
              f"(min {min(times):.2f} s); findings {dict(kinds)}")


if __name__ == "__main__":
    main()
