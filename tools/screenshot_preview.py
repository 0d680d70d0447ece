"""Render a sample post into a PreviewPane and save a PNG, to judge the look by eye.

    uv run python tools/screenshot_preview.py out.png            # offscreen grab
    uv run python tools/screenshot_preview.py --post _posts/x.md out.png   # a real post
    xvfb-run -a uv run python tools/screenshot_preview.py --x11 out.png

Uses tileditor.core.render when present, else Python-Markdown with a data-line shim."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SAMPLE = """\
# Why my Docker build was slow

Today I learned that the **build context** matters more than the *Dockerfile*.
Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop it, and see `docker build --progress=plain`.

## The fix

```python
def ignore(paths: list[str]) -> str:
    # A .dockerignore keeps node_modules out of the context.
    return "\\n".join(sorted(set(paths)))
```

**Note:** the context is sent before the first step runs.
{: .notice--info}

| Step | Before | After |
|------|-------:|------:|
| context | 1.2 GB | 8 MB |
| build | 95 s | 12 s |

![diagram](images/diagram.png){: .align-center}

## Math and quotes

> Measure first, then optimise.

Euler: $e^{i\\pi} + 1 = 0$ and

$$\\sum_{k=1}^n k = \\frac{n(n+1)}{2}$$

{% include video id="abc" provider="youtube" %}

[Read the docs](https://docs.docker.com/){: .btn .btn--primary}
"""


def fallback_render(text: str, site=None, post_path=None):
    import markdown

    md = markdown.Markdown(
        extensions=["extra", "toc", "codehilite", "attr_list"],
        extension_configs={"codehilite": {"css_class": "highlight"}},
    )
    body = md.convert(text)
    body = re.sub(r"\{: *\.([\w-]+) *\}", "", body)
    line = iter(range(1, 10_000, 3))
    body = re.sub(
        r"^<(h\d|p|div|table|blockquote)",
        lambda m: f'<{m.group(1)} data-line="{next(line)}"',
        body,
        flags=re.M,
    )
    headings = [
        (int(h[1]), i, t)
        for h, i, t in re.findall(r'<(h\d)[^>]*id="([^"]+)"[^>]*>(.*?)</h\d>', body)
    ]
    # The fields of a RenderResult (which cannot be imported here).
    return SimpleNamespace(html=body, headings=headings, toc_html="", title="", warnings=[],
                           front_matter={}, images=[], blocks=(), tail="", version=None,
                           patch=None)


def render_sample(site_root: Path):
    try:
        from tileditor.core.render import render
    except ImportError:
        return fallback_render(SAMPLE)
    return render(SAMPLE, site=None, post_path=site_root / "_posts" / "2025-04-22-sample.md")


def render_post(post: Path):
    """(site root, result, page meta) for a real post of a Jekyll repo."""
    from tileditor.core.frontmatter import read_header_values
    from tileditor.core.page import page_meta
    from tileditor.core.render import render
    from tileditor.core.site import JekyllSite

    site = JekyllSite.find(post)
    text = post.read_text(encoding="utf-8")
    result = render(text, site=site, post_path=post)
    meta = page_meta(read_header_values(text), result.html, site=site, post_path=post)
    return Path(site.root) if site else post.parent, result, meta.as_dict()


def write_sample_image(site_root: Path) -> None:
    from PySide6.QtGui import QColor, QImage, QPainter

    img = QImage(480, 160, QImage.Format.Format_RGB32)
    img.fill(QColor("#dfe9ef"))
    p = QPainter(img)
    p.setPen(QColor("#2f7d95"))
    p.drawText(img.rect(), 0x84, "context  ->  daemon  ->  layers")
    p.end()
    (site_root / "images").mkdir(parents=True, exist_ok=True)
    img.save(str(site_root / "images" / "diagram.png"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--x11", action="store_true", help="real window (run under xvfb-run)")
    ap.add_argument("--width", type=int, default=1100)
    ap.add_argument("--height", type=int, default=1400)
    ap.add_argument("--post", type=Path, help="a post inside a Jekyll repo instead of the sample")
    args = ap.parse_args()

    from tileditor.qtenv import prepare_qt_environment

    prepare_qt_environment(offscreen=not args.x11)
    import PySide6.QtWebEngineWidgets  # noqa: F401  (before the QApplication)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from tileditor.ui.preview_pane import PreviewPane

    app = QApplication(sys.argv[:1])
    import tempfile

    if args.post:
        site_root, result, meta = render_post(args.post.resolve())
    else:
        site_root = Path(tempfile.mkdtemp(prefix="tileditor-shot-"))
        write_sample_image(site_root)
        result = render_sample(site_root)
        meta = {
            "title": "TIL :: Docker build context",
            "date": "2025-04-22",
            "tags": ["Docker", "TIL_25"],
            "categories": ["DevOps"],
            "reading_time": "2 minute read",
            "toc": True,
            "toc_label": "On this page",
        }
    pane = PreviewPane(repo_root=site_root)
    pane.resize(args.width, args.height)
    pane.show()

    def grab() -> None:
        pane.grab().save(str(args.out))
        print(f"saved {args.out}")
        app.quit()

    pane.rendered.connect(lambda: QTimer.singleShot(1500, grab))
    pane.show_result(result, meta)
    QTimer.singleShot(30_000, app.quit)
    app.exec()
    return 0 if args.out.exists() else 1


if __name__ == "__main__":
    sys.exit(main())
