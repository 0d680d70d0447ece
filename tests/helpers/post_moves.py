"""Temporary Jekyll repos for the post-move tests, and a byte snapshot of a whole tree."""

from __future__ import annotations

import base64
from pathlib import Path

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")

CONFIG = ("title: t\nurl: https://me.example.com\nbaseurl: \"\"\n"
          "permalink: /:categories/:title/\nmarkdown: kramdown\nkramdown:\n  input: GFM\n"
          "timezone: UTC\n")

DRAFT = """---
title: "My Draft :: 한글"
categories: Notice
header:
  teaser: /images/my-draft/teaser.png
typora-root-url: ../
---

![md](/images/my-draft/a.png)

<center><img src="../../images/my-draft/b.png" width="85%"></center>

![liquid]({{ site.baseurl }}/images/my-draft/c.png)

![filter]({{ '/images/my-draft/d.png' | relative_url }})

![abs](https://me.example.com/images/my-draft/e.png "title")

Not an image: `/images/my-draft/a.png` in code, and a link to /images/my-draft-old/.
"""

OTHER = """---
title: Other
categories: Notice
---

See ![it](../../images/my-draft/a.png) from the draft."""


def write(root: Path, rel: str, data) -> Path:
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        p.write_bytes(data)
    else:
        p.write_text(data, encoding="utf-8")
    return p


def blog(tmp_path: Path, config: str = CONFIG) -> Path:
    """A year-folder blog with one draft (images in many link styles) and two posts."""
    root = tmp_path / "blog"
    write(root, "_config.yml", config)
    write(root, "_posts/2025/2025-01-02-First.md",
          "---\ntitle: First\ncategories: Notice\n---\n\nhello\n")
    write(root, "_posts/2025/2025-01-03-Other.md", OTHER)
    write(root, "_drafts/my-draft.md", DRAFT)
    for name in ("teaser", "a", "b", "c", "d", "e"):
        write(root, f"images/my-draft/{name}.png", PNG + name.encode())
    write(root, "images/2025-01-02-First/x.png", PNG)
    return root.resolve()


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every file (bytes) and folder (None) under `root`, .git excluded."""
    out: dict[str, bytes | None] = {}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        if rel == ".git" or rel.startswith(".git/"):
            continue
        out[rel] = None if p.is_dir() else p.read_bytes()
    return out
